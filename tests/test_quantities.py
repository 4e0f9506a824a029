"""The quantities stage: figures, qualifiers, the counted noun, and what must not be counted."""

from __future__ import annotations

import pytest

from kroniek.document import Document, TimeMention, TimeValue
from kroniek.lang import load_language_data
from kroniek.quantities import STAGE_NAME, QuantityTagger, make_quantities_stage, parse_number, parse_digits
from kroniek.registry import create_stage, registered_stages
from kroniek.resources import Resources


def tag(text: str, lang: str):
    tagger = QuantityTagger.for_language(load_language_data(lang))
    assert tagger is not None
    return tagger.tag(text)


def only(text: str, lang: str):
    mentions = tag(text, lang)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def check(text, lang, span, value, qualifier, low=None, high=None, what=None):
    mention = only(text, lang)
    quantity = mention.quantity
    assert mention.text == span
    assert quantity.qualifier == qualifier
    assert quantity.value == pytest.approx(value) if value is not None else quantity.value is None
    assert quantity.low == pytest.approx(low) if low is not None else quantity.low is None
    assert quantity.high == pytest.approx(high) if high is not None else quantity.high is None
    assert mention.what == what
    assert text[mention.start : mention.end] == mention.text


# -- Dutch: numbers --------------------------------------------------------------------------------

NL_NUMBERS = [
    ("Er vielen 70.000 doden.", "70.000", 70000, "doden"),
    ("Er kwamen 3.000 mensen.", "3.000", 3000, "mensen"),
    ("In totaal 1.200.000 vluchtelingen.", "1.200.000", 1_200_000, "vluchtelingen"),
    ("Dat kost 2,5 miljoen euro.", "2,5 miljoen", 2_500_000, "euro"),
    ("Er is 3 miljard dollar nodig.", "3 miljard", 3e9, "dollar"),
    ("Het gaat om 300 duizend mensen.", "300 duizend", 300_000, "mensen"),
    ("Er zijn drie doden.", "drie", 3, "doden"),
    ("Er zijn drieëntwintig gewonden.", "drieëntwintig", 23, "gewonden"),
    ("Er zijn tweehonderd soldaten.", "tweehonderd", 200, "soldaten"),
    ("Er zijn vijfhonderdduizend inwoners.", "vijfhonderdduizend", 500_000, "inwoners"),
    ("Er zijn twaalf kinderen.", "twaalf", 12, "kinderen"),
    ("Er zijn veertig agenten.", "veertig", 40, "agenten"),
    ("Er zijn tweeduizend betogers.", "tweeduizend", 2000, "betogers"),
    ("Er zijn tweeduizendvierhonderd huizen.", "tweeduizendvierhonderd", 2400, "huizen"),
    ("Er zijn honderdvijftig gijzelaars.", "honderdvijftig", 150, "gijzelaars"),
    ("Het gaat om twee miljoen mensen.", "twee miljoen", 2_000_000, "mensen"),
    ("Het gaat om een miljoen mensen.", "een miljoen", 1_000_000, "mensen"),
    ("Het gaat om anderhalf miljoen euro.", "anderhalf miljoen", 1_500_000, "euro"),
    ("Het gaat om een half miljoen mensen.", "een half miljoen", 500_000, "mensen"),
    ("Er viel één dode.", "één", 1, "dode"),
    ("Eén dode en verder niets.", "Eén", 1, "dode"),
    ("Er vielen 5 mln euro schade.", "5 mln", 5_000_000, "euro"),
]


@pytest.mark.parametrize(("text", "span", "value", "what"), NL_NUMBERS)
def test_dutch_numbers(text, span, value, what):
    check(text, "nl", span, value, "exact", what=what)


def test_dutch_number_words_stand_alone_in_compounds():
    assert [m.text for m in tag("Twaalf mensen en drieëntwintig gewonden, negenennegentig huizen.", "nl")] == [
        "Twaalf",
        "drieëntwintig",
        "negenennegentig",
    ]


# -- Dutch: vague counts, fractions, percentages --------------------------------------------------

NL_VAGUE = [
    ("Tientallen strijders vluchtten.", "Tientallen", 20, "strijders"),
    ("Honderden burgers vluchtten.", "Honderden", 100, "burgers"),
    ("Duizenden mensen vluchtten.", "Duizenden", 1000, "mensen"),
    ("Tienduizenden mensen vluchtten.", "Tienduizenden", 10000, "mensen"),
    ("Honderdduizenden ontheemden.", "Honderdduizenden", 100000, "ontheemden"),
    ("Miljoenen mensen.", "Miljoenen", 1_000_000, "mensen"),
    ("Het kost tientallen miljoenen euro.", "tientallen miljoenen", 20_000_000, "euro"),
    ("Er vielen enkele honderden doden.", "enkele honderden", 100, "doden"),
]


@pytest.mark.parametrize(("text", "span", "value", "what"), NL_VAGUE)
def test_dutch_plural_counts_are_at_least(text, span, value, what):
    check(text, "nl", span, value, "at_least", low=value, what=what)


@pytest.mark.parametrize(
    ("text", "span", "what"),
    [
        ("Er raakten een paar agenten gewond.", "een paar", "agenten"),
        ("Er vielen enkele doden.", "enkele", "doden"),
        ("Een aantal gijzelaars is vrij.", "Een aantal", "gijzelaars"),
        ("Een handvol demonstranten bleef.", "Een handvol", "demonstranten"),
        ("Er werden meerdere raketten afgevuurd.", "meerdere", "raketten"),
    ],
)
def test_dutch_vague_counts(text, span, what):
    check(text, "nl", span, None, "vague", what=what)


def test_geen_enkele_is_not_a_count():
    assert tag("Er viel geen enkele dode.", "nl") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Een derde van de bevolking vluchtte.", "Een derde", 0.3333),
        ("De helft van de kinderen gaat niet naar school.", "De helft", 0.5),
        ("Twee derde van de huizen is verwoest.", "Twee derde", 0.6667),
        ("Tweederde van de huizen is verwoest.", "Tweederde", 0.6667),
        ("Een kwart van de inwoners.", "Een kwart", 0.25),
        ("Driekwart van de inwoners.", "Driekwart", 0.75),
    ],
)
def test_dutch_fractions(text, span, value):
    check(text, "nl", span, value, "exact")


def test_dutch_fraction_with_qualifier():
    check("Ruim de helft van de inwoners is gevlucht.", "nl", "Ruim de helft", 0.5, "more_than", low=0.5)


def test_een_tiental_is_about_ten():
    check("Een tiental doden.", "nl", "Een tiental", 10, "about", what="doden")


@pytest.mark.parametrize(
    ("text", "what"),
    [("Ongeveer 40 procent van de kinderen.", "procent"), ("Ongeveer 40% van de kinderen.", "%")],
)
def test_dutch_percentages(text, what):
    check(text, "nl", "Ongeveer 40", 40, "about", what=what)


# -- Dutch: qualifiers -----------------------------------------------------------------------------

NL_QUALIFIERS = [
    ("zo'n", "about"), ("zo’n", "about"), ("circa", "about"), ("ca.", "about"), ("ongeveer", "about"),
    ("naar schatting", "about"), ("rond de", "about"), ("om en nabij de", "about"), ("pakweg", "about"),
    ("zeker", "at_least"), ("minstens", "at_least"), ("ten minste", "at_least"), ("minimaal", "at_least"),
    ("meer dan", "more_than"), ("ruim", "more_than"), ("over de", "more_than"),
    ("bijna", "less_than"), ("nog geen", "less_than"), ("minder dan", "less_than"),
    ("tot", "at_most"), ("tot wel", "at_most"), ("maximaal", "at_most"), ("hooguit", "at_most"),
]  # fmt: skip


@pytest.mark.parametrize(("cue", "qualifier"), NL_QUALIFIERS)
def test_dutch_qualifiers(cue, qualifier):
    text = f"Daar waren {cue} 300 demonstranten uit Utrecht."
    low = 300 if qualifier in ("at_least", "more_than") else None
    high = 300 if qualifier in ("less_than", "at_most") else None
    check(text, "nl", f"{cue} 300", 300, qualifier, low=low, high=high, what="demonstranten")


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("Er vielen tussen 20 en 30 doden.", "tussen 20 en 30", 20, 30),
        ("Er vielen tussen de 20 en 30 doden.", "tussen de 20 en 30", 20, 30),
        ("Er vielen 20 tot 30 doden.", "20 tot 30", 20, 30),
        ("Er vielen 20 à 30 doden.", "20 à 30", 20, 30),
        ("Er vielen 20-30 doden.", "20-30", 20, 30),
        ("Er vielen tien tot twintig doden.", "tien tot twintig", 10, 20),
        ("Het kost 2 tot 3 miljoen euro.", "2 tot 3 miljoen", 2e6, 3e6),
    ],
)
def test_dutch_ranges(text, span, low, high):
    mention = only(text, "nl")
    assert mention.text == span
    assert (mention.quantity.qualifier, mention.quantity.value) == ("range", low)
    assert (mention.quantity.low, mention.quantity.high) == (low, high)


def test_combined_qualifiers_keep_the_stronger_bound():
    check("Er zijn zeker ruim 3.000 mensen gevlucht.", "nl", "zeker ruim 3.000", 3000, "more_than", low=3000,
          what="mensen")
    check("Er zijn naar schatting zeker 200 doden.", "nl", "naar schatting zeker 200", 200, "at_least", low=200,
          what="doden")


# -- Dutch: the counted noun -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Bij de aanslag vielen zeker twaalf doden.", "doden"),
        ("Ruim 3.000 Syrische vluchtelingen uit Aleppo kwamen aan.", "Syrische vluchtelingen"),
        ("Er vielen 3.000 mensen uit Aleppo.", "mensen"),
        ("Er sneuvelden 40 IS-strijders.", "IS-strijders"),
        ("Zeker twaalf doden vielen er.", "doden"),
        ("Er werden 300 huizen verwoest.", "huizen"),
        ("Het dodental steeg tot 40.", None),
        ("Twaalf van hen raakten gewond.", None),
        ("Tweehonderd anderen raakten gewond.", "anderen"),
        ("Van wie 99 ernstig.", None),
        ("Een derde van de bevolking is gevlucht.", None),
    ],
)
def test_dutch_what(text, what):
    assert only(text, "nl").what == what


def test_tot_after_a_rise_verb_is_not_a_bound():
    check("Het dodental steeg tot 40.", "nl", "40", 40, "exact")


def test_what_span_points_at_the_noun():
    text = "Er vielen zeker twaalf burgerdoden in Aleppo."
    mention = only(text, "nl")
    assert mention.what_span is not None
    assert text[mention.what_span.start : mention.what_span.end] == "burgerdoden" == mention.what_span.text


# -- English ----------------------------------------------------------------------------------------

EN_CASES = [
    ("They counted 1,200 bodies.", "1,200", 1200, "exact", None, None, "bodies"),
    ("It costs 2.5 million dollars.", "2.5 million", 2.5e6, "exact", None, None, "dollars"),
    ("Twelve soldiers died.", "Twelve", 12, "exact", None, None, "soldiers"),
    ("There were twenty-three victims.", "twenty-three", 23, "exact", None, None, "victims"),
    ("There were three hundred protesters.", "three hundred", 300, "exact", None, None, "protesters"),
    ("There were two hundred and fifty families.", "two hundred and fifty", 250, "exact", None, None, "families"),
    ("A million people fled.", "A million", 1e6, "exact", None, None, "people"),
    ("A dozen soldiers were hurt.", "A dozen", 12, "exact", None, None, "soldiers"),
    ("One soldier was killed.", "One", 1, "exact", None, None, "soldier"),
    ("Dozens of people were hurt.", "Dozens", 24, "at_least", 24, None, "people"),
    ("Hundreds of fighters.", "Hundreds", 100, "at_least", 100, None, "fighters"),
    ("Thousands of refugees.", "Thousands", 1000, "at_least", 1000, None, "refugees"),
    ("Tens of thousands of residents.", "Tens of thousands", 10000, "at_least", 10000, None, "residents"),
    ("Hundreds of thousands of children.", "Hundreds of thousands", 1e5, "at_least", 1e5, None, "children"),
    ("Millions of people.", "Millions", 1e6, "at_least", 1e6, None, "people"),
    ("A few villagers stayed.", "A few", None, "vague", None, None, "villagers"),
    ("Several houses burned.", "Several", None, "vague", None, None, "houses"),
    ("A handful of protesters stayed.", "A handful", None, "vague", None, None, "protesters"),
    ("At least 12 people were killed.", "At least 12", 12, "at_least", 12, None, "people"),
    ("More than 100,000 refugees fled.", "More than 100,000", 1e5, "more_than", 1e5, None, "refugees"),
    ("Over 200 people fled.", "Over 200", 200, "more_than", 200, None, "people"),
    ("Nearly 300 people fled.", "Nearly 300", 300, "less_than", None, 300, "people"),
    ("Almost 50 children died.", "Almost 50", 50, "less_than", None, 50, "children"),
    ("Fewer than 10 journalists.", "Fewer than 10", 10, "less_than", None, 10, "journalists"),
    ("Up to 400 troops.", "Up to 400", 400, "at_most", None, 400, "troops"),
    ("As many as 400 troops.", "As many as 400", 400, "at_most", None, 400, "troops"),
    ("About 30 police officers.", "About 30", 30, "about", None, None, "police officers"),
    ("Around 40 militants.", "Around 40", 40, "about", None, None, "militants"),
    ("Some 300 fighters.", "Some 300", 300, "about", None, None, "fighters"),
    ("An estimated 5,000 residents.", "An estimated 5,000", 5000, "about", None, None, "residents"),
    ("Between 20 and 30 gunmen stormed the village.", "Between 20 and 30", 20, "range", 20, 30, "gunmen"),
    ("They said 20 to 30 were hurt.", "20 to 30", 20, "range", 20, 30, None),
    ("Half of the population fled.", "Half", 0.5, "exact", None, None, None),
    ("A third of the residents fled.", "A third", 0.3333, "exact", None, None, None),
    ("Two-thirds of the houses.", "Two-thirds", 0.6667, "exact", None, None, None),
    ("It hosted a quarter million clips.", "a quarter million", 250000, "exact", None, None, "clips"),
    ("Some 40 percent of the people.", "Some 40", 40, "about", None, None, "percent"),
    ("They gave $5 million in aid.", "5 million", 5e6, "exact", None, None, "$"),
    ("It costs between US$300 and 400 billion.", "between US$300 and 400 billion", 3e11, "range", 3e11, 4e11, "US$"),
    ("It rose to 3.3 million last week.", "3.3 million", 3.3e6, "exact", None, None, None),
    ("39 are confirmed dead.", "39", 39, "exact", None, None, None),
    ("Around twenty more were injured.", "Around twenty", 20, "about", None, None, None),
    ("Two others were detained.", "Two", 2, "exact", None, None, "others"),
    ("It left six soldiers dead.", "six", 6, "exact", None, None, "soldiers"),
]


@pytest.mark.parametrize(("text", "span", "value", "qualifier", "low", "high", "what"), EN_CASES)
def test_english(text, span, value, qualifier, low, high, what):
    check(text, "en", span, value, qualifier, low=low, high=high, what=what)


# -- Exclusions ---------------------------------------------------------------------------------------

NL_NOT_COUNTED = [
    "Een man raakte gewond.",  # the article
    "In 2014 werd de stad ingenomen.",  # a year
    "Sinds 2011 woedt de oorlog.",
    "Op 12 maart viel de stad.",  # a date
    "Het gebeurde op 12-03-2019.",
    "Het gebeurde op 2019-03-12.",
    "Om 15.00 uur begon de aanval.",  # clock times
    "Om 10:30 begon de aanval.",
    "Om half vier volgde een tweede.",
    "De 23-jarige verdachte werd opgepakt.",  # ages
    "Een vijftienjarige jongen werd opgepakt.",
    "Hij is 23 jaar oud.",
    "Jan de Vries (45) werd opgepakt.",
    "Het is de derde keer dat het gebeurt.",  # ordinals
    "Het is de 2e keer dat het gebeurt.",
    "Het is een derde aanslag.",
    "Resolutie 2254 werd aangenomen.",  # names and codes
    "De G20 vergaderde.",
    "Een F-16 stortte neer.",
    "Een Boeing 737 stortte neer.",
    "Op de A2 was een ongeluk.",
    "COVID-19 verspreidde zich.",
    "Artikel 5 werd ingeroepen.",
    "Twee dagen geleden vielen er geen doden.",  # time expressions
    "De afgelopen drie jaar was het rustig.",
    "Drie jaar later was het rustig.",
    "Ze voerden drie dagen lang geen missies uit.",  # durations
    "In de jaren negentig was het onrustig.",  # a decade
    "Eén van de slachtoffers was een agent.",  # één as a pronoun
    "Bel 020 123 4567 voor info.",  # phone numbers
    "De regio kampt al een paar jaar met aanslagen.",
]


@pytest.mark.parametrize("text", NL_NOT_COUNTED)
def test_dutch_exclusions(text):
    assert tag(text, "nl") == [], text


EN_NOT_COUNTED = [
    "A soldier died.",
    "An explosion hit the market.",
    "In 2014 the city fell.",
    "On March 12, 2019 the city fell.",
    "The city fell on 12 March.",
    "It happened at 3 p.m. on the border.",
    "It happened at 10:30 on the border.",
    "He was aged 23.",
    "A 23-year-old man was arrested.",
    "He is 23 years old.",
    "It was the second time.",
    "The 1st brigade moved in.",
    "Resolution 2254 was adopted.",
    "The G20 met.",
    "A Boeing 737-800 crashed.",
    "COVID-19 spread.",
    "Three years ago the city fell.",
    "It happened two days ago.",
    "The past three years were calm.",
    "They had a deadline of 72 hours.",
    "One of the victims was a doctor.",
    "No one was hurt.",
    "The team won 3-1.",
]


@pytest.mark.parametrize("text", EN_NOT_COUNTED)
def test_english_exclusions(text):
    assert tag(text, "en") == [], text


def test_age_list_after_an_age_cue():
    mentions = tag("The deceased were aged nine, ten, thirteen, 49, and 59. At least eight more people died.", "en")
    assert [m.text for m in mentions] == ["At least eight"]


def test_year_is_skipped_but_count_after_it_is_kept():
    mentions = tag("Trump behaalde in 2016 304 kiesmannen.", "nl")
    assert [(m.text, m.what) for m in mentions] == [("304", "kiesmannen")]


def test_four_digit_count_before_a_noun_is_not_a_year():
    assert only("Er kwamen 2000 mensen op af.", "nl").quantity.value == 2000


# -- parse_number ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("70.000", "nl", 70000), ("2,5 miljoen", "nl", 2.5e6), ("drieëntwintig", "nl", 23),
        ("vijfhonderdduizend", "nl", 500000), ("één", "nl", 1), ("een derde", "nl", 0.3333),
        ("tientallen", "nl", 20), ("ruim 3.000", "nl", 3000), ("1,200", "en", 1200),
        ("2.5 million", "en", 2.5e6), ("twenty-three", "en", 23), ("a dozen", "en", 12),
        ("2014", "en", 2014), ("tussen 20 en 30", "nl", 20),
    ],
)  # fmt: skip
def test_parse_number(text, lang, value):
    assert parse_number(text, load_language_data(lang)) == pytest.approx(value)


@pytest.mark.parametrize("text", ["een", "", "  ", "hallo", "derde", "tweede", "12 mensen", "vieren", "honderden mensen"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text, load_language_data("nl")) is None


@pytest.mark.parametrize(
    ("digits", "decimal", "group", "value"),
    [
        ("70.000", ",", ".", 70000), ("1.200.000", ",", ".", 1_200_000), ("2,5", ",", ".", 2.5),
        ("2.5", ",", ".", 2.5), ("1.234,5", ",", ".", 1234.5), ("1,200", ".", ",", 1200),
        ("1,200,000.5", ".", ",", 1_200_000.5), ("12", ".", ",", 12), ("1.2.3", ",", ".", None),
    ],
)  # fmt: skip
def test_parse_digits(digits, decimal, group, value):
    assert parse_digits(digits, decimal, group) == value


# -- The stage ---------------------------------------------------------------------------------------


def test_stage_is_registered():
    assert STAGE_NAME in registered_stages()
    assert create_stage(STAGE_NAME, Resources()).name == STAGE_NAME


def test_stage_fills_document_and_skips_time_spans():
    text = "Twee dagen geleden vielen zeker twaalf doden."
    doc = Document(id="t", text=text, lang="nl")
    doc.times = [TimeMention(0, 18, text[:18], time=TimeValue(None, "day"))]
    make_quantities_stage(Resources())(doc)
    assert [(q.text, q.quantity.qualifier, q.what, q.stage) for q in doc.quantities] == [
        ("zeker twaalf", "at_least", "doden", STAGE_NAME)
    ]


def test_stage_after_the_times_stage():
    resources = Resources()
    text = "Op 12 maart 2019 vielen in 2019 minstens 300 doden; twee jaar geleden 40."
    doc = Document(id="t", text=text, lang="nl")
    create_stage("times.rules.v1", resources)(doc)
    make_quantities_stage(resources)(doc)
    assert [q.text for q in doc.quantities] == ["minstens 300", "40"]


def test_stage_on_a_language_without_data_gives_nothing():
    doc = Document(id="t", text="Es gab 12 Tote.", lang="xx")
    make_quantities_stage(Resources())(doc)
    assert doc.quantities == []


def test_whole_pipeline(extract):
    doc = extract(
        "Bij een bomaanslag in Kaboel vielen gisteren zeker twaalf doden. "
        "Volgens de autoriteiten raakten nog eens 45 mensen gewond; in 2018 waren het er 3.000.",
        lang="nl",
        published="2019-03-14",
    )
    got = [(q.text, q.quantity.value, q.quantity.qualifier, q.what) for q in doc.quantities]
    assert got == [("zeker twaalf", 12, "at_least", "doden"), ("45", 45, "exact", "mensen"), ("3.000", 3000, "exact", None)]
    contract = doc.to_contract()["quantities"]
    start, noun = doc.text.index("zeker twaalf"), doc.text.index("doden")
    assert contract[0] == {
        "start": start, "end": start + 12, "text": "zeker twaalf", "value": 12, "low": 12, "high": None,
        "qualifier": "at_least", "what": "doden", "what_span": {"start": noun, "end": noun + 5, "text": "doden"},
    }  # fmt: skip


def test_whole_pipeline_english(extract):
    doc = extract("At least 12 people were killed in Kabul on Tuesday, and dozens of others were injured.", lang="en")
    assert [(q.text, q.what) for q in doc.quantities] == [("At least 12", "people"), ("dozens", "others")]


# -- More English and Dutch details ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "span", "value", "qualifier", "what"),
    [
        ("Four or more people were hurt.", "en", "Four or more", 4, "at_least", "people"),
        ("Er raakten 30 of meer mensen gewond.", "nl", "30 of meer", 30, "at_least", "mensen"),
        ("Several hundred people fled.", "en", "Several hundred", 100, "at_least", "people"),
        ("It cost tens of millions of dollars.", "en", "tens of millions", 1e7, "at_least", "dollars"),
        ("There are about 5000 U.S. troops.", "en", "about 5000", 5000, "about", "U.S. troops"),
        ("Er zijn bijna een miljoen mensen gevlucht.", "nl", "bijna een miljoen", 1e6, "less_than", "mensen"),
        ("It rose by a couple of points.", "en", "a couple", None, "vague", "points"),
    ],
)
def test_more_cases(text, lang, span, value, qualifier, what):
    mention = only(text, lang)
    assert (mention.text, mention.quantity.qualifier, mention.what) == (span, qualifier, what)
    assert mention.quantity.value == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("There were three times as many.", "en"),
        ("Er kwamen drie keer zoveel.", "nl"),
        ("In de eerste helft van dit jaar was het rustig.", "nl"),
        ("The attacker, Sudesh Amman, 20, was known.", "en"),
        ("He was 34 and worked as a reporter.", "en"),
        ("He was a 2016 Rory Peck Awards finalist.", "en"),
        ("Het gebeurde op 12 tot 14 maart.", "nl"),
        ("Van 2014 tot 2016 was het oorlog.", "nl"),
    ],
)
def test_more_exclusions(text, lang):
    assert tag(text, lang) == [], text


def test_a_line_break_ends_the_counted_noun():
    mention = only("Er vielen 12\nDoden en gewonden", "nl")
    assert mention.what is None


def test_numbers_at_line_starts_are_found():
    assert [m.text for m in tag("Kop\n12 doden in Kaboel", "nl")] == ["12"]


def test_title_case_headline_count_is_not_a_code():
    assert [(m.text, m.what) for m in tag("Bomb Kills 12 People In Kabul", "en")] == [("12", "People")]
