"""The chronicle store: round trips, identity, idempotence, cascades, failures, search, migrations."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kroniek.document import (
    Claim,
    Document,
    Entity,
    EventMention,
    Place,
    PlaceMention,
    QuantityMention,
    QuantityValue,
    Sentence,
    Span,
    TimeMention,
    TimeValue,
)
from kroniek.errors import InputError, NotFoundError, StageError, StoreError
from kroniek.pipeline import content_id
from kroniek.store import Chronicle, database_url
from kroniek.store.engine import alembic_config, upgrade
from kroniek.store.schema import FTS_TABLE, metadata

PIPELINE = ["clean.v1", "language.v1", "nlp.spacy.v1", "entities.lexicon.v1", "events.lexicon.v1"]
CHILD_TABLES = ("sentences", "mentions", "event_mentions", "event_arguments", "claims")

TEXT = (
    "Bij een aanslag in Bagdad zijn dinsdag zeker 12 doden gevallen. "
    "Volgens de VN zouden ruim 3.000 IS-leden nog actief zijn in Irak."
)


def full_document(doc_id: str = "https://example.org/bagdad", text_: str = TEXT) -> Document:
    """A document with every kind of item, None and non-None values alike."""
    baghdad = Place("Baghdad", "IQ", 33.3406, 44.4009, 98182, "city", 1)
    iraq = Place("Iraq", "IQ", None, None, None, "country", 3)
    tuesday = TimeValue("2024-03-12", "day")
    twelve = QuantityValue(12, "at_least")
    doc = Document(
        id=doc_id,
        text=text_,
        lang="nl",
        title="Aanslag in Bagdad",
        published=date(2024, 3, 13),
        source="NOS",
        url=doc_id if doc_id.startswith("http") else None,
    )
    doc.sentences = [Sentence(0, 64, text_[0:64]), Sentence(65, len(text_), "")]
    doc.entities = [
        Entity(19, 25, "Bagdad", id="e1", label="LOC", canonical="Baghdad", stage="entities.lexicon.v1"),
        Entity(77, 79, "VN", id="e2", label="ORG", canonical=None, stage="entities.lexicon.v1"),
    ]
    doc.places = [
        PlaceMention(19, 25, "Bagdad", baghdad, stage="places.gazetteer.v1"),
        PlaceMention(123, 127, "Irak", iraq, stage="places.gazetteer.v1"),
    ]
    doc.times = [
        TimeMention(31, 38, "dinsdag", tuesday, stage="times.rules.v1"),
        TimeMention(0, 3, "Bij", TimeValue(None, "vague", "2014", None), stage="times.rules.v1"),
    ]
    doc.quantities = [
        QuantityMention(39, 53, "zeker 12 doden", twelve, "doden", Span(48, 53, "doden"), stage="quantities.rules.v1"),
        QuantityMention(
            88,
            98,
            "ruim 3.000",
            QuantityValue(3000.0, "more_than", 3000.5, None),
            "IS-leden",
            None,
            stage="quantities.rules.v1",
        ),
    ]
    doc.events = [
        EventMention(
            "ev1",
            "explosions_remote_violence",
            "suicide_bomb",
            0,
            Span(8, 15, "aanslag"),
            "asserted",
            ["Islamic State"],
            ["civilians", "police"],
            baghdad,
            tuesday,
            twelve,
            QuantityValue(None, "vague"),
            stage="events.lexicon.v1",
        ),
        EventMention(
            "ev2", "battles", "armed_clash", 1, Span(99, 107, "IS-leden"), "reported", stage="events.lexicon.v2"
        ),
    ]
    doc.claims = [
        Claim(
            "c1",
            "doden",
            twelve,
            0,
            Span(39, 47, "zeker 12"),
            [baghdad],
            tuesday,
            None,
            False,
            [],
            stage="claims.rules.v1",
        ),
        Claim(
            "c2",
            "IS-leden",
            QuantityValue(3000, "more_than"),
            1,
            None,
            [iraq, baghdad],
            None,
            "de VN",
            True,
            ["c1"],
            stage="claims.rules.v1",
        ),
    ]
    return doc


def plain_document(text_: str, url: str | None = None, **fields) -> Document:
    return Document(id=url or content_id(text_), text=text_, url=url, lang=fields.pop("lang", "en"), **fields)


@pytest.fixture
def chronicle(tmp_path: Path):
    with Chronicle.open(tmp_path / "chronicle.db") as store:
        yield store


def table_counts(store: Chronicle) -> dict[str, int]:
    with store._engine.connect() as conn:
        names = ("documents", "events", "failures", *CHILD_TABLES)
        return {name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one() for name in names}


# --- round trips -------------------------------------------------------------------------


def test_full_document_round_trip(chronicle: Chronicle) -> None:
    doc = full_document()
    result = chronicle.save(doc, PIPELINE, origin="tests/bagdad.html")
    assert (result.id, result.status) == (doc.id, "created")
    loaded = chronicle.load(doc.id)
    assert loaded == doc
    assert loaded.to_contract() == doc.to_contract()
    assert [e.stage for e in loaded.events] == ["events.lexicon.v1", "events.lexicon.v2"]


def test_load_by_url_and_missing_document(chronicle: Chronicle) -> None:
    doc = replace(full_document(), id="sha256:abc")
    chronicle.save(doc, PIPELINE, "o")
    assert chronicle.load(doc.url).id == "sha256:abc"
    with pytest.raises(NotFoundError, match="no document"):
        chronicle.load("https://example.org/nothing")


def test_stats_count_everything(chronicle: Chronicle) -> None:
    chronicle.save(full_document(), PIPELINE, "a")
    chronicle.save(plain_document("An English text."), PIPELINE, "b")
    chronicle.record_failure("bad.pdf", InputError("binary input"))
    stats = chronicle.stats()
    assert stats.documents == {"nl": 1, "en": 1}
    assert (stats.sentences, stats.entities, stats.places, stats.times, stats.quantities) == (2, 2, 2, 2, 2)
    assert stats.event_mentions == 2
    assert stats.events == {"explosions_remote_violence": 1, "battles": 1}
    assert (stats.claims, stats.failures) == (2, 1)


# --- idempotence and identity ------------------------------------------------------------


def test_resave_identical_is_unchanged(chronicle: Chronicle) -> None:
    doc = full_document()
    chronicle.save(doc, PIPELINE, "a")
    before = table_counts(chronicle)
    updated_at = chronicle.documents()[0].updated_at
    assert chronicle.save(full_document(), PIPELINE, "a").status == "unchanged"
    assert table_counts(chronicle) == before
    assert chronicle.documents()[0].updated_at == updated_at


def test_resave_changed_replaces_rows(chronicle: Chronicle) -> None:
    doc = full_document()
    chronicle.save(doc, PIPELINE, "a")
    before = table_counts(chronicle)
    first = chronicle.documents()[0]
    doc.entities[0].canonical = "Bagdad (stad)"
    assert chronicle.save(doc, PIPELINE, "a").status == "updated"
    assert table_counts(chronicle) == before
    assert chronicle.load(doc.id).entities[0].canonical == "Bagdad (stad)"
    again = chronicle.documents()[0]
    assert again.ingested_at == first.ingested_at and again.updated_at >= first.updated_at


def test_new_pipeline_or_metadata_updates(chronicle: Chronicle) -> None:
    doc = full_document()
    chronicle.save(doc, PIPELINE, "a")
    assert chronicle.save(doc, [*PIPELINE, "claims.rules.v2"], "a").status == "updated"
    assert chronicle.save(replace(doc, title="Nieuwe titel"), [*PIPELINE, "claims.rules.v2"], "a").status == "updated"
    assert chronicle.documents()[0].pipeline == [*PIPELINE, "claims.rules.v2"]
    assert table_counts(chronicle)["documents"] == 1


def test_stage_version_change_updates(chronicle: Chronicle) -> None:
    doc = full_document()
    chronicle.save(doc, PIPELINE, "a")
    doc.times[0].stage = "times.rules.v2"
    assert chronicle.save(doc, PIPELINE, "a").status == "updated"
    assert chronicle.load(doc.id).times[0].stage == "times.rules.v2"


def test_url_identity_wins_over_text(chronicle: Chronicle) -> None:
    url = "https://example.org/a"
    chronicle.save(plain_document("First version.", url), PIPELINE, "a")
    result = chronicle.save(plain_document("Corrected version.", url), PIPELINE, "a")
    assert (result.id, result.status) == (url, "updated")
    assert chronicle.load(url).text == "Corrected version."
    other = chronicle.save(plain_document("Corrected version.", "https://mirror.example/a"), PIPELINE, "b")
    assert other.status == "created"
    assert table_counts(chronicle)["documents"] == 2


def test_hash_identity_without_url(chronicle: Chronicle) -> None:
    assert chronicle.save(plain_document("Same text."), PIPELINE, "a.txt").status == "created"
    assert chronicle.save(plain_document("Same text."), PIPELINE, "copy.txt").status == "unchanged"
    assert chronicle.save(plain_document("Other text."), PIPELINE, "b.txt").status == "created"
    assert [d.id for d in chronicle.documents()] == [content_id("Same text."), content_id("Other text.")]


def test_same_url_under_a_new_id_replaces_the_old_row(chronicle: Chronicle) -> None:
    url = "https://example.org/b"
    old = replace(plain_document("Text.", url), id=content_id("Text."))
    chronicle.save(old, PIPELINE, "a")
    first = chronicle.documents()[0]
    result = chronicle.save(plain_document("Text.", url), PIPELINE, "a")
    assert (result.id, result.status) == (url, "updated")
    [summary] = chronicle.documents()
    assert summary.id == url and summary.ingested_at == first.ingested_at


def test_save_many_is_one_transaction(chronicle: Chronicle) -> None:
    docs = [plain_document(f"Text number {i}.") for i in range(5)]
    results = chronicle.save_many([(d, f"{i}.txt") for i, d in enumerate(docs)], PIPELINE)
    assert [r.status for r in results] == ["created"] * 5
    assert [r.status for r in chronicle.save_many(docs, PIPELINE)] == ["unchanged"] * 5
    broken = Document(id="broken", text="Broken \ud800 text.")
    with pytest.raises(StoreError, match="Unicode"):
        chronicle.save_many([plain_document("New one."), broken], PIPELINE)
    assert table_counts(chronicle)["documents"] == 5


# --- deletion ------------------------------------------------------------------------------


def test_children_cascade_with_their_document(chronicle: Chronicle) -> None:
    chronicle.save(full_document(), PIPELINE, "a")
    keep = full_document("https://example.org/other")
    chronicle.save(keep, PIPELINE, "b")
    with chronicle._engine.begin() as conn:
        conn.execute(text("DELETE FROM documents WHERE id = 'https://example.org/bagdad'"))
    counts = table_counts(chronicle)
    assert counts["documents"] == 1
    assert counts["sentences"] == 2 and counts["mentions"] == 8 and counts["claims"] == 2
    assert counts["event_mentions"] == 2 and counts["event_arguments"] == 6
    assert chronicle.load(keep.id) == keep


def test_delete_removes_document_and_its_events(chronicle: Chronicle) -> None:
    doc = full_document()
    chronicle.save(doc, PIPELINE, "a")
    assert chronicle.delete(doc.id) is True
    assert chronicle.delete(doc.id) is False
    assert all(count == 0 for count in table_counts(chronicle).values())
    assert doc.id not in chronicle


def test_resave_leaves_no_orphan_events(chronicle: Chronicle) -> None:
    doc = full_document()
    chronicle.save(doc, PIPELINE, "a")
    doc.events.pop()
    chronicle.save(doc, PIPELINE, "a")
    counts = table_counts(chronicle)
    assert counts["events"] == counts["event_mentions"] == 1


# --- failures ------------------------------------------------------------------------------


def test_failures_are_upserted_per_origin_and_code(chronicle: Chronicle) -> None:
    chronicle.record_failure("bad.pdf", InputError("binary input"))
    chronicle.record_failure("bad.pdf", InputError("still binary"))
    chronicle.record_failure("bad.pdf", StageError("stage x failed"))
    chronicle.record_failure("other.txt", InputError("empty"))
    failures = {(f.origin, f.code): f for f in chronicle.failures()}
    assert len(failures) == 3
    repeated = failures[("bad.pdf", "input_error")]
    assert (repeated.count, repeated.message) == (2, "still binary")
    assert repeated.first_seen <= repeated.last_seen
    assert failures[("bad.pdf", "stage_error")].count == 1
    assert chronicle.stats().failures == 3


# --- search --------------------------------------------------------------------------------


def _search_ids(store: Chronicle, query: str) -> list[str]:
    return [summary.id for summary in store.search(query, limit=10)]


def _fts_ok(store: Chronicle) -> None:
    with store._engine.begin() as conn:
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"))


def test_full_text_search(chronicle: Chronicle) -> None:
    assert chronicle._full_text
    bagdad = full_document()
    chronicle.save(bagdad, PIPELINE, "a")
    chronicle.save(plain_document("Protests in Kabul over fuel prices.", title="Kabul protest"), PIPELINE, "b")
    assert _search_ids(chronicle, "bagdad") == [bagdad.id]
    assert _search_ids(chronicle, "AANSLAG Bagdad") == [bagdad.id]
    assert _search_ids(chronicle, "IS-leden") == [bagdad.id]
    assert len(_search_ids(chronicle, "kabul")) == 1
    assert _search_ids(chronicle, "kabul bagdad") == []
    for odd in ('"', "AND", "*", "NEAR(", "-", "col:umn", "ünïcödé"):
        chronicle.search(odd)
    assert chronicle.search("   ") == []
    _fts_ok(chronicle)


def test_search_follows_updates_and_deletes(chronicle: Chronicle) -> None:
    url = "https://example.org/c"
    chronicle.save(plain_document("Shelling in Donetsk.", url), PIPELINE, "a")
    chronicle.save(plain_document("Shelling in Kharkiv.", url), PIPELINE, "a")
    assert _search_ids(chronicle, "donetsk") == []
    assert _search_ids(chronicle, "kharkiv") == [url]
    with chronicle._engine.begin() as conn:  # direct SQL keeps the index in sync too (triggers)
        conn.execute(text("UPDATE documents SET title = 'Zebra crossing' WHERE id = :id"), {"id": url})
    assert _search_ids(chronicle, "zebra kharkiv") == [url]
    _fts_ok(chronicle)
    chronicle.delete(url)
    assert _search_ids(chronicle, "kharkiv") == []
    _fts_ok(chronicle)


def test_like_fallback_search(chronicle: Chronicle) -> None:
    chronicle._full_text = False
    bagdad = full_document()
    chronicle.save(bagdad, PIPELINE, "a")
    chronicle.save(plain_document("100% of 5_000 people.", title="Kabul"), PIPELINE, "b")
    assert _search_ids(chronicle, "BAGDAD aanslag") == [bagdad.id]
    assert len(_search_ids(chronicle, "100%")) == 1
    assert _search_ids(chronicle, "5_0") != _search_ids(chronicle, "5x0")


# --- database, migrations ---------------------------------------------------------------


def test_database_url() -> None:
    assert database_url("kroniek.db") == "sqlite:///kroniek.db"
    assert database_url(Path("/tmp/k.db")) == "sqlite:////tmp/k.db"
    assert database_url(":memory:") == "sqlite://"
    assert database_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_file_database_keeps_data_and_settings(tmp_path: Path) -> None:
    path = tmp_path / "kept.db"
    doc = full_document()
    with Chronicle.open(str(path)) as store:
        store.save(doc, PIPELINE, "a")
    with Chronicle.open(path) as store:
        assert store.load(doc.id) == doc
        assert store.save(doc, PIPELINE, "a").status == "unchanged"
        with store._engine.connect() as conn:
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous")
            }
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 1}


def test_migrated_schema_matches_metadata(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kroniek.store.schema import include_name

    with Chronicle.open(tmp_path / "compare.db") as store, store._engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name, "compare_type": True})
        assert compare_metadata(context, metadata) == []
        tables = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
    assert FTS_TABLE in tables
    assert set(metadata.tables) < tables


def test_open_errors_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Chronicle.open(tmp_path / "missing" / "dir" / "k.db")
    with pytest.raises(StoreError):
        Chronicle.open("nosuchdialect://x")
    path = tmp_path / "future.db"
    Chronicle.open(path).close()
    with create_engine(f"sqlite:///{path}").begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="migrate"):
        Chronicle.open(path)


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "down.db"
    with Chronicle.open(path) as store:
        store.save(full_document(), PIPELINE, "a")
        command.downgrade(alembic_config(store._engine), "base")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars().all()
    assert names == ["alembic_version"]
    upgrade(engine)
    with Chronicle.open(path) as store:
        assert store.stats().documents == {}


POSTGRES_URL = os.environ.get("KRONIEK_TEST_POSTGRES_URL")
needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="KRONIEK_TEST_POSTGRES_URL not set")


@pytest.fixture
def postgres():
    """A chronicle on an empty PostgreSQL database (everything dropped by downgrading to base first)."""
    from alembic import command

    with Chronicle.open(POSTGRES_URL) as store:
        command.downgrade(alembic_config(store._engine), "base")
    with Chronicle.open(POSTGRES_URL) as store:
        yield store


@needs_postgres
def test_postgresql_schema_matches_metadata(postgres: Chronicle) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    assert postgres.dialect == "postgresql" and not postgres._full_text
    with postgres._engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


@needs_postgres
def test_postgresql_behaves_like_sqlite(postgres: Chronicle) -> None:
    doc = full_document()
    assert postgres.save(doc, PIPELINE, "pg").status == "created"
    assert postgres.load(doc.id) == doc
    assert postgres.save(doc, PIPELINE, "pg").status == "unchanged"
    doc.entities.pop()
    assert postgres.save(doc, PIPELINE, "pg").status == "updated"
    assert postgres.save(plain_document("100% in Kabul.", title="Kabul"), PIPELINE, "b").status == "created"
    assert _search_ids(postgres, "BAGDAD aanslag") == [doc.id]
    assert len(_search_ids(postgres, "100%")) == 1
    postgres.record_failure("bad.pdf", InputError("binary"))
    postgres.record_failure("bad.pdf", InputError("binary"))
    assert [f.count for f in postgres.failures()] == [2]
    assert postgres.stats().entities == 1
    with postgres._engine.begin() as conn:
        conn.execute(text("DELETE FROM documents WHERE id = :id"), {"id": doc.id})
    counts = table_counts(postgres)
    assert counts["documents"] == 1 and all(counts[name] == 0 for name in CHILD_TABLES)


def test_upgrading_to_0003_files_stored_events_and_claims_under_their_day(tmp_path: Path) -> None:
    """Migration 0003 adds the ``day`` column and fills it for the rows already stored, as saving does."""
    from alembic import command

    from kroniek.store.rows import day_of

    doc = full_document()
    path = tmp_path / "old.db"
    with Chronicle.open(path) as store:
        store.save(doc, PIPELINE, "a")
        command.downgrade(alembic_config(store._engine), "0002")
    upgrade(create_engine(f"sqlite:///{path}"))
    with create_engine(f"sqlite:///{path}").connect() as conn:
        events = conn.execute(text("SELECT day FROM event_mentions ORDER BY idx")).scalars().all()
        claims = conn.execute(text("SELECT day FROM claims ORDER BY idx")).scalars().all()
    assert events == [day_of(e.time, doc.published) for e in doc.events]
    assert claims == [day_of(c.time, doc.published) for c in doc.claims]
    assert any(day is not None for day in events + claims)
