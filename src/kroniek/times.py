"""Time expressions normalised against the publication date (stage ``times.rules.v1``).

A rule layer built from ``lang/<code>/times.toml`` (month and weekday names, relative words with
offsets, shift words, units, number words, modifiers, stretch words) finds candidate spans with
regular expressions and gives each an ISO 8601 value and a precision, anchored on
``doc.published`` (see ``docs/annotation.md``, section Times). Spans are always decided by the
rules; dateparser (imported lazily) only gives the value of the few absolute dates that match a
``[fallback]`` pattern of the language data and that the rules cannot resolve.

Without a publication date relative expressions keep their precision and get value ``None``;
absolute dates with a year are resolved regardless.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .dates import (
    closest_day,
    full_year,
    holiday_date,
    iso_value,
    month_near,
    point,
    season_year,
    shift_unit,
    weekday_in_week,
    weekday_near,
)
from .document import Document, Precision, TimeMention, TimeValue
from .errors import ConfigError
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "times.rules.v1"
YEAR = r"(?:1[89]\d\d|20\d\d)"
SHORT_YEAR = r"['’]\d\d"
YEAR_END = r"(?![\w%]|[.,]\d)"
START = r"(?<![\w.,])"
NEVER = r"(?!x)x"
NUMERIC_DATE = (  # 12-03-2019, 12/03/19, 12.03.2019 (order from the language data) and ISO 2019-03-12
    rf"{START}(?:(?P<a>\d{{1,2}})(?P<sep>[-/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d\d)"
    r"|(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))(?![\w]|[-/.,]\d)"
)
WINDOW = 60  # characters looked at before a candidate for cues, modifiers and blockers
UNIT_PRECISION: dict[str, Precision] = {
    "day": "day", "week": "week", "weekend": "week", "month": "month", "year": "year", "decade": "year",
}


# --------------------------------------------------------------------------- language data


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def norm(text: str) -> str:
    """Lookup key of a word or phrase: case-folded, whitespace collapsed, curly apostrophes straight."""
    return " ".join(text.casefold().replace("’", "'").split())


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of lower-cased ``words`` (longest first); a space matches any whitespace."""
    parts = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    if not parts:
        return NEVER
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts) + ")"


def _keyed(table: dict[str, Any]) -> dict[str, Any]:
    return {norm(k): v for k, v in table.items()}


@dataclass(slots=True)
class TimeWords:
    """The ``times`` section of one language, with lookup tables keyed by :func:`norm`."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    shifts: dict[str, int]
    units: dict[str, str]
    plural_units: dict[str, str]
    numbers: dict[str, int]
    seasons: dict[str, int]
    modifier_periods: dict[str, tuple[str, int]]
    holidays: dict[str, str] = field(default_factory=dict)
    holiday_blocked_after: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    words: dict[str, Any] = field(default_factory=dict)
    day_parts: dict[str, list[str]] = field(default_factory=dict)
    relative_blocked_before: dict[str, list[str]] = field(default_factory=dict)
    relative_blocked_after: dict[str, list[str]] = field(default_factory=dict)
    decades: dict[str, Any] = field(default_factory=dict)
    fallback: list[str] = field(default_factory=list)

    @classmethod
    def from_section(cls, data: dict[str, Any]) -> TimeWords:
        return cls(
            months=_keyed(data.get("months", {})),
            month_abbreviations=_keyed(data.get("month_abbreviations", {})),
            weekdays=_keyed(data.get("weekdays", {})),
            relative_days=_keyed(data.get("relative_days", {})),
            shifts=_keyed(data.get("shifts", {})),
            units=_keyed(data.get("units", {})),
            plural_units=_keyed(data.get("plural_units", {})),
            numbers=_keyed(data.get("numbers", {})),
            seasons=_keyed(data.get("seasons", {})),
            modifier_periods={norm(k): (v[0], int(v[1])) for k, v in data.get("modifier_periods", {}).items()},
            holidays=_keyed(data.get("holidays", {})),
            holiday_blocked_after=list(data.get("holiday_blocked_after", {}).get("words", [])),
            options=dict(data.get("options", {})),
            words=dict(data.get("words", {})),
            day_parts={k: list(v) for k, v in data.get("day_parts", {}).items()},
            relative_blocked_before=_keyed(data.get("relative_day_blocked_before", {})),
            relative_blocked_after=_keyed(data.get("relative_day_blocked_after", {})),
            decades=dict(data.get("decades", {})),
            fallback=list(data.get("fallback", {}).get("patterns", [])),
        )

    def word_list(self, key: str) -> list[str]:
        return [str(w) for w in self.words.get(key, [])]

    def alt(self, key: str) -> str:
        return alternation(self.word_list(key))

    def units_of(self, kinds: Iterable[str], plural: bool = False) -> list[str]:
        table = self.plural_units if plural else self.units
        return [word for word, kind in table.items() if kind in set(kinds)]

    def unit(self, word: str) -> tuple[str, bool]:
        """(kind, is_plural) of a unit word."""
        key = norm(word)
        if key in self.plural_units:
            return self.plural_units[key], True
        return self.units[key], False

    def number(self, word: str | None) -> int | None:
        if word is None:
            return None
        key = norm(word)
        return int(key) if key.isdigit() else self.numbers.get(key)


# --------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class Candidate:
    """A span with its value, before overlaps are resolved (lower ``rank`` wins ties)."""

    start: int
    end: int
    time: TimeValue
    rank: int = 0

    @property
    def length(self) -> int:
        return self.end - self.start


Resolver = Callable[[re.Match[str], "date | None"], "TimeValue | None"]


@dataclass(slots=True)
class Rule:
    """One pattern and the function that gives a match its value.

    ``cue``: what must stand before a bare match for it to count: "" (nothing), "year" (a year cue,
    a modifier or a stretch word), "month" (the same, when the language says bare months need it),
    "modifier" (a modifier such as "eind van").
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    cue: Callable[[re.Match[str]], str] = lambda m: ""


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest (then best-ranked, then earliest) first, in text order."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (c.rank, -c.length, c.start)):
        if cand.length <= 0 or any(cand.start < end and start < cand.end for start, end in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


class _Unanchored(Exception):
    """Raised by a resolver that needs the publication date when there is none."""

    def __init__(self, precision: Precision) -> None:
        super().__init__(precision)
        self.precision = precision


def need(anchor: date | None, precision: Precision) -> date:
    """``anchor``, or an :class:`_Unanchored` for a value of this precision."""
    if anchor is None:
        raise _Unanchored(precision)
    return anchor


def parse_with_dateparser(text: str, language: str, anchor: date | None, order: str) -> date | None:
    """dateparser's reading of an absolute date (day, month and year all required), or None."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": order.upper(),
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    try:
        parsed = dateparser.parse(text, languages=[language], settings=settings)
    except Exception:  # dateparser raises many kinds of errors on odd input
        return None
    return parsed.date() if parsed else None


# --------------------------------------------------------------------------- the tagger


def _optional(fragment: str, before: str = r"\s+") -> str:
    """``(?:before fragment)?``, or nothing when the fragment can never match."""
    return "" if fragment == NEVER else f"(?:{before}{fragment}(?!\\w))?"


def _preceded(alternatives: str, tail: str = r"\s+") -> re.Pattern[str]:
    """Pattern for a window that ends in one of ``alternatives`` (as whole words) and ``tail``."""
    return re.compile(rf"(?<![\w'’])(?P<w>{alternatives}){tail}$")


class TimeTagger:
    """Finds and normalises the time expressions of one language in a text."""

    def __init__(self, words: TimeWords, language: str = "") -> None:
        self.words = words
        self.language = str(words.options.get("dateparser_language", language))
        self.order = str(words.options.get("numeric_date_order", "dmy")).lower()
        self.f = self._fragments()
        self.rules = self._rules()
        self._compile_context()

    # ---- regex fragments and rules

    def _fragments(self) -> dict[str, str]:
        w = self.words
        f = {
            "months": alternation(w.months),
            "abbr": alternation(w.month_abbreviations),
            "wd": alternation(w.weekdays),
            "shifts": alternation(w.shifts),
            "year_units": alternation(w.units_of(["year"])),
            "week_units": alternation(w.units_of(["week"])),
            "shift_units": alternation(w.units_of(["week", "weekend", "month", "year"])),
            "all_units": alternation([*w.units, *w.plural_units]),
            "nums": rf"(?:\d{{1,3}}|{alternation(w.numbers)})",
            "ord": _optional(w.alt("ordinal_suffixes"), before=""),
            "yconn": f"(?:{w.alt('year_connectors')}\\s+)?",
            "past": _optional(f"(?P<past>{w.alt('past_markers')})"),
            "separate": _optional(alternation(w.day_parts.get("separate", []))),
            "joined": f"(?:{alternation(w.day_parts.get('joined', []))})?",
        }
        f["month_any"] = rf"(?:{f['months']}(?!\w)|{f['abbr']}(?!\w)\.?)"
        f["wd_prefix"] = rf"(?:(?P<wd>{f['wd']}),?\s+)?"
        f["shift?"] = rf"(?:(?P<shift>{f['shifts']})\s+)?"
        f["year_tail"] = (
            rf"(?:\s+{f['yconn']}(?P<year>{YEAR}|{SHORT_YEAR}){YEAR_END}"
            rf"|\s+{f['yconn']}(?P<yshift>{f['shifts']})\s+{f['year_units']}(?!\w))"
        )
        f["count"] = rf"(?:(?P<num>{f['nums']})\s+|(?P<vague>{w.alt('vague_numbers')})\s+)?"
        return f

    def _rules(self) -> list[Rule]:
        return self._date_rules() + self._relative_rules() + self._stretch_rules() + self._decade_rules()

    def _date_rules(self) -> list[Rule]:
        """Dates, months, years, seasons and holidays (relative ones included: "afgelopen maart")."""
        f, w = self.f, self.words
        day = rf"(?P<day>[0-3]?\d){f['ord']}"
        tail = f"(?:{f['year_tail']})?"
        rules = [
            self._rule("date_dmy", rf"{START}{f['wd_prefix']}{day}\s+(?:{w.alt('day_month_connectors')}\s+)?"
                       rf"(?P<month>{f['month_any']}){tail}{f['past']}", self._resolve_date),
            self._rule("date_numeric", NUMERIC_DATE, self._resolve_numeric),
            self._rule("month", rf"(?<!\w){f['shift?']}(?P<month>{f['months']})(?!\w){tail}",
                       self._resolve_month, cue=self._month_cue),
            self._rule("season", rf"(?<!\w)(?:{f['shift?']}|{w.alt('articles')}\s+)?"
                       rf"(?P<season>{alternation(w.seasons)})(?!\w){tail}", self._resolve_season),
            self._rule("holiday", rf"(?<!\w)(?P<holiday>{alternation(w.holidays)})(?!\w){tail}", self._resolve_holiday),
            self._rule("year_range", self._year_range_pattern(), self._resolve_year_range),
            self._rule("year", rf"{START}(?P<year>{YEAR}){YEAR_END}", self._resolve_year, cue=lambda m: "year"),
        ]
        if w.options.get("month_day"):
            rules.append(self._rule("date_mdy", rf"{START}{f['wd_prefix']}(?P<month>{f['month_any']})\s+{day}"
                                    rf"(?![\w]|[.,:]\d)(?:,?{f['year_tail']})?", self._resolve_date))
        return rules

    def _relative_rules(self) -> list[Rule]:
        """Weekdays, relative days ("gisteren") and periods ("vorige week", "eind van het jaar")."""
        f, w = self.f, self.words
        week_shift = rf"(?:\s+(?P<wshift>{f['shifts']})\s+{f['week_units']}(?!\w))?"
        return [
            self._rule("weekday", rf"(?<!\w)(?:(?P<shift>{f['shifts']})\s+(?:(?P<wunit>{f['week_units']})\s+)?)?"
                       rf"(?P<wd>{f['wd']}){f['joined']}(?!\w){f['separate']}{week_shift}{f['past']}",
                       self._resolve_weekday),
            self._rule("relative_day", rf"(?<!\w)(?P<word>{alternation(w.relative_days)})(?!\w){f['separate']}",
                       self._resolve_relative_day),
            self._rule("shifted_period", rf"(?<!\w)(?P<shift>{f['shifts']})\s+(?P<unit>{f['shift_units']})(?!\w)",
                       self._resolve_shifted),
            self._rule("modifier_period", rf"(?<!\w)(?P<period>{alternation(w.modifier_periods)})(?!\w)",
                       self._resolve_modifier_period, cue=lambda m: "modifier"),
        ]

    def _stretch_rules(self) -> list[Rule]:
        """"N units ago", "de afgelopen jaren", "al jaren" and the vague words."""
        f, w = self.f, self.words
        counted = rf"{f['count']}(?P<unit>{f['all_units']})"
        ago = rf"(?:(?P<approx>{w.alt('approximately')})\s+)?{counted}"
        return [
            self._rule("ago", rf"(?<!\w){ago}\s+{w.alt('ago_after')}(?!\w)", self._resolve_ago),
            self._rule("ago_before", rf"(?<!\w){w.alt('ago_before')}\s+{ago}(?!\w)", self._resolve_ago),
            self._rule("recent", rf"(?<!\w)(?:{w.alt('articles')}\s+)?{w.alt('recent')}\s+{counted}(?!\w)"
                       rf"(?!\s+{w.alt('recent_blocked_after')}(?!\w))", self._resolve_recent),
            self._rule("already", rf"(?<!\w){w.alt('already')}\s+{counted}"
                       rf"{_optional(w.alt('duration_suffixes'))}(?!\w)", self._resolve_already),
            self._rule("vague", rf"(?<!\w){w.alt('vague')}(?!\w)", lambda m, a: TimeValue(None, "vague")),
        ]

    def _rule(self, name: str, pattern: str, resolve: Resolver, cue: Callable[[re.Match[str]], str] | None = None,
              ) -> Rule:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"times rule {name!r} does not compile: {exc}", source="times.toml") from exc
        return Rule(name, compiled, resolve, cue or (lambda m: ""))

    def _decade_rules(self) -> list[Rule]:
        words = alternation(self.words.decades.get("words", {}))
        return [
            self._rule(f"decade{i}", rf"(?<!\w){p.replace('{words}', words)}(?!\w)", self._resolve_decade)
            for i, p in enumerate(self.words.decades.get("patterns", []))
        ]

    def fallback_rules(self) -> list[Rule]:
        """Patterns of absolute dates that only dateparser reads (rank 1: rules win overlaps)."""
        out = []
        for i, template in enumerate(self.words.fallback):
            pattern = template.replace("{months}", self.f["months"]).replace("{month_abbreviations}", self.f["abbr"])
            out.append(self._rule(f"fallback{i}", rf"(?<!\w){pattern}(?!\w)", self._resolve_fallback))
        return out

    def _year_range_pattern(self) -> str:
        w = self.words
        to_words = w.word_list("range_to") + w.word_list("range_to_after_from_only")
        symbols = [t for t in to_words if not any(c.isalpha() for c in t)]
        names = [t for t in to_words if any(c.isalpha() for c in t)]
        conn = rf"(?P<conn>\s*{alternation(symbols)}\s*|\s+{alternation(names)}\s+)"
        return rf"{START}(?:(?P<from>{w.alt('range_from')})\s+)?(?P<y1>{YEAR}){conn}(?P<y2>{YEAR}|\d\d){YEAR_END}"

    def _compile_context(self) -> None:
        w, f = self.words, self.f
        conj = [c for c in w.word_list("year_conjunctions") if c != ","]
        comma = r"\s*,\s*|" if "," in w.word_list("year_conjunctions") else ""
        chain = rf"(?:{comma}\s+{alternation(conj)}\s+)"
        self.cue_before = _preceded(w.alt("year_cues"))
        self.modifier_before = _preceded(w.alt("modifiers"), rf"(?:\s+{w.alt('modifier_connectors')})?(?:\s+|-)")
        self.since_before = _preceded(w.alt("since"))
        self.already_before = _preceded(w.alt("already"))
        self.year_chain = re.compile(rf"(?<![\w.,]){YEAR}{chain}$")
        self.month_chain = re.compile(rf"(?<!\w){f['months']}{chain}$")
        self.blocked_before = _preceded(w.alt("blocked_before"))
        self.weekday_blocked_before = _preceded(w.alt("weekday_blocked_before"))
        self.weekday_blocked_after = re.compile(rf"\s+{w.alt('weekday_blocked_after')}(?!\w)")
        self.holiday_blocked_after = re.compile(rf"(?:\s+|-){alternation(w.holiday_blocked_after)}(?!\w)")
        self.not_year_after = re.compile(rf"\s+{w.alt('not_year_if_followed_by')}(?!\w)")
        self.relative_blocked_before = {k: _preceded(alternation(v)) for k, v in w.relative_blocked_before.items()}
        self.relative_blocked_after = {
            k: re.compile(rf"\s+{alternation(v)}(?!\w)") for k, v in w.relative_blocked_after.items()
        }
        self.fallback = self.fallback_rules()

    # ---- tagging

    def tag(self, text: str, published: date | None = None) -> list[TimeMention]:
        """The time mentions of ``text``, sorted and non-overlapping, anchored on ``published``."""
        if isinstance(published, datetime):
            published = published.date()
        lowered = lower_same_length(text)
        chosen = select(list(self.candidates(lowered, text, published, self.rules)))
        taken = [(c.start, c.end) for c in chosen]
        fallback = [
            c for c in self.candidates(lowered, text, published, self.fallback, rank=1, avoid=taken)
        ]
        if fallback:
            chosen = select(chosen + fallback)
        return [
            TimeMention(c.start, c.end, text[c.start:c.end], time=c.time, stage=STAGE_NAME) for c in chosen
        ]

    def candidates(
        self, lowered: str, text: str, anchor: date | None, rules: list[Rule],
        rank: int = 0, avoid: list[tuple[int, int]] | None = None,
    ) -> Iterator[Candidate]:
        """The candidates (overlapping) of ``rules`` matched on ``lowered`` (``text`` in lower case),
        leaving out matches that overlap a span in ``avoid``."""
        for rule in rules:
            for match in rule.pattern.finditer(lowered):
                if avoid and any(match.start() < end and start < match.end() for start, end in avoid):
                    continue
                candidate = self._candidate(rule, match, text, anchor, rank)
                if candidate is not None:
                    yield candidate

    def _candidate(self, rule: Rule, m: re.Match[str], text: str, anchor: date | None, rank: int) -> Candidate | None:
        if not self._well_written(m, text):
            return None
        try:
            time = rule.resolve(m, anchor)
        except _Unanchored as exc:
            time = TimeValue(None, exc.precision)
        except (ValueError, OverflowError, KeyError):
            return None
        if time is None:
            return None
        start, modified = self._extend(m.string, m.start(), self.modifier_before)
        start, since = self._extend(m.string, start, self.since_before)
        if not self._cued(rule.cue(m), m, modified or since):
            return None
        if since:
            start = self._extend(m.string, start, self.already_before)[0]
            time = TimeValue(None, "vague", time.value or time.value_from)
        return Candidate(start, m.end(), time, rank)

    def _window(self, text: str, end: int) -> str:
        return text[max(0, end - WINDOW):end]

    def _extend(self, text: str, start: int, pattern: re.Pattern[str]) -> tuple[int, bool]:
        """``start`` moved left over a word matched by ``pattern`` just before it."""
        window = self._window(text, start)
        found = pattern.search(window)
        if found is None:
            return start, False
        return start - len(window) + found.start("w"), True

    def _cued(self, cue: str, m: re.Match[str], extended: bool) -> bool:
        if not cue or extended:
            return True
        if cue == "modifier":
            return False
        window = self._window(m.string, m.start())
        chain = self.year_chain if cue == "year" else self.month_chain
        return bool(self.cue_before.search(window) or chain.search(window))

    def _well_written(self, m: re.Match[str], text: str) -> bool:
        """Names written as the language writes them ("March", not the verb "march")."""
        if not self.words.options.get("capitalised_names"):
            return True
        names = [g for g in ("month", "wd", "holiday") if g in m.re.groupindex and m.start(g) >= 0]
        return all(text[m.start(g)].isupper() for g in names)

    # ---- resolvers: (match, anchor) -> TimeValue

    def _month_number(self, word: str) -> int:
        key = norm(word).rstrip(".")
        return self.words.months.get(key) or self.words.month_abbreviations[key]

    def _year(self, m: re.Match[str], anchor: date | None, precision: Precision) -> int | None:
        """The year a match names, directly ("2019", "'19") or relatively ("vorig jaar"); None if neither."""
        groups = m.groupdict()
        if groups.get("year"):
            return full_year(groups["year"], anchor)
        if groups.get("yshift"):
            return need(anchor, precision).year + self.words.shifts[norm(groups["yshift"])]
        return None

    def _resolve_date(self, m: re.Match[str], anchor: date | None) -> TimeValue:
        month, day = self._month_number(m["month"]), int(m["day"])
        year = self._year(m, anchor, "day")
        if year is not None:
            return point("day", date(year, month, day))
        date(2000, month, day)  # a day that exists in some year, or ValueError
        found = closest_day(month, day, need(anchor, "day"))
        if m.groupdict().get("past") and found > anchor:
            found = date(found.year - 1, month, day)
        return point("day", found)

    def _resolve_numeric(self, m: re.Match[str], anchor: date | None) -> TimeValue:
        if m["iy"]:
            return point("day", date(int(m["iy"]), int(m["im"]), int(m["id"])))
        year = full_year(m["y"], anchor)
        first, second = int(m["a"]), int(m["b"])
        day, month = (second, first) if self.order == "mdy" else (first, second)
        try:
            return point("day", date(year, month, day))
        except ValueError:
            return point("day", date(year, day, month))

    def _month_cue(self, m: re.Match[str]) -> str:
        groups = m.groupdict()
        if groups.get("shift") or groups.get("year") or groups.get("yshift"):
            return ""
        return "month" if self.words.options.get("month_alone_needs_cue") else ""

    def _resolve_month(self, m: re.Match[str], anchor: date | None) -> TimeValue:
        month = self._month_number(m["month"])
        year = self._year(m, anchor, "month")
        if year is not None:
            return point("month", date(year, month, 1))
        step = self.words.shifts[norm(m["shift"])] if m["shift"] else None
        return point("month", month_near(month, need(anchor, "month"), step))

    def _resolve_weekday(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        text = m.string
        if self.blocked_before.search(self._window(text, m.start())):
            return None
        if not m["shift"] and self.weekday_blocked_before.search(self._window(text, m.start("wd"))):
            return None
        if self.weekday_blocked_after.match(text, m.end("wd")):
            return None
        weekday = self.words.weekdays[norm(m["wd"])]
        anchor = need(anchor, "day")
        if m["wshift"] or m["wunit"]:
            weeks = self.words.shifts[norm(m["wshift"] or m["shift"])]
            return point("day", weekday_in_week(weekday, anchor, weeks))
        step = self.words.shifts[norm(m["shift"])] if m["shift"] else None
        return point("day", weekday_near(weekday, anchor, step))

    def _resolve_relative_day(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        key, text = norm(m["word"]), m.string
        window = self._window(text, m.start())
        if self.blocked_before.search(window):
            return None
        if key in self.relative_blocked_before and self.relative_blocked_before[key].search(window):
            return None
        if key in self.relative_blocked_after and self.relative_blocked_after[key].match(text, m.end("word")):
            return None
        return point("day", need(anchor, "day") + timedelta(days=self.words.relative_days[key]))

    def _resolve_shifted(self, m: re.Match[str], anchor: date | None) -> TimeValue:
        unit, _ = self.words.unit(m["unit"])
        return self._period(unit, self.words.shifts[norm(m["shift"])], anchor)

    def _resolve_modifier_period(self, m: re.Match[str], anchor: date | None) -> TimeValue:
        unit, steps = self.words.modifier_periods[norm(m["period"])]
        return self._period(unit, steps, anchor)

    def _period(self, unit: str, steps: int, anchor: date | None) -> TimeValue:
        """This (0), the last (-1) or the next (1) week, weekend, month or year from ``anchor``."""
        precision = UNIT_PRECISION[unit]
        anchor = need(anchor, precision)
        if unit == "weekend":
            return point("week", weekday_near(5, anchor, steps))
        return point(precision, shift_unit(anchor, unit, steps))

    def _count(self, m: re.Match[str]) -> tuple[str, int | None] | None:
        """(unit, number) of "twee dagen"; number None for a vague count; None if not a count at all."""
        unit, plural = self.words.unit(m["unit"])
        if m["vague"]:
            return unit, None
        number = self.words.number(m["num"])
        if number is None and not plural:
            return None
        return unit, number

    def _resolve_ago(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        count = self._count(m)
        if count is None:
            return None
        unit, number = count
        if number is None:
            return TimeValue(None, "vague")
        precision = UNIT_PRECISION[unit]
        return point(precision, shift_unit(need(anchor, precision), unit, -number))

    def _stretch_back(self, count: tuple[str, int | None] | None, anchor: date | None) -> TimeValue | None:
        """A vague stretch up to ``anchor``, starting ``count`` units before it when that is known."""
        if count is None:
            return None
        unit, number = count
        if number is None or anchor is None:
            return TimeValue(None, "vague")
        return TimeValue(None, "vague", iso_value(UNIT_PRECISION[unit], shift_unit(anchor, unit, -number)))

    def _resolve_recent(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        return self._stretch_back(self._count(m), anchor)

    def _resolve_already(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        if m["num"] and not self.words.words.get("already_numbers", True):
            return None
        return self._stretch_back(self._count(m), anchor)

    def _resolve_season(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        year = self._year(m, anchor, "year")
        if year is not None:
            return point("year", date(year, 1, 1))
        if not m["shift"]:
            return None
        month = self.words.seasons[norm(m["season"])]
        step = self.words.shifts[norm(m["shift"])]
        return point("year", date(season_year(month, need(anchor, "year"), step), 1, 1))

    def _resolve_holiday(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        if self.holiday_blocked_after.match(m.string, m.end()):
            return None
        spec = self.words.holidays[norm(m["holiday"])]
        year = self._year(m, anchor, "day")
        if year is not None:
            return point("day", holiday_date(spec, year))
        anchor = need(anchor, "day")
        options = [holiday_date(spec, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        return point("day", min(options, key=lambda d: (abs((d - anchor).days), d)))

    def _resolve_year(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        if self.not_year_after.match(m.string, m.end()):
            return None
        return point("year", date(int(m["year"]), 1, 1))

    def _resolve_year_range(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        connector = norm(m["conn"])
        if not m["from"] and connector in {norm(c) for c in self.words.word_list("range_to_after_from_only")}:
            return None
        first, last = int(m["y1"]), m["y2"]
        second = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if second <= first or self.not_year_after.match(m.string, m.end()):
            return None
        return TimeValue(None, "vague", f"{first:04d}", f"{second:04d}")

    def _resolve_decade(self, m: re.Match[str], anchor: date | None) -> TimeValue:
        written = norm(m["decade"]).lstrip("'")
        words = _keyed(self.words.decades.get("words", {}))
        if written in words:
            start = 1900 + int(words[written]) if int(words[written]) >= 20 else 2000 + int(words[written])
        elif len(written) == 4:
            start = int(written)
        else:
            start = 2000 + int(written) if int(written) < 20 else 1900 + int(written)
        return TimeValue(None, "vague", f"{start:04d}", f"{start + 9:04d}")

    def _resolve_fallback(self, m: re.Match[str], anchor: date | None) -> TimeValue | None:
        parsed = parse_with_dateparser(m.group(0), self.language, anchor, self.order)
        return point("day", parsed) if parsed else None


# --------------------------------------------------------------------------- the stage


class TimesStage:
    """Fills ``doc.times`` with the time expressions of the document's language."""

    name = STAGE_NAME

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._taggers: dict[str, TimeTagger | None] = {}

    def tagger(self, lang: str) -> TimeTagger | None:
        """The (cached) tagger for ``lang``; None for a language without times data."""
        if lang not in self._taggers:
            self._taggers[lang] = self._build(lang)
        return self._taggers[lang]

    def _build(self, lang: str) -> TimeTagger | None:
        from .errors import UnsupportedLanguageError

        try:
            section = self.resources.lang_data(lang).section("times")
        except UnsupportedLanguageError:
            return None
        return TimeTagger(TimeWords.from_section(section), lang) if section else None

    def __call__(self, doc: Document) -> None:
        tagger = self.tagger(doc.lang)
        doc.times = tagger.tag(doc.text, doc.published) if tagger else []


@register_stage(STAGE_NAME, "time expressions: language-data rules + dateparser, anchored on the publication date")
def make_times_stage(resources: Resources) -> TimesStage:
    return TimesStage(resources)
