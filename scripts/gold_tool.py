#!/usr/bin/env python3
"""Build and check the hand-annotated gold sets for times and quantities.

Annotations are written in a compact pool format (span text plus an optional occurrence index,
and a small rule for each time value); this script computes the offsets and the resolved ISO
values with ``datetime``, splits the pool into dev and test with a fixed seed, and checks the
resulting ``kroniek.document/1`` JSONL files.

Usage::

    python scripts/gold_tool.py build POOL.txt --lang nl --name times_quantities [--seed 2019]
    python scripts/gold_tool.py check gold/dev/times_quantities.nl.jsonl ...
    python scripts/gold_tool.py stats gold/dev/*.jsonl
    python scripts/gold_tool.py show gold/dev/times_quantities.nl.jsonl   # review resolved values

Pool format: blocks separated by blank lines; lines starting with ``#`` are comments::

    id: nl-own-001
    published: 2019-03-14            (or: null)
    url: https://...                 (optional)
    text: Bij een bomaanslag in Kaboel vielen gisteren zeker twaalf doden.
    T: gisteren => d:-1
    Q: zeker twaalf => 12 at_least | doden

A span may carry ``@k`` (0-based occurrence) when its text occurs more than once: ``T: 2014@1 => 2014``.

Time rules (precision follows from the rule; relative rules give null without ``published``):
    2019 | 2019-03 | 2019-03-12 | 2019-W10   absolute value (year, month, day, week)
    d:N           published + N days                         (day)
    wd:bare:tue   latest Tuesday on or before published      (day)
    wd:last:tue   latest Tuesday strictly before published   (day)
    wd:next:tue   first Tuesday strictly after published     (day)
    w:N           ISO week of published + 7*N days           (week)
    m:N           month of published + N months              (month)
    y:N           year of published + N                      (year)
    md:03-12      that month-day in the year closest to published (day)
    mon:03        that month in the year closest to published (month)
    ym:N:04       month 04 of year published + N             (month)
    ymd:N:01-03   day 01-03 of year published + N            (day)
    vague         null, vague
    since:RULE    null, vague, value_from = RULE's value, value_to null
    decade:1990   null, vague, value_from 1990, value_to 1999

Quantity lines: ``Q: SPAN => VALUE QUALIFIER | WHAT`` with VALUE a number, ``X~Y`` for a range,
or ``-`` (null, for vague); WHAT ``-`` for null. low/high follow from the qualifier (annotation guide).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "src" / "kroniek" / "contract" / "document.schema.json"
QUALIFIERS = ("exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague")
PRECISIONS = ("year", "month", "week", "day", "vague")
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
VALUE_PATTERNS = {
    "year": r"\d{4}",
    "month": r"\d{4}-(0[1-9]|1[0-2])",
    "week": r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])",
    "day": r"\d{4}-\d{2}-\d{2}",
}
EMPTY_COMPONENTS = ("sentences", "entities", "places", "events", "claims")
# Words whose presence in a time span pins down part of its value; used as an independent check.
WEEKDAY_WORDS = {
    0: ("maandag", "monday"), 1: ("dinsdag", "tuesday"), 2: ("woensdag", "wednesday"),
    3: ("donderdag", "thursday"), 4: ("vrijdag", "friday"), 5: ("zaterdag", "saturday"),
    6: ("zondag", "sunday"),
}
MONTH_WORDS = {
    1: ("januari", "january", "jan."), 2: ("februari", "february", "feb."), 3: ("maart", "march"),
    4: ("april",), 5: ("mei", "may"), 6: ("juni", "june"), 7: ("juli", "july"),
    8: ("augustus", "august", "aug."), 9: ("september", "sept."), 10: ("oktober", "october", "oct."),
    11: ("november", "nov."), 12: ("december", "dec."),
}
DAY_OFFSET_WORDS = {
    "eergisteren": -2, "gisteren": -1, "gisteravond": -1, "gisterochtend": -1, "gistermiddag": -1,
    "vannacht": 0, "vandaag": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0, "vanavond": 0,
    "overmorgen": 2, "morgen": 1, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
}


class GoldError(ValueError):
    """A pool block or a gold document that breaks the annotation rules."""

# ---------------------------------------------------------------- time rules


@dataclass(slots=True)
class TimeValue:
    """A resolved time: ISO value, precision and optional stretch bounds."""

    value: str | None
    precision: str
    value_from: str | None = None
    value_to: str | None = None
    stretch: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "precision": self.precision}
        if self.stretch:
            out["value_from"], out["value_to"] = self.value_from, self.value_to
        return out


def iso_week(day: date) -> str:
    """ISO 8601 week of ``day``, e.g. 2019-W10."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def weekday_date(pub: date, mode: str, weekday: int) -> date:
    """The weekday relative to ``pub``: bare (on or before), last (before), next (after)."""
    back = (pub.weekday() - weekday) % 7
    if mode == "bare":
        return pub - timedelta(days=back)
    if mode == "last":
        return pub - timedelta(days=back or 7)
    if mode == "next":
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    raise GoldError(f"unknown weekday mode {mode!r}")


def closest_day(pub: date, month: int, day: int) -> date:
    """The date with this month and day closest to ``pub`` (ties: the earlier)."""
    options = [date(pub.year + k, month, day) for k in (-1, 0, 1)]
    return min(options, key=lambda d: (abs((d - pub).days), d))


def closest_month(pub: date, month: int) -> str:
    """This month in the year that puts it closest to ``pub`` (ties: the earlier)."""
    options = [(pub.year + k, month) for k in (-1, 0, 1)]
    here = pub.year * 12 + pub.month
    year, mon = min(options, key=lambda ym: (abs(ym[0] * 12 + ym[1] - here), ym))
    return f"{year}-{mon:02d}"


def absolute_value(rule: str) -> TimeValue | None:
    for precision, pattern in VALUE_PATTERNS.items():
        if re.fullmatch(pattern, rule):
            if precision == "day":
                date.fromisoformat(rule)
            return TimeValue(rule, precision)
    return None


RULE_PRECISION = {"d": "day", "wd": "day", "w": "week", "m": "month", "y": "year", "md": "day",
                  "mon": "month", "ym": "month", "ymd": "day"}


def relative_value(kind: str, args: list[str], pub: date) -> str:
    """The ISO value of a relative rule against ``pub``."""
    if kind == "d":
        return (pub + timedelta(days=int(args[0]))).isoformat()
    if kind == "wd":
        return weekday_date(pub, args[0], WEEKDAYS[args[1]]).isoformat()
    if kind == "w":
        return iso_week(pub + timedelta(days=7 * int(args[0])))
    if kind == "m":
        year, month = add_months(pub.year, pub.month, int(args[0]))
        return f"{year}-{month:02d}"
    if kind == "y":
        return str(pub.year + int(args[0]))
    if kind == "md":
        month, day = map(int, args[0].split("-"))
        return closest_day(pub, month, day).isoformat()
    if kind == "mon":
        return closest_month(pub, int(args[0]))
    if kind == "ym":
        return f"{pub.year + int(args[0])}-{int(args[1]):02d}"
    if kind == "ymd":
        return f"{pub.year + int(args[0])}-{args[1]}"
    raise GoldError(f"unknown time rule {kind!r}")


def resolve_time(rule: str, pub: date | None) -> TimeValue:
    """Resolve a pool time rule against the publication date ``pub``."""
    rule = rule.strip()
    fixed = absolute_value(rule)
    if fixed is not None:
        return fixed
    if rule == "vague":
        return TimeValue(None, "vague")
    if rule.startswith("decade:"):
        start = int(rule.split(":")[1])
        return TimeValue(None, "vague", str(start), str(start + 9), stretch=True)
    if rule.startswith("since:"):
        inner = resolve_time(rule[len("since:"):], pub)
        return TimeValue(None, "vague", inner.value, None, stretch=True)
    kind, *args = rule.split(":")
    if kind not in RULE_PRECISION:
        raise GoldError(f"unknown time rule {rule!r}")
    value = relative_value(kind, args, pub) if pub else None
    return TimeValue(value, RULE_PRECISION[kind])

# ---------------------------------------------------------------- quantities


LOW_HIGH = {
    "exact": (False, False), "about": (False, False), "at_least": (True, False),
    "more_than": (True, False), "less_than": (False, True), "at_most": (False, True),
    "vague": (False, False),
}


def number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def quantity_values(spec: str) -> dict[str, Any]:
    """value/low/high/qualifier from ``VALUE QUALIFIER`` following the guide's table."""
    raw, qualifier = spec.split()
    if qualifier not in QUALIFIERS:
        raise GoldError(f"unknown qualifier {qualifier!r}")
    if qualifier == "range":
        low, high = (number(x) for x in raw.split("~"))
        return {"value": low, "low": low, "high": high, "qualifier": qualifier}
    value = None if raw == "-" else number(raw)
    has_low, has_high = LOW_HIGH[qualifier]
    return {"value": value, "low": value if has_low else None, "high": value if has_high else None,
            "qualifier": qualifier}

# ---------------------------------------------------------------- pool parsing


@dataclass
class PoolDoc:
    """One document of the pool, before offsets are computed."""

    id: str
    lang: str
    published: date | None = None
    url: str | None = None
    text: str = ""
    times: list[tuple[str, str]] = field(default_factory=list)
    quantities: list[tuple[str, str]] = field(default_factory=list)


def split_span(raw: str) -> tuple[str, int | None]:
    match = re.fullmatch(r"(.*?)@(\d+)", raw.strip())
    if match:
        return match.group(1), int(match.group(2))
    return raw.strip(), None


def find_span(text: str, span: str, occurrence: int | None, doc_id: str) -> tuple[int, int]:
    """Offsets of ``span`` in ``text``; ambiguous spans need an explicit occurrence."""
    pattern = rf"(?<!\w){re.escape(span)}(?!\w)"
    starts = [m.start() for m in re.finditer(pattern, text)]
    if not starts:
        raise GoldError(f"{doc_id}: span {span!r} not in text")
    if occurrence is None and len(starts) > 1:
        raise GoldError(f"{doc_id}: span {span!r} occurs {len(starts)} times; add @k")
    start = starts[occurrence or 0]
    return start, start + len(span)


def parse_block(block: list[str], lang: str) -> PoolDoc:
    doc = PoolDoc(id="", lang=lang)
    for line in block:
        key, _, rest = line.partition(":")
        rest = rest.strip()
        if key == "id":
            doc.id = rest
        elif key == "published":
            doc.published = None if rest == "null" else date.fromisoformat(rest)
        elif key == "url":
            doc.url = rest
        elif key == "text":
            doc.text = rest
        elif key in ("T", "Q"):
            span, _, spec = rest.partition("=>")
            (doc.times if key == "T" else doc.quantities).append((span.strip(), spec.strip()))
        else:
            raise GoldError(f"bad pool line {line!r}")
    if not doc.id or not doc.text:
        raise GoldError(f"block without id or text: {block}")
    return doc


def read_pool(path: Path, lang: str) -> list[PoolDoc]:
    blocks: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [parse_block(b, lang) for b in blocks if b]


def time_entry(doc: PoolDoc, span_raw: str, rule: str) -> dict[str, Any]:
    span, occ = split_span(span_raw)
    start, end = find_span(doc.text, span, occ, doc.id)
    return {"start": start, "end": end, "text": span, **resolve_time(rule, doc.published).to_json()}


def quantity_entry(doc: PoolDoc, span_raw: str, spec: str) -> dict[str, Any]:
    span, occ = split_span(span_raw)
    start, end = find_span(doc.text, span, occ, doc.id)
    values, _, what = spec.partition("|")
    what = what.strip()
    return {"start": start, "end": end, "text": span, **quantity_values(values),
            "what": None if what in ("", "-") else what}


def to_document(doc: PoolDoc) -> dict[str, Any]:
    """The gold JSON object of a pool document."""
    times = sorted((time_entry(doc, s, r) for s, r in doc.times), key=lambda x: x["start"])
    quantities = sorted((quantity_entry(doc, s, r) for s, r in doc.quantities),
                        key=lambda x: x["start"])
    out: dict[str, Any] = {
        "schema": "kroniek.document/1", "id": doc.id, "lang": doc.lang, "title": None,
        "published": doc.published.isoformat() if doc.published else None, "source": None,
        "url": doc.url, "text": doc.text, "annotated": ["times", "quantities"],
        "times": times, "quantities": quantities,
    }
    out.update({name: [] for name in EMPTY_COMPONENTS})
    return out

# ---------------------------------------------------------------- splitting and writing


def stratum(doc: dict[str, Any]) -> tuple[str, bool, bool]:
    source = doc["id"].split("-")[1]
    return source, bool(doc["times"] or doc["quantities"]), doc["published"] is None


def split_pool(docs: list[dict[str, Any]], seed: int, dev_share: float) -> tuple[list, list]:
    """Random dev/test split with a fixed seed, stratified by source and (non-)emptiness."""
    rng = random.Random(seed)
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for doc in sorted(docs, key=lambda d: d["id"]):
        groups.setdefault(stratum(doc), []).append(doc)
    dev, test = [], []
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        cut = round(len(members) * dev_share)
        dev += members[:cut]
        test += members[cut:]
    return sorted(dev, key=lambda d: d["id"]), sorted(test, key=lambda d: d["id"])


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")


def cmd_build(args: argparse.Namespace) -> int:
    docs = [to_document(d) for d in read_pool(Path(args.pool), args.lang)]
    dev, test = split_pool(docs, args.seed, args.dev_share)
    gold = Path(args.gold)
    write_jsonl(gold / "dev" / f"{args.name}.{args.lang}.jsonl", dev)
    write_jsonl(gold / "test" / f"{args.name}.{args.lang}.jsonl", test)
    print(f"{args.lang}: pool {len(docs)} -> dev {len(dev)}, test {len(test)}")
    return 0

# ---------------------------------------------------------------- checking


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def check_span(doc: dict[str, Any], item: dict[str, Any]) -> list[str]:
    text, start, end = doc["text"], item["start"], item["end"]
    problems = []
    if not 0 <= start < end <= len(text) or text[start:end] != item.get("text"):
        problems.append(f"span text {item.get('text')!r} != text[{start}:{end}]")
        return problems
    if start > 0 and text[start - 1].isalnum() or end < len(text) and text[end].isalnum():
        problems.append(f"span {item['text']!r} cuts a word")
    if item["text"] != item["text"].strip():
        problems.append(f"span {item['text']!r} has outer spaces")
    return problems


def check_overlaps(items: list[dict[str, Any]]) -> list[str]:
    ordered = sorted(items, key=lambda x: x["start"])
    return [f"overlap {a['text']!r} / {b['text']!r}"
            for a, b in zip(ordered, ordered[1:]) if b["start"] < a["end"]]


def iso_ok(value: str | None, precision: str) -> bool:
    if value is None:
        return True
    pattern = VALUE_PATTERNS.get(precision)
    if pattern is None or not re.fullmatch(pattern, value):
        return False
    if precision == "day":
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
    return True


def stretch_ok(value: str | None) -> bool:
    return value is None or any(iso_ok(value, p) for p in VALUE_PATTERNS)


def lexical_time_checks(doc: dict[str, Any], item: dict[str, Any]) -> list[str]:
    """Cross-check a time value against the weekday, month and day words in its span."""
    words = re.findall(r"[a-zë.]+", item["text"].lower())
    value, problems = item["value"], []
    if item["precision"] == "day" and value:
        day = date.fromisoformat(value)
        for weekday, names in WEEKDAY_WORDS.items():
            if any(w.startswith(names) for w in words) and day.weekday() != weekday:
                problems.append(f"{item['text']!r} -> {value} is a {day:%A}")
        pub = doc["published"] and date.fromisoformat(doc["published"])
        for word, offset in DAY_OFFSET_WORDS.items():
            if word in words and pub and day != pub + timedelta(days=offset):
                problems.append(f"{item['text']!r} -> {value}, expected offset {offset}")
    if item["precision"] in ("day", "month") and value:
        month = int(value[5:7])
        named = [m for m, names in MONTH_WORDS.items() if any(w in names for w in words)]
        if named and named != [month]:
            problems.append(f"{item['text']!r} -> {value}: month word says {named}")
    return problems


def check_time(doc: dict[str, Any], item: dict[str, Any]) -> list[str]:
    problems = check_span(doc, item)
    precision, value = item.get("precision"), item.get("value")
    if precision not in PRECISIONS:
        return problems + [f"bad precision {precision!r}"]
    if precision == "vague" and value is not None:
        problems.append(f"{item['text']!r}: vague time with a value")
    if not iso_ok(value, precision):
        problems.append(f"{item['text']!r}: value {value!r} is not ISO for {precision}")
    for key in ("value_from", "value_to"):
        if not stretch_ok(item.get(key)):
            problems.append(f"{item['text']!r}: bad {key} {item.get(key)!r}")
    return problems + lexical_time_checks(doc, item)


def check_quantity(doc: dict[str, Any], item: dict[str, Any]) -> list[str]:
    problems = check_span(doc, item)
    qualifier = item.get("qualifier")
    if qualifier not in QUALIFIERS:
        return problems + [f"bad qualifier {qualifier!r}"]
    value, low, high = item.get("value"), item.get("low"), item.get("high")
    if qualifier == "range":
        ok = value is not None and value == low and high is not None and low < high
    elif qualifier == "vague":
        ok = value is None and low is None and high is None
    else:
        has_low, has_high = LOW_HIGH[qualifier]
        ok = value is not None and low == (value if has_low else None)
        ok = ok and high == (value if has_high else None)
    if not ok:
        problems.append(f"{item['text']!r}: value/low/high {value}/{low}/{high} vs {qualifier}")
    if "what" not in item or item["what"] is not None and item["what"] not in doc["text"]:
        problems.append(f"{item['text']!r}: what {item.get('what')!r} missing or not in text")
    return problems


def check_document(doc: dict[str, Any], validator: Any) -> list[str]:
    problems = [e.message for e in validator.iter_errors(doc)]
    if doc.get("annotated") != ["times", "quantities"]:
        problems.append("annotated must be ['times', 'quantities']")
    if doc.get("published") is not None:
        try:
            date.fromisoformat(doc["published"])
        except ValueError:
            problems.append(f"bad published {doc['published']!r}")
    for name in EMPTY_COMPONENTS:
        if doc.get(name) != []:
            problems.append(f"{name} must be an empty list")
    for item in doc.get("times", []):
        problems += check_time(doc, item)
    for item in doc.get("quantities", []):
        problems += check_quantity(doc, item)
    problems += check_overlaps(doc.get("times", [])) + check_overlaps(doc.get("quantities", []))
    return problems


def make_validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def load_wikinews(folder: Path) -> dict[str, tuple[str, str]]:
    """url -> (date, whitespace-normalised text) for every Wikinews CSV in ``folder``."""
    import csv

    csv.field_size_limit(10**9)
    articles: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                articles[row["url"]] = (row["date"], normalise_space(row["text"]))
    return articles


def check_source(doc: dict[str, Any], articles: dict[str, tuple[str, str]]) -> list[str]:
    """A Wikinews document must quote its article and carry the article's date."""
    if not articles or not (doc.get("url") or "").startswith("https://en.wikinews.org"):
        return []
    if doc["url"] not in articles:
        return [f"url {doc['url']} not in the Wikinews CSVs"]
    published, body = articles[doc["url"]]
    problems = [] if normalise_space(doc["text"]) in body else ["text not found in its article"]
    if doc["published"] != published:
        problems.append(f"published {doc['published']} != article date {published}")
    return problems


def cmd_check(args: argparse.Namespace) -> int:
    validator, failures = make_validator(), 0
    articles = load_wikinews(Path(args.wikinews)) if args.wikinews else {}
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    for path in map(Path, args.files):
        for doc in read_jsonl(path):
            problems = check_document(doc, validator) + check_source(doc, articles)
            for key, seen in (("id", seen_ids), ("text", seen_texts)):
                if doc[key] in seen:
                    problems.append(f"duplicate {key} (also in {seen[doc[key]]})")
                seen[doc[key]] = str(path)
            for problem in problems:
                print(f"{path.name}:{doc.get('id')}: {problem}")
            failures += bool(problems)
    print(f"checked {len(seen_ids)} documents, {failures} with problems")
    return 1 if failures else 0

# ---------------------------------------------------------------- statistics and review


SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“'‘(])")


def sentence_starts(text: str) -> list[int]:
    """Rough sentence starts (end punctuation followed by an upper-case start)."""
    return [0] + [m.end() for m in SENTENCE_END.finditer(text)]


def count_sentences(text: str) -> int:
    return len(sentence_starts(text))


def sentences_with_any(doc: dict[str, Any]) -> int:
    """How many of the document's sentences hold at least one time or quantity."""
    starts = sentence_starts(doc["text"])
    hit = {max(i for i, s in enumerate(starts) if s <= item["start"])
           for item in doc["times"] + doc["quantities"]}
    return len(hit)


def file_stats(docs: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "documents": len(docs),
        "sentences": sum(count_sentences(d["text"]) for d in docs),
        "times": sum(len(d["times"]) for d in docs),
        "quantities": sum(len(d["quantities"]) for d in docs),
        "sentences_with_any": sum(sentences_with_any(d) for d in docs),
        "docs_with_any": sum(bool(d["times"] or d["quantities"]) for d in docs),
        "published_null": sum(d["published"] is None for d in docs),
        "wikinews": sum(d["url"] is not None for d in docs),
    }


def cmd_stats(args: argparse.Namespace) -> int:
    for path in map(Path, args.files):
        print(path, json.dumps(file_stats(read_jsonl(path))))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    for path in map(Path, args.files):
        for doc in read_jsonl(path):
            pub = doc["published"]
            weekday = f" ({date.fromisoformat(pub):%a})" if pub else ""
            print(f"\n{doc['id']} [{pub}{weekday}] {doc['text']}")
            for t in doc["times"]:
                day = t["value"] and t["precision"] == "day" and date.fromisoformat(t["value"])
                extra = f" {day:%a}" if day else ""
                stretch = f" from={t.get('value_from')} to={t.get('value_to')}" if "value_from" in t else ""
                print(f"   T {t['text']!r} -> {t['value']} {t['precision']}{extra}{stretch}")
            for q in doc["quantities"]:
                print(f"   Q {q['text']!r} -> {q['value']} [{q['low']}, {q['high']}] "
                      f"{q['qualifier']} | {q['what']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="pool file -> gold/dev and gold/test JSONL")
    build.add_argument("pool")
    build.add_argument("--lang", required=True)
    build.add_argument("--name", default="times_quantities")
    build.add_argument("--gold", default=str(ROOT / "gold"))
    build.add_argument("--seed", type=int, default=2019)
    build.add_argument("--dev-share", type=float, default=0.56)
    build.set_defaults(func=cmd_build)
    for name, func in (("check", cmd_check), ("stats", cmd_stats), ("show", cmd_show)):
        command = sub.add_parser(name)
        command.add_argument("files", nargs="+")
        command.set_defaults(func=func)
        if name == "check":
            command.add_argument("--wikinews", default="/work/shared/data/wikinews-en",
                                 help="folder with wikinews_*.csv ('' to skip the source check)")
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

if __name__ == "__main__":
    sys.exit(main())
