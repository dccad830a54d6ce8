"""Resolution helpers: intervals from relative words, weekdays, parts of periods and bounds."""

from __future__ import annotations

from datetime import date, timedelta

from loaders.records import SEASON_FIRST_MONTH, FuzzyDate, week_of
from loaders.timex.base import _Found
from loaders.timex.calendar import (
    _add_months,
    _bare_plural_days,
    _count,
    _holiday,
    _month_end,
    _season,
    _thirds,
    _unit_days,
    _unit_name,
    _weekday_on_or_after,
    _weekday_on_or_before,
)
from loaders.timex.words import (
    _ANCHOR_STOPS,
    _AUXILIARIES,
    _COMPLEMENTS,
    _EVENT_NOUNS,
    _IRREGULAR_PAST,
    _MONTH_ABBREVIATIONS,
    _MONTH_NUMBER,
    _NOT_PAST_ED,
    _OBJECT_PRONOUNS,
    _VERB_FILLERS,
)


def _enclosing(breaks: list[tuple[int, int]], start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch of [lo, hi) around [start, end) that no break in `breaks` cuts."""
    for brk_start, brk_end in breaks:
        if brk_start < lo or brk_end > hi:
            continue
        if brk_end <= start:
            lo = brk_end
        elif brk_start >= end:
            return lo, brk_start
    return lo, hi


def _pair(first: date | None, last: date | None = None) -> tuple[date, date] | None:
    if first is None:
        return None
    if last is None:
        return first, first
    return first, last


def _month_number(raw: str) -> int | None:
    word = raw.rstrip(".").lower()
    return _MONTH_NUMBER.get(word) or _MONTH_ABBREVIATIONS.get(word)


def _is_event_noun(word: str) -> bool:
    word = word.lower()
    if word in _EVENT_NOUNS:
        return True
    for suffix in ("es", "s"):
        if word.endswith(suffix) and word[: -len(suffix)] in _EVENT_NOUNS:
            return True
    return False


def _is_content_word(word: str) -> bool:
    low = word.lower()
    return low not in _ANCHOR_STOPS and low not in _AUXILIARIES and word[:1].isalpha()


def _is_verbish(low: str) -> bool:
    if low in _AUXILIARIES or low in _IRREGULAR_PAST:
        return True
    return low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST_ED


def _verb_group_end(tokens: list[tuple[str, int, int]], index: int) -> int | None:
    """Index of the last token of a past-tense verb group starting at `index` ('was found dead', 'died')."""
    if index >= len(tokens):
        return None
    low = tokens[index][0].lower()
    auxiliary = low in _AUXILIARIES
    if auxiliary:
        index += 1
        while index < len(tokens) and tokens[index][0].lower() in _VERB_FILLERS:
            index += 1
        if index >= len(tokens):
            return None
        low = tokens[index][0].lower()
    elif low in _VERB_FILLERS:
        index += 1
        if index >= len(tokens):
            return None
        low = tokens[index][0].lower()
    is_participle = low.endswith(("ed", "en")) or low in _IRREGULAR_PAST
    if not is_participle or low in _NOT_PAST_ED or low in _AUXILIARIES - {"had", "did"}:
        return None
    end = index
    if end + 1 < len(tokens) and tokens[end + 1][0].lower() in (_COMPLEMENTS | _OBJECT_PRONOUNS):
        end += 1
    return end


# The longest run of each calendar unit, in days: "that month" is within 30 days of any day in it.
_LONGEST_UNIT_DAYS = {"week": 7, "month": 31, "year": 366}


def _same_unit_offsets(unit: str, direction: str) -> tuple[int, int]:
    """Offsets of 'that day' / 'later that year' / 'earlier that month' from the anchor event.

    Parts of a day stay on the anchor's day ('that night' may run into the next one). For a week,
    month or year the offsets cover every day of that unit wherever the anchor falls in it, so
    the claim is never narrower than the text: 'that year' = ±365, 'later that year' = [1, 365]
    ('later' leaves the anchor's own day out: that would be 'later that day').
    """
    if unit in SEASON_FIRST_MONTH:  # "that spring": the season of the anchor's year, before or after it
        return -365, 365
    if unit not in _LONGEST_UNIT_DAYS:
        return (0, 1) if unit == "night" else (0, 0)
    reach = _LONGEST_UNIT_DAYS[unit] - 1
    if direction == "later":
        return 1, reach
    if direction == "earlier":
        return -reach, -1
    return -reach, reach


def _calendar_unit(day: date, unit: str, step: int, future: bool = False) -> FuzzyDate | None:
    """The week / weekend / month / quarter / year / decade holding `day`, moved by `step` units."""
    if unit == "week":
        monday, sunday = week_of(day + timedelta(days=7 * step))
        return FuzzyDate.between(monday, sunday)
    if unit == "weekend":
        if step < 0:  # the most recent Saturday-Sunday that ended before the day
            saturday = _weekday_on_or_before(day - timedelta(days=1), 5)
            if saturday + timedelta(days=1) >= day:
                saturday -= timedelta(days=7)
        elif step > 0:
            saturday = week_of(day)[0] + timedelta(days=12)
        else:
            saturday = week_of(day)[0] + timedelta(days=5)
            if not future and saturday > day:
                saturday -= timedelta(days=7)
        return FuzzyDate.between(saturday, saturday + timedelta(days=1))
    if unit == "month":
        year, month = _add_months(day.year, day.month, step)
        return FuzzyDate.month(year, month)
    if unit == "quarter":
        year, month = _add_months(day.year, 3 * ((day.month - 1) // 3) + 1, 3 * step)
        return FuzzyDate.between(date(year, month, 1), _month_end(*_add_months(year, month, 2)))
    if unit == "year":
        return FuzzyDate.year(day.year + step)
    if unit == "decade":
        return FuzzyDate.decade((day.year // 10 + step) * 10)
    return None


def _relative_weekday(day: date, weekday: int, step: int, future: bool) -> FuzzyDate:
    """'last Thursday' is strictly before `day`, 'next Thursday' strictly after; a bare one may be `day` itself."""
    if step < 0:
        return FuzzyDate.day(_weekday_on_or_before(day - timedelta(days=1), weekday))
    if step > 0:
        return FuzzyDate.day(_weekday_on_or_after(day + timedelta(days=1), weekday))
    if future:
        return FuzzyDate.day(_weekday_on_or_after(day, weekday))
    return FuzzyDate.day(_weekday_on_or_before(day, weekday))


def _window(day: date, before: int, after: int) -> FuzzyDate:
    """[day - before, day + after]: 'the past year', 'in the coming weeks', 'tomorrow'."""
    return FuzzyDate.between(day - timedelta(days=before), day + timedelta(days=after))


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_end(year, month)


def _holiday_span(year: int, name: str) -> tuple[date, date] | None:
    return _pair(_holiday(name, year))


def _relative_month(day: date, month: int, step: int) -> FuzzyDate:
    """'last October' = the most recent October of an earlier month; 'next October' the first later one."""
    if step < 0:
        year = day.year if month < day.month else day.year - 1
    elif step > 0:
        year = day.year if month > day.month else day.year + 1
    else:
        year = day.year
    return FuzzyDate.month(year, month)


def _relative_season(day: date, name: str, rel: str, future: bool) -> FuzzyDate | None:
    seasons = [_season(name, year) for year in range(day.year - 2, day.year + 2)]
    if rel in ("last", "this past", "past"):
        span = max((s for s in seasons if s[1] < day), default=None)
    elif rel in ("next", "this coming"):
        span = min((s for s in seasons if s[0] > day), default=None)
    else:
        holding = [s for s in seasons if s[0] <= day <= s[1]]
        if holding:
            span = holding[0]
        elif future:
            span = min((s for s in seasons if s[0] > day), default=None)
        else:
            span = max((s for s in seasons if s[1] < day), default=None)
    return FuzzyDate.between(*span) if span else None


def _ago(day: date, lo: int, hi: int | None, unit: str, exact_count: int | None) -> FuzzyDate:
    """'two years ago': calendar units for exact counts, otherwise a window of days."""
    if exact_count is not None:
        if unit == "day" or unit == "night":
            return FuzzyDate.day(day - timedelta(days=exact_count))
        if unit == "week":
            monday, sunday = week_of(day - timedelta(days=7 * exact_count))
            return FuzzyDate.between(monday, sunday)
        if unit == "month":
            return FuzzyDate.month(*_add_months(day.year, day.month, -exact_count))
        if unit == "year":
            return FuzzyDate.year(day.year - exact_count)
        if unit == "decade":
            return FuzzyDate.year(day.year - 10 * exact_count)
    start = day - timedelta(days=hi) if hi is not None else None
    return FuzzyDate.between(start, day - timedelta(days=lo))


def _window_days(num: str | None, unit_raw: str) -> int | None:
    """Longest span of 'the past [N] units' / 'the next [N] units'."""
    unit = _unit_name(unit_raw)
    if num is None:
        if unit_raw.lower().endswith("s"):
            return _bare_plural_days(unit)[1]
        return _unit_days(unit, 1)[1]
    counted = _count(num)
    return _unit_days(unit, counted[1])[1] if counted else None


def _part_of(part: str, start: date, end: date, unit: str) -> tuple[date, date] | None:
    """The named part of a period: 'early' 2020, 'the end of' March, 'the first half of' 2023."""
    if part in ("early", "beginning of", "start of", "turn of"):
        key = "early"
    elif part in ("mid", "middle of"):
        key = "mid"
    elif part in ("late", "end of", "close of"):
        key = "late"
    else:
        key = part
    if key in ("early", "mid", "late"):
        if unit == "year":
            months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[key]
            return date(start.year, months[0], 1), _month_end(start.year, months[1])
        if unit == "month":
            days = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[key]
            return start.replace(day=days[0]), start.replace(day=days[1])
        if unit == "decade":
            years = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[key]
            return date(start.year + years[0], 1, 1), date(start.year + years[1], 12, 31)
        return _thirds(start, end, key)
    ordinal = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
               "final": -1, "last": -1}[key.split()[0]]
    if "half" in key:
        return (start, start.replace(month=6, day=30)) if ordinal == 1 else (start.replace(month=7, day=1), end)
    if "quarter" in key:
        quarter = 4 if ordinal == -1 else ordinal
        return date(start.year, 3 * quarter - 2, 1), _month_end(start.year, 3 * quarter)
    if "week" in key:
        if ordinal == -1:
            return end - timedelta(days=6), end
        return start + timedelta(days=7 * (ordinal - 1)), start + timedelta(days=7 * ordinal - 1)
    return None


def _bounded(signal: str, base: FuzzyDate | None) -> FuzzyDate | None:
    """'since 2019' = [2019-01-01, open]; 'before Oct. 28' = [open, Oct. 27]; 'by 2025' = [open, 2025-12-31]."""
    if base is None or base.start is None or base.end is None:
        return None
    if signal.startswith(("since", "starting", "beginning", "no earlier than")):
        return FuzzyDate.between(base.start, None)
    if signal in ("before", "prior to", "earlier than"):
        return FuzzyDate.between(None, base.start - timedelta(days=1))
    if signal in ("after", "later than"):
        return FuzzyDate.between(base.end + timedelta(days=1), None)
    return FuzzyDate.between(None, base.end)  # until, till, through, by, no later than


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping expressions, longest first; ties go to the earlier start, then the earlier pattern."""
    ordered = sorted(enumerate(found), key=lambda pair: (-(pair[1].end - pair[1].start), pair[1].start, pair[0]))
    taken: list[_Found] = []
    for _, candidate in ordered:
        if any(candidate.start < t.end and t.start < candidate.end for t in taken):
            continue
        taken.append(candidate)
    return sorted(taken, key=lambda f: f.start)
