"""The stage's entry point: the time expressions of a sentence."""

from __future__ import annotations

from loaders.records import FuzzyDate
from loaders.timex.base import TimeExpression
from loaders.timex.patterns import _TRIGGER_RE
from loaders.timex.scanner import _Scanner


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
