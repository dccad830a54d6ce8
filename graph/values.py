"""Values as the driver returns them, turned into the project's Python records."""

from __future__ import annotations

from datetime import date
from typing import Any

from loaders.records import FuzzyDate, Precision


def native(value: Any) -> Any:
    """Driver temporal values (also inside maps and lists) as Python dates and datetimes."""
    if hasattr(value, "to_native"):
        return value.to_native()
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native(v) for v in value]
    return value


def stored_date(start: Any, end: Any, precision: str | None, text: str | None) -> FuzzyDate:
    """A FuzzyDate from stored properties (startDate, endDate, precision, dateText).

    A missing end of a DAY/MONTH/YEAR/DECADE is implied by its start; an unknown
    precision word reads as the interval the two bounds give.
    """
    start, end = native(start), native(end)
    try:
        known = Precision(precision) if precision else None
    except ValueError:
        known = None
    if known is None:
        return FuzzyDate.between(start, end, text)
    if start is not None and end is None:
        if known is Precision.DAY:
            end = start
        elif known is Precision.MONTH:
            end = FuzzyDate.month(start.year, start.month).end
        elif known is Precision.YEAR:
            end = date(start.year, 12, 31)
        elif known is Precision.DECADE:
            end = date(start.year + 9, 12, 31)
    if start is None and end is None and known is not Precision.UNKNOWN:
        known = Precision.UNKNOWN
    return FuzzyDate(start, end, known, text)
