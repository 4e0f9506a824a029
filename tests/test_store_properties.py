"""Property tests: any generated Document survives save -> load unchanged, and re-saving is a no-op."""

from __future__ import annotations

import os
import string

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from kroniek.store import Chronicle
from kroniek.store.engine import alembic_config

# Any Unicode except lone surrogates (not encodable) and NUL (PostgreSQL text cannot hold it);
# the clean stage lets neither through.
characters = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
texts = st.text(characters, max_size=40)
maybe_texts = st.none() | texts
offsets = st.integers(min_value=0, max_value=100_000)
floats = st.floats(allow_nan=False, allow_infinity=False)
maybe_floats = st.none() | floats
stages = st.sampled_from(["", "entities.lexicon.v1", "times.rules.v12", "ünï.v1"])
iso_values = st.none() | st.sampled_from(["2024", "2024-03", "2024-03-12", "2024-W11", "-0044-03-15"])


@st.composite
def spans(draw, cls=Span, **extra):
    start = draw(offsets)
    return cls(start, start + draw(st.integers(0, 500)), draw(texts), **extra)


places = st.builds(
    Place,
    name=texts,
    country_code=st.none() | st.text(string.ascii_uppercase, min_size=2, max_size=2),
    lat=maybe_floats,
    lon=maybe_floats,
    geonames_id=st.none() | st.integers(0, 2**31 - 1),
    kind=st.sampled_from(["country", "admin", "city", "locality", "region", "other"]),
    precision=st.none() | st.integers(1, 3),
)
times = st.builds(
    TimeValue,
    value=iso_values,
    precision=st.sampled_from(["year", "month", "week", "day", "vague"]),
    value_from=iso_values,
    value_to=iso_values,
)
quantities = st.builds(
    QuantityValue,
    value=maybe_floats | st.integers(-(10**9), 10**9),
    qualifier=st.sampled_from(["exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague"]),
    low=maybe_floats,
    high=maybe_floats,
)
ids = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=12)


@st.composite
def entities(draw):
    return draw(
        spans(
            Entity,
            id=draw(ids),
            label=draw(st.sampled_from(["PER", "ORG", "LOC", "MISC"])),
            canonical=draw(maybe_texts),
            stage=draw(stages),
        )
    )


@st.composite
def quantity_mentions(draw):
    what_span = draw(st.none() | spans())
    return draw(
        spans(
            QuantityMention, quantity=draw(quantities), what=draw(maybe_texts), what_span=what_span, stage=draw(stages)
        )
    )


events = st.builds(
    EventMention,
    id=ids,
    type=st.sampled_from(["battles", "protests", "riots"]),
    subtype=st.sampled_from(["armed_clash", "other", "peaceful_protest"]),
    sentence=st.integers(0, 1000),
    trigger=spans(),
    modality=st.sampled_from(["asserted", "reported", "negated", "generic"]),
    actors=st.lists(texts, max_size=3),
    targets=st.lists(texts, max_size=3),
    place=st.none() | places,
    time=st.none() | times,
    fatalities=st.none() | quantities,
    injured=st.none() | quantities,
    stage=stages,
)
claims = st.builds(
    Claim,
    id=ids,
    what=texts,
    quantity=quantities,
    sentence=st.integers(0, 1000),
    span=st.none() | spans(),
    places=st.lists(places, max_size=3),
    time=st.none() | times,
    source=maybe_texts,
    hedged=st.booleans(),
    related=st.lists(ids, max_size=3),
    stage=stages,
)


@st.composite
def sentences(draw, text: str):
    """Sentences whose text is the slice of the document (the usual case) or anything else."""
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    if draw(st.booleans()):
        return Sentence(start, end, text[start:end])
    return draw(spans(Sentence))


@st.composite
def documents(draw):
    text = draw(st.text(characters, max_size=300))
    url = draw(st.none() | st.sampled_from(["https://a.example/1", "https://b.example/ü?q=1&x=%20"]))
    doc = Document(
        id=url or draw(st.sampled_from(["sha256:aa", "sha256:bb", "sha256:cc"])),
        text=text,
        lang=draw(st.sampled_from(["nl", "en", "und"])),
        title=draw(maybe_texts),
        published=draw(st.none() | st.dates()),
        source=draw(maybe_texts),
        url=url,
    )
    doc.sentences = draw(st.lists(sentences(text), max_size=4))
    doc.entities = draw(st.lists(entities(), max_size=4))
    doc.places = draw(st.lists(spans(PlaceMention, place=draw(places), stage=draw(stages)), max_size=3))
    doc.times = draw(st.lists(spans(TimeMention, time=draw(times), stage=draw(stages)), max_size=3))
    doc.quantities = draw(st.lists(quantity_mentions(), max_size=3))
    doc.events = draw(st.lists(events, max_size=3))
    doc.claims = draw(st.lists(claims, max_size=3))
    return doc


POSTGRES_URL = os.environ.get("KRONIEK_TEST_POSTGRES_URL")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def chronicle(request, tmp_path_factory):
    """A file SQLite chronicle, and an emptied PostgreSQL one when KRONIEK_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        url = tmp_path_factory.mktemp("store") / "properties.db"
    elif POSTGRES_URL:
        url = POSTGRES_URL
        with Chronicle.open(url) as store:
            command.downgrade(alembic_config(store._engine), "base")
    else:
        pytest.skip("KRONIEK_TEST_POSTGRES_URL not set")
    with Chronicle.open(url) as store:
        yield store


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(doc=documents())
def test_any_document_round_trips(chronicle: Chronicle, doc: Document) -> None:
    pipeline = ["clean.v1", "nlp.spacy.v1"]
    assert chronicle.save(doc, pipeline, "hypothesis").status in ("created", "updated", "unchanged")
    loaded = chronicle.load(doc.id)
    assert loaded == doc
    assert loaded.to_contract() == doc.to_contract()
    before = chronicle.stats()
    assert chronicle.save(loaded, pipeline, "hypothesis").status == "unchanged"
    assert chronicle.stats() == before
    assert sum(before.documents.values()) <= 5  # 2 URLs + 3 hashes: never duplicated
