"""Events stage (events.lexicon.v1): triggers, types, arguments and modality from language data.

Documents are built by hand with the items the stage reads (sentences, entities, places, times,
quantities), so these tests do not depend on the stages before it; one smoke test runs the whole
pipeline.
"""

from __future__ import annotations

import pytest
from builders import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.contract import load_taxonomy, validation_errors
from kroniek.cues import PhraseMatcher, word_tokens
from kroniek.document import (
    Document,
    Place,
    QuantityValue,
    TimeValue,
)
from kroniek.errors import ConfigError
from kroniek.events import EventsStage, load_event_lexicon
from kroniek.lang import load_language_data
from kroniek.resources import Resources


@pytest.fixture(scope="module")
def stage() -> EventsStage:
    return EventsStage(Resources())


def run(stage: EventsStage, doc: Document) -> Document:
    stage(doc)
    return doc


KABUL = Place("Kabul", "AF", 34.53, 69.17, kind="city")
AT_LEAST_12 = QuantityValue(12, "at_least", 12)


# ---------------------------------------------------------------- Dutch


def test_dutch_bomb_attack_with_place_time_and_fatalities(stage):
    text = "Bij een bomaanslag in Kaboel vielen gisteren zeker twaalf doden."
    doc = make_doc(
        text,
        "nl",
        quantities=[("zeker twaalf", AT_LEAST_12, "doden")],
        times=[("gisteren", TimeValue("2019-03-13", "day"))],
        places=[("Kaboel", KABUL)],
    )
    [event] = run(stage, doc).events
    assert (event.id, event.type, event.subtype) == (
        "ev1",
        "explosions_remote_violence",
        "remote_explosive_landmine_ied",
    )
    assert event.trigger.text == "bomaanslag" and text[event.trigger.start : event.trigger.end] == "bomaanslag"
    assert event.place == KABUL
    assert event.time == TimeValue("2019-03-13", "day")
    assert event.fatalities == AT_LEAST_12
    assert event.injured is None
    assert event.modality == "asserted"
    assert event.sentence == 0 and event.stage == "events.lexicon.v1"


@pytest.mark.parametrize(
    "text, subtype",
    [
        ("Een autobomaanslag trof het centrum.", "remote_explosive_landmine_ied"),
        ("Een zelfmoordaanslag trof het centrum.", "suicide_bomb"),
        ("Een zelfmoordterrorist pleegde een aanslag op de markt.", "suicide_bomb"),
        ("Bij de aanslag werden schoten gelost.", "attack"),
        ("Een aanslag trof het centrum.", "attack"),  # "aanslag" without a means (guide, rule 4)
        ("Bij de aanslag ontplofte een bom.", "remote_explosive_landmine_ied"),
        ("Het dorp werd getroffen door een luchtaanval.", "air_drone_strike"),
        ("Bij beschietingen kwamen drie mensen om.", "shelling_artillery_missile_attack"),
        ("Straaljagers voerden een bombardement uit.", "air_drone_strike"),
        ("Er waren hevige gevechten rond de stad.", "armed_clash"),
        ("Bij een schietpartij vielen drie doden.", "attack"),
        ("De journalist werd ontvoerd.", "abduction_forced_disappearance"),
        ("Drie verdachten zijn gearresteerd.", "arrests"),
        ("Duizenden mensen namen deel aan een betoging.", "peaceful_protest"),
        ("De betoging werd met traangas uiteengedreven.", "protest_with_intervention"),
        ("Er braken rellen uit.", "violent_demonstration"),
        ("De rebellen veroverden de stad.", "non_state_actor_overtakes_territory"),
        ("Het leger trok zich terug uit de stad.", "non_violent_transfer_of_territory"),
        ("De terugtrekking van de troepen begon.", "non_violent_transfer_of_territory"),
        ("In 2016 heroverde het leger de stad.", "government_regains_territory"),
        ("Er geldt sinds maandag een staakt-het-vuren.", "agreement"),
    ],
)
def test_dutch_triggers_and_refinements(stage, text, subtype):
    events = run(stage, make_doc(text, "nl")).events
    assert [e.subtype for e in events] == [subtype]
    assert subtype in load_taxonomy()["event_types"][events[0].type]


def test_dutch_regained_city_takes_time_in_sentence(stage):
    doc = make_doc("In 2016 heroverde het leger de stad.", "nl", times=[("2016", TimeValue("2016", "year"))])
    [event] = run(stage, doc).events
    assert (event.type, event.subtype, event.trigger.text) == ("battles", "government_regains_territory", "heroverde")
    assert event.time == TimeValue("2016", "year")


def test_dutch_generic_statement(stage):
    events = run(stage, make_doc("Aanslagen en ontvoeringen zijn er dagelijkse kost.", "nl")).events
    assert [(e.trigger.text, e.modality) for e in events] == [("Aanslagen", "generic"), ("ontvoeringen", "generic")]
    assert [e.subtype for e in events] == ["attack", "abduction_forced_disappearance"]
    assert [e.id for e in events] == ["ev1", "ev2"]


def test_dutch_reported(stage):
    doc = make_doc(
        "Tientallen strijders zouden zijn opgepakt.",
        "nl",
        quantities=[("Tientallen", QuantityValue(20, "at_least", 20), "strijders")],
    )
    [event] = run(stage, doc).events
    assert (event.subtype, event.modality, event.fatalities) == ("arrests", "reported", None)


def test_no_deaths_is_zero_fatalities_not_a_negated_event(stage):
    [event] = run(stage, make_doc("Bij de aanval op de kazerne vielen geen doden.", "nl")).events
    assert event.modality == "asserted"
    assert event.fatalities == QuantityValue(0, "exact")
    assert event.subtype == "armed_clash"  # "kazerne" refines the weak trigger "aanval"


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Er is geen aanslag gepleegd.", "negated"),
        ("Het leger heeft de stad niet aangevallen.", "negated"),
        ("De politie verijdelde een poging tot ontvoering.", "attempted"),
        ("De mannen beraamden een aanslag op het parlement.", "planned"),
        ("Het conflict zou kunnen uitmonden in gevechten.", "hypothetical"),
        ("Als de onderhandelingen mislopen, dreigen nieuwe gevechten.", "hypothetical"),
        ("Naar verluidt is een journalist ontvoerd.", "reported"),
        ("Volgens de politie is een journalist ontvoerd.", "reported"),
        ("Zes mensen kwamen om als gevolg van de beschieting.", "asserted"),
    ],
)
def test_dutch_modality(stage, text, modality):
    [event] = run(stage, make_doc(text, "nl")).events
    assert event.modality == modality


def test_modality_cues_count_only_in_the_triggers_clause(stage):
    text = "Rebellen probeerden een journalist te ontvoeren; het leger heroverde het centrum na twee dagen."
    events = run(stage, make_doc(text, "nl")).events
    assert [(e.subtype, e.modality) for e in events] == [
        ("abduction_forced_disappearance", "attempted"),
        ("government_regains_territory", "asserted"),
    ]


def test_same_type_triggers_merge_keeping_the_most_specific(stage):
    [event] = run(stage, make_doc("Bij de luchtaanval volgde een explosie en werden drie mensen gedood.", "nl")).events
    assert (event.subtype, event.trigger.text) == ("air_drone_strike", "luchtaanval")


def test_different_types_in_one_sentence_are_separate_events(stage):
    events = run(stage, make_doc("Na de bomaanslag werden drie verdachten gearresteerd.", "nl")).events
    assert [e.subtype for e in events] == ["remote_explosive_landmine_ied", "arrests"]


def test_dutch_fatalities_and_injured_from_verbs(stage):
    text = "Bij de beschieting raakten drie mensen gewond en kwamen twee mensen om."
    doc = make_doc(
        text,
        "nl",
        quantities=[("drie", QuantityValue(3, "exact"), "mensen"), ("twee", QuantityValue(2, "exact"), "mensen")],
    )
    [event] = run(stage, doc).events
    assert event.injured == QuantityValue(3, "exact")
    assert event.fatalities == QuantityValue(2, "exact")


def test_dutch_actors_and_targets(stage):
    text = "De Taliban pleegden een aanslag op de NAVO in Kaboel."
    doc = make_doc(
        text,
        "nl",
        entities=[("Taliban", "ORG", "Taliban"), ("NAVO", "ORG", "NATO"), ("Kaboel", "LOC", "Kabul")],
        places=[("Kaboel", KABUL)],
    )
    [event] = run(stage, doc).events
    assert event.actors == ["Taliban"]
    assert event.targets == ["NATO"]  # canonical name; the LOC entity is the place, not an actor
    assert event.place == KABUL


def test_actor_after_passive_marker(stage):
    doc = make_doc("De journalist werd ontvoerd door Boko Haram.", "nl", entities=[("Boko Haram", "ORG", "Boko Haram")])
    [event] = run(stage, doc).events
    assert (event.actors, event.targets) == (["Boko Haram"], [])


def test_events_numbered_through_the_document(stage):
    text = "Er waren gevechten in het noorden. Later volgde een luchtaanval. Drie mensen zijn opgepakt."
    events = run(stage, make_doc(text, "nl")).events
    assert [(e.id, e.sentence) for e in events] == [("ev1", 0), ("ev2", 1), ("ev3", 2)]


def test_odd_input_gives_no_events(stage):
    assert run(stage, make_doc("", "nl")).events == []
    assert run(stage, make_doc("!!! ... 123", "nl")).events == []
    doc = Document(id="x", text="Er braken rellen uit", lang="nl")  # no sentences: the text is one
    assert [e.subtype for e in run(stage, doc).events] == ["violent_demonstration"]


# ---------------------------------------------------------------- English


def test_english_airstrike_reported_by_officials(stage):
    text = "At least 12 people were killed in an airstrike on Tuesday, officials said."
    doc = make_doc(
        text,
        "en",
        quantities=[("At least 12", AT_LEAST_12, "people")],
        times=[("Tuesday", TimeValue("2019-03-12", "day"))],
    )
    [event] = run(stage, doc).events  # "killed" is weak beside "airstrike"
    assert (event.type, event.subtype, event.trigger.text) == (
        "explosions_remote_violence",
        "air_drone_strike",
        "airstrike",
    )
    assert event.fatalities == AT_LEAST_12
    assert event.time == TimeValue("2019-03-12", "day")
    assert event.modality == "reported"


def test_english_killing_and_injuring(stage):
    text = "A suicide bomber struck a market, killing 5 and injuring 30."
    doc = make_doc(
        text, "en", quantities=[("5", QuantityValue(5, "exact"), None), ("30", QuantityValue(30, "exact"), None)]
    )
    [event] = run(stage, doc).events
    assert event.subtype == "suicide_bomb"
    assert (event.fatalities.value, event.injured.value) == (5, 30)


def test_english_no_casualties(stage):
    [event] = run(stage, make_doc("Coalition authorities report no casualties from the missile strike.", "en")).events
    assert event.subtype == "shelling_artillery_missile_attack"
    assert event.fatalities == QuantityValue(0, "exact") and event.injured == QuantityValue(0, "exact")


def test_english_subject_actor_object_target(stage):
    text = "The Taliban attacked Kurdish forces near Kobani."
    doc = make_doc(text, "en", entities=[("Taliban", "ORG", "Taliban"), ("Kurdish forces", "ORG", None)])
    [event] = run(stage, doc).events
    assert (event.type, event.subtype) == ("battles", "armed_clash")
    assert (event.actors, event.targets) == (["Taliban"], ["Kurdish forces"])


@pytest.mark.parametrize(
    "text, subtype, modality",
    [
        ("There was no attack on the village.", "attack", "negated"),
        ("Police said the men were plotting a bombing.", "remote_explosive_landmine_ied", "planned"),
        ("Gunmen tried to kidnap the governor.", "abduction_forced_disappearance", "attempted"),
        ("Kidnappings happen frequently in the region.", "abduction_forced_disappearance", "generic"),
        ("The protest could turn violent.", "peaceful_protest", "hypothetical"),
        ("Troops reportedly recaptured the town.", "government_regains_territory", "reported"),
        ("Rebels seized the town.", "non_state_actor_overtakes_territory", "asserted"),
        ("The authorities seized these firearms.", "disrupted_weapons_use", "asserted"),
        ("Police fired tear gas at protesters.", "protest_with_intervention", "asserted"),
        ("Clashes broke out between troops and rebels.", "armed_clash", "asserted"),
    ],
)
def test_english_triggers_and_modality(stage, text, subtype, modality):
    [event] = run(stage, make_doc(text, "en")).events
    assert (event.subtype, event.modality) == (subtype, modality)


def test_month_name_march_is_not_a_protest(stage):
    assert run(stage, make_doc("On 12 March the minister visited the capital.", "en")).events == []


# ---------------------------------------------------------------- triggers, merging and mentions


def _triggers(stage, text: str, lang: str) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.subtype) for e in run(stage, make_doc(text, lang)).events]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # an event noun beats the verb of the act, which beats the noun for the attacker
        (
            "Twee schutters hebben twaalf mensen gedood bij een aanval op de redactie.",
            "nl",
            [("aanval", "attack")],
        ),
        ("Een schutter heeft negen mensen doodgeschoten.", "nl", [("doodgeschoten", "attack")]),
        ("An IT worker went on a stabbing spree, killing four.", "en", [("stabbing spree", "attack")]),
        # a state force killing someone is a clash; beside a violent event the verb is only its verb
        (
            "De politie doodde de schutter en heeft veertien mensen aangehouden.",
            "nl",
            [("doodde", "armed_clash"), ("aangehouden", "arrests")],
        ),
        ("US forces killed the commander in an airstrike.", "en", [("airstrike", "air_drone_strike")]),
        ("Security forces shot dead 100 protesters.", "en", [("shot dead", "excessive_force_against_protesters")]),
        # `requires`: the trigger counts only with its context
        (
            "Turkse troepen hebben een militaire basis gevestigd bij Afrin.",
            "nl",
            [("gevestigd", "headquarters_or_base_established")],
        ),
        ("Het bedrijf is gevestigd in Utrecht.", "nl", []),
        # what is defused or seized is not an event of its own; the fighting is part of a recapture
        ("Security forces defused a car bomb outside a police station.", "en", [("defused", "disrupted_weapons_use")]),
        ("Na zware gevechten heeft het leger Mosul heroverd.", "nl", [("heroverd", "government_regains_territory")]),
        # accidents are not events
        ("The blaze killed three people.", "en", []),
        # coups, suicide attacks without the word "suicide", specific sub-types of one type in one sentence
        ("Soldiers tried to seize power, but the coup attempt was foiled.", "en", [("seize power", "other")]),
        ("A car bomb was rammed into a military base.", "en", [("car bomb", "suicide_bomb")]),
        (
            "An airstrike hit a market, while shelling killed three children.",
            "en",
            [("airstrike", "air_drone_strike"), ("shelling", "shelling_artillery_missile_attack")],
        ),
    ],
)
def test_trigger_choice(stage, text, lang, expected):
    assert _triggers(stage, text, lang) == expected


def test_anaphoric_mention_adds_its_arguments_to_the_first_mention(stage):
    text = "A car bomb exploded at a military base. Dozens died in the attack, reportedly conducted by the Taliban."
    doc = make_doc(text, "en", quantities=[("Dozens", QuantityValue(24, "at_least", 24), "died")])
    [event] = run(stage, doc).events
    assert (event.trigger.text, event.sentence, event.fatalities) == ("car bomb", 0, QuantityValue(24, "at_least", 24))


def test_later_toll_verb_and_same_subtype_join_the_event(stage):
    text = "Jihadisten hebben de havenstad Palma ingenomen. Tientallen burgers zouden zijn gedood."
    assert _triggers(stage, text, "nl") == [("ingenomen", "non_state_actor_overtakes_territory")]
    text = "In Amsterdam demonstreerden duizenden mensen. De demonstratie verliep vreedzaam."
    assert _triggers(stage, text, "nl") == [("demonstreerden", "peaceful_protest")]


def test_anaphor_of_another_kind_or_far_away_is_a_new_event(stage):
    text = "Er was een hinderlaag bij Kirkuk. Op het Tahrirplein gaan de betogingen door."
    assert [s for _, s in _triggers(stage, text, "nl")] == ["armed_clash", "peaceful_protest"]
    filler = " ".join(["Het weer was goed."] * 4)
    text = f"Een bomaanslag trof Kaboel. {filler} De aanslag werd opgeëist."
    assert len(_triggers(stage, text, "nl")) == 2


def test_generic_event_does_not_take_in_a_specific_one(stage):
    text = "A couple of suicide bombings took place often last month. Two people were killed in a suicide bombing on June 27."
    events = run(stage, make_doc(text, "en")).events
    assert [(e.sentence, e.modality) for e in events] == [(0, "generic"), (1, "asserted")]


def test_arrests_at_a_protest_and_cues_of_the_next_sentence_refine_the_protest(stage):
    text = "In Bagdad betoogden duizenden mensen. De politie heeft twintig mensen opgepakt."
    assert _triggers(stage, text, "nl") == [("betoogden", "protest_with_intervention")]
    text = "In Bagdad betoogden zaterdag duizenden mensen. De politie zette traangas in."
    assert _triggers(stage, text, "nl") == [("betoogden", "protest_with_intervention")]


# ---------------------------------------------------------------- data and matching


@pytest.mark.parametrize("code", ["nl", "en"])
def test_language_data_loads_with_valid_acled_types(code):
    lexicon = load_event_lexicon(load_language_data(code).section("events"))
    assert len(lexicon.rules) >= 25
    taxonomy = load_taxonomy()["event_types"]
    assert all(rule.subtype in taxonomy[rule.type] for rule in lexicon.rules.values())


def test_bad_type_in_data_is_a_config_error():
    with pytest.raises(ConfigError):
        load_event_lexicon({"trigger": [{"id": "x", "forms": ["x"], "type": "battles", "subtype": "picnic"}]})


def test_phrase_matcher_compounds_stems_and_phrases():
    matcher = PhraseMatcher({"a": ["aanslag", "=rel"], "s": ["ontvoer*"], "m": ["trok zich terug"]}, compounds=True)
    assert matcher.match_word("autobomaanslag") == ("a", 7)
    assert matcher.match_word("rel") == ("a", 0)
    assert matcher.match_word("parel") is None  # "=rel" does not end compounds
    assert matcher.match_word("ontvoeringen") == ("s", 0)
    assert matcher.match_word("is-ontvoerders") == ("s", 3)
    found = matcher.find(word_tokens("Het leger trok zich terug."))
    assert [(m.key, m.start, m.end) for m in found] == [("m", 2, 5)]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdeorsltn -;:,.İß'’\"0123456789") | st.characters(), max_size=200))
def test_any_text_gives_well_formed_events(text):
    stage = EventsStage(Resources())
    for lang in ("nl", "en"):
        doc = make_doc(text, lang)
        stage(doc)
        for number, event in enumerate(doc.events, start=1):
            assert event.id == f"ev{number}"
            assert text[event.trigger.start : event.trigger.end] == event.trigger.text != ""


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Geen doden. Bij een zelfmoordaanslag op de NAVO-basis vielen geen gewonden; niemand kwam om.", "nl"),
        ("No one was killed. Suicide bombers attacked; no attack; killing; injuring", "en"),
    ],
)
def test_zero_counts_and_odd_cue_positions_do_not_crash(stage, text, lang):
    assert run(stage, make_doc(text, lang)).events


def test_whole_pipeline_output_validates(extract):
    for text, lang in [
        (
            "Bij een bomaanslag in Kaboel vielen gisteren zeker twaalf doden. Tientallen strijders zouden zijn opgepakt.",
            "nl",
        ),
        ("At least 12 people were killed in an airstrike on Tuesday, officials said. No one was injured.", "en"),
    ]:
        doc = extract(text, lang=lang, published="2019-03-14")
        assert validation_errors(doc.to_contract()) == []


@pytest.mark.parametrize(
    ("lang", "text", "modality"),
    [
        ("nl", "De Turkse regering ontkent dat haar drones vorige week een ziekenhuis in Qamishli hebben getroffen.", "negated"),
        ("en", "Burkina Faso's army on Monday rejected accusations that its soldiers had executed dozens of civilians.", "negated"),
        ("nl", "In de deelstaat Guerrero worden vrijwel wekelijks lokale politici vermoord.", "generic"),
        ("en", "Armed groups in eastern Congo regularly attack villages and camps for displaced people.", "generic"),
        ("en", "German police arrested 25 people in raids across the country on Wednesday on suspicion of plotting to overthrow the government.", "asserted"),
        ("nl", "De politie heeft in Rotterdam twee mannen opgepakt die verdacht worden van het voorbereiden van een aanslag.", "asserted"),
        ("en", "The attack was foiled by the police.", "attempted"),
    ],
)
def test_denials_habits_and_far_plans(stage, lang: str, text: str, modality: str) -> None:
    events = run(stage, make_doc(text, lang)).events
    assert events and events[0].modality == modality


def test_civilian_victims_make_violence_against_civilians_not_a_battle(stage) -> None:
    for text, lang in (("Malinese militairen hebben in het dorp Moura zo'n 300 burgers geëxecuteerd.", "nl"),
                       ("Soldiers executed dozens of civilians in the village of Karma.", "en")):
        events = run(stage, make_doc(text, lang)).events
        assert [(e.type, e.subtype) for e in events] == [("violence_against_civilians", "attack")]


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "subtype"),
    [
        ("nl", "Duizenden mensen gingen zondagavond in Tbilisi de straat op tegen de regering. De oproerpolitie zette "
               "waterkanonnen in; volgens het ministerie zijn 43 betogers opgepakt.", "de straat op", "protest_with_intervention"),
        ("nl", "De Houthi's hebben een vrachtschip met raketten beschoten.", "beschoten", "shelling_artillery_missile_attack"),
        ("en", "Iran fired more than 180 ballistic missiles at Israel on Tuesday evening.", "fired", "shelling_artillery_missile_attack"),
        ("nl", "Strijders van al-Shabaab bestormden vrijdagavond het Hayat-hotel in Mogadishu.", "bestormden", "attack"),
        ("en", "Islamic State militants stormed a prison in Hasakah last month.", "stormed", "armed_clash"),
        ("nl", "Saoedi-Arabië en de Houthi's hebben ingestemd met een uitwisseling van bijna 900 gevangenen.", "uitwisseling", "agreement"),
        ("nl", "De luchtverdediging heeft boven Kyiv twintig drones uit de lucht geschoten.", "uit de lucht geschoten", "disrupted_weapons_use"),
    ],
)
def test_triggers_named_by_the_act(stage, lang: str, text: str, trigger: str, subtype: str) -> None:
    events = run(stage, make_doc(text, lang)).events
    assert [(e.trigger.text, e.subtype) for e in events] == [(trigger, subtype)]


def test_nouns_for_people_alone_are_no_event(stage) -> None:
    text = "Arnel dela Vega of the army said the Abu Sayyaf Group are the suspected perpetrators."
    assert run(stage, make_doc(text, "en")).events == []


def test_claiming_responsibility_is_no_attribution(stage) -> None:
    text = "Gunmen opened fire on concertgoers at a music venue outside Moscow, and the Islamic State group claimed responsibility."
    [event] = run(stage, make_doc(text, "en")).events
    assert event.modality == "asserted"


def test_rioters_looting_is_a_violent_demonstration(stage) -> None:
    text = "Protesters looted shopping malls and set fire to warehouses in Durban for a fifth day."
    assert [(e.type, e.subtype) for e in run(stage, make_doc(text, "en")).events] == [("riots", "violent_demonstration")]


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        ("nl", "Bij een Russische luchtaanval op Charkiv zijn zeker vier burgers omgekomen.", "Military Forces of Russia"),
        ("en", "Israel responded with airstrikes on the Gaza Strip that killed at least 20 people.", "Military Forces of Israel"),
    ],
)
def test_air_strikes_are_flown_by_the_state_the_sentence_names(extract, lang: str, text: str, actor: str) -> None:
    assert [e.actors for e in extract(text, lang).events] == [[actor]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "In Stockholm is zondag een agent doodgeschoten."),
        ("en", "A police officer was shot dead in Paris on Sunday."),
    ],
)
def test_one_victim_without_a_figure_is_one_dead(extract, lang: str, text: str) -> None:
    [event] = extract(text, lang).events
    assert event.fatalities is not None and (event.fatalities.value, event.fatalities.qualifier) == (1, "exact")


def test_a_country_that_acts_is_not_the_place(extract) -> None:
    [fired, *_] = extract("Iran fired more than 180 ballistic missiles at Israel on Tuesday evening.", "en").events
    assert fired.place is not None and fired.place.country_code == "IL"


def test_fighting_and_retreat_around_a_town_taken_are_that_event(extract) -> None:
    text = ("De rebellen van M23 hebben de stad Bunagana aan de grens met Oeganda ingenomen. "
            "Het Congolese leger trok zich na hevige gevechten terug.")
    assert [e.subtype for e in extract(text, "nl").events] == ["non_state_actor_overtakes_territory"]
