"""Shared, lazily loaded resources: language data and NLP pipelines, cached per process.

Stages receive a :class:`Resources` in their factory; tests inject their own.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .lang import LanguageData


class Resources:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self._nlp: dict[str, Any] = {}
        self._name_finders: dict[str, Any] = {}
        self._actor_matchers: dict[str, Any] = {}

    def lang_data(self, code: str) -> LanguageData:
        from .lang import load_language_data

        return load_language_data(code)

    def lang_section(self, code: str, name: str) -> dict[str, Any]:
        """One data file of language ``code`` (``lang/<code>/<name>.toml``); empty for a language
        Kroniek has no data for, so that a stage simply finds nothing there."""
        from .errors import KroniekError

        try:
            return self.lang_data(code).section(name)
        except KroniekError:
            return {}

    def spacy_pipeline(self, code: str) -> Any:
        """The spaCy pipeline for language ``code`` (built on first use, then cached)."""
        if code not in self._nlp:
            from .nlp import build_spacy_pipeline

            self._nlp[code] = build_spacy_pipeline(code, self.settings.nlp)
        return self._nlp[code]

    def name_finder(self, code: str) -> Any:
        """The person/organisation name finder of ``code`` (kroniek.persons), shared by the places and
        entities stages so that a text is scanned once."""
        if code not in self._name_finders:
            from .persons import NameFinder, load_person_cues

            self._name_finders[code] = NameFinder(load_person_cues(self, code))
        return self._name_finders[code]

    def actor_matcher(self, code: str) -> Any:
        """The actor knowledge base's matcher for ``code`` (kroniek.actors), shared by the stages."""
        if code not in self._actor_matchers:
            from .actors import ActorMatcher, load_actors

            self._actor_matchers[code] = ActorMatcher(load_actors(), code)
        return self._actor_matchers[code]

    @cached_property
    def contract_schema(self) -> dict[str, Any]:
        from .contract import load_schema

        return load_schema()
