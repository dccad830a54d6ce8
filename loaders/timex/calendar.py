"""Calendar arithmetic: month ends, holidays, seasons, and counts of days in units."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache

from loaders.records import SEASON_FIRST_MONTH, FuzzyDate
from loaders.timex.patterns import (
    _ABOUT,
    _CLOSE_ABOVE,
    _DECIMAL_RE,
    _HOLIDAYS,
    _LESS,
    _MORE,
    _NEARLY,
    _NUMBER_WORD_SPLIT_RE,
)
from loaders.timex.words import _SMALL_NUMBERS, _TENS, _VAGUE_COUNTS


def _month_end(year: int, month: int) -> date:
    return FuzzyDate.month(year, month).end  # type: ignore[return-value]


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    return date(year, month, (h + leap - 7 * m + 114) % 31 + 1)


def _holiday(name: str, year: int) -> date | None:
    key = " ".join(name.lower().replace("’", "'").split())
    if key in _HOLIDAYS:
        return _safe_date(year, *_HOLIDAYS[key])
    if key.startswith("thanksgiving"):
        return _weekday_on_or_after(date(year, 11, 1), 3) + timedelta(days=21)
    if key == "labor day":
        return _weekday_on_or_after(date(year, 9, 1), 0)
    if key == "memorial day":
        return _weekday_on_or_before(date(year, 5, 31), 0)
    if key.startswith("easter"):
        return _easter(year)
    if key == "good friday":
        return _easter(year) - timedelta(days=2)
    return None


def _season(name: str, first_year: int) -> tuple[date, date]:
    """The season that starts in `first_year` (winter runs into the next year)."""
    start_month = SEASON_FIRST_MONTH[name.lower()]
    end_year, end_month = _add_months(first_year, start_month, 2)
    return date(first_year, start_month, 1), _month_end(end_year, end_month)


def _thirds(start: date, end: date, part: str) -> tuple[date, date]:
    """Early / mid / late third of an interval, by days."""
    length = (end - start).days + 1
    cut1, cut2 = length // 3, (2 * length) // 3
    if part == "early":
        return start, start + timedelta(days=cut1 - 1)
    if part == "mid":
        return start + timedelta(days=cut1), start + timedelta(days=cut2 - 1)
    return start + timedelta(days=cut2), end


@lru_cache(maxsize=256)
def _months_in_days(count: int) -> tuple[int, int]:
    """Fewest and most days that `count` consecutive calendar months can span."""
    lengths = [(_month_end(y, m) - date(y, m, 1)).days + 1 for y in range(2000, 2004) for m in range(1, 13)]
    cycle = lengths * (count // 48 + 2)
    sums = [sum(cycle[i:i + count]) for i in range(48)]
    return min(sums), max(sums)


@lru_cache(maxsize=256)
def _years_in_days(count: int) -> tuple[int, int]:
    """Fewest and most days that `count` consecutive calendar years can span (over a 400-year cycle)."""
    lengths = [366 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 365 for y in range(2000, 2400 + count)]
    sums = [sum(lengths[i:i + count]) for i in range(400)]
    return min(sums), max(sums)


def _unit_name(raw: str) -> str:
    unit = raw.lower()
    return unit[:-1] if unit.endswith("s") else unit


def _unit_days(unit: str, count: float) -> tuple[int, int]:
    """Fewest and most calendar days between two moments `count` units apart."""
    hours = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1.0}.get(unit)
    if hours is not None:
        total = count * hours / 24
        return math.floor(total), math.ceil(total)
    whole, fraction = int(count), count - int(count)
    lo, hi = _whole_unit_days(unit, whole) if whole else (0, 0)
    if fraction:  # "1½ weeks", "a year and a half"
        unit_lo, unit_hi = _whole_unit_days(unit, 1)
        lo, hi = lo + math.floor(fraction * unit_lo), hi + math.ceil(fraction * unit_hi)
    return lo, hi


def _whole_unit_days(unit: str, count: int) -> tuple[int, int]:
    if unit in ("day", "night"):
        return count, count
    if unit == "week":
        return 7 * count, 7 * count
    if unit == "fortnight":
        return 14 * count, 14 * count
    if unit == "month":
        return _months_in_days(count)
    if unit == "year":
        return _years_in_days(count)
    return _years_in_days(10 * count)  # decade


def _bare_plural_days(unit: str) -> tuple[int, int | None]:
    """A plural unit with no count ('days before') = a few of them, fewer than the next unit."""
    if unit in ("second", "minute", "hour"):
        return 0, 1
    if unit in ("day", "night"):
        return 1, 6
    if unit == "week":
        return 14, 42
    if unit == "month":
        return _months_in_days(2)[0], _months_in_days(11)[1]
    if unit == "year":
        return _years_in_days(2)[0], None
    return _years_in_days(20)[0], None


_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def whole_number(raw: str) -> int | None:
    """An exact whole count in words or digits: "four" = 4, "12" = 12; "several" = None."""
    counted = _plain_count(raw)
    if counted is None or counted[0] != counted[1] or counted[0] != int(counted[0]):
        return None
    return int(counted[0])


def _count(raw: str, half: bool = False) -> tuple[float, float] | None:
    """A count as (fewest, most): 'three' = (3, 3), 'several' = (3, 9), '1½' = (1.5, 1.5)."""
    counted = _plain_count(raw)
    if counted is None or not half:
        return counted
    return counted[0] + 0.5, counted[1] + 0.5


def _plain_count(raw: str) -> tuple[float, float] | None:
    words = " ".join(raw.lower().split())
    if words in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[words]
    words = words.replace(" 1/2", "½")
    fraction = _FRACTIONS.get(words[-1:], 0.0)
    digits = words.rstrip("½¼¾ ").replace(",", "")
    if fraction and not digits:
        return fraction, fraction
    if _DECIMAL_RE.fullmatch(digits):
        value = float(digits) + fraction
        return (value, value) if value > 0 else None
    total = 0
    for part in _NUMBER_WORD_SPLIT_RE.split(words):
        if part in _TENS:
            total += _TENS[part]
        elif part in _SMALL_NUMBERS:
            total += _SMALL_NUMBERS[part]
        else:
            return None
    return (total, total) if total else None


def _tolerance(days: int) -> int:
    """How far "about" widens a length: a day each side up to a month ("about three weeks
    after" is 20 to 22 days after), then 15%."""
    return 1 if days <= 31 else round(days * 0.15)


def _magnitude(match: re.Match[str]) -> tuple[int, int | None, str] | None:
    """Days spanned by a quantity phrase (mod, num, unit | bare): (lo, hi, unit); hi None = open."""
    if match.group("bare"):
        unit = _unit_name(match.group("bare"))
        lo, hi = _bare_plural_days(unit)
    else:
        counted = _count(match.group("num"), bool(match.group("half")))
        if counted is None:
            return None
        unit = _unit_name(match.group("unit"))
        lo, hi = _unit_days(unit, counted[0])[0], _unit_days(unit, counted[1])[1]
    mod = " ".join((match.group("mod") or "").lower().split())
    if mod in _MORE:
        return lo, None, unit
    if mod in _CLOSE_ABOVE:
        return lo, (hi + _tolerance(hi)) if hi is not None else None, unit
    if mod in _LESS:
        return 0, hi, unit
    if mod in _NEARLY:
        return max(0, lo - _tolerance(lo)), hi, unit
    if mod in _ABOUT:
        return max(0, lo - _tolerance(lo)), (hi + _tolerance(hi)) if hi is not None else None, unit
    return lo, hi, unit


def _usable_published(published: FuzzyDate | None) -> FuzzyDate | None:
    """The publication date when it can anchor relative dates: both sides known, at most a year wide."""
    if published is None or published.start is None or published.end is None:
        return None
    if (published.end - published.start).days > 366:
        return None
    return published
