"""Fixtures for the browser tests: a chronicle of the bundled samples (plus one hostile article)
served by the real `kroniek serve`, and a headless Chromium driven by Playwright."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KRONIEK_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
HOSTILE = {
    "text": (
        "<script>alert(1)</script> Bij een aanslag in Kabul zijn op 5 september 2019 zeker twaalf mensen "
        "om het leven gekomen. <img src=x onerror=alert(2)> De Taliban eisten de aanslag op."
    ),
    "title": "XSS test <script>alert(3)</script>",
    "published": "2019-09-06",
    "url": "https://example.org/kroniek-xss-test",
    "source": "Kroniek test",
    "lang": "nl",
}


def _kroniek() -> list[str]:
    exe = Path(sys.executable).with_name("kroniek")
    return [str(exe)] if exe.exists() else [shutil.which("kroniek") or "kroniek"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")
    return CHROMIUM


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, chromium_path: Path) -> Path:
    """A chronicle of the bundled samples plus one article containing <script> tags."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "kroniek.db"
    command = [*_kroniek(), "ingest", str(REPO / "src" / "kroniek" / "samples"), str(hostile), "--db", str(db), "-q"]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True, timeout=300)
    return db


def _serve_command(db: Path, port: int) -> list[str]:
    return [*_kroniek(), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]


def _wait_for_health(base: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {process.stdout.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2) as response:
                if json.load(response).get("status") == "ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not answer /api/health in time")


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    """Base URL of a live Kroniek server over ``web_db``."""
    port = _free_port()
    process = subprocess.Popen(_serve_command(web_db, port), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium_path), headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: object, server: str) -> Iterator[object]:
    """A fresh page; ``page.kroniek_errors`` collects script errors, ``page.kroniek_dialogs`` dialogs,
    ``page.kroniek_requests`` every URL the page asked for."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.kroniek_errors, tab.kroniek_dialogs, tab.kroniek_requests = [], [], []
    tab.on("pageerror", lambda error: tab.kroniek_errors.append(str(error)))
    tab.on("dialog", lambda dialog: (tab.kroniek_dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("request", lambda request: tab.kroniek_requests.append(request.url))
    tab.set_default_timeout(15000)
    yield tab
    context.close()


@pytest.fixture()
def api(server: str):
    """api("/api/events?type=battles") -> the JSON the live server answers."""

    def get(path: str) -> dict:
        with urllib.request.urlopen(f"{server}{path}", timeout=10) as response:
            return json.load(response)

    return get


@pytest.fixture()
def shoot():
    """shoot(page, "name", full_page=False): save test-artifacts/screenshots/name.png."""

    def save(tab: object, name: str, full_page: bool = False) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=full_page)
        return path

    return save


@pytest.fixture()
def hostile_article() -> dict:
    """The article with <script> in its title and text that the chronicle under test holds."""
    return dict(HOSTILE)
