"""What the time-expression stage returns: expressions, their kinds and the offsets that anchor them to events."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.records import FuzzyDate


ABSOLUTE = "ABSOLUTE"
RELATIVE = "RELATIVE"  # to the publication date
ANCHORED = "ANCHORED"  # to another event named in the text
# The calendar unit of "during that period": no unit, the whole span told before.
PERIOD_TOLD = "period"


@dataclass(frozen=True, slots=True)
class AnchoredOffset:
    """A date relative to another event named in the text: 'more than a week before his death'.

    The claimed interval is [anchor.start + min_offset_days, anchor.end + max_offset_days].
    `anchor_text` is the phrase naming the anchor event; None for discourse anchors
    ('the following day' = the previously mentioned dated event). `anchor_start` and
    `anchor_end` index the same text as `TimeExpression.start` (the `offset` is added).
    """

    min_offset_days: int | None
    max_offset_days: int | None
    anchor_text: str | None
    anchor_start: int | None
    anchor_end: int | None
    # The offsets in whole calendar months or years, when the text counts in them: "the
    # following month" = (1, 1, "month"), "that year" = (0, 0, "year"). The day offsets
    # then cover every such unit; a known anchor date gives the exact one. "during that
    # period" = (0, 0, PERIOD_TOLD): the span told before, as told.
    calendar: tuple[int, int, str] | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str  # ABSOLUTE | RELATIVE | ANCHORED
    date: FuzzyDate
    anchor: AnchoredOffset | None = None
    future: bool = False
    # "since April": the time what goes on began (April), beside the open bound the phrase gives
    onset: FuzzyDate | None = None


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    date: FuzzyDate | None  # None = unknown
    anchor: tuple[int | None, int | None, int | None, int | None] | None = None  # min, max, a_start, a_end
    future: bool = False
    weekday: bool = False  # a bare weekday name: "from Monday to Wednesday" resolves the pair together
    calendar: tuple[int, int, str] | None = None  # see AnchoredOffset.calendar
    onset: FuzzyDate | None = None  # see TimeExpression.onset
