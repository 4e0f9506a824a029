"""The times stage (times.rules.v1): spans, values and precisions as in docs/annotation.md.

Most cases use the annotation guide's anchor: published 2019-03-14, a Thursday.
"""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from kroniek.document import Document, TimeMention
from kroniek.resources import Resources
from kroniek.errors import ConfigError
from kroniek.dates import closest_day, easter, iso_value, month_near, weekday_near
from kroniek.times import TimesStage, TimeTagger, TimeWords, lower_same_length, make_times_stage

PUBLISHED = date(2019, 3, 14)  # a Thursday


@pytest.fixture(scope="module")
def stage() -> TimesStage:
    return make_times_stage(Resources())


def tag(stage: TimesStage, text: str, lang: str = "nl", published: date | None = PUBLISHED) -> list[TimeMention]:
    doc = Document(id="t", text=text, lang=lang, published=published)
    stage(doc)
    return doc.times


def only(stage: TimesStage, text: str, lang: str = "nl", published: date | None = PUBLISHED) -> TimeMention:
    mentions = tag(stage, text, lang, published)
    assert len(mentions) == 1, [(m.text, m.time) for m in mentions]
    return mentions[0]


def check(stage, lang, text, span, value, precision, published=PUBLISHED):
    mention = only(stage, text, lang, published)
    assert mention.text == span
    assert text[mention.start:mention.end] == span
    assert (mention.time.value, mention.time.precision) == (value, precision)
    assert mention.stage == "times.rules.v1"
    return mention


# --------------------------------------------------------------------------- Dutch, anchored

DUTCH = [
    # absolute dates
    ("Hij werd op 12 maart 2019 opgepakt.", "12 maart 2019", "2019-03-12", "day"),
    ("Hij werd op 12 maart opgepakt.", "12 maart", "2019-03-12", "day"),
    ("De aanslag was op 31 december.", "31 december", "2018-12-31", "day"),
    ("Op 1 januari begint het.", "1 januari", "2019-01-01", "day"),
    ("Maandag 11 maart viel de stad.", "Maandag 11 maart", "2019-03-11", "day"),
    ("Op maandag, 11 maart 2019 viel de stad.", "maandag, 11 maart 2019", "2019-03-11", "day"),
    ("Op 3 mrt. 2017 begon het beleg.", "3 mrt. 2017", "2017-03-03", "day"),
    ("Op 12e maart gebeurde het.", "12e maart", "2019-03-12", "day"),
    ("Op 5 mei jl. vond de aanval plaats.", "5 mei jl.", "2018-05-05", "day"),
    ("Op 12 maart vorig jaar viel hij aan.", "12 maart vorig jaar", "2018-03-12", "day"),
    ("Op 12-03-2019 kwam het bericht.", "12-03-2019", "2019-03-12", "day"),
    ("Op 12/03/2019 kwam het bericht.", "12/03/2019", "2019-03-12", "day"),
    ("Op 2019-03-12 kwam het bericht.", "2019-03-12", "2019-03-12", "day"),
    ("Op 12.03.2019 kwam het bericht.", "12.03.2019", "2019-03-12", "day"),
    ("Het bericht is van 12-mrt-2019.", "12-mrt-2019", "2019-03-12", "day"),
    # months and years
    ("In maart 2014 trokken de troepen binnen.", "maart 2014", "2014-03", "month"),
    ("Het gebeurde in maart.", "maart", "2019-03", "month"),
    ("Het gebeurde in december.", "december", "2018-12", "month"),
    ("Begin maart trokken ze weg.", "Begin maart", "2019-03", "month"),
    ("Eind maart trokken ze weg.", "Eind maart", "2019-03", "month"),
    ("In maart vorig jaar trokken ze weg.", "maart vorig jaar", "2018-03", "month"),
    ("Dat was afgelopen maart al zo.", "afgelopen maart", "2018-03", "month"),
    ("In 2014 veroverde IS de stad.", "2014", "2014", "year"),
    ("Medio 2014 veroverde IS de stad.", "Medio 2014", "2014", "year"),
    ("Begin 2014 veroverde IS de stad.", "Begin 2014", "2014", "year"),
    ("Eind 2014 veroverde IS de stad.", "Eind 2014", "2014", "year"),
    ("Eind vorig jaar veroverde IS de stad.", "Eind vorig jaar", "2018", "year"),
    ("De verkiezingen van 2017 liepen uit.", "2017", "2017", "year"),
    ("De zomer van 2015 was onrustig.", "De zomer van 2015", "2015", "year"),
    ("In het voorjaar van 2018 kwam er een bestand.", "het voorjaar van 2018", "2018", "year"),
    ("Vorige zomer kwam er een bestand.", "Vorige zomer", "2018", "year"),
    ("Op Goede Vrijdag bleef het rustig.", "Goede Vrijdag", "2019-04-19", "day"),
    ("Met Pasen bleef het rustig.", "Pasen", "2019-04-21", "day"),
    ("Met Kerstmis 2016 bleef het rustig.", "Kerstmis 2016", "2016-12-25", "day"),
    # relative days
    ("Gisteren vielen er doden.", "Gisteren", "2019-03-13", "day"),
    ("Er vielen eergisteren doden.", "eergisteren", "2019-03-12", "day"),
    ("Vandaag is het rustig.", "Vandaag", "2019-03-14", "day"),
    ("Vanochtend is het rustig.", "Vanochtend", "2019-03-14", "day"),
    ("Vanavond spreekt de premier.", "Vanavond", "2019-03-14", "day"),
    ("Gisteravond vielen er doden.", "Gisteravond", "2019-03-13", "day"),
    ("Morgen spreekt de premier.", "Morgen", "2019-03-15", "day"),
    ("Overmorgen spreekt de premier.", "Overmorgen", "2019-03-16", "day"),
    # weeks, months, years relative to the publication date
    ("Vorige week vielen er doden.", "Vorige week", "2019-W10", "week"),
    ("Afgelopen week vielen er doden.", "Afgelopen week", "2019-W10", "week"),
    ("Verleden week vielen er doden.", "Verleden week", "2019-W10", "week"),
    ("Deze week vielen er doden.", "Deze week", "2019-W11", "week"),
    ("Volgende week spreekt de premier.", "Volgende week", "2019-W12", "week"),
    ("Vorig jaar vielen er doden.", "Vorig jaar", "2018", "year"),
    ("Dit jaar vielen er doden.", "Dit jaar", "2019", "year"),
    ("Volgend jaar komen er verkiezingen.", "Volgend jaar", "2020", "year"),
    ("Deze maand vielen er doden.", "Deze maand", "2019-03", "month"),
    ("Vorige maand vielen er doden.", "Vorige maand", "2019-02", "month"),
    ("Eerder deze maand vielen er doden.", "Eerder deze maand", "2019-03", "month"),
    ("Het afgelopen weekend vielen er doden.", "afgelopen weekend", "2019-W10", "week"),
    ("Eind van het jaar is het klaar.", "Eind van het jaar", "2019", "year"),
    ("Begin van dit jaar was het mis.", "Begin van dit jaar", "2019", "year"),
    # weekdays
    ("Afgelopen vrijdag vielen er doden.", "Afgelopen vrijdag", "2019-03-08", "day"),
    ("Op maandag vielen er doden.", "maandag", "2019-03-11", "day"),
    ("Donderdag vielen er doden.", "Donderdag", "2019-03-14", "day"),
    ("Komende vrijdag spreekt de premier.", "Komende vrijdag", "2019-03-15", "day"),
    ("Dinsdagavond vielen er doden.", "Dinsdagavond", "2019-03-12", "day"),
    ("Zondagochtend vielen er doden.", "Zondagochtend", "2019-03-10", "day"),
    ("Vorige week dinsdag vielen er doden.", "Vorige week dinsdag", "2019-03-05", "day"),
    ("Dinsdag vorige week vielen er doden.", "Dinsdag vorige week", "2019-03-05", "day"),
    # N units ago, with digits and spelled-out numbers
    ("Twee dagen geleden vielen er doden.", "Twee dagen geleden", "2019-03-12", "day"),
    ("Drie weken geleden vielen er doden.", "Drie weken geleden", "2019-W08", "week"),
    ("Tien jaar geleden vielen er doden.", "Tien jaar geleden", "2009", "year"),
    ("Twee jaar geleden vielen er doden.", "Twee jaar geleden", "2017", "year"),
    ("Een week geleden vielen er doden.", "Een week geleden", "2019-W10", "week"),
    ("Drie maanden geleden vielen er doden.", "Drie maanden geleden", "2018-12", "month"),
    ("Het was 5 dagen geleden.", "5 dagen geleden", "2019-03-09", "day"),
    ("Ruim een jaar geleden vielen er doden.", "Ruim een jaar geleden", "2018", "year"),
    # vague
    ("Onlangs vielen er doden.", "Onlangs", None, "vague"),
    ("Dat is kort geleden gebeurd.", "kort geleden", None, "vague"),
    ("Enkele dagen geleden vielen er doden.", "Enkele dagen geleden", None, "vague"),
    ("Jaren geleden vielen er doden.", "Jaren geleden", None, "vague"),
    ("Er is al een paar jaar oorlog.", "al een paar jaar", None, "vague"),
    ("Er is al jaren oorlog.", "al jaren", None, "vague"),
    ("Er is de afgelopen jaren veel gebeurd.", "de afgelopen jaren", None, "vague"),
]


@pytest.mark.parametrize(("text", "span", "value", "precision"), DUTCH)
def test_dutch(stage, text, span, value, precision):
    check(stage, "nl", text, span, value, precision)


STRETCHES = [
    ("nl", "Sinds 2014 is het onrustig.", "Sinds 2014", "2014", None),
    ("nl", "Al sinds 2014 is het onrustig.", "Al sinds 2014", "2014", None),
    ("nl", "Sinds begin 2014 is het onrustig.", "Sinds begin 2014", "2014", None),
    ("nl", "Sinds vorig jaar is het onrustig.", "Sinds vorig jaar", "2018", None),
    ("nl", "Vanaf maart 2014 is het onrustig.", "Vanaf maart 2014", "2014-03", None),
    ("nl", "Dat was in de jaren negentig al zo.", "de jaren negentig", "1990", "1999"),
    ("nl", "Dat was in de jaren '80 al zo.", "de jaren '80", "1980", "1989"),
    ("nl", "Sinds de jaren negentig is het zo.", "Sinds de jaren negentig", "1990", None),
    ("nl", "Van 2014 tot 2016 was het oorlog.", "Van 2014 tot 2016", "2014", "2016"),
    ("nl", "Tussen 2014 en 2016 was het oorlog.", "Tussen 2014 en 2016", "2014", "2016"),
    ("nl", "In de periode 2014-2016 was het oorlog.", "2014-2016", "2014", "2016"),
    ("nl", "Dat is de afgelopen twee jaar veranderd.", "de afgelopen twee jaar", "2017", None),
    ("nl", "Hij zit al twee weken lang vast.", "al twee weken lang", "2019-W09", None),
    ("en", "Since 2014 the city has been tense.", "Since 2014", "2014", None),
    ("en", "Since early 2014 the city has been tense.", "Since early 2014", "2014", None),
    ("en", "It was like that in the 1990s.", "the 1990s", "1990", "1999"),
    ("en", "It was like that in the '90s.", "the '90s", "1990", "1999"),
    ("en", "It was like that in the nineties.", "the nineties", "1990", "1999"),
    ("en", "From 2014 to 2016 the war raged.", "From 2014 to 2016", "2014", "2016"),
    ("en", "Between 2014 and 2016 the war raged.", "Between 2014 and 2016", "2014", "2016"),
    ("en", "In 2014-16 the war raged.", "2014-16", "2014", "2016"),
    ("en", "The city has changed in the past two years.", "the past two years", "2017", None),
]


@pytest.mark.parametrize(("lang", "text", "span", "value_from", "value_to"), STRETCHES)
def test_stretches(stage, lang, text, span, value_from, value_to):
    mention = check(stage, lang, text, span, None, "vague")
    assert (mention.time.value_from, mention.time.value_to) == (value_from, value_to)


# --------------------------------------------------------------------------- English, anchored

ENGLISH = [
    ("It happened last Tuesday.", "last Tuesday", "2019-03-12", "day"),
    ("It happened on March 12.", "March 12", "2019-03-12", "day"),
    ("It happened on March 12, 2019.", "March 12, 2019", "2019-03-12", "day"),
    ("It happened on 12 March 2019.", "12 March 2019", "2019-03-12", "day"),
    ("It happened on March 12th.", "March 12th", "2019-03-12", "day"),
    ("It happened on the 12th of March 2019.", "12th of March 2019", "2019-03-12", "day"),
    ("It happened on Monday, March 11, police said.", "Monday, March 11", "2019-03-11", "day"),
    ("It happened on Dec. 31.", "Dec. 31", "2018-12-31", "day"),
    ("It happened on 03/12/2019.", "03/12/2019", "2019-03-12", "day"),
    ("It happened on 25/12/2018.", "25/12/2018", "2018-12-25", "day"),
    ("It happened on 12-Mar-2019.", "12-Mar-2019", "2019-03-12", "day"),
    ("It happened two days ago.", "two days ago", "2019-03-12", "day"),
    ("It happened a week ago.", "a week ago", "2019-W10", "week"),
    ("It happened three years ago.", "three years ago", "2016", "year"),
    ("It happened yesterday.", "yesterday", "2019-03-13", "day"),
    ("It happened yesterday morning.", "yesterday morning", "2019-03-13", "day"),
    ("It happened last night.", "last night", "2019-03-13", "day"),
    ("It happened today.", "today", "2019-03-14", "day"),
    ("It happens tonight.", "tonight", "2019-03-14", "day"),
    ("It happens tomorrow.", "tomorrow", "2019-03-15", "day"),
    ("It happened the day before yesterday.", "the day before yesterday", "2019-03-12", "day"),
    ("It happened last week.", "last week", "2019-W10", "week"),
    ("It happened this week.", "this week", "2019-W11", "week"),
    ("It happened last weekend.", "last weekend", "2019-W10", "week"),
    ("It happened earlier this month.", "earlier this month", "2019-03", "month"),
    ("It happened last month.", "last month", "2019-02", "month"),
    ("It happened last year.", "last year", "2018", "year"),
    ("It happened late last year.", "late last year", "2018", "year"),
    ("It will happen next year.", "next year", "2020", "year"),
    ("It happened in 2014.", "2014", "2014", "year"),
    ("It happened in early 2014.", "early 2014", "2014", "year"),
    ("It happened in mid-2014.", "mid-2014", "2014", "year"),
    ("It happened by the end of the year.", "the end of the year", "2019", "year"),
    ("It happened in March 2014.", "March 2014", "2014-03", "month"),
    ("It happened in March.", "March", "2019-03", "month"),
    ("It happened in May.", "May", "2019-05", "month"),
    ("It happened in late May.", "late May", "2019-05", "month"),
    ("It happened last March.", "last March", "2018-03", "month"),
    ("It happened in the summer of 2015.", "the summer of 2015", "2015", "year"),
    ("It happened in summer 2015.", "summer 2015", "2015", "year"),
    ("It happened last summer.", "last summer", "2018", "year"),
    ("It happened on Tuesday.", "Tuesday", "2019-03-12", "day"),
    ("It happened on Thursday.", "Thursday", "2019-03-14", "day"),
    ("It happened Tuesday night.", "Tuesday night", "2019-03-12", "day"),
    ("It happened late Tuesday.", "late Tuesday", "2019-03-12", "day"),
    ("It happens next Friday.", "next Friday", "2019-03-15", "day"),
    ("Talks resumed on Tuesday last week.", "Tuesday last week", "2019-03-05", "day"),
    ("The Easter Sunday bombings killed many.", "Easter Sunday", "2019-04-21", "day"),
    ("It happened on Christmas Day 2018.", "Christmas Day 2018", "2018-12-25", "day"),
    ("It happened on September 20 of this year.", "September 20 of this year", "2019-09-20", "day"),
    ("The biggest protests in a decade.", "in a decade", None, "vague"),
    ("It happened recently.", "recently", None, "vague"),
    ("It has got worse in recent years.", "recent years", None, "vague"),
    ("It has got worse over the past few years.", "the past few years", None, "vague"),
    ("It happened a few days ago.", "a few days ago", None, "vague"),
]


@pytest.mark.parametrize(("text", "span", "value", "precision"), ENGLISH)
def test_english(stage, text, span, value, precision):
    check(stage, "en", text, span, value, precision)


# --------------------------------------------------------------------------- without a publication date

UNANCHORED = [
    ("nl", "Gisteren vielen er doden.", "Gisteren", None, "day"),
    ("nl", "Vorige week vielen er doden.", "Vorige week", None, "week"),
    ("nl", "Vorige maand vielen er doden.", "Vorige maand", None, "month"),
    ("nl", "Vorig jaar vielen er doden.", "Vorig jaar", None, "year"),
    ("nl", "Hij werd op 12 maart opgepakt.", "12 maart", None, "day"),
    ("nl", "Het gebeurde in maart.", "maart", None, "month"),
    ("nl", "Afgelopen vrijdag vielen er doden.", "Afgelopen vrijdag", None, "day"),
    ("nl", "Twee dagen geleden vielen er doden.", "Twee dagen geleden", None, "day"),
    ("nl", "Op 12 maart vorig jaar viel hij aan.", "12 maart vorig jaar", None, "day"),
    ("nl", "Hij werd op 12 maart 2019 opgepakt.", "12 maart 2019", "2019-03-12", "day"),
    ("nl", "In maart 2014 trokken ze binnen.", "maart 2014", "2014-03", "month"),
    ("nl", "Medio 2014 veroverde IS de stad.", "Medio 2014", "2014", "year"),
    ("en", "It happened last Tuesday.", "last Tuesday", None, "day"),
    ("en", "It happened two days ago.", "two days ago", None, "day"),
    ("en", "It happened on March 12, 2019.", "March 12, 2019", "2019-03-12", "day"),
    ("en", "It happened in 2014.", "2014", "2014", "year"),
]


@pytest.mark.parametrize(("lang", "text", "span", "value", "precision"), UNANCHORED)
def test_without_publication_date(stage, lang, text, span, value, precision):
    check(stage, lang, text, span, value, precision, published=None)


def test_stretches_without_publication_date(stage):
    since = only(stage, "Sinds vorig jaar is het onrustig.", published=None)
    assert (since.time.value, since.time.precision, since.time.value_from) == (None, "vague", None)
    decade = only(stage, "In de jaren negentig was het anders.", published=None)
    assert (decade.time.value_from, decade.time.value_to) == ("1990", "1999")


# --------------------------------------------------------------------------- what is not a time

NOT_TIMES = [
    ("nl", "Het vuren begon om 15.00 uur."),
    ("nl", "De gevechten duurden drie dagen lang."),
    ("nl", "Elke dag vallen er doden."),
    ("nl", "Elke maandag is er een markt."),
    ("nl", "Nu is het rustig, momenteel tenminste."),
    ("nl", "Een 23-jarige man werd opgepakt."),
    ("nl", "Er vielen 3.000 doden en 2.014 gewonden."),
    ("nl", "Er werden 2014 mensen gedood."),
    ("nl", "'s Morgens is het rustig."),
    ("nl", "De Morgen meldde het als eerste."),
    ("nl", "De volgende morgen was het rustig."),
    ("nl", "Vandaag de dag is het rustig."),
    ("nl", "Het Goede Vrijdag-akkoord hield stand."),
    ("nl", "Op maandagen is het rustig."),
    ("nl", "Resolutie 2254 werd aangenomen."),
    ("en", "She may go, and they march on."),
    ("en", "Theresa May said it was a matter for the police."),
    ("en", "The march through the town was peaceful."),
    ("en", "The Sunday Times reported the attack."),
    ("en", "The Good Friday Agreement held."),
    ("en", "He was shot every Tuesday."),
    ("en", "Fighting went on for two weeks."),
    ("en", "They walked for days through the forest."),
    ("en", "Right now the town is calm."),
    ("en", "Some 2,014 people fled; 3,000 more stayed."),
    ("en", "The sun rose over the hills."),
    ("en", "The Boeing 737 crashed."),
    ("en", "The last days of Mosul were grim."),
    ("en", "In the past, the next day was always calm."),
    ("nl", "De laatste dagen van het kalifaat waren grimmig."),
    ("nl", "De vorige regering viel; de volgende dag vertrok hij."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_TIMES)
def test_not_times(stage, lang, text):
    assert tag(stage, text, lang) == []


# --------------------------------------------------------------------------- several in one text


def test_several_mentions_sorted_and_sound(stage):
    text = (
        "Gisteren vielen bij een aanslag in Kaboel twaalf doden. Vorige week kwamen er al drie om. "
        "Sinds 2014 is de stad onrustig; in maart 2014 trok het leger binnen en op 12 maart 2019 "
        "volgde een bestand. Twee dagen geleden brak dat."
    )
    mentions = tag(stage, text)
    assert [m.text for m in mentions] == [
        "Gisteren", "Vorige week", "Sinds 2014", "maart 2014", "12 maart 2019", "Twee dagen geleden",
    ]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_years_joined_by_conjunction(stage):
    mentions = tag(stage, "In 2014 en 2015 vielen er doden.")
    assert [(m.text, m.time.value) for m in mentions] == [("2014", "2014"), ("2015", "2015")]
    mentions = tag(stage, "It happened in 2014 and 2015.", "en")
    assert [m.time.value for m in mentions] == ["2014", "2015"]


def test_unknown_language_and_odd_published(stage):
    assert tag(stage, "Gisteren vielen er doden.", lang="und") == []
    assert tag(stage, "Gestern gab es Tote.", lang="xx") == []
    assert only(stage, "Gisteren vielen er doden.", published=datetime(2019, 3, 14, 10, 0)).time.value == "2019-03-13"
    for extreme in (date.min, date.max):  # values off the calendar are dropped, never raised
        for mention in tag(stage, "Gisteren, morgen, vorig jaar, volgend jaar, 31 december.", published=extreme):
            assert mention.time.value is None or len(mention.time.value) >= 4


def test_offsets_after_characters_that_change_length_in_lower_case(stage):
    text = "İstanbul: gisteren vielen er doden."
    assert lower_same_length(text).__len__() == len(text)
    mention = only(stage, text)
    assert text[mention.start:mention.end] == "gisteren"


# --------------------------------------------------------------------------- calendar helpers


def test_calendar_helpers():
    assert iso_value("week", date(2019, 3, 7)) == "2019-W10"
    assert iso_value("week", date(2021, 1, 2)) == "2020-W53"
    assert iso_value("vague", PUBLISHED) is None
    assert closest_day(12, 31, PUBLISHED) == date(2018, 12, 31)
    assert closest_day(2, 29, date(2021, 3, 1)) == date(2020, 2, 29)
    assert month_near(12, PUBLISHED, None) == date(2018, 12, 1)
    assert month_near(3, PUBLISHED, -1) == date(2018, 3, 1)
    assert month_near(3, PUBLISHED, 1) == date(2020, 3, 1)
    assert weekday_near(3, PUBLISHED, None) == PUBLISHED
    assert weekday_near(3, PUBLISHED, -1) == date(2019, 3, 7)
    assert weekday_near(3, PUBLISHED, 1) == date(2019, 3, 21)
    assert weekday_near(4, PUBLISHED, 0) == date(2019, 3, 15)
    assert [easter(y) for y in (2019, 2020, 2024)] == [date(2019, 4, 21), date(2020, 4, 12), date(2024, 3, 31)]


# --------------------------------------------------------------------------- a new language is data only


def test_a_language_from_data_alone():
    section = {
        "months": {"januar": 1, "märz": 3},
        "weekdays": {"montag": 0, "dienstag": 1},
        "relative_days": {"gestern": -1, "heute": 0},
        "shifts": {"letzte": -1, "letzten": -1, "diese": 0},
        "units": {"woche": "week", "jahr": "year", "tag": "day"},
        "plural_units": {"tage": "day", "tagen": "day", "jahre": "year"},
        "numbers": {"zwei": 2, "drei": 3},
        "words": {"ago_before": ["vor"], "year_cues": ["im", "seit"], "since": ["seit"], "ordinal_suffixes": ["."]},
        "options": {"capitalised_names": False},
    }
    tagger = TimeTagger(TimeWords.from_section(section), "de")
    mentions = tagger.tag("Gestern und vor zwei Tagen, letzte Woche, am 12. März 2019, seit 2014.", PUBLISHED)
    assert [(m.text, m.time.value, m.time.precision) for m in mentions] == [
        ("Gestern", "2019-03-13", "day"),
        ("vor zwei Tagen", "2019-03-12", "day"),
        ("letzte Woche", "2019-W10", "week"),
        ("12. März 2019", "2019-03-12", "day"),
        ("seit 2014", None, "vague"),
    ]


def test_a_broken_pattern_is_a_config_error():
    with pytest.raises(ConfigError):
        TimeTagger(TimeWords.from_section({"decades": {"patterns": ["(?P<decade>"]}}), "xx")


# --------------------------------------------------------------------------- the whole pipeline and speed


def test_through_the_pipeline(extract):
    doc = extract("Bij een aanslag in Kaboel vielen gisteren twaalf doden. Sinds 2014 is het daar onrustig.",
                  lang="nl", published="2019-03-14")
    assert [(t.text, t.time.value, t.time.value_from) for t in doc.times] == [
        ("gisteren", "2019-03-13", None), ("Sinds 2014", None, "2014"),
    ]
    contract = doc.to_contract()
    assert contract["times"][0] == {"start": 33, "end": 41, "text": "gisteren", "value": "2019-03-13", "precision": "day"}
    english = extract("Twelve people were killed in Kabul on Tuesday, police said.", lang="en", published="2019-03-14")
    assert [(t.text, t.time.value) for t in english.times] == [("Tuesday", "2019-03-12")]


NEWS = (
    "Bij een aanslag op een markt in het noorden van Syrië zijn gisteren zeker twaalf mensen om het leven "
    "gekomen. De explosie vond plaats rond 11.00 uur lokale tijd. Volgens de organisatie raakten ruim veertig "
    "mensen gewond. De regio is al jaren het toneel van gevechten. Vorige week kwamen bij een vergelijkbare "
    "aanval nog drie burgers om. Sinds 2018 staat het gebied onder controle van het Turkse leger. De VN "
    "riepen de partijen op dinsdag op tot terughoudendheid. Op 12 maart 2019 werd een bestand afgekondigd.\n"
)


def test_speed(stage):
    text = NEWS * 100
    tag(stage, NEWS)
    started = time.perf_counter()
    mentions = tag(stage, text)
    rate = len(text) / (time.perf_counter() - started)
    assert len(mentions) == 600
    assert rate > 50_000, f"{rate:,.0f} characters/s"  # measured ~800,000/s; generous for busy CI machines
