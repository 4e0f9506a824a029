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

from .errors import ConfigError

COMPOUND_MIN = 5  # aliases this long (not acronyms) may begin a closed compound


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of the lexicon."""

    name: str
    type: str
    label: str = "ORG"
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "*" = every language

    def aliases_for(self, code: str) -> tuple[str, ...]:
        return self.aliases.get("*", ()) + self.aliases.get(code, ())


def default_actors_path() -> Path:
    return Path(str(files("kroniek"))) / "data" / "actors.toml"


@lru_cache(maxsize=4)
def load_actors(path: str | None = None) -> tuple[Actor, ...]:
    """The actor lexicon (default: the shipped ``data/actors.toml``), read once per process."""
    source = Path(path) if path else default_actors_path()
    try:
        data = tomllib.loads(source.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read actor lexicon: {exc}", source=str(source)) from exc
    return tuple(_actor(item, str(source)) for item in data.get("actor", []))


def _actor(item: dict, source: str) -> Actor:
    if "name" not in item or "type" not in item:
        raise ConfigError(f"actor without name or type: {item}", source=source)
    aliases = {"*": tuple(item.get("aliases", ()))}
    aliases |= {k: tuple(v) for k, v in item.items() if isinstance(v, list) and k != "aliases"}
    return Actor(item["name"], item["type"], item.get("label", "ORG"), aliases)


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1 and len(letters) <= 6


def alias_pattern(alias: str) -> str:
    """Regex for ``alias``: a space or hyphen in it matches either."""
    return r"[\s\-]".join(re.escape(part) for part in re.split(r"[\s\-]+", alias.strip()))


def alternation(aliases: list[str]) -> str:
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    return "|".join(alias_pattern(a) for a in ordered) or r"(?!x)x"


class ActorMatcher:
    """Finds actor aliases of one language in a text."""

    def __init__(self, actors: tuple[Actor, ...], code: str) -> None:
        self.by_alias: dict[str, Actor] = {}
        for actor in actors:
            for alias in actor.aliases_for(code):
                self.by_alias.setdefault(_alias_key(alias), actor)
        long = [a for a in self._aliases(actors, code) if len(a) >= COMPOUND_MIN and not is_acronym(a)]
        short = [a for a in self._aliases(actors, code) if a not in set(long)]
        self.pattern = re.compile(
            rf"(?<!\w)(?:(?:{alternation(long)})(?![\dA-ZÀ-Þ_])|(?:{alternation(short)})(?!\w))"
        )

    @staticmethod
    def _aliases(actors: tuple[Actor, ...], code: str) -> list[str]:
        return [alias for actor in actors for alias in actor.aliases_for(code)]

    def find(self, text: str) -> list[tuple[int, int, Actor]]:
        out = []
        for match in self.pattern.finditer(text):
            actor = self.by_alias.get(_alias_key(match.group()))
            if actor is not None:
                out.append((match.start(), match.end(), actor))
        return out


def _alias_key(alias: str) -> str:
    return re.sub(r"[\s\-]+", " ", alias.strip())
