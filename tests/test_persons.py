"""The name finder (kroniek.persons): persons and organisations without an NER model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.persons import NameFinder, load_person_cues
from kroniek.resources import Resources


@pytest.fixture(scope="module")
def finders() -> dict[str, NameFinder]:
    resources = Resources()
    return {code: NameFinder(load_person_cues(resources, code)) for code in ("en", "nl", "xx")}


def names(finder: NameFinder, text: str, places: list[tuple[int, int]] = ()) -> list[tuple[str, str]]:
    found = finder.find(text, list(places))
    for name in found:
        assert text[name.start : name.end] == name.text
    return [(n.label, n.text) for n in found]


def test_titles_are_left_out_and_allow_one_word_names(finders: dict[str, NameFinder]) -> None:
    assert names(finders["en"], "US President Donald Trump met Gen. Qasem Soleimani's rivals.") == [
        ("PER", "Donald Trump"), ("PER", "Qasem Soleimani"),
    ]
    assert names(finders["nl"], "Volgens president Poetin heeft IS-leider Abu Bakr al-Baghdadi gezegd.") == [
        ("PER", "Poetin"), ("PER", "Abu Bakr al-Baghdadi"),
    ]
    assert names(finders["nl"], "Talibanleider Akhundzada reageerde.") == [("PER", "Akhundzada")]


def test_particles_stay_inside_names_and_repeats_link_back(finders: dict[str, NameFinder]) -> None:
    found = finders["en"].find("Hamza bin Laden, son of Osama bin Laden, was killed. Osama was hiding.", [])
    assert [(n.text, n.refers_to) for n in found] == [
        ("Hamza bin Laden", None), ("Osama bin Laden", None), ("Osama", "Osama bin Laden"),
    ]


def test_organisations_and_places_are_not_persons(finders: dict[str, NameFinder]) -> None:
    text = "The Southern Transitional Council met in Forbury Gardens and the Council agreed."
    assert names(finders["en"], text) == [("ORG", "Southern Transitional Council")]
    assert names(finders["en"], "They flew to Tsuen Wan today.", [(13, 22)]) == []
    assert names(finders["nl"], "De Tweede Kamer debatteert.") == [("ORG", "Tweede Kamer")]


def test_sentence_openers_and_single_words_are_not_names(finders: dict[str, NameFinder]) -> None:
    assert names(finders["nl"], "Volgens Zelensky. Bij Kaboel. Gisteren vielen doden.") == []
    assert names(finders["en"], "Police said. Turkey began an offensive on Monday.") == []


def test_a_language_without_cues_finds_only_plain_names(finders: dict[str, NameFinder]) -> None:
    assert names(finders["xx"], "Jan Pieter sprak.") == [("PER", "Jan Pieter")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa Bb-'’.s al bin ÉéZ\n,")), max_size=80))
def test_never_crashes_and_spans_match(text: str) -> None:
    finder = NameFinder(load_person_cues(Resources(), "en"))
    for name in finder.find(text, []):
        assert text[name.start : name.end] == name.text and name.start < name.end
