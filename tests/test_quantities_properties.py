"""Properties of the quantities tagger: it never raises and its spans are always valid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.document import Document
from kroniek.lang import load_language_data
from kroniek.quantities import QuantityTagger, make_quantities_stage, parse_digits, parse_number
from kroniek.resources import Resources

LANGS = ("nl", "en")

# Pieces that reach the number, qualifier, range and exclusion rules far more often than random text.
PIECES = [
    "een", "één", "Eén", "twee", "drieëntwintig", "tweehonderd", "vijfhonderdduizend", "miljoen", "duizend",
    "en", "tot", "tussen", "de", "helft", "derde", "tientallen", "paar", "zeker", "ruim", "naar schatting",
    "zo'n", "ca.", "procent", "%", "€", "$", "US$", "jaar", "geleden", "jarige", "maart", "uur", "doden",
    "mensen", "van", "hen", "a", "one", "hundred", "and", "fifty", "twenty-three", "dozens", "of", "thousands",
    "at least", "more than", "between", "to", "half", "third", "million", "bn", "m", "people", "years", "ago",
    "aged", "2014", "3.000", "2,5", "1,200", "70.000", "12", "0", "007", "1.2.3", "20-30", "3-1", "15.00",
    "10:30", "2019-03-12", "F-16", "G20", "(", ")", ",", ".", "-", "–", "\n", " ", "  ", "'", "’", "à",
    "tal", "tiental", "anderhalf", "quarter", "a few", "several", "or more", "of meer", "Boeing", "Resolutie",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=30).map(" ".join),
)


def _tagger(lang: str) -> QuantityTagger:
    tagger = QuantityTagger.for_language(load_language_data(lang))
    assert tagger is not None
    return tagger


def _check_mentions(text: str, mentions) -> None:
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start : mention.end]
        assert mention.start >= previous_end  # sorted and non-overlapping
        previous_end = mention.end
        quantity = mention.quantity
        assert quantity.qualifier in ("exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague")
        if mention.what_span is not None:
            span = mention.what_span
            assert 0 <= span.start < span.end <= len(text)
            assert span.text == text[span.start : span.end] == mention.what
        else:
            assert mention.what is None
        if quantity.qualifier == "range":
            assert quantity.low is not None and quantity.high is not None and quantity.low < quantity.high


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from(LANGS))
def test_tagger_never_raises_and_spans_are_valid(text, lang):
    _check_mentions(text, _tagger(lang).tag(text))


@settings(max_examples=150, deadline=None)
@given(text=texts, lang=st.sampled_from(LANGS), data=st.data())
def test_blocked_spans_are_never_tagged(text, lang, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    mentions = _tagger(lang).tag(text, [(start, end)])
    _check_mentions(text, mentions)
    # A mention may carry a qualifier outside the blocked span, but its figure never lies inside it.
    for mention in mentions:
        assert not (start <= mention.start and mention.end <= end and start < end)


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from(LANGS))
def test_parse_number_never_raises(text, lang):
    value = parse_number(text, load_language_data(lang))
    assert value is None or isinstance(value, float)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="0123456789.,\u00a0", max_size=30), sep=st.sampled_from([(",", "."), (".", ",")]))
def test_parse_digits_never_raises(text, sep):
    if text and text[0].isdigit():
        value = parse_digits(text, *sep)
        assert value is None or value >= 0


@settings(max_examples=100, deadline=None)
@given(n=st.integers(0, 10**12), lang=st.sampled_from(LANGS))
def test_grouped_digits_round_trip(n, lang):
    group = "." if lang == "nl" else ","
    written = f"{n:,}".replace(",", group)
    assert parse_number(written, load_language_data(lang)) == float(n)


@settings(max_examples=60, deadline=None)
@given(text=texts, lang=st.sampled_from(LANGS))
def test_stage_never_raises(text, lang):
    doc = Document(id="p", text=text, lang=lang)
    make_quantities_stage(Resources())(doc)
    _check_mentions(text, doc.quantities)
