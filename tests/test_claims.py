"""Claims stage (claims.rules.v1): population figures with source, hedging, places, time, related.

Documents are built by hand with the items the stage reads (sentences, quantities, places, times),
so these tests do not depend on the stages before it; one smoke test runs the whole pipeline.
"""

from __future__ import annotations

import pytest
from builders import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.claims import ClaimsStage, load_claim_lexicon, population_of
from kroniek.contract import validation_errors
from kroniek.document import (
    Document,
    Place,
    QuantityMention,
    QuantityValue,
    Span,
    TimeValue,
)
from kroniek.lang import load_language_data
from kroniek.resources import Resources


@pytest.fixture(scope="module")
def stage() -> ClaimsStage:
    return ClaimsStage(Resources())


def claims_of(stage: ClaimsStage, doc: Document):
    stage(doc)
    return doc.claims


def exact(n: float) -> QuantityValue:
    return QuantityValue(n, "exact")


SYRIA = Place("Syria", "SY", kind="country")
ALEPPO = Place("Aleppo", "SY", 36.2, 37.16, kind="city")


# ---------------------------------------------------------------- Dutch


def test_volgens_de_vn(stage):
    text = "Volgens de VN zijn ruim 3.000 mensen gevlucht."
    [claim] = claims_of(
        stage, make_doc(text, "nl", quantities=[("ruim 3.000", QuantityValue(3000, "more_than", 3000), "mensen")])
    )
    assert (claim.id, claim.what, claim.source, claim.hedged, claim.sentence) == ("c1", "mensen", "de VN", True, 0)
    assert claim.quantity == QuantityValue(3000, "more_than", 3000)
    assert claim.span == Span(19, 29, "ruim 3.000") and text[19:29] == "ruim 3.000"
    assert claim.time is None and claim.places == [] and claim.related == []
    assert claim.stage == "claims.rules.v1"


def test_reported_arrests_hedged_without_source(stage):
    doc = make_doc(
        "Tientallen strijders zouden zijn opgepakt.",
        "nl",
        quantities=[("Tientallen", QuantityValue(20, "at_least", 20), "strijders")],
    )
    [claim] = claims_of(stage, doc)
    assert (claim.what, claim.source, claim.hedged) == ("strijders", None, True)


def test_naar_schatting_hedges_even_an_exact_figure(stage):
    doc = make_doc(
        "Er zijn naar schatting 5.000 kinderen ontheemd.", "nl", quantities=[("5.000", exact(5000), "kinderen")]
    )
    [claim] = claims_of(stage, doc)
    assert claim.hedged is True and claim.source is None


def test_a_source_alone_is_not_a_hedge(stage):
    doc = make_doc("Het leger zegt dat 40 strijders zijn gedood.", "nl", quantities=[("40", exact(40), "strijders")])
    [claim] = claims_of(stage, doc)
    assert (claim.source, claim.hedged) == ("Het leger", False)


@pytest.mark.parametrize(
    "text, figure, what, source",
    [
        (
            "Volgens Amerikaanse schattingen zijn 70.000 IS-strijders gedood.",
            "70.000",
            "IS-strijders",
            "Amerikaanse schattingen",
        ),
        ("Naar schatting van de VN zijn 5.000 burgers omgekomen.", "5.000", "burgers", "de VN"),
        ("Er zijn 200 ontheemden, meldt Unicef.", "200", "ontheemden", "Unicef"),
        ("Dat meldt persbureau ANP over de 12 doden.", "12", "doden", "persbureau ANP"),
        ("In Kaboel meldde de politie dat twaalf mensen omkwamen.", "twaalf", "mensen", "de politie"),
        (
            "Het ministerie van Volksgezondheid meldde 30 gewonden.",
            "30",
            "gewonden",
            "Het ministerie van Volksgezondheid",
        ),
        ("Bij het bombardement vielen 30 burgerslachtoffers.", "30", "burgerslachtoffers", None),
    ],
)
def test_dutch_sources(stage, text, figure, what, source):
    doc = make_doc(
        text,
        "nl",
        quantities=[(figure, exact(1), what)],
        places=[("Kaboel", Place("Kabul", "AF"))] if "Kaboel" in text else [],
    )
    [claim] = claims_of(stage, doc)
    assert (claim.what, claim.source) == (what, source)


def test_figures_that_are_not_populations_are_not_claims(stage):
    text = "De schade bedraagt 2,5 miljoen euro en 40 procent van de stad ligt in puin; het dodental steeg tot 40."
    doc = make_doc(
        text,
        "nl",
        quantities=[
            ("2,5 miljoen", exact(2_500_000), "euro"),
            ("40", exact(40), "procent"),
            ("tot 40", QuantityValue(40, "at_most", high=40), None),
        ],
    )
    assert claims_of(stage, doc) == []


def test_places_time_and_related_claims(stage):
    text = (
        "In Aleppo zijn vorige week 300 doden gevallen. "
        "In Syrië zijn sinds 2011 ruim 500.000 mensen gedood. "
        "Het Rode Kruis telde in Aleppo 450 doden."
    )
    doc = make_doc(
        text,
        "nl",
        quantities=[
            ("300", exact(300), "doden"),
            ("ruim 500.000", QuantityValue(500000, "more_than", 500000), "mensen"),
            ("450", exact(450), "doden"),
        ],
        times=[("vorige week", TimeValue("2019-W10", "week"))],
        places=[("Aleppo", ALEPPO), ("Syrië", SYRIA)],
    )
    claims = claims_of(stage, doc)
    assert [c.id for c in claims] == ["c1", "c2", "c3"]
    assert claims[0].places == [ALEPPO] and claims[0].time == TimeValue("2019-W10", "week")
    assert claims[1].places == [SYRIA] and claims[1].time is None
    assert [c.related for c in claims] == [["c3"], [], ["c1"]]
    assert claims[2].source == "Het Rode Kruis"
    assert [c.sentence for c in claims] == [0, 1, 2]


def test_singular_and_plural_heads_are_one_population(stage):
    doc = make_doc(
        "Er viel één dode. Later waren er drie doden.",
        "nl",
        quantities=[("één", exact(1), "dode"), ("drie", exact(3), "doden")],
    )
    assert [c.related for c in claims_of(stage, doc)] == [["c2"], ["c1"]]


# ---------------------------------------------------------------- English


def test_english_officials_said(stage):
    text = "At least 12 people were killed in an airstrike on Tuesday, officials said."
    doc = make_doc(
        text,
        "en",
        quantities=[("At least 12", QuantityValue(12, "at_least", 12), "people")],
        times=[("Tuesday", TimeValue("2019-03-12", "day"))],
    )
    [claim] = claims_of(stage, doc)
    assert (claim.what, claim.source, claim.hedged) == ("people", "officials", True)
    assert claim.time == TimeValue("2019-03-12", "day")


@pytest.mark.parametrize(
    "text, figure, what, source, hedged",
    [
        (
            "According to the UN refugee agency, 3,000 refugees fled.",
            "3,000",
            "refugees",
            "the UN refugee agency",
            False,
        ),
        ('"We found 20 bodies," said John Kirby.', "20", "bodies", "John Kirby", False),
        ("Some 40 houses were reported destroyed.", "40", "houses", None, False),
        ("An estimated 5,000 civilians have fled the city.", "An estimated 5,000", "civilians", None, True),
        ("The Ministry of Health said 30 children were injured.", "30", "children", "The Ministry of Health", False),
        ("Three soldiers were reportedly captured.", "Three", "soldiers", None, True),
        (
            "According to Chief Superintendent Graciano Mijares of the regional police, 14 civilians died.",
            "14",
            "civilians",
            "Chief Superintendent Graciano Mijares",  # cut at max_words, trailing "of the" trimmed
            False,
        ),
        (
            "The Committee to Protect Journalists reports 16 journalist deaths.",
            "16",
            "journalist deaths",
            "The Committee to Protect Journalists",
            False,
        ),
    ],
)
def test_english_sources_and_hedges(stage, text, figure, what, source, hedged):
    doc = make_doc(text, "en", quantities=[(figure, exact(1), what)])
    [claim] = claims_of(stage, doc)
    assert (claim.what, claim.source, claim.hedged) == (what, source, hedged)


def test_english_related_and_unrelated(stage):
    text = "Rebels said 40 soldiers died. The army said 12 soldiers and 3 civilians died."
    doc = make_doc(
        text,
        "en",
        quantities=[("40", exact(40), "soldiers"), ("12", exact(12), "soldiers"), ("3", exact(3), "civilians")],
    )
    claims = claims_of(stage, doc)
    assert [(c.source, c.related) for c in claims] == [("Rebels", ["c2"]), ("The army", ["c1"]), ("The army", [])]


# ---------------------------------------------------------------- data and odd input


@pytest.mark.parametrize("code", ["nl", "en"])
def test_language_data_loads(code):
    lexicon = load_claim_lexicon(load_language_data(code).section("claims"))
    assert population_of(lexicon, "doden" if code == "nl" else "dead") == "dead"
    assert population_of(lexicon, "procent" if code == "nl" else "percent") is None
    assert population_of(lexicon, None) is None


def test_no_quantities_or_no_sentences(stage):
    assert claims_of(stage, make_doc("", "nl")) == []
    doc = Document(id="x", text="Er zijn 12 doden", lang="nl")  # no sentences: the text is one
    doc.quantities = [QuantityMention(8, 10, "12", quantity=exact(12), what="doden")]
    assert [c.what for c in claims_of(stage, doc)] == ["doden"]


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=120), st.integers(min_value=0, max_value=119), st.sampled_from(["doden", "mensen", "said", None])
)
def test_any_text_gives_well_formed_claims(text, start, what):
    stage = ClaimsStage(Resources())
    for lang in ("nl", "en"):
        doc = Document(id="x", text=text, lang=lang)  # no sentences: the text is one
        if start < len(text):
            doc.quantities = [QuantityMention(start, start + 1, text[start], quantity=exact(1), what=what)]
        stage(doc)
        assert [c.id for c in doc.claims] == [f"c{i}" for i in range(1, len(doc.claims) + 1)]
        assert all(c.what == what and c.related == [] for c in doc.claims)


def test_whole_pipeline_output_validates(extract):
    for text, lang in [
        ("Volgens de VN zijn ruim 3.000 mensen gevlucht. Naar schatting 5.000 kinderen zijn ontheemd.", "nl"),
        ("At least 12 people were killed in an airstrike on Tuesday, officials said.", "en"),
    ]:
        doc = extract(text, lang=lang, published="2019-03-14")
        assert validation_errors(doc.to_contract()) == []


# ---------------------------------------------------------------- figures without a counted noun


@pytest.mark.parametrize(
    "text, lang, figure, what",
    [
        ("Dozens died in the attack.", "en", "Dozens", "died"),
        ("Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.", "en", "190", "dead"),
        ("A car bombing killed five.", "en", "five", "killed"),
        ("Turkish officials put the number at nearly 4 million.", "en", "nearly 4 million", "number"),
        ("Seventeen from the Armed Forces were wounded.", "en", "Seventeen", "Armed Forces"),
        ("Vier mensen kwamen om, zeker 22 raakten gewond.", "nl", "zeker 22", "gewond"),
        ("Volgens Kyiv werden er 43 onderschept.", "nl", "43", "onderschept"),
    ],
)
def test_bare_figures_take_the_word_that_says_who(stage, text, lang, figure, what):
    doc = make_doc(text, lang, quantities=[(figure, exact(1), None)])
    assert [c.what for c in claims_of(stage, doc)] == [what]


def test_bare_figure_without_a_word_takes_the_previous_population(stage):
    text = "In het kamp zitten ruim 70.000 mensen vast. Het Rode Kruis houdt het op bijna 73.000."
    doc = make_doc(
        text,
        "nl",
        quantities=[
            ("ruim 70.000", QuantityValue(70000, "more_than", 70000), "mensen"),
            ("bijna 73.000", QuantityValue(73000, "less_than", None, 73000), None),
        ],
    )
    claims = claims_of(stage, doc)
    assert [(c.what, c.related, c.source) for c in claims] == [
        ("mensen", ["c2"], None),
        ("mensen", ["c1"], "Het Rode Kruis"),
    ]


def test_bare_figure_alone_is_no_claim(stage):
    doc = make_doc("Het dodental steeg tot 40.", "nl", quantities=[("tot 40", QuantityValue(40, "at_most"), None)])
    assert claims_of(stage, doc) == []


def test_coordinated_nouns_and_named_groups(stage):
    text = "Vanuit Gaza zijn ruim 400 raketten en mortiergranaten afgevuurd, waarbij vier Israëliërs omkwamen."
    doc = make_doc(
        text,
        "nl",
        quantities=[("ruim 400", QuantityValue(400, "more_than", 400), "raketten"), ("vier", exact(4), "Israëliërs")],
    )
    assert [c.what for c in claims_of(stage, doc)] == ["raketten en mortiergranaten", "Israëliërs"]


def test_figures_outside_a_conflict_are_not_claims(stage):
    text = "Bij de aardbeving in Turkije zijn ruim 5.000 mensen omgekomen."
    doc = make_doc(text, "nl", quantities=[("ruim 5.000", QuantityValue(5000, "more_than", 5000), "mensen")])
    assert claims_of(stage, doc) == []


def test_source_stops_at_a_figure_and_skips_adverbs(stage):
    text = "Het leger heeft volgens Amnesty International honderden dorpen platgebrand."
    doc = make_doc(text, "nl", quantities=[("honderden", QuantityValue(100, "at_least", 100), "dorpen")])
    assert [c.source for c in claims_of(stage, doc)] == ["Amnesty International"]
    doc = make_doc(
        "Mijares further claimed 90 civilians were wounded.", "en", quantities=[("90", exact(90), "civilians")]
    )
    assert [c.source for c in claims_of(stage, doc)] == ["Mijares"]
