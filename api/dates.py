"""Dates in the API: fuzzy dates as people read them ("28 Oct 2023", "Oct 2023", "1960s",
"before 21 Oct 2023"), and the strict calendar day clients write in arguments."""

from __future__ import annotations

import re
from datetime import date

from loaders.records import FuzzyDate, Precision

# English abbreviations, fixed (the process locale must not change what clients see).
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNKNOWN_TEXT = "date unknown"


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class NotIsoDay(ValueError):
    """A day argument not written YYYY-MM-DD."""


class NotCalendarDay(ValueError):
    """A day argument written YYYY-MM-DD that names no real day ("2023-02-30"); the reason is its text."""


def calendar_day(value: object) -> date:
    """A day argument: exactly YYYY-MM-DD and a real calendar day. GraphQL arguments and export
    query parameters both read days this way; each caller words the error for its clients."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise NotIsoDay(value)
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise NotCalendarDay(str(exc)) from None


def day_text(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def month_text(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def display(value: FuzzyDate | None) -> str:
    """A short human rendering of the interval at its precision (en dash for ranges)."""
    if value is None or not value.known:
        return UNKNOWN_TEXT
    start, end = value.start, value.end
    if start is None:
        return f"before {day_text(end)}"  # type: ignore[arg-type]
    if end is None:
        return f"after {day_text(start)}"
    if start == end:
        return day_text(start)
    if value.precision is Precision.MONTH and _is_whole_month(start, end):
        return month_text(start)
    if value.precision is Precision.YEAR and _is_whole_years(start, end, 1):
        return str(start.year)
    if value.precision is Precision.DECADE and _is_whole_years(start, end, 10) and start.year % 10 == 0:
        return f"{start.year}s"
    return range_text(start, end)


def range_text(start: date, end: date) -> str:
    """'22–27 Oct 2023', '28 Sep – 3 Oct 2023', '28 Dec 2023 – 3 Jan 2024'."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {month_text(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {day_text(end)}"
    return f"{day_text(start)} – {day_text(end)}"


def _is_whole_month(start: date, end: date) -> bool:
    whole = FuzzyDate.month(start.year, start.month)
    return (whole.start, whole.end) == (start, end)


def _is_whole_years(start: date, end: date, years: int) -> bool:
    return start == date(start.year, 1, 1) and end == date(start.year + years - 1, 12, 31)
