"""The actor lexicon (``kroniek/data/actors.toml``) and the matcher that finds its aliases in a text.

Aliases are matched case-sensitively ("IS" never matches "is"); long aliases may also begin a closed
compound ("Talibanleider" -> "Taliban"), and a space or hyphen in an alias matches either.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from .errors import ConfigError

COMPOUND_MIN = 5  # aliases this long (not acronyms) may begin a closed compound


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of the lexicon."""

    name: str
    type: str
    label: str = "ORG"
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "*" = every language
    parent: str | None = None  # the actor this one is a province, affiliate or wing of
    predecessors: tuple[str, ...] = ()  # former names
    country: str | None = None  # ISO code: home country of state forces and state leaders
    affiliation: str | None = None  # persons: the actor they belong to

    def aliases_for(self, code: str) -> tuple[str, ...]:
        return self.aliases.get("*", ()) + self.aliases.get(code, ())


def default_actors_path() -> Path:
    return Path(str(files("kroniek"))) / "data" / "actors.toml"


@lru_cache(maxsize=4)
def _knowledge_base(path: str | None = None) -> tuple[str, dict]:
    """(source, parsed TOML) of the actor knowledge base, read once per process."""
    source = Path(path) if path else default_actors_path()
    try:
        return str(source), tomllib.loads(source.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read actor lexicon: {exc}", source=str(source)) from exc


@lru_cache(maxsize=4)
def load_actors(path: str | None = None) -> tuple[Actor, ...]:
    """The actor lexicon (default: the shipped ``data/actors.toml``), read once per process."""
    source, data = _knowledge_base(path)
    return tuple(_actor(item, source) for item in data.get("actor", []))


NON_LANGUAGE_LISTS = frozenset({"aliases", "predecessors"})


def _actor(item: dict, source: str) -> Actor:
    if "name" not in item or "type" not in item:
        raise ConfigError(f"actor without name or type: {item}", source=source)
    aliases = {"*": tuple(item.get("aliases", ()))}
    aliases |= {k: tuple(v) for k, v in item.items() if isinstance(v, list) and k not in NON_LANGUAGE_LISTS}
    return Actor(
        item["name"],
        item["type"],
        item.get("label", "ORG"),
        aliases,
        parent=item.get("parent"),
        predecessors=tuple(item.get("predecessors", ())),
        country=item.get("country"),
        affiliation=item.get("affiliation"),
    )


@lru_cache(maxsize=4)
def definite_countries(path: str | None = None) -> frozenset[str]:
    """ISO codes whose English name takes "the" in actor names ("Military Forces of the United States")."""
    return frozenset(_knowledge_base(path)[1].get("countries", {}).get("definite_article", ()))


def acled_country_names(path: str | None = None) -> dict[str, str]:
    """ISO code -> the country's name in ACLED where it differs from GeoNames ("Palestine")."""
    return dict(_knowledge_base(path)[1].get("countries", {}).get("acled_names", {}))


def actor_country_names(country: Any, definite: frozenset[str]) -> tuple[str, str]:
    """A gazetteer country's English name alone ("United States", for "Protesters (United States)") and
    as it follows "of" in ACLED actor names ("Military Forces of the United States")."""
    if country is None:
        return "", ""
    name = acled_country_names().get(country.country_code) or country.name.removeprefix("The ")  # "The Netherlands"
    return name, (f"the {name}" if country.country_code in definite else name)


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1 and len(letters) <= 6


def alias_pattern(alias: str) -> str:
    """Regex for ``alias``: a space or hyphen in it matches either."""
    return r"[\s\-]".join(re.escape(part) for part in re.split(r"[\s\-]+", alias.strip()))


def alternation(aliases: list[str]) -> str:
    """One regex for all ``aliases`` that prefers the longest, built as a trie (fast for thousands)."""
    trie: dict = {}
    for alias in aliases:
        node = trie
        for char in _alias_key(alias):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie) or r"(?!x)x"


def _trie_regex(node: dict) -> str:
    branches = [(r"[\s\-]" if char == " " else re.escape(char)) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


class ActorMatcher:
    """Finds actor aliases of one language in a text."""

    def __init__(self, actors: tuple[Actor, ...], code: str) -> None:
        self.by_alias: dict[str, Actor] = {}
        self._last: tuple[str | None, list[tuple[int, int, Actor]]] = (None, [])
        for actor in actors:
            for alias in actor.aliases_for(code):
                self.by_alias.setdefault(_alias_key(alias), actor)
        groups = tuple(a for a in actors if a.label != "PER")  # persons never begin a compound ("Madurodam")
        long = [a for a in self._aliases(groups, code) if len(a) >= COMPOUND_MIN and not is_acronym(a)]
        short = [a for a in self._aliases(actors, code) if a not in set(long)]
        self.pattern = re.compile(
            rf"(?<!\w)(?:(?:{alternation(long)})(?![\dA-ZÀ-Þ_])|(?:{alternation(short)})(?!\w))"
        )

    @staticmethod
    def _aliases(actors: tuple[Actor, ...], code: str) -> list[str]:
        return [alias for actor in actors for alias in actor.aliases_for(code)]

    def lookup(self, name: str) -> Actor | None:
        """The actor one of whose aliases is exactly ``name`` (spaces and hyphens alike)."""
        return self.by_alias.get(_alias_key(name))

    def find(self, text: str) -> list[tuple[int, int, Actor]]:
        """Every alias in ``text`` (the last text's result is kept: the places and entities stages ask twice)."""
        if self._last[0] != text:
            self._last = (text, self._find(text))
        return list(self._last[1])

    def _find(self, text: str) -> list[tuple[int, int, Actor]]:
        out = []
        for match in self.pattern.finditer(text):
            actor = self.by_alias.get(_alias_key(match.group()))
            if actor is not None:
                out.append((match.start(), match.end(), actor))
        return out


def _alias_key(alias: str) -> str:
    return re.sub(r"[\s\-]+", " ", alias.strip())
