"""A live API server on localhost over a small chronicle built by the real pipeline (once per session)."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from kroniek.ingest import record_to_document
from kroniek.samples import sample_paths
from kroniek.store import Chronicle

SCRIPT_TITLE = "Aanslag <script>alert('x')</script> in Kabul"
SCRIPT_TEXT = (
    "Bij een aanslag in Kabul zijn gisteren zeker vijf mensen gedood. <script>alert('x')</script> "
    "De Taliban eisten de aanslag op."
)
TOKEN = "test-token-123"
PER_FILE = 4


@dataclass(frozen=True, slots=True)
class Live:
    """A running server: its base URL and the chronicle file behind it."""

    base: str
    db: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _articles() -> list[dict]:
    records = []
    for path in sample_paths():
        lines = path.read_text(encoding="utf-8").splitlines()[:PER_FILE]
        records += [json.loads(line) for line in lines]
    records.append({"text": SCRIPT_TEXT, "title": SCRIPT_TITLE, "published": "2020-02-03", "lang": "nl",
                    "url": "https://example.org/script?x=1", "source": "Test <b>bron</b>"})
    return records


@pytest.fixture(scope="session")
def chronicle_file(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    path = tmp_path_factory.mktemp("api") / "kroniek.db"
    with Chronicle.open(path) as chronicle:
        for i, record in enumerate(_articles()):
            doc = pipeline.process(record_to_document(record, f"sample:{i}"))
            chronicle.save(doc, pipeline.stage_names, origin=f"sample:{i}")
    return path


def _serve(app) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield base
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def live(chronicle_file: Path) -> Iterator[Live]:
    """The read-only server (no token)."""
    from kroniek.api import create_app

    for base in _serve(create_app(chronicle_file)):
        yield Live(base, chronicle_file)


@pytest.fixture(scope="session")
def live_with_token(chronicle_file: Path, tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[Live]:
    """A server with POST /api/documents enabled, on its own copy of the chronicle."""
    from kroniek.api.app import create_app
    from kroniek.settings import load_settings

    copy = tmp_path_factory.mktemp("api_token") / "kroniek.db"
    with sqlite3.connect(chronicle_file) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    app = create_app(load_settings(db=str(copy)), token=TOKEN)
    app.state.kroniek._pipeline = pipeline  # reuse the session's pipeline (same settings)
    for base in _serve(app):
        yield Live(base, copy)


@pytest.fixture(scope="session")
def client(live: Live) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.base, timeout=30) as c:
        yield c
