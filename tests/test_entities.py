"""The entities stage (entities.lexicon.v1)."""

from __future__ import annotations

import pytest

from kroniek.document import Document
from kroniek.entities import EntitiesStage, load_actors
from kroniek.places import PlacesStage
from kroniek.resources import Resources

ACLED_ACTOR_TYPES = {
    "state_forces", "rebel_group", "political_militia", "identity_militia",
    "rioters", "protesters", "civilians", "external_other_forces",
}


@pytest.fixture(scope="module")
def stage() -> EntitiesStage:
    return EntitiesStage(Resources())


def entities(stage: EntitiesStage, text: str, lang: str) -> list[tuple[str, str, str]]:
    """The entities of ``text``, after the places stage (which runs first in the pipeline)."""
    doc = Document("t", text, lang=lang)
    _PLACES(doc)
    stage(doc)
    previous_end = -1
    for index, entity in enumerate(doc.entities, start=1):
        assert entity.id == f"e{index}" and entity.canonical
        assert doc.text[entity.start : entity.end] == entity.text
        assert entity.start >= previous_end  # text order, no overlap
        previous_end = entity.end
    return [(e.text, e.label, e.canonical) for e in doc.entities]


_PLACES = PlacesStage(Resources())


def test_lexicon_is_valid() -> None:
    actors = load_actors()
    assert len(actors) >= 40
    assert {a.type for a in actors} <= ACLED_ACTOR_TYPES
    assert len({a.name for a in actors}) == len(actors)


def test_is_versus_is(stage: EntitiesStage) -> None:
    assert entities(stage, "Het is laat. Is dat zo?", "nl") == []
    assert entities(stage, "IS eiste de aanslag op.", "nl") == [("IS", "ORG", "Islamic State")]


def test_same_canonical_for_names_of_islamic_state(stage: EntitiesStage) -> None:
    text = "Islamitische Staat, ook Daesh, ISIS of ISIL genoemd."
    found = entities(stage, text, "nl")
    assert [t for t, _, _ in found] == ["Islamitische Staat", "Daesh", "ISIS", "ISIL"]
    assert {c for _, _, c in found} == {"Islamic State"}


def test_compounds(stage: EntitiesStage) -> None:
    text = "IS-strijders en een Talibanleider. VN-troepen kwamen naar de NAVO-top. De taliban zwegen."
    assert entities(stage, text, "nl") == [
        ("IS", "ORG", "Islamic State"),
        ("Taliban", "ORG", "Taliban"),
        ("VN", "ORG", "United Nations"),
        ("NAVO", "ORG", "NATO"),
        ("taliban", "ORG", "Taliban"),
    ]


def test_state_forces_places_and_nationalities_dutch(stage: EntitiesStage) -> None:
    text = "Het Iraakse leger rukte op naar Mosoel, nabij de Syrische grens. De Syrische regering zweeg."
    assert entities(stage, text, "nl") == [
        ("Iraakse leger", "ORG", "Military Forces of Iraq"),
        ("Mosoel", "LOC", "Mosul"),
        ("Syrische", "MISC", "Syria"),
        ("Syrische regering", "ORG", "Government of Syria"),
    ]


def test_english(stage: EntitiesStage) -> None:
    text = (
        "ISIS fighters attacked Iraqi security forces near Mosul, Human Rights Watch said. "
        "The Iraqi army, UN officials and Al Qaeda were there; the Syrian opposition forces too."
    )
    assert entities(stage, text, "en") == [
        ("ISIS", "ORG", "Islamic State"),
        ("Iraqi security forces", "ORG", "Military Forces of Iraq"),
        ("Mosul", "LOC", "Mosul"),
        ("Human Rights Watch", "ORG", "Human Rights Watch"),
        ("Iraqi army", "ORG", "Military Forces of Iraq"),
        ("UN", "ORG", "United Nations"),
        ("Al Qaeda", "ORG", "Al Qaeda"),
        ("Syrian", "MISC", "Syria"),
    ]


def test_actor_names_are_not_places(stage: EntitiesStage) -> None:
    found = entities(stage, "Hezbollah, Hamas en Boko Haram; het Rode Kruis in Gaza.", "nl")
    assert found[-1] == ("Gaza", "LOC", "Gaza")
    assert [label for _, label, _ in found[:-1]] == ["ORG"] * 4


def test_odd_input(stage: EntitiesStage) -> None:
    for text in ("", "\x00", "IS" * 500, "-IS-IS-"):
        doc = Document("t", text, lang="xx")
        stage(doc)
        assert isinstance(doc.entities, list)


def test_state_forces_from_country_names_and_of_phrases(stage: EntitiesStage) -> None:
    found = entities(stage, "US troops and U.S. special forces met the government of Syria.", "en")
    assert ("US troops", "ORG", "Military Forces of the United States") in found
    assert ("U.S. special forces", "ORG", "Military Forces of the United States") in found
    assert ("government of Syria", "ORG", "Government of Syria") in found
    found = entities(stage, "Het leger van Myanmar en de Syrian Army.", "nl")
    assert ("leger van Myanmar", "ORG", "Military Forces of Myanmar") in found


def test_persons_get_canonical_names_and_stated_affiliations(stage: EntitiesStage) -> None:
    text = "Taliban spokesman Zabiullah Mujahid spoke. Later Mujahid left."
    doc = Document("t", text, lang="en")
    _PLACES(doc)
    stage(doc)
    persons = [(e.text, e.canonical, e.affiliation) for e in doc.entities if e.label == "PER"]
    assert persons == [("Zabiullah Mujahid", "Zabiullah Mujahid", "Taliban"), ("Mujahid", "Zabiullah Mujahid", "Taliban")]
    taliban = next(e for e in doc.entities if e.text == "Taliban")
    assert taliban.actor_type == "rebel_group"
