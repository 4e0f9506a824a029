"""Load benchmark of the HTTP API: a synthetic chronicle, a server process, concurrent clients.

``build_chronicle(path, events)`` fills an SQLite chronicle with synthetic but plausible rows
(documents, sentences, entity and place mentions, event mentions with actors and targets,
claims) by bulk inserts; ``run_api_benchmark`` starts ``uvicorn`` on it in a subprocess and
fires requests at the main queries from concurrent client processes (one keep-alive connection
each), reporting p50/p95/max per query.
"""

from __future__ import annotations

import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TYPES = [
    ("battles", "armed_clash", 30), ("explosions_remote_violence", "air_drone_strike", 20),
    ("explosions_remote_violence", "shelling_artillery_missile_attack", 10),
    ("violence_against_civilians", "attack", 20), ("protests", "peaceful_protest", 8),
    ("riots", "violent_demonstration", 4), ("strategic_developments", "arrests", 8),
]
COUNTRIES = [
    ("AF", 34.5, 69.2, ["Kabul", "Kandahar", "Herat", "Kunduz"]), ("SY", 33.5, 36.3, ["Damascus", "Aleppo", "Idlib"]),
    ("IQ", 33.3, 44.4, ["Baghdad", "Mosul", "Basra"]), ("YE", 15.4, 44.2, ["Sanaa", "Aden", "Taiz"]),
    ("UA", 50.4, 30.5, ["Kyiv", "Kharkiv", "Bakhmut", "Odesa"]), ("SD", 15.6, 32.5, ["Khartoum", "Omdurman"]),
    ("NG", 9.1, 7.5, ["Abuja", "Maiduguri", "Kano"]), ("ML", 12.6, -8.0, ["Bamako", "Gao", "Timbuktu"]),
    ("SO", 2.0, 45.3, ["Mogadishu", "Kismayo"]), ("MX", 19.4, -99.1, ["Mexico City", "Culiacan"]),
    ("NL", 52.4, 4.9, ["Amsterdam", "Rotterdam", "Arnhem"]), ("PS", 31.5, 34.5, ["Gaza", "Rafah", "Jenin"]),
    ("CO", 4.7, -74.1, ["Bogota", "Cali"]), ("MM", 19.8, 96.1, ["Naypyidaw", "Yangon", "Mandalay"]),
]
ACTORS = [
    ("Taliban", "rebel_group"), ("Islamic State", "rebel_group"), ("Al Shabaab", "rebel_group"),
    ("Boko Haram", "rebel_group"), ("Houthis", "rebel_group"), ("Hamas", "rebel_group"),
    ("Rapid Support Forces", "rebel_group"), ("Military Forces of Ukraine", "state_forces"),
    ("Military Forces of Russia", "state_forces"), ("Military Forces of Sudan", "state_forces"),
    ("Military Forces of Syria", "state_forces"), ("Military Forces of Nigeria", "state_forces"),
    ("Police Forces of Mexico", "state_forces"), ("Sinaloa Cartel", "political_militia"),
    ("Wagner Group", "external_other_forces"), ("United Nations", "external_other_forces"),
    ("NATO", "external_other_forces"), ("Protesters", "protesters"), ("Civilians", "civilians"),
]
TARGETS = ["civilians", "soldiers", "police officers", "journalists", "aid workers"]
WORDS = ["aanslag", "attack", "bomb", "village", "convoy", "checkpoint", "market", "school", "hospital", "fighters", "army", "police"]
SEED = 20261126


@dataclass(slots=True)
class QueryFigures:
    """Latencies (ms) of one kind of request."""

    name: str
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0

    def summary(self) -> dict[str, Any]:
        values = sorted(self.latencies_ms) or [0.0]
        return {
            "requests": len(self.latencies_ms),
            "errors": self.errors,
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(_percentile(values, 0.95), 1),
            "max_ms": round(values[-1], 1),
        }


@dataclass(slots=True)
class ApiBenchResult:
    """Figures of one benchmark run."""

    db: str
    event_mentions: int
    clients: int
    seconds: float
    queries: dict[str, QueryFigures]
    workers: int = 1

    def to_json(self) -> dict[str, Any]:
        every = [ms for q in self.queries.values() for ms in q.latencies_ms]
        overall = QueryFigures("overall", every, sum(q.errors for q in self.queries.values())).summary()
        return {
            "db": self.db,
            "event_mentions": self.event_mentions,
            "clients": self.clients,
            "workers": self.workers,
            "seconds": round(self.seconds, 2),
            "requests_per_second": round(len(every) / self.seconds, 1) if self.seconds else 0.0,
            "overall": overall,
            "queries": {name: q.summary() for name, q in self.queries.items()},
        }


def _percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


# --- the synthetic chronicle ----------------------------------------------------------------------


def build_chronicle(path: Path, events: int = 100_000, events_per_document: int = 5) -> int:
    """Create (or reuse) an SQLite chronicle with ``events`` synthetic event mentions; returns their number."""
    from ..store import Chronicle

    Chronicle.open(path).close()  # the schema, at the newest revision
    with sqlite3.connect(path) as conn:
        have = conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
        if have >= events:
            return int(have)
        conn.execute("PRAGMA synchronous=OFF")
        for table in ("claims", "event_arguments", "event_mentions", "mentions", "sentences", "documents"):
            conn.execute(f"DELETE FROM {table}")
        _fill(conn, random.Random(SEED), (events + events_per_document - 1) // events_per_document, events_per_document)
        conn.execute("ANALYZE")
        return int(conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0])


def _fill(conn: sqlite3.Connection, rng: random.Random, documents: int, per_document: int) -> None:
    rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in ("d", "s", "m", "e", "a", "c")}
    start = date(2015, 1, 1)
    for seq in range(1, documents + 1):
        _document(rows, rng, seq, start + timedelta(days=rng.randrange(3650)), per_document)
        if seq % 2000 == 0 or seq == documents:
            _flush(conn, rows)


def _document(rows: dict[str, list[tuple[Any, ...]]], rng: random.Random, seq: int, published: date, n: int) -> None:
    doc_id = f"sha256:{seq:032x}"
    code, lat, lon, towns = rng.choice(COUNTRIES)
    sentences = [_sentence(rng, towns) for _ in range(n)]
    text, offsets = "", []
    for sentence in sentences:
        offsets.append((len(text), len(text) + len(sentence)))
        text += sentence + " "
    title = f"{rng.choice(WORDS).capitalize()} in {rng.choice(towns)}: {rng.randrange(2, 60)} dead"
    now = "2026-01-01 00:00:00.000000"
    rows["d"].append((doc_id, seq, None, doc_id, rng.choice(("en", "nl")), title, published.isoformat(),
                      rng.choice(("Wikinews", "NOS", "Reuters", "AP")), text, now, now, "[]", "bench", "x"))
    for i, (s_start, s_end) in enumerate(offsets):
        rows["s"].append((doc_id, i, s_start, s_end, None))
        _event(rows, rng, doc_id, i, (s_start, s_end), (code, lat, lon, towns), published)
        _claim(rows, rng, doc_id, i, (code, lat, lon, towns), published)


def _sentence(rng: random.Random, towns: list[str]) -> str:
    return (f"In {rng.choice(towns)} {rng.choice(WORDS)} {rng.choice(WORDS)} killed at least "
            f"{rng.randrange(1, 40)} people, {rng.choice(ACTORS)[0]} said.")


def _time(rng: random.Random, published: date) -> tuple[str | None, str | None]:
    day = published - timedelta(days=rng.randrange(4))
    roll = rng.random()
    if roll < 0.6:
        return day.isoformat(), "day"
    if roll < 0.7:
        return f"{day.isocalendar().year}-W{day.isocalendar().week:02d}", "week"
    if roll < 0.8:
        return day.isoformat()[:7], "month"
    if roll < 0.85:
        return day.isoformat()[:4], "year"
    return None, None


def _event(rows: dict[str, list[tuple[Any, ...]]], rng: random.Random, doc_id: str, i: int,
           span: tuple[int, int], country: tuple[Any, ...], published: date) -> None:
    code, lat, lon, towns = country
    kind, subtype, _ = rng.choices(TYPES, weights=[t[2] for t in TYPES])[0]
    town = rng.choice(towns)
    key = f"{doc_id}#{i}"
    time_value, precision = _time(rng, published)
    dead = rng.randrange(0, 50) if rng.random() < 0.6 else None
    place = (town, code, lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2), 100000 + towns.index(town), "city", 1, None)
    quantity = (float(dead), None, None, "exact") if dead is not None else (None, None, None, None)
    rows["e"].append((key, doc_id, i, f"e{i}", i, span[0] + 3, span[0] + 9, "killed", kind, subtype,
                      rng.choice(("asserted", "reported", "reported", "attempted")), *place,
                      time_value, precision, None, None, *quantity, None, None, None, None, None, "bench.v1",
                      _day(time_value, precision, published)))
    actors = rng.sample(ACTORS, rng.choice((1, 1, 2)))
    args = [("actor", a[0]) for a in actors] + [("target", rng.choice(TARGETS))]
    for j, (role, value) in enumerate(args):
        rows["a"].append((key, j, doc_id, role, value, None, None, "bench.v1"))
    for j, (name, actor_type) in enumerate(actors):
        rows["m"].append((doc_id, "entity", i * 3 + j, span[0], span[0] + 5, name, "bench.v1", f"a{j}", "ORG",
                          name, actor_type, None, *(None,) * 8))
    rows["m"].append((doc_id, "place", i, span[0] + 3, span[0] + 3 + len(town), town, "bench.v1", None, None,
                      None, None, None, *place))


def _claim(rows: dict[str, list[tuple[Any, ...]]], rng: random.Random, doc_id: str, i: int,
           country: tuple[Any, ...], published: date) -> None:
    if rng.random() > 0.5:
        return
    code, lat, lon, towns = country
    time_value, precision = _time(rng, published)
    places = json.dumps([{"name": rng.choice(towns), "country_code": code, "lat": lat, "lon": lon,
                          "geonames_id": None, "kind": "city", "precision": 1, "supplement_id": None}])
    value = float(rng.randrange(1, 5000))
    rows["c"].append((f"{doc_id}#{i}", doc_id, i, f"c{i}", i, rng.choice(("people", "civilians", "refugees")),
                      value, None, None, "exact", rng.choice((None, "the UN", "officials")), rng.random() < 0.3,
                      time_value, precision, None, None, places, 0, 4, "1234", "[]", "bench.v1",
                      _day(time_value, precision, published)))


def _day(time_value: str | None, precision: str | None, published: date) -> str | None:
    from ..document import TimeValue
    from ..store.rows import day_of

    return day_of(TimeValue(time_value, precision) if precision else None, published)  # type: ignore[arg-type]


_INSERTS = {
    "d": "INSERT INTO documents (id, seq, url, content_hash, lang, title, published, source, text, ingested_at, "
         "updated_at, pipeline, origin, fingerprint) VALUES (" + ",".join("?" * 14) + ")",
    "s": 'INSERT INTO sentences (document_id, idx, start, "end", text) VALUES (?,?,?,?,?)',
    "m": 'INSERT INTO mentions (document_id, kind, idx, start, "end", text, stage, entity_id, label, canonical, '
         "actor_type, affiliation, place_name, country_code, lat, lon, geonames_id, place_kind, place_precision, "
         "place_supplement_id) VALUES (" + ",".join("?" * 20) + ")",
    "e": 'INSERT INTO event_mentions (id, document_id, idx, local_id, sentence, trigger_start, trigger_end, '
         "trigger_text, type, subtype, modality, place_name, country_code, lat, lon, geonames_id, place_kind, "
         "place_precision, place_supplement_id, time_value, time_precision, time_from, time_to, fatalities_value, "
         "fatalities_low, fatalities_high, fatalities_qualifier, injured_value, injured_low, injured_high, "
         "injured_qualifier, event_id, stage, day) VALUES (" + ",".join("?" * 34) + ")",
    "a": 'INSERT INTO event_arguments (event_mention_id, idx, document_id, role, value, start, "end", stage) '
         "VALUES (?,?,?,?,?,?,?,?)",
    "c": 'INSERT INTO claims (id, document_id, idx, local_id, sentence, what, value, low, high, qualifier, source, '
         "hedged, time_value, time_precision, time_from, time_to, places, span_start, span_end, span_text, "
         "related, stage, day) VALUES (" + ",".join("?" * 23) + ")",
}


def _flush(conn: sqlite3.Connection, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    for key in ("d", "s", "m", "e", "a", "c"):
        conn.executemany(_INSERTS[key], rows[key])
        rows[key].clear()


# --- the load -------------------------------------------------------------------------------------


def _requests(rng: random.Random, doc_ids: list[str]) -> dict[str, Callable[[], str]]:
    """Per query name, a maker of a random request path."""
    def bbox() -> str:
        _, lat, lon, _ = rng.choice(COUNTRIES)
        return f"/api/events?bbox={lon - 3},{lat - 3},{lon + 3},{lat + 3}"

    def dates() -> str:
        start = date(2015, 1, 1) + timedelta(days=rng.randrange(3500))
        return f"/api/events?date_from={start}&date_to={start + timedelta(days=90)}"

    return {
        "events": lambda: f"/api/events?offset={rng.randrange(0, 500)}",
        "events by type": lambda: f"/api/events?type={rng.choice(TYPES)[0]}",
        "events by country": lambda: f"/api/events?country={rng.choice(COUNTRIES)[0]}",
        "events by bbox": bbox,
        "events by date range": dates,
        "events by actor": lambda: f"/api/events?actor={rng.choice(ACTORS)[0]}",
        "events sorted by fatalities": lambda: "/api/events?sort=-fatalities",
        "timeline": lambda: f"/api/events/timeline?country={rng.choice(COUNTRIES)[0]}",
        "timeline (all)": lambda: "/api/events/timeline",
        "documents search": lambda: f"/api/documents?q={rng.choice(COUNTRIES)[3][0]}",
        "document": lambda: "/api/documents/" + rng.choice(doc_ids).replace("#", "%23"),
        "claims": lambda: f"/api/claims?what={rng.choice(('people', 'refugees'))}",
        "actors": lambda: "/api/actors",
        "places": lambda: "/api/places",
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """``uvicorn`` serving ``db`` read-only on 127.0.0.1:``port`` in a subprocess."""
    env = dict(os.environ, KRONIEK_DB=str(db))
    env.pop("KRONIEK_API__TOKEN", None)
    command = [sys.executable, "-m", "uvicorn", "kroniek.api.app:app_from_settings", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning",
               "--no-access-log"]
    return subprocess.Popen(command, env=env)


def wait_until_up(base: str, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the API server did not start at {base}")


def fire(base: str, doc_ids: list[str], clients: int, per_query: int) -> tuple[dict[str, QueryFigures], float]:
    """``per_query`` requests of every kind, shuffled, from ``clients`` concurrent client processes.

    Each client is its own process with one keep-alive connection (``http.client``), like one
    browser: it takes the next request from a shared queue, times it from sending to the last
    byte of the answer, and goes on. (Threads in one process would time each other's work:
    the interpreter lock makes a finished answer wait until the thread gets its turn.)
    """
    import multiprocessing

    rng = random.Random(SEED)
    makers = _requests(rng, doc_ids)
    work = [(name, make()) for name, make in makers.items() for _ in range(per_query)]
    rng.shuffle(work)
    figures = {name: QueryFigures(name) for name in makers}
    for path in ("/api/health", "/api/events", "/api/actors"):
        _get_once(base, path)  # warm up
    context = multiprocessing.get_context("spawn")
    todo, done, ready = context.Queue(), context.Queue(), context.Barrier(clients + 1)
    for item in work:
        todo.put(item)
    for _ in range(clients):
        todo.put(None)
    workers = [context.Process(target=_client, args=(base, todo, done, ready), daemon=True) for _ in range(clients)]
    for worker in workers:
        worker.start()
    ready.wait(timeout=120)
    began = time.perf_counter()
    for _ in range(clients):
        for name, elapsed, status in done.get(timeout=600):
            figures[name].latencies_ms.append(elapsed)
            figures[name].errors += status != 200
    seconds = time.perf_counter() - began
    for worker in workers:
        worker.join(timeout=30)
    return figures, seconds


def _connection(base: str) -> Any:
    from http.client import HTTPConnection
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    return HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=60)


def _get(conn: Any, path: str) -> int:
    from urllib.parse import quote

    conn.request("GET", quote(path, safe="/?=&,%:+-"))
    response = conn.getresponse()
    response.read()
    return int(response.status)


def _get_once(base: str, path: str) -> int:
    conn = _connection(base)
    try:
        return _get(conn, path)
    finally:
        conn.close()


def _client(base: str, todo: Any, done: Any, ready: Any) -> None:
    """One client process: requests from ``todo`` one after the other; (name, ms, status) rows to ``done``."""
    conn = _connection(base)
    rows: list[tuple[str, float, int]] = []
    ready.wait(timeout=120)
    while (item := todo.get()) is not None:
        started = time.perf_counter()
        try:
            status = _get(conn, item[1])
        except OSError:
            conn.close()
            conn, status = _connection(base), 0
        rows.append((item[0], (time.perf_counter() - started) * 1000, status))
    conn.close()
    done.put(rows)


def _document_ids(db: Path, n: int = 200) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY random() LIMIT ?", (n,))]


def run_api_benchmark(db: Path, events: int = 100_000, clients: int = 8, per_query: int = 50,
                      workers: int = 1) -> ApiBenchResult:
    """Build (or reuse) the synthetic chronicle, serve it, load it; the figures."""
    count = build_chronicle(db, events)
    port = _free_port()
    server = start_server(db, port, workers)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        figures, seconds = fire(base, _document_ids(db), clients, per_query)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return ApiBenchResult(str(db), count, clients, seconds, figures, workers)
