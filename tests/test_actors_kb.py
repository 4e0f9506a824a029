"""Data-quality checks of the actor knowledge base ``src/kroniek/data/actors.toml``."""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KB_PATH = ROOT / "src" / "kroniek" / "data" / "actors.toml"
TAXONOMY_PATH = ROOT / "src" / "kroniek" / "contract" / "acled_taxonomy.json"

STATE_PREFIXES = ("Military Forces of ", "Police Forces of ", "Government of ")
LANGUAGE_KEYS = ("nl", "en")
KNOWN_KEYS = {"name", "type", "label", "parent", "predecessors", "country", "affiliation", "aliases", *LANGUAGE_KEYS}
ISO2 = re.compile(r"^[A-Z]{2}$")
# Lower-case words of three letters or fewer that must never be aliases (case-sensitive matching makes
# upper-case acronyms safe, but a short lower-case alias would hit ordinary text).
MAX_SHORT_LOWER = 3


@pytest.fixture(scope="module")
def kb() -> dict:
    return tomllib.loads(KB_PATH.read_text("utf-8"))


@pytest.fixture(scope="module")
def actors(kb: dict) -> list[dict]:
    return kb["actor"]


@pytest.fixture(scope="module")
def names(actors: list[dict]) -> set[str]:
    return {actor["name"] for actor in actors}


def _alias_key(alias: str) -> str:
    """The key the matcher uses: runs of spaces and hyphens collapse to one space."""
    return re.sub(r"[\s\-]+", " ", alias.strip())


def _aliases(actor: dict, language: str) -> list[str]:
    return list(actor.get("aliases", [])) + list(actor.get(language, []))


def test_file_is_large_enough(actors: list[dict]) -> None:
    persons = [a for a in actors if a.get("label") == "PER"]
    assert len(actors) - len(persons) >= 200
    assert len(persons) >= 120


def test_every_actor_has_name_and_type(actors: list[dict]) -> None:
    for actor in actors:
        assert isinstance(actor.get("name"), str) and actor["name"].strip(), actor
        assert isinstance(actor.get("type"), str), actor


def test_only_known_keys(actors: list[dict]) -> None:
    for actor in actors:
        assert set(actor) <= KNOWN_KEYS, (actor["name"], set(actor) - KNOWN_KEYS)


def test_types_are_acled_actor_types(actors: list[dict]) -> None:
    valid = set(json.loads(TAXONOMY_PATH.read_text("utf-8"))["actor_types"])
    bad = [(a["name"], a["type"]) for a in actors if a["type"] not in valid]
    assert not bad


def test_labels_are_org_or_per(actors: list[dict]) -> None:
    assert {a.get("label", "ORG") for a in actors} <= {"ORG", "PER"}


def test_names_are_unique(actors: list[dict]) -> None:
    seen: set[str] = set()
    duplicates = [a["name"] for a in actors if a["name"] in seen or seen.add(a["name"])]
    assert not duplicates


def test_parents_exist(actors: list[dict], names: set[str]) -> None:
    bad = [(a["name"], a["parent"]) for a in actors if "parent" in a and a["parent"] not in names]
    assert not bad
    assert all(a.get("parent") != a["name"] for a in actors)


def test_persons_have_a_valid_affiliation(actors: list[dict], names: set[str]) -> None:
    for actor in actors:
        if actor.get("label") != "PER":
            assert "affiliation" not in actor, actor["name"]
            continue
        affiliation = actor.get("affiliation")
        assert affiliation, f"{actor['name']} has no affiliation"
        assert affiliation in names or affiliation.startswith(STATE_PREFIXES), (actor["name"], affiliation)


def test_country_codes_are_iso2(kb: dict, actors: list[dict]) -> None:
    codes = [a["country"] for a in actors if "country" in a]
    codes += kb["countries"]["definite_article"]
    assert all(isinstance(code, str) and ISO2.match(code) for code in codes), [c for c in codes if not ISO2.match(str(c))]


def test_state_forces_and_state_leaders_have_a_country(actors: list[dict]) -> None:
    for actor in actors:
        if actor.get("label", "ORG") == "ORG" and actor["type"] == "state_forces":
            assert "country" in actor, actor["name"]
        if actor.get("label") == "PER" and actor["affiliation"].startswith("Government of "):
            assert "country" in actor, actor["name"]


def test_state_names_follow_acled_style(kb: dict, actors: list[dict]) -> None:
    definite = set(kb["countries"]["definite_article"])
    for actor in actors:
        name = actor["name"]
        if name.startswith(STATE_PREFIXES):
            assert actor["type"] == "state_forces", name
            country = name.split(" of ", 1)[1]
            assert country.startswith("the ") == (actor["country"] in definite), name


def test_alias_lists_are_lists_of_nonempty_strings(actors: list[dict]) -> None:
    for actor in actors:
        for key in ("aliases", "predecessors", *LANGUAGE_KEYS):
            values = actor.get(key, [])
            assert isinstance(values, list), (actor["name"], key)
            assert all(isinstance(v, str) and v.strip() == v and v for v in values), (actor["name"], key)


def test_predecessors_are_matchable(actors: list[dict], names: set[str]) -> None:
    """A predecessor is another actor, or one of the actor's own aliases (in some language)."""
    for actor in actors:
        own = {_alias_key(a) for lang in LANGUAGE_KEYS for a in _aliases(actor, lang)}
        for former in actor.get("predecessors", []):
            assert former in names or _alias_key(former) in own, (actor["name"], former)


@pytest.mark.parametrize("language", LANGUAGE_KEYS)
def test_no_alias_maps_to_two_actors(actors: list[dict], language: str) -> None:
    owner: dict[str, str] = {}
    clashes = defaultdict(set)
    for actor in actors:
        for alias in _aliases(actor, language):
            key = _alias_key(alias)
            if owner.setdefault(key, actor["name"]) != actor["name"]:
                clashes[key] |= {owner[key], actor["name"]}
    assert not clashes, dict(clashes)


def test_no_short_lower_case_word_is_an_alias(actors: list[dict]) -> None:
    bad = [
        (actor["name"], alias)
        for actor in actors
        for language in LANGUAGE_KEYS
        for alias in _aliases(actor, language)
        if alias.islower() and len(alias) <= MAX_SHORT_LOWER
    ]
    assert not bad


def test_known_ambiguities_are_avoided(actors: list[dict]) -> None:
    """AFP is a news agency; RSF belongs to the Rapid Support Forces; "Base" alone is a word."""
    by_alias = {alias: a["name"] for a in actors for lang in LANGUAGE_KEYS for alias in _aliases(a, lang)}
    assert "AFP" not in by_alias
    assert "Base" not in by_alias
    assert by_alias["RSF"] == "Rapid Support Forces"
    assert by_alias["ME"] == "Police Forces of the Netherlands"
    assert "ME" not in next(a for a in actors if a["name"] == "Police Forces of the Netherlands").get("aliases", [])


def test_original_actor_names_are_kept(names: set[str]) -> None:
    original = {
        "Islamic State", "Islamic State West Africa Province", "Islamic State Khorasan Province", "Taliban", "Al Qaeda",
        "Al Qaeda in the Arabian Peninsula", "Al Shabaab", "Boko Haram", "JNIM: Group for Support of Islam and Muslims",
        "Hayat Tahrir al-Sham", "Kurdistan Workers' Party", "People's Protection Units", "Syrian Democratic Forces",
        "Syrian National Army", "Hezbollah", "Hamas", "Palestinian Islamic Jihad", "Houthis", "Wagner Group",
        "Rapid Support Forces", "M23: March 23 Movement", "Allied Democratic Forces", "Popular Mobilization Forces",
        "Kataib Hezbollah", "Fatah", "Muslim Brotherhood", "Military Forces of Israel", "Military Forces of Russia",
        "United Nations", "NATO", "European Union", "African Union", "ECOWAS", "Red Cross", "Doctors Without Borders",
        "Human Rights Watch", "Amnesty International", "Syrian Observatory for Human Rights", "International Criminal Court",
        "Irish Republican Army", "ETA", "Proud Boys",
    }
    assert original <= names, original - names


def test_loader_still_reads_the_file() -> None:
    from kroniek.actors import ActorMatcher, load_actors

    actors = load_actors(str(KB_PATH))
    assert len(actors) == len(tomllib.loads(KB_PATH.read_text("utf-8"))["actor"])
    matcher = ActorMatcher(actors, "nl")
    found = {actor.name for _, _, actor in matcher.find("De Pakistaanse taliban en IS-strijders vielen de ME aan.")}
    assert found == {"Tehrik-i-Taliban Pakistan", "Islamic State", "Police Forces of the Netherlands"}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Islamic State of Iraq and the Levant fighters and al-Qa’ida", {"Islamic State", "Al Qaeda"}),
        ("nl", "De Syrische Democratische Strijdkrachten en de peshmerga", {"Syrian Democratic Forces", "Peshmerga"}),
        ("nl", "De Wagnergroep en de Revolutionaire Garde", {"Wagner Group", "Military Forces of Iran"}),
        ("en", "Ahmed al-Sharaa, formerly known as Abu Mohammed al-Jolani", {"Ahmed al-Sharaa"}),
        ("nl", "Poetin sprak met Zelenski en Erdogan", {"Vladimir Putin", "Volodymyr Zelenskyy", "Recep Tayyip Erdoğan"}),
        ("en", "Thames Valley Police and the FBI", {"Police Forces of the United Kingdom", "Police Forces of the United States"}),
    ],
)
def test_matcher_finds_typical_mentions(language: str, text: str, expected: set[str]) -> None:
    from kroniek.actors import ActorMatcher, load_actors

    matcher = ActorMatcher(load_actors(str(KB_PATH)), language)
    assert {actor.name for _, _, actor in matcher.find(text)} == expected
