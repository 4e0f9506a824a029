"""Properties of the times stage: it never raises and its spans are always sound."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.document import Document
from kroniek.resources import Resources
from kroniek.times import TimesStage, make_times_stage

PRECISIONS = {"year", "month", "week", "day", "vague"}
VALUE_SHAPES = {"year": 4, "month": 7, "week": 8, "day": 10}

FRAGMENTS = [
    "12", "31", "2019", "1990", "2014", "'19", "03", "-", "/", ".", ",", "maart", "March", "mei", "May", "mrt.",
    "Dec.", "jl.", "12e", "12th", "of", "the", "de", "het", "maandag", "Tuesday", "dinsdagavond", "night",
    "gisteren", "yesterday", "morgen", "'s", "vorige", "last", "afgelopen", "komende", "next", "week", "weken",
    "weeks", "jaar", "jaren", "years", "maand", "month", "weekend", "geleden", "ago", "twee", "two", "een paar",
    "a few", "al", "for", "sinds", "since", "begin", "eind", "medio", "early", "mid-", "late", "the end of",
    "jaren negentig", "1990s", "zomer", "summer", "van", "tot", "tussen", "en", "and", "onlangs", "recently",
    "İ", "ß", "\n", "  ", "٢٠١٤", "0", "00", "99",
]


@pytest.fixture(scope="module")
def stage() -> TimesStage:
    return make_times_stage(Resources())


def assert_sound(doc: Document) -> None:
    previous_end = 0
    for mention in doc.times:
        assert 0 <= mention.start < mention.end <= len(doc.text)
        assert mention.start >= previous_end, "sorted and non-overlapping"
        assert mention.text == doc.text[mention.start:mention.end]
        assert mention.time.precision in PRECISIONS
        value = mention.time.value
        if value is not None:
            assert mention.time.precision != "vague"
            assert len(value) == VALUE_SHAPES[mention.time.precision], value
        previous_end = mention.end


published_dates = st.none() | st.dates() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), lang=st.sampled_from(["nl", "en", "und"]), published=published_dates)
def test_arbitrary_text(stage, text, lang, published):
    doc = Document(id="p", text=text, lang=lang, published=published)
    stage(doc)
    assert_sound(doc)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(FRAGMENTS), max_size=14),
    separators=st.lists(st.sampled_from([" ", "", ", ", "  ", "\n"]), min_size=14, max_size=14),
    lang=st.sampled_from(["nl", "en"]),
    published=published_dates,
)
def test_time_like_text(stage, words, separators, lang, published):
    text = "".join(word + sep for word, sep in zip(words, separators))
    doc = Document(id="p", text=text, lang=lang, published=published)
    stage(doc)
    assert_sound(doc)
