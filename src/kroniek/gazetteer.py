"""The gazetteer: a compact, exact-name index of places (``kroniek/data/gazetteer.tsv``).

Built by ``scripts/build_gazetteer.py`` from GeoNames (countries, first-order regions, towns of 15,000+
and 1,000+ people) and Kroniek's curated supplement; read once per process. Lookups are by casefolded
name, then by accent- and hyphen-folded name, over every name and the spelling variants news use
(:func:`name_variants`). The places stage (:mod:`kroniek.places`) decides which place a mention means.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .document import Place
from .errors import ConfigError

CAPITAL_CODES = frozenset({"PPLC", "PPLG"})
KIND_RANK = {"country": 3, "city": 2, "admin": 1, "region": 1, "locality": 0}
AREA_KINDS = ("country", "admin", "region")
SMALL_TOWN_PREFIX = "c1000:"
ADMIN2_PREFIX = "adm2:"  # second-order divisions from cities1000 (US and English counties)
STRONG_POPULATION = 100_000  # towns this big are taken on their own name alone
STRONG_ALTERNATE_POPULATION = 1_000_000  # ... and on any of their other names


def exact_key(name: str) -> str:
    """Lookup key: NFC, casefolded, typographic apostrophes unified, whitespace collapsed."""
    if name.isascii():
        return " ".join(name.split()).lower()
    return " ".join(unicodedata.normalize("NFC", name).replace("’", "'").split()).casefold()


def folded_key(name: str) -> str:
    """Second key: :func:`exact_key` without diacritics and with hyphens as spaces."""
    key = exact_key(name)
    if key.isascii():
        return key.replace("-", " ")
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer: a GeoNames place (``geonames_id``), a cities1000 town or a curated
    supplement place (``supplement_id`` and no GeoNames id)."""

    geonames_id: int | None
    kind: str
    name: str
    country_code: str
    lat: float | None
    lon: float | None
    population: int
    feature_code: str
    supplement_id: str | None = None
    precision_hint: int | None = None

    @property
    def is_capital(self) -> bool:
        return self.feature_code in CAPITAL_CODES

    @property
    def is_small_town(self) -> bool:
        """A cities1000 town (not in cities15000): accepted only with context."""
        return bool(self.supplement_id) and self.supplement_id.startswith(SMALL_TOWN_PREFIX)

    @property
    def is_curated(self) -> bool:
        """A row of the hand-curated supplement."""
        return bool(self.supplement_id) and not self.supplement_id.startswith((SMALL_TOWN_PREFIX, ADMIN2_PREFIX))

    def default_precision(self) -> int:
        """The supplement's hint, else 3 for countries and regions and 1 for towns."""
        if self.precision_hint:
            return self.precision_hint
        return 3 if self.kind in AREA_KINDS else 1

    def place(self, precision: int | None = None, part_of: bool = False) -> Place:
        """The :class:`Place`: the default precision, or ``precision`` (2 = near) for a town, or for any
        place when ``part_of`` ("Noord-Syrië", "northern Iraq")."""
        default = self.default_precision()
        if precision is not None and (default == 1 or part_of):
            default = precision
        return Place(
            self.name, self.country_code or None, self.lat, self.lon, self.geonames_id,
            self.kind if self.kind in PLACE_KINDS else "other", default,  # type: ignore[arg-type]
            self.supplement_id,
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may refer to; ``primary`` when it is the entry's own name."""

    entry: GazetteerEntry
    primary: bool


def is_strong(candidate: Candidate) -> bool:
    """Whether the name alone is enough evidence: a country, region or capital, a big town by its
    own name, or a very big town by another of its (often transliterated) names."""
    entry = candidate.entry
    if entry.kind in ("country", "admin") or entry.is_capital or entry.is_curated:
        return True
    return entry.population >= (STRONG_POPULATION if candidate.primary else STRONG_ALTERNATE_POPULATION)


def candidate_rank(candidate: Candidate, countries: frozenset[str] = frozenset(), admin: bool = False) -> tuple:
    """Sort key, best last: country > (an admin unit when the text says "province") > curated supplement
    place > not a cities1000 town > in a country the text mentions > capital > kind (a town before the
    admin unit of the same name, as ACLED codes it) > own name > size."""
    entry = candidate.entry
    return (
        entry.kind == "country", admin and entry.kind == "admin", entry.is_curated,
        not entry.is_small_town, entry.country_code in countries, entry.is_capital,
        KIND_RANK.get(entry.kind, 0), candidate.primary, entry.population,
    )


class Gazetteer:
    """Exact-match place lookup by name: casefolded key first, then the accent-folded key."""

    def __init__(self, rows: list[tuple[GazetteerEntry, list[str], list[str]]]) -> None:
        """``rows``: (entry, own names, other names) per place."""
        self.entries: list[GazetteerEntry] = []
        self._exact: dict[str, tuple[int, ...]] = {}
        self._folded: dict[str, tuple[int, ...]] = {}
        self._by_id: dict[int, GazetteerEntry] = {}
        self._by_supplement_id: dict[str, GazetteerEntry] = {}
        self._countries: dict[str, GazetteerEntry] = {}
        for entry, own, other in rows:
            self._add(entry, own, other)

    def __len__(self) -> int:
        return len(self.entries)

    def _add(self, entry: GazetteerEntry, own: list[str], other: list[str]) -> None:
        index = len(self.entries)
        self.entries.append(entry)
        if entry.geonames_id is not None:
            self._by_id[entry.geonames_id] = entry
        if entry.supplement_id:
            self._by_supplement_id[entry.supplement_id] = entry
        if entry.kind == "country":
            self._countries[entry.country_code] = entry
        primary = entry.kind in ("country", "admin")
        for names, is_own in ((own, True), (other, primary)):
            for name in names:
                self._index(name, index * 2 + int(is_own))
                for variant in name_variants(name):
                    self._index(variant, index * 2 + int(is_own))

    def _index(self, name: str, code: int) -> None:
        key = exact_key(name)
        if not key:
            return
        self._exact[key] = _with(self._exact.get(key, ()), code)
        folded = folded_key(name)
        if folded != key:
            self._folded[folded] = _with(self._folded.get(folded, ()), code)

    @classmethod
    def from_file(cls, path: Path | str) -> Gazetteer:
        """Read a gazetteer TSV (optionally gzipped) written by ``scripts/build_gazetteer.py``."""
        try:
            text = _read_text(Path(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read gazetteer: {exc}", source=str(path)) from exc
        rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
        if not rows or rows[0][0] != "geonames_id":
            raise ConfigError("not a gazetteer file (no header row)", source=str(path))
        missing = set(REQUIRED_COLUMNS) - set(rows[0])
        if missing:
            raise ConfigError(f"gazetteer lacks columns {sorted(missing)}", source=str(path))
        positions, width = column_positions(rows[0]), len(rows[0])
        return cls([_parse_row(row, positions) for row in rows[1:] if len(row) >= width])

    def lookup(self, name: str) -> list[Candidate]:
        """Places called ``name`` (exact casefolded match, else accent- and hyphen-folded)."""
        codes = self._exact.get(exact_key(name))
        if not codes:
            folded = folded_key(name)
            codes = self._folded.get(folded, ()) + self._exact.get(folded, ())
        return self._candidates(codes)

    def _candidates(self, codes: tuple[int, ...]) -> list[Candidate]:
        best: dict[int, Candidate] = {}
        for code in codes:
            index, primary = divmod(code, 2)
            if index not in best or primary:
                best[index] = Candidate(self.entries[index], bool(primary))
        return list(best.values())

    def best(self, name: str, countries: frozenset[str] = frozenset()) -> GazetteerEntry | None:
        """The most likely place called ``name`` (see :func:`candidate_rank`), or None."""
        candidates = self.lookup(name)
        if not candidates:
            return None
        return max(candidates, key=lambda c: candidate_rank(c, countries)).entry

    def country(self, code: str) -> GazetteerEntry | None:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        return self._countries.get(code.upper())

    def by_id(self, geonames_id: int) -> GazetteerEntry | None:
        return self._by_id.get(geonames_id)

    def by_supplement_id(self, supplement_id: str) -> GazetteerEntry | None:
        """The supplement place (curated or cities1000) with this id."""
        return self._by_supplement_id.get(supplement_id)


ARTICLE_STARTS = ("Al", "El", "An", "Ar", "As", "Ash", "Ad", "Az", "At", "Ed", "Es", "Ez", "‘", "`", "'")
ARTICLE = re.compile(r"^(?:(?:Al|El|An|Ar|As|Ash|Ad|Az|At|Ed|Es|Ez)[\s\-‑]+|[‘`'])(?=\w{4,})")
COMPASS_VARIANTS = {"Southern ": "South ", "Northern ": "North ", "Eastern ": "East ", "Western ": "West ",
                    "South ": "Southern ", "North ": "Northern ", "East ": "Eastern ", "West ": "Western "}


def name_variants(name: str) -> list[str]:
    """Spellings news use for a gazetteer name: without the Arabic article or the ayn sign ("Al Ḩasakah" ->
    "Ḩasakah", "‘Afrīn" -> "Afrīn"), with El for Al ("Al Geneina" -> "El Geneina"), with the other
    compass form ("Southern Darfur" -> "South Darfur") and without a final h ("Zuwarah" -> "Zuwara")."""
    out = []
    if name.startswith(ARTICLE_STARTS):
        rest = ARTICLE.sub("", name)
        if rest != name:
            out.append(rest)
        if name.startswith(("Al ", "Al-")):
            out.append("El" + name[2:])
    for long, short in COMPASS_VARIANTS.items():
        if name.startswith(long):
            out.append(short + name[len(long):])
    if name.endswith("ah") and len(name) > 5:  # Arabic ta marbuta: "Zuwarah" -> "Zuwara"
        out += [variant[:-1] for variant in [name, *out]]
    return out


def contains(area: GazetteerEntry, place: GazetteerEntry) -> bool:
    """Whether ``place`` lies in ``area`` as far as the gazetteer can tell (same country; for an admin
    unit, within about 300 km of its point)."""
    if place is area or place.country_code != area.country_code:
        return False
    if area.kind == "country" or None in (area.lat, area.lon, place.lat, place.lon):
        return True
    return abs(area.lat - place.lat) < 3 and abs(area.lon - place.lon) < 3


def _with(codes: tuple[int, ...], code: int) -> tuple[int, ...]:
    return codes if code in codes else codes + (code,)


REQUIRED_COLUMNS = ("geonames_id", "kind", "name", "ascii_name", "country_code", "lat", "lon", "population",
                    "feature_code", "names")
OPTIONAL_COLUMNS = ("supplement_id", "precision")
PLACE_KINDS = frozenset({"country", "admin", "city", "locality", "region", "other"})


def _read_text(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text("utf-8")


def column_positions(header: list[str]) -> tuple[int, ...]:
    """Positions of the columns :func:`_parse_row` reads (-1: an optional column that is absent)."""
    columns = {name: i for i, name in enumerate(header)}
    return tuple(columns.get(key, -1) for key in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS))


def _parse_row(row: list[str], positions: tuple[int, ...]) -> tuple[GazetteerEntry, list[str], list[str]]:
    gid, kind, name, ascii_name, cc, lat, lon, population, fcode, names, sid, precision = (
        row[i] if i >= 0 else "" for i in positions
    )
    entry = GazetteerEntry(
        int(gid) if gid else None, kind, name, cc, float(lat) if lat else None, float(lon) if lon else None,
        int(population) if population else 0, fcode, sid or None, int(precision) if precision else None,
    )
    return entry, [name, ascii_name] if ascii_name else [name], names.split("|") if names else []


def default_gazetteer_path() -> Path:
    return Path(str(files("kroniek"))) / "data" / "gazetteer.tsv"


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the shipped one), read once per process."""
    return Gazetteer.from_file(path or default_gazetteer_path())
