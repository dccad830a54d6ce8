"""The stage's entry points: time expressions of a sentence, and months of the year a story tells."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from loaders.records import FuzzyDate, Precision
from loaders.timex.base import ABSOLUTE, TimeExpression
from loaders.timex.patterns import _EXPLICIT_YEAR_RE, _OF_THAT_YEAR_GAP_RE, _THAT_MONTH_RE, _TRIGGER_RE
from loaders.timex.scanner import _Scanner


def narrative_months(expressions: Sequence[TimeExpression], text: str) -> list[TimeExpression]:
    """"that August" is August of the year the story last named ("On April 2, 2024, ...
    was arrested that August" is August 2024), not the latest August before publication.
    `expressions` are a document's, in order; `text` is the document text."""
    resolved: list[TimeExpression] = []
    last_year: int | None = None
    skip: TimeExpression | None = None
    for index, expression in enumerate(expressions):
        if expression is skip:
            continue
        date_ = expression.date
        following = expressions[index + 1] if index + 1 < len(expressions) else None
        month_of_that_year = (following is not None and following.text.lower() == "that year"
                              and _OF_THAT_YEAR_GAP_RE.fullmatch(text, expression.end, following.start) is not None)
        if (expression.kind == ABSOLUTE and date_.precision == Precision.MONTH and last_year is not None
                and month_of_that_year and date_.start is not None):
            # "In April of that year": one expression, the month of the year last named
            expression = replace(expression, end=following.end, text=text[expression.start:following.end],
                                 date=FuzzyDate.month(last_year, date_.start.month, text[expression.start:following.end]))
            skip = following
        elif (expression.kind == ABSOLUTE and date_.precision == Precision.MONTH and last_year is not None
                and _THAT_MONTH_RE.search(text, max(0, expression.start - 8), expression.start)
                and not _EXPLICIT_YEAR_RE.search(expression.text) and date_.start is not None):
            expression = replace(expression, date=FuzzyDate.month(last_year, date_.start.month))
        elif expression.kind == ABSOLUTE and date_.start is not None and _EXPLICIT_YEAR_RE.search(expression.text):
            last_year = date_.start.year
        resolved.append(expression)
    return resolved


def find_time_expressions(text: str, published: FuzzyDate | None, *, offset: int = 0) -> list[TimeExpression]:
    """Time expressions in `text` (usually one sentence), resolved against `published`.

    Offsets in the result (including anchor offsets) are `offset` + positions in `text`,
    so passing the sentence's start gives document offsets. Sorted by start, non-overlapping.
    """
    if not text:
        return []
    lowered = text.lower()
    if not _TRIGGER_RE.search(lowered):
        return []
    return _Scanner(text, published, lowered).run(offset)
