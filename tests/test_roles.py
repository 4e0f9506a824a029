"""Unnamed actors and targets of events, ACLED style (kroniek.roles), through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from kroniek.ingest import RawDocument
from kroniek.pipeline import Pipeline
from kroniek.roles import UnnamedRoles
from kroniek.settings import load_settings


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(load_settings())


def events(pipeline: Pipeline, text: str, lang: str) -> list[tuple[str, list[str], list[str]]]:
    doc = pipeline.process(RawDocument(text=text, origin="t", lang=lang, published=date(2024, 5, 1)))
    return [(e.type, e.actors, e.targets) for e in doc.events]


def test_unnamed_gunmen_and_their_victims(pipeline: Pipeline) -> None:
    found = events(pipeline, "Gunmen killed twelve villagers in Zamfara, Nigeria, on Monday.", "en")
    assert found and found[0][1] == ["Unidentified Armed Group (Nigeria)"]
    assert found[0][2] == ["Civilians (Nigeria)"]


def test_protesters_and_state_forces_in_dutch(pipeline: Pipeline) -> None:
    found = events(pipeline, "In Bagdad gingen duizenden mensen de straat op om te betogen.", "nl")
    assert found and found[0][0] == "protests" and found[0][1] == ["Protesters (Iraq)"]


def test_named_actors_win_and_country_names_follow_acled(pipeline: Pipeline) -> None:
    found = events(pipeline, "Houthi rebels attacked a market in Taiz, Yemen.", "en")
    assert found and found[0][1] == ["Houthis"]
    roles = UnnamedRoles.from_section({"unnamed_actors": {"troops": "Military Forces of {of_country}"}})
    assert roles.nearest("US troops fired.", roles.actors, 10, "United States", "the United States") == [
        "Military Forces of the United States"
    ]
    assert UnnamedRoles.from_section({}).names("anything", None, "X", "X") == []


def test_protests_are_by_protesters_and_excessive_force_hits_them() -> None:
    from kroniek.document import EventMention, Span
    from kroniek.roles import _crowd_acts

    protest = EventMention("ev1", "protests", "protest_with_intervention", 0, Span(0, 5, "betoging"),
                           actors=["Tehreek-e-Labbaik Pakistan", "Police Forces of Pakistan"])
    _crowd_acts(protest, "Protesters (Pakistan)")
    assert protest.actors == ["Protesters (Pakistan)"] and protest.targets == ["Police Forces of Pakistan"]
    force = EventMention("ev2", "protests", "excessive_force_against_protesters", 0, Span(0, 5, "betoging"),
                         actors=["Police Forces of Iran"])
    _crowd_acts(force, "Protesters (Iran)")
    assert force.actors == ["Police Forces of Iran"] and force.targets == ["Protesters (Iran)"]
