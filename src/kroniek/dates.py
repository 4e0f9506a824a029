"""Calendar arithmetic for time expressions: ISO values, month and weekday shifts, the closest
date to an anchor, Easter and other holidays (used by :mod:`kroniek.times`)."""

from __future__ import annotations

from datetime import date, timedelta

from .document import Precision, TimeValue


def iso_value(precision: Precision, day: date | None) -> str | None:
    """``day`` written at ``precision`` (YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD); None when vague or unanchored."""
    if day is None or precision == "vague":
        return None
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def point(precision: Precision, day: date | None) -> TimeValue:
    return TimeValue(iso_value(precision, day), precision)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift_unit(day: date, unit: str, steps: int) -> date:
    """``day`` moved by ``steps`` units (day, week, weekend, month, year, decade)."""
    if unit == "day":
        return day + timedelta(days=steps)
    if unit in ("week", "weekend"):
        return day + timedelta(days=7 * steps)
    if unit == "month":
        return add_months(day, steps)
    years = steps * (10 if unit == "decade" else 1)
    return date(day.year + years, 1, 1)


def closest_day(month: int, day: int, anchor: date) -> date:
    """The date with this month and day nearest to ``anchor`` (its year, the one before or after)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        raise ValueError(f"no day {day} in month {month}")
    return min(options, key=lambda d: (abs((d - anchor).days), d))


def month_near(month: int, anchor: date, step: int | None) -> date:
    """Month ``month`` closest to ``anchor`` (step None), in its year (0), the last before (-1), the next after (1)."""
    here = anchor.year * 12 + anchor.month
    if step == 0:
        return date(anchor.year, month, 1)
    options = [(year, year * 12 + month) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if step is None:
        year = min(options, key=lambda o: (abs(o[1] - here), o[1]))[0]
    elif step < 0:
        year = max(o for o in options if o[1] < here)[0]
    else:
        year = min(o for o in options if o[1] > here)[0]
    return date(year, month, 1)


def weekday_near(weekday: int, anchor: date, step: int | None) -> date:
    """The weekday on or before ``anchor`` (None), strictly before (-1), strictly after (1), nearest (0)."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if step is None:
        return anchor - timedelta(days=back)
    if step < 0:
        return anchor - timedelta(days=back or 7)
    if step > 0:
        return anchor + timedelta(days=ahead or 7)
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)


def weekday_in_week(weekday: int, anchor: date, weeks: int) -> date:
    """That weekday in the ISO week ``weeks`` weeks from the week of ``anchor``."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * weeks)
    return monday + timedelta(days=weekday)


def easter(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian calendar; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(spec: str, year: int) -> date:
    """The day a holiday spec ("12-25", "easter", "easter-2") falls on in ``year``."""
    if spec.startswith("easter"):
        offset = spec[len("easter"):]
        return easter(year) + timedelta(days=int(offset) if offset else 0)
    month, day = spec.split("-")
    return date(year, int(month), int(day))


def season_year(month: int, anchor: date, step: int) -> int:
    """Year of the season standing for ``month``: last (-1), this (0) or next (1) one from ``anchor``."""
    if step < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if step > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year


def full_year(text: str, anchor: date | None) -> int:
    """A written year as a number: ``2019``; ``'19`` in the century that keeps it near the anchor."""
    digits = text.lstrip("'’")
    value = int(digits)
    if len(digits) == 4:
        return value
    limit = (anchor.year if anchor else date.today().year) % 100 + 10
    return 2000 + value if value <= limit else 1900 + value
