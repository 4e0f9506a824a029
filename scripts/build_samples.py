#!/usr/bin/env python3
"""Build the English half of the bundled sample corpus from the shared Wikinews CSVs.

Reads ``wikinews_2019.csv`` and ``wikinews_2020.csv`` (columns url,date,title,text; CC BY 2.5,
attribution "Wikinews contributors") from ``<shared>/data/wikinews-en/`` and writes the selected
articles, listed explicitly in ``SELECTED_URLS``, to ``src/kroniek/samples/wikinews-en.jsonl``.

The shared folder is ``../shared`` relative to the repository root unless ``KRONIEK_SHARED`` is set.
The output is deterministic. ``--check`` writes nothing and exits 1 when the shipped file differs
from what would be written (2 when the source data is missing or incomplete).

The Dutch half (``kroniek-nl.jsonl``) is hand-written data and is not generated here.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT_PATH = REPO_ROOT / "src" / "kroniek" / "samples" / "wikinews-en.jsonl"
CSV_NAMES = ("wikinews_2019.csv", "wikinews_2020.csv")
LICENCE = "CC BY 2.5"
LICENCE_URL = "https://creativecommons.org/licenses/by/2.5/"

# Chosen by a keyword filter (killed, attack, bomb, shot, protest, militant, ...) and by hand:
# armed conflict, terrorism, political violence and protest. Canonical URLs (the CSV has "//wiki/").
SELECTED_URLS: tuple[str, ...] = (
    "https://en.wikinews.org/wiki/Car_bomb_ramming_attack_kills_dozens_at_military_base_in_Maidan_Wardak,_Afghanistan",
    "https://en.wikinews.org/wiki/Bombs_kill_at_least_20_at_cathedral_in_Mindanao,_Philippines",
    "https://en.wikinews.org/wiki/Mokha,_Yemen_bomb_kills_photojournalist,_at_least_five_others",
    "https://en.wikinews.org/wiki/New_Zealand_mosque_murder_suspect_appears_in_court_at_Christchurch",
    "https://en.wikinews.org/wiki/Hong_Kong_protesters_surround_downtown_police_complex",
    "https://en.wikinews.org/wiki/Gunman_opens_fire_in_El_Paso,_Texas_superstore;_more_than_20_dead",
    "https://en.wikinews.org/wiki/Oil_facilities_in_Saudi_Arabia_hit_by_drone_attacks",
    "https://en.wikinews.org/wiki/Police_shoot_teenage_protester_as_Hong_Kong_demonstrations_continue",
    "https://en.wikinews.org/wiki/Kurds_announce_deal_with_Assad%27s_government_as_Turkey_invades_Syria%27s_northeast",
    "https://en.wikinews.org/wiki/Coalition_authorities_report_no_casualties_from_missile_strike_on_Iraqi_air_base",
    "https://en.wikinews.org/wiki/United_States_military_kills_Qasem_Soleimani",
    "https://en.wikinews.org/wiki/Police_shoot_man_dead_after_%27terrorist-related%27_knife_attack_in_London",
    "https://en.wikinews.org/wiki/Yemeni_journalist_Nabil_Hasan_al-Quaety_shot_dead_in_Aden",
    "https://en.wikinews.org/wiki/Serbian_protesters_try_to_storm_Parliament;_fourth_day_of_protests",
)

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DATELINE = re.compile(
    rf"\A\s*(?:{_WEEKDAYS}),\s+(?P<date>[A-Z][a-z]+\s+\d{{1,2}},\s+\d{{4}})[ \t\u00a0]*(?:\n|\Z)"
)


@dataclass(frozen=True, slots=True)
class WikinewsRow:
    """One row of the Wikinews CSVs."""

    url: str
    published: str
    title: str
    text: str


def shared_root() -> Path:
    """The shared folder: ``$KRONIEK_SHARED`` or ``../shared`` next to the repository root."""
    override = os.environ.get("KRONIEK_SHARED")
    return Path(override) if override else REPO_ROOT.parent / "shared"


def source_dir() -> Path:
    """The folder holding the Wikinews CSVs."""
    return shared_root() / "data" / "wikinews-en"


def canonical_url(url: str) -> str:
    """Collapse the doubled slash the scraper left in the path ("org//wiki/" -> "org/wiki/")."""
    return re.sub(r"(?<!:)//+", "/", url.strip())


def read_rows(folder: Path) -> dict[str, WikinewsRow]:
    """All rows of the CSVs, keyed by canonical URL."""
    rows: dict[str, WikinewsRow] = {}
    for name in CSV_NAMES:
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle):
                url = canonical_url(record["url"])
                rows[url] = WikinewsRow(url, record["date"], record["title"], record["text"])
    return rows


def strip_dateline(text: str, published: str) -> str:
    """Drop a leading "Friday, January 4, 2019" line when it states the publication date."""
    match = _DATELINE.match(text)
    if not match:
        return text.strip()
    stated = datetime.strptime(" ".join(match["date"].split()), "%B %d, %Y").date()
    if stated != date.fromisoformat(published):
        return text.strip()
    return text[match.end():].strip()


def to_record(row: WikinewsRow) -> dict[str, object]:
    """The JSON object written for one article."""
    return {
        "text": strip_dateline(row.text, row.published),
        "title": row.title.strip(),
        "published": date.fromisoformat(row.published).isoformat(),
        "url": row.url,
        "source": "Wikinews",
        "lang": "en",
        "licence": LICENCE,
        "attribution": f"Wikinews contributors, \"{row.title.strip()}\", {row.url} ({LICENCE}, {LICENCE_URL})",
    }


def build_jsonl(folder: Path) -> str:
    """The full content of ``wikinews-en.jsonl`` in ``SELECTED_URLS`` order."""
    rows = read_rows(folder)
    missing = [url for url in SELECTED_URLS if url not in rows]
    if missing:
        raise LookupError("selected articles not found in the CSVs: " + ", ".join(missing))
    lines = (json.dumps(to_record(rows[url]), ensure_ascii=False, sort_keys=False) for url in SELECTED_URLS)
    return "".join(line + "\n" for line in lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped file is out of date")
    parser.add_argument("--output", type=Path, default=OUTPUT_PATH, help="where to write (default: shipped file)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build (or check) the English sample file; returns the exit status."""
    args = parse_args(argv)
    folder = source_dir()
    try:
        content = build_jsonl(folder)
    except (OSError, LookupError, KeyError, ValueError) as error:
        print(f"build_samples: cannot read Wikinews data in {folder}: {error}", file=sys.stderr)
        return 2
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != content:
            print(f"build_samples: {args.output} is out of date; run scripts/build_samples.py", file=sys.stderr)
            return 1
        print(f"build_samples: {args.output} is up to date ({len(SELECTED_URLS)} articles)")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(content, encoding="utf-8", newline="\n")
    print(f"build_samples: wrote {len(SELECTED_URLS)} articles to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
