"""The scanner: one sentence's time expressions, found and resolved against the publication date."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial

from loaders.records import SEASON_FIRST_MONTH, FuzzyDate
from loaders.timex.base import ABSOLUTE, ANCHORED, PERIOD_TOLD, AnchoredOffset, RELATIVE, TimeExpression, _Found
from loaders.timex.calendar import (
    _count,
    _holiday,
    _magnitude,
    _month_end,
    _safe_date,
    _season,
    _thirds,
    _unit_days,
    _unit_name,
    _usable_published,
)
from loaders.timex.patterns import (
    _AGO_RE,
    _AS_RE,
    _ATTRIBUTIVE_LEAD_RE,
    _BARE_MONTH_RE,
    _BARE_REL_RE,
    _DAY_OF_CLAUSE_RE,
    _DAY_OF_CLAUSE_SKIP_RE,
    _BETWEEN_RE,
    _BOUND_SIGNAL_RE,
    _CAPITALISED_DEICTIC_RE,
    _CENTURY_RE,
    _CLAUSE_BREAK_RE,
    _CLAUSE_END_RE,
    _CLAUSE_OPENING_RE,
    _COMMA_RE,
    _COMPLEMENTIZER_BEFORE_RE,
    _COUNT_NOUN_AFTER_RE,
    _DATE_TAIL_RE,
    _DAYWORD_RE,
    _DAY_SPAN_RE,
    _DECADE_RE,
    _DETERMINER_YEAR_SIGNAL_RE,
    _DIGIT_RE,
    _DISCOURSE_RE,
    _PERIOD_TOLD_RE,
    _DMY_RE,
    _EARLIER_THIS_RE,
    _OVER_THE_WEEKEND_RE,
    _FALL_NOUN_BEFORE_RE,
    _FOLLOWING_WORD_RE,
    _FREQUENCY_BEFORE_RE,
    _FUTURE_MARKER_RE,
    _FUTURE_WINDOW_RE,
    _HOLIDAY_RE,
    _HOLIDAY_SIGNAL_RE,
    _IN_N_RE,
    _ISO_RE,
    _LATER_RE,
    _LIST_ITEM_RE,
    _LIST_RE,
    _LIST_SEP_RE,
    _LNT_RE,
    _MAY_SIGNAL_RE,
    _MDY_RE,
    _MONTH_SIGNAL_RE,
    _MONTH_SPAN_RE,
    _MONTH_WORD_RE,
    _MOVED_TO_RE,
    _MY_RE,
    _NAME_BEFORE_RE,
    _NON_DIGITS_RE,
    _NOT_UNTIL_RE,
    _NO_ANCHOR_NEXT_RE,
    _OFFSET_RE,
    _PARTICIPLE_LEAD_RE,
    _PART_OF_DAY_TITLE_RE,
    _PART_RE,
    _PAST_MARKER_RE,
    _PAST_WINDOW_RE,
    _PLURAL_SUBJECT_RE,
    _QNAME_RE,
    _RANGE_JOIN_RE,
    _RANGE_OPEN_RE,
    _SCHEDULE_VERB_3RD_RE,
    _SCHEDULE_VERB_PLURAL_RE,
    _SEASON_RE,
    _SEASON_WORD_RE,
    _SENTENCE_START_RE,
    _SLASH_RE,
    _SPACES_RE,
    _STRONG_YEAR_SIGNAL_RE,
    _TEMPERATURE_RE,
    _THE_BEFORE_RE,
    _THE_UNIT_RE,
    _UNIT_WORD_RE,
    _WEEKDAY_BLOCK_RE,
    _WEEKDAY_RE,
    _WEEKDAY_TITLE_RE,
    _WINDOW_RE,
    _WITHIN_FRONTED_RE,
    _WITHIN_OF_RE,
    _WORD_RE,
    _YEAR_AS_SUBJECT_RE,
    _YEAR_LIST_RE,
    _YEAR_RE,
    _YEAR_SPAN_RE,
)
from loaders.timex.resolution import (
    _LONGEST_UNIT_DAYS,
    _ago,
    _bounded,
    _calendar_unit,
    _enclosing,
    _holiday_span,
    _is_content_word,
    _is_event_noun,
    _is_verbish,
    _month_number,
    _month_span,
    _pair,
    _part_of,
    _relative_month,
    _relative_season,
    _relative_weekday,
    _same_unit_offsets,
    _select,
    _verb_group_end,
    _window,
    _window_days,
)
from loaders.timex.words import (
    _ANCHOR_STOPS,
    _DETERMINERS,
    _DISCOURSE_PRONOUNS,
    _MONTH_ABBREVIATIONS,
    _MONTH_NUMBER,
    _NOT_GERUNDS,
    _NOT_PAST_ED,
    _OBJECT_PRONOUNS,
    _SUBJECT_PRONOUNS,
    _WEEKDAY_NUMBER,
)




@dataclass(slots=True)
class _ListItem:
    """One item of a coordinated date list; month and year may come from its neighbours."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int

    def span(self, year: int) -> tuple[date, date] | None:
        if self.month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if self.day is None:
            return _month_span(year, self.month)
        return _pair(_safe_date(year, self.month, self.day))


def _neighbour_year(item: _ListItem, neighbour: _ListItem, neighbour_year: int, direction: int) -> int:
    """The year that puts `item` on the right side of its neighbour (-1: before it, +1: after it)."""
    own, other = item.span(neighbour_year), neighbour.span(neighbour_year)
    if own is None or other is None:
        return neighbour_year
    if direction < 0 and own[0] > other[0]:
        return neighbour_year - 1
    if direction > 0 and own[0] < other[0]:
        return neighbour_year + 1
    return neighbour_year


# A night told just before: hours after it may be the next day ("left the bar at 11:30 p.m. ...
# A few hours later").
_EVENING_RE = re.compile(r"(?i)\b(?:(?:9|10|11)(?::\d\d)?\s*(?:p\.m\.|pm\b)|midnight\b|night\b|evening\b|late-night\b)")
_HOURS_LATER_RE = re.compile(r"(?i)\bhours?\b|\bminutes\b")


def hours_into_the_night(expression_text: str, told_before: str) -> bool:
    """Whether "a few hours later" counts from a night the text told just before, so may reach
    the next day (the scanner reads it as the same day when it sees no night in its sentence)."""
    return bool(_HOURS_LATER_RE.search(expression_text) and _EVENING_RE.search(told_before))


def _more_than_an_hour(match: re.Match[str], unit: str) -> bool:
    counted = None if match.group("bare") else _count(match.group("num"), bool(match.group("half")))
    return counted is not None and counted[1] * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}.get(unit, 24) > 1


def _within_the_day(match: re.Match[str], unit: str, most_days: int | None) -> bool:
    """Whether a quantity phrase counts a few hours at most: "minutes", "45 minutes", "an hour",
    "about two hours", "a few hours" — told of a day, the same day, as reporters mean it; not
    "more than six hours", "hours" nor "a day", which may cross midnight."""
    if most_days is None or unit not in ("second", "minute", "hour"):
        return False
    if match.group("bare"):
        return unit in ("second", "minute")
    counted = _count(match.group("num"), bool(match.group("half")))
    limit = {"second": 6 * 3600, "minute": 6 * 60, "hour": 6}[unit]
    return counted is not None and counted[1] <= limit


@dataclass(slots=True)
class _AnchorPhrase:
    start: int
    end: int
    date: FuzzyDate | None = None  # the anchor is (or carries) a date
    is_date: bool = False  # the anchor phrase *is* a calendar expression
    base: _Found | None = None


# How far back a verb that moves something may stand from the date it moves it to (and how far
# back "not ... until" is looked for, which its own pattern bounds to a few words).
_MOVED_TO_REACH = 200


class _Scanner:
    def __init__(self, text: str, published: FuzzyDate | None, lowered: str | None = None) -> None:
        self.text = text
        self.pub = _usable_published(published)
        self.vetoes: list[tuple[int, int]] = []
        self.bases_by_start: dict[int, _Found] = {}
        lowered = text.lower() if lowered is None else lowered
        self.has_unit_word = bool(_UNIT_WORD_RE.search(lowered))
        self.has_season_word = bool(_SEASON_WORD_RE.search(lowered))
        self.has_digit = bool(_DIGIT_RE.search(text))
        self.has_month = bool(_MONTH_WORD_RE.search(text))
        self._all_tense_markers: list[tuple[int, int, bool]] | None = None
        self._breaks: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None  # clause breaks, commas

    # ---- tense

    def future_at(self, start: int, end: int) -> bool:
        """Whether the nearest tense marker around [start, end) speaks of the future.

        The comma-bounded segment is read first ("stayed until 2020, will finish by 2025");
        when it has no tense marker, the whole clause ("In March, the trial will begin").
        """
        if self._moved_to(start):
            return True  # "postponed the trial of Jasveen Sangha to Aug. 19": where it was moved to
        if self._breaks is None:  # found once per sentence
            self._breaks = ([(b.start(), b.end()) for b in _CLAUSE_BREAK_RE.finditer(self.text)],
                            [(c.start(), c.end()) for c in _COMMA_RE.finditer(self.text)])
        clause_breaks, commas = self._breaks
        clause_start, clause_end = _enclosing(clause_breaks, start, end, 0, len(self.text))
        segment_start, segment_end = _enclosing(commas, start, end, clause_start, clause_end)
        for lo, hi in ((segment_start, segment_end), (clause_start, clause_end)):
            markers = self._tense_markers(lo, hi, start, end)
            if markers:
                return min(markers, key=lambda marker: (marker[0], not marker[1]))[1]
        return False

    def _moved_to(self, start: int) -> bool:
        """Whether the text before `start` moves something to what starts there: "postponed the
        trial of X, ..., to", "deferred sentence until"."""
        return self.before(_MOVED_TO_RE, start, _MOVED_TO_REACH) is not None

    def _not_until(self, start: int) -> bool:
        """Whether "not ... until" ends right before `start`: "It was not until May", "was not
        charged until 2021" (it happened then)."""
        return self.before(_NOT_UNTIL_RE, start, _MOVED_TO_REACH) is not None

    def _tense_markers(self, lo: int, hi: int, start: int, end: int) -> list[tuple[int, bool]]:
        """(distance to the expression, is_future) for each tense marker in text[lo:hi]."""
        return [(self._distance(m_start, m_end, start, end), is_future)
                for m_start, m_end, is_future in self._sentence_tense_markers()
                if lo <= m_start and m_end <= hi and (is_future or not (m_start >= start and m_end <= end))]

    def _sentence_tense_markers(self) -> list[tuple[int, int, bool]]:
        """(start, end, is_future) for every tense marker in the sentence, found once per sentence.

        Clause and comma windows never cut a marker (markers hold only words and spaces), so
        scanning the whole sentence once finds exactly what scanning each window would.
        """
        if self._all_tense_markers is not None:
            return self._all_tense_markers
        text = self.text
        markers: list[tuple[int, int, bool]] = []
        future_spans = []
        for m in _FUTURE_MARKER_RE.finditer(text):
            future_spans.append((m.start(), m.end()))
            markers.append((m.start(), m.end(), True))
        for m in _SCHEDULE_VERB_3RD_RE.finditer(text):  # "the comment period ends Jan. 16"
            markers.append((m.start(), m.end(), True))
        for m in _SCHEDULE_VERB_PLURAL_RE.finditer(text):  # "hearings begin March 3", not "to begin", "the end"
            if _PLURAL_SUBJECT_RE.search(text, max(0, m.start() - 30), m.start()):
                markers.append((m.start(), m.end(), True))
        for m in _PAST_MARKER_RE.finditer(text):
            if any(s <= m.start() < e for s, e in future_spans):
                continue
            word = m.group(0).lower()
            if word in _NOT_PAST_ED:
                continue
            if len(word.split()) == 1 and _PARTICIPLE_LEAD_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "will be sentenced", "will be held", "is expected", "to set": not a past tense
            if word.endswith("ed") and _ATTRIBUTIVE_LEAD_RE.search(text, max(0, m.start() - 30), m.start()):
                continue
            markers.append((m.start(), m.end(), False))
        self._all_tense_markers = markers
        return markers

    @staticmethod
    def _distance(m_start: int, m_end: int, start: int, end: int) -> int:
        if m_end <= start:
            return start - m_end
        if m_start >= end:
            return m_start - end
        return 0

    # ---- publication-relative helpers

    def infer_year(self, future: bool, interval: Callable[[int], tuple[date, date] | None]) -> int | None:
        """Year of the most recent occurrence on or before publication (next one on or after, for the future)."""
        pub = self.pub
        if pub is None or pub.start is None or pub.end is None:
            return None
        if future:
            earliest = pub.start
            for year in range(earliest.year, earliest.year + 9):
                span = interval(year)
                if span is not None and span[1] >= earliest:
                    return year
            return None
        latest = pub.end
        for year in range(latest.year, latest.year - 9, -1):
            span = interval(year)
            if span is not None and span[0] <= latest:
                return year
        return None

    def relative(self, resolve: Callable[[date], FuzzyDate | None]) -> FuzzyDate | None:
        """Resolve against the publication day; a partial publication date spans both extremes."""
        pub = self.pub
        if pub is None or pub.start is None or pub.end is None:
            return None
        if pub.start == pub.end:
            return resolve(pub.start)
        first, last = resolve(pub.start), resolve(pub.end)
        if first is None or last is None:
            return None
        if first == last:
            return first
        start = min(first.start, last.start) if first.start and last.start else None
        end = max(first.end, last.end) if first.end and last.end else None
        return FuzzyDate.between(start, end)

    # ---- context checks

    def before(self, pattern: re.Pattern[str], pos: int, window: int = 40) -> re.Match[str] | None:
        return pattern.search(self.text, max(0, pos - window), pos)

    def at_sentence_start(self, pos: int) -> bool:
        return bool(_SENTENCE_START_RE.match(self.text[:pos]))

    # ---- pass 1: calendar expressions

    def calendar_candidates(self) -> Iterator[_Found]:
        if self.has_digit:  # day dates all hold a number
            yield from self._absolute_days()
        if self.has_digit or self.has_month:
            yield from self._months_and_years()
            yield from self._spans()
            yield from self._lists()
        if self.has_digit:
            yield from self._decades_and_centuries()
        yield from self._seasons_and_holidays()
        yield from self._parts()
        yield from self._relative_days()
        yield from self._relative_units()
        yield from self._relative_quantities()

    def _day_date(self, m_raw: str, d_raw: str, y_raw: str | None, start: int, end: int) -> _Found | None:
        month = _month_number(m_raw)
        day = int(_NON_DIGITS_RE.sub("", d_raw))
        if month is None:
            return None
        if y_raw is not None:
            found = _safe_date(int(y_raw), month, day)
            if found is None:
                self.vetoes.append((start, end))  # "February 30, 2023" is not a date; nor is any part of it
                return None
            return _Found(start, end, ABSOLUTE, FuzzyDate.day(found), future=self.future_at(start, end))
        if _safe_date(2000, month, day) is None:  # impossible in every year (2000 was a leap year)
            self.vetoes.append((start, end))
            return None
        future = self.future_at(start, end)
        year = self.infer_year(future, lambda y: _pair(_safe_date(y, month, day)))
        resolved = FuzzyDate.day(date(year, month, day)) if year is not None else None
        return _Found(start, end, ABSOLUTE, resolved, future=future)

    def _absolute_days(self) -> Iterator[_Found]:
        text = self.text
        for pattern in (_MDY_RE, _DMY_RE):
            for m in pattern.finditer(text):
                found = self._day_date(m.group("m"), m.group("d"), m.group("y"), m.start(), m.end())
                if found is None:
                    continue
                weekday = m.group("wd")
                if weekday and found.date and found.date.start and found.date.start.weekday() != _WEEKDAY_NUMBER[weekday.lower()]:
                    named = _year_of_weekday(found.date.start, _WEEKDAY_NUMBER[weekday.lower()], found.future) \
                        if not m.group("y") else None
                    if named is not None:  # "on Sunday 3 March", told in August 2025: 3 March 2024 was the Sunday
                        found.date = FuzzyDate.day(named)
                    else:
                        found.start = m.start("m") if pattern is _MDY_RE else m.start("d")  # inconsistent weekday: drop it
                yield found
        for m in _ISO_RE.finditer(text):
            found_day = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if found_day is None:
                self.vetoes.append((m.start(), m.end()))
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(found_day), future=self.future_at(m.start(), m.end()))
        for m in _SLASH_RE.finditer(text):
            a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            readings = {d for d in (_safe_date(year, a, b), _safe_date(year, b, a)) if d is not None}
            if len(readings) != 1:  # 03/04/2023 could be March 4 or April 3: skip it
                self.vetoes.append((m.start(), m.end()))
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(readings.pop()), future=self.future_at(m.start(), m.end()))

    def _months_and_years(self) -> Iterator[_Found]:
        text = self.text
        for m in _MY_RE.finditer(text):
            month = _month_number(m.group("m"))
            if month is not None:
                yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.month(int(m.group("y")), month),
                             future=self.future_at(m.start(), m.end()))
        for m in _BARE_MONTH_RE.finditer(text):
            raw = m.group("m")
            month = _month_number(raw)
            if month is None or (raw[:3].lower() in _MONTH_ABBREVIATIONS and raw.lower() not in _MONTH_NUMBER and not raw.endswith(".")):
                continue  # "Jan" without a period is as likely a name
            signal = _MAY_SIGNAL_RE if month == 5 else _MONTH_SIGNAL_RE
            if not self.before(signal, m.start()) and not self._month_before_event_noun(m, month):
                continue
            future = self.future_at(m.start(), m.end())
            year = self.infer_year(future, partial(_month_span, month=month))
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.month(year, month) if year else None, future=future)
        for m in _YEAR_RE.finditer(text):
            year = int(m.group("y"))
            start = m.start()
            if not self._year_in_context(start, m.end(), year):
                continue
            yield _Found(start, m.end(), ABSOLUTE, FuzzyDate.year(year), future=self.future_at(start, m.end()))

    def _month_before_event_noun(self, m: re.Match[str], month: int) -> bool:
        """ "in a September interview", "at the October hearing": a month between a determiner
        and an event noun names when that event was. Not "May", which is as often a verb."""
        if month == 5 or not self.before(_DETERMINER_YEAR_SIGNAL_RE, m.start()):
            return False
        following = _FOLLOWING_WORD_RE.match(self.text, m.end())
        return following is not None and _is_event_noun(following.group(1))

    def _year_in_context(self, start: int, end: int, year: int) -> bool:
        text = self.text
        if self.before(_STRONG_YEAR_SIGNAL_RE, start) or self.before(_YEAR_LIST_RE, start, 12):
            return True
        if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")":
            return True
        following = _FOLLOWING_WORD_RE.match(text, end)
        if year >= 1900 and self.before(_DETERMINER_YEAR_SIGNAL_RE, start):
            # "the 2020 election" is a year, "the 2000 doses" a count
            word = following.group(1) if following else ""
            return not (word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is")))
        if self.at_sentence_start(start):
            return bool(_YEAR_AS_SUBJECT_RE.match(text, end))
        return False

    def _spans(self) -> Iterator[_Found]:
        text = self.text
        for m in _BETWEEN_RE.finditer(text):
            resolved = self._side_range(m)
            if resolved is not None:
                yield _Found(m.start(), m.end(), ABSOLUTE, resolved, future=self.future_at(m.start(), m.end()))
        for m in _DAY_SPAN_RE.finditer(text):
            month = _month_number(m.group("m"))
            d1, d2 = int(_NON_DIGITS_RE.sub("", m.group("d1"))), int(_NON_DIGITS_RE.sub("", m.group("d2")))
            if month is None or d1 >= d2:
                continue
            future = self.future_at(m.start(), m.end())
            year = int(m.group("y")) if m.group("y") else self.infer_year(
                future, lambda y: _pair(_safe_date(y, month, d1), _safe_date(y, month, d2)))
            first, last = (_safe_date(year, month, d1), _safe_date(year, month, d2)) if year else (None, None)
            if year and (first is None or last is None):
                self.vetoes.append((m.start(), m.end()))
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(first, last) if year else None, future=future)
        for m in _MONTH_SPAN_RE.finditer(text):
            m1, m2, year = _month_number(m.group("m1")), _month_number(m.group("m2")), int(m.group("y"))
            if m1 is None or m2 is None or m1 == m2:
                continue
            first_year = year if m1 < m2 else year - 1
            yield _Found(m.start(), m.end(), ABSOLUTE,
                         FuzzyDate.between(date(first_year, m1, 1), _month_end(year, m2)),
                         future=self.future_at(m.start(), m.end()))
        for m in _YEAR_SPAN_RE.finditer(text):
            y1, raw2 = int(m.group("y1")), m.group("y2")
            y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
            if y2 <= y1 or y2 - y1 > 200:
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(date(y1, 1, 1), date(y2, 12, 31)),
                         future=self.future_at(m.start(), m.end()))

    def _lists(self) -> Iterator[_Found]:
        """Coordinated dates: 'September and October 2023', 'Oct. 26 and 27, 2023', 'in 2019 and 2020'.

        The list is one RANGE from its earliest to its latest day: the event is somewhere in that
        span, also when the items are not contiguous ('in 2019 and 2021').
        """
        text = self.text
        for m in _LIST_RE.finditer(text):
            items = self._list_items(m)
            if items is None:
                continue
            future = self.future_at(m.start(), m.end())
            spans = self._list_spans(items, future)
            if spans is None:
                self.vetoes.append((m.start(), m.end()))  # "Feb. 28 and 30, 2023": no part of it is a date
                continue
            if not spans:
                yield _Found(m.start(), m.end(), ABSOLUTE, None, future=future)  # no publication year to lend
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE,
                         FuzzyDate.between(min(s[0] for s in spans), max(s[1] for s in spans)), future=future)

    def _list_items(self, m: re.Match[str]) -> list[_ListItem] | None:
        """The items of a coordinated list, each month lent to the bare days next to it; None if not dates."""
        text = self.text
        items: list[_ListItem] = []
        bare_abbreviation = False
        last_separator = ""
        pos = m.start()
        while True:
            item = _LIST_ITEM_RE.match(text, pos)
            if item is None:
                return None
            month_raw = item.group("m") or item.group("m2")
            day_raw = item.group("d") or item.group("d2")
            year_raw = item.group("yo") or item.group("y")
            month = _month_number(month_raw) if month_raw else None
            if month_raw and month_raw[:3].lower() in _MONTH_ABBREVIATIONS and month_raw.lower() not in _MONTH_NUMBER \
                    and not month_raw.endswith(".") and not day_raw and not year_raw:
                bare_abbreviation = True
            items.append(_ListItem(int(year_raw) if year_raw else None, month,
                                   int(_NON_DIGITS_RE.sub("", day_raw)) if day_raw else None, item.start(), item.end()))
            pos = item.end()
            if pos >= m.end():
                break
            separator = _LIST_SEP_RE.match(text, pos)
            if separator is None:
                return None
            last_separator = separator.group(0)
            pos = separator.end()
        if pos != m.end() or len(items) < 2:
            return None
        if len(items) == 2 and "," in last_separator:
            return None  # "in 2019, and 2020 was worse" joins two clauses; "March, April, and May" is a list
        for step in (1, -1):  # "Oct. 26 and 27": the month runs forward; "26 and 27 October": backward
            lender = None
            for item in items[::step]:
                if item.month is not None:
                    lender = item.month
                elif item.day is not None and lender is not None:
                    item.month = lender
        if any(item.month is None and (item.day is not None or item.year is None) for item in items):
            return None
        first, last = items[0], items[-1]
        if all(item.month is None for item in items):  # "in 2019 and 2020": the first year needs a year context
            return items if self._year_in_context(first.start, first.end, first.year or 0) else None
        if last.month is not None and last.day is not None and last.year is None \
                and _COUNT_NOUN_AFTER_RE.match(text, last.end):
            return None  # "on Oct. 26 and 27 people died"
        if last.year is not None and last.month is None and _COUNT_NOUN_AFTER_RE.match(text, last.end):
            return None  # "Oct. 26 and 2000 people"
        if all(item.day is None and item.year is None for item in items):  # "in September and October"
            signal = _MAY_SIGNAL_RE if first.month == 5 else _MONTH_SIGNAL_RE
            if bare_abbreviation or not self.before(signal, first.start):
                return None  # "with April and June" are names; so may be "Jan and Feb" without a year
        return items

    def _list_spans(self, items: list[_ListItem], future: bool) -> list[tuple[date, date]] | None:
        """Each item's days, with the year shared from the item that states it.

        A year stated later in the list holds for the items before it ("Oct. 26 and 27, 2023"),
        stepping back a year when the order requires it ("Dec. 30 and Jan. 2, 2024"); items after
        the last stated year continue forward. With no year at all, the last item takes its year
        from publication and lends it backward. [] = no usable publication date; None = impossible.
        """
        years = [item.year for item in items]
        if all(year is None for year in years):
            last = items[-1]
            if self.pub is None:
                return []
            inferred = self.infer_year(future, last.span)
            if inferred is None:
                return None
            years[-1] = inferred
        for index in range(len(items) - 2, -1, -1):  # backward from each stated year
            following = years[index + 1]
            if years[index] is None and following is not None:
                years[index] = _neighbour_year(items[index], items[index + 1], following, -1)
        for index in range(1, len(items)):  # forward past the last stated year
            previous = years[index - 1]
            if years[index] is None and previous is not None:
                years[index] = _neighbour_year(items[index], items[index - 1], previous, 1)
        spans = []
        for item, year in zip(items, years):
            span = item.span(year) if year is not None else None
            if span is None:
                return None
            spans.append(span)
        return spans

    def _side_range(self, m: re.Match[str]) -> FuzzyDate | None:
        """'between March and May 2023', 'from Oct. 1 to Oct. 28', 'between 2019 and 2021';
        unknown when no year is told or can be inferred, None when it is no span."""
        sides: list[tuple[int | None, int | None, int | None]] = []
        for n in (1, 2):
            if m.group(f"yo{n}"):
                sides.append((int(m.group(f"yo{n}")), None, None))
                continue
            month = _month_number(m.group(f"m{n}"))
            if month is None:
                return None
            day = int(_NON_DIGITS_RE.sub("", m.group(f"d{n}"))) if m.group(f"d{n}") else None
            year = int(m.group(f"y{n}")) if m.group(f"y{n}") else None
            sides.append((year, month, day))
        (y1, m1, d1), (y2, m2, d2) = sides
        if m1 is None and m2 is None and (d1 or d2):
            return None
        if y2 is None and y1 is not None:
            y2 = y1 if (m2 or 1, d2 or 1) >= (m1 or 1, d1 or 1) else y1 + 1
        if y2 is None:
            future = self.future_at(m.start(), m.end())
            last_day = d2 or 1
            y2 = self.infer_year(future, lambda y: _pair(_safe_date(y, m2, last_day)))  # type: ignore[arg-type]
            if y2 is None:  # no publication date: the story's year may still tell it
                return FuzzyDate.unknown(m.group(0))
        if y1 is None:
            y1 = y2 if (m1 or 1, d1 or 1) <= (m2 or 12, d2 or 31) else y2 - 1
        start = _safe_date(y1, m1 or 1, d1 or 1)
        if m2 is None:
            end: date | None = date(y2, 12, 31)
        elif d2 is None:
            end = _month_end(y2, m2)
        else:
            end = _safe_date(y2, m2, d2)
        if start is None or end is None or start > end:
            if start is None or end is None:
                self.vetoes.append((m.start(), m.end()))
            return None
        return FuzzyDate.between(start, end)

    def _decades_and_centuries(self) -> Iterator[_Found]:
        text = self.text
        for m in _DECADE_RE.finditer(text):
            if m.group("full"):
                first = int(m.group("full"))
            else:
                two = m.group("short") or m.group("bare")
                if m.group("bare") and not m.group("the"):
                    continue  # "in his 60s" is an age
                if m.group("bare") and _TEMPERATURE_RE.search(text):
                    continue  # "in the 60s" is a temperature there
                first = (2000 if two in ("00", "10") else 1900) + int(two)
            mod = (m.group("mod") or "").lower()
            if mod:
                offsets = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[mod]
                resolved = FuzzyDate.between(date(first + offsets[0], 1, 1), date(first + offsets[1], 12, 31))
            else:
                resolved = FuzzyDate.decade(first)
            yield _Found(m.start(), m.end(), ABSOLUTE, resolved, future=self.future_at(m.start(), m.end()))
        for m in _CENTURY_RE.finditer(text):
            first = (int(m.group("n")) - 1) * 100
            if first < 1:
                continue
            mod = (m.group("mod") or "").lower()
            start, end = date(first, 1, 1), date(first + 99, 12, 31)
            if mod:
                offsets = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}[mod]
                start, end = date(first + offsets[0], 1, 1), date(first + offsets[1], 12, 31)
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(start, end), future=self.future_at(m.start(), m.end()))

    def _seasons_and_holidays(self) -> Iterator[_Found]:
        text = self.text
        for m in _SEASON_RE.finditer(text) if self.has_season_word else ():
            name = m.group("s").lower()
            rel = " ".join((m.group("rel") or "").lower().split())
            mod = (m.group("mod") or "").lower()
            if m.group("y"):
                year = int(m.group("y"))
                if name == "winter":
                    raw2 = m.group("y2")
                    first_year = year if raw2 else year - 1  # "winter 2023-24" starts in 2023; "winter 2021" holds January 2021
                    span = _season(name, first_year)
                else:
                    if m.group("y2"):
                        continue
                    span = _season(name, year)
                kind = ABSOLUTE
                future = self.future_at(m.start(), m.end())
            elif rel:  # a season without a year is a date only when deictic: "last spring", "this summer"
                if name == "fall" and "past" not in rel and self.before(_FALL_NOUN_BEFORE_RE, m.start(), 12):
                    continue  # "his last fall" is a tumble
                future = rel in ("next", "this coming") or (rel not in ("last", "this past", "past") and self.future_at(m.start(), m.end()))
                resolved = self.relative(partial(_relative_season, name=name, rel=rel, future=future))
                if resolved is None:
                    yield _Found(m.start(), m.end(), RELATIVE, None, future=future)
                    continue
                span = (resolved.start, resolved.end)  # type: ignore[assignment]
                kind = RELATIVE
            else:
                continue  # "in the winter", "a tree in spring": generic, or the season of some other year
            if mod:
                span = _thirds(span[0], span[1], mod)
            yield _Found(m.start(), m.end(), kind, FuzzyDate.between(*span), future=future)
        for m in _HOLIDAY_RE.finditer(text):
            name, rel = m.group("h"), (m.group("rel") or "").lower()
            if not (m.group("y") or rel or self.before(_HOLIDAY_SIGNAL_RE, m.start())):
                continue  # "a Christmas card" is not a date
            future = rel == "next" or (rel != "last" and self.future_at(m.start(), m.end()))
            if m.group("y"):
                day = _holiday(name, int(m.group("y")))
                yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(day) if day else None, future=future)
                continue
            if rel in ("last", "next"):
                def resolve(d: date, n: str = name, r: str = rel) -> FuzzyDate | None:
                    years = range(d.year - 1, d.year - 3, -1) if r == "last" else range(d.year, d.year + 2)
                    for y in ([d.year, *years] if r == "last" else years):
                        h = _holiday(n, y)
                        if h and ((r == "last" and h < d) or (r == "next" and h > d)):
                            return FuzzyDate.day(h)
                    return None
                yield _Found(m.start(), m.end(), RELATIVE, self.relative(resolve), future=future)
                continue
            holiday_year = self.infer_year(future, partial(_holiday_span, name=name))
            day = _holiday(name, holiday_year) if holiday_year else None
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(day) if day else None, future=future)
        for m in _QNAME_RE.finditer(text):
            year = int(m.group("y")) if m.group("y") else 2000 + int(m.group("yy"))
            n = int(m.group("n"))
            if m.group("qh") == "H":
                if n > 2:
                    continue
                span = (date(year, 6 * n - 5, 1), _month_end(year, 6 * n))
            else:
                span = (date(year, 3 * n - 2, 1), _month_end(year, 3 * n))
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(*span), future=self.future_at(m.start(), m.end()))

    def _parts(self) -> Iterator[_Found]:
        """'early 2020', 'mid-March', 'the late 1990s', 'the end of last year', 'the first half of 2023'."""
        for m in _PART_RE.finditer(self.text):
            part = " ".join(m.group("pp").lower().split())
            takes_of = part.endswith(" of")
            future = self.future_at(m.start(), m.end())
            kind = ABSOLUTE
            unit: str
            if m.group("rm"):
                month = _month_number(m.group("rm"))
                if month is None:
                    continue
                if m.group("rmy"):
                    year: int | None = int(m.group("rmy"))
                else:
                    year = self.infer_year(future, partial(_month_span, month=month))
                ref = FuzzyDate.month(year, month) if year else None
                unit = "month"
            elif m.group("ry"):
                ref, unit = FuzzyDate.year(int(m.group("ry"))), "year"
            elif m.group("rdec"):
                digits = _NON_DIGITS_RE.sub("", m.group("rdec"))
                first = int(digits) if len(digits) == 4 else (2000 if digits in ("00", "10") else 1900) + int(digits)
                ref, unit = FuzzyDate.decade(first), "decade"
            else:
                rel, unit = m.group("rrel").lower(), m.group("runit").lower()
                if rel == "the" and not takes_of:
                    continue  # "late the year" is not English; "the end of the year" is
                kind = RELATIVE
                ref = self.relative(partial(_calendar_unit, unit=unit, step={"last": -1, "next": 1}.get(rel, 0)))
                future = rel == "next" or (rel != "last" and future)
            if ("quarter" in part or "half" in part) and unit != "year":
                continue
            if "week of" in part and unit != "month":
                continue
            if ref is None or ref.start is None or ref.end is None:
                yield _Found(m.start(), m.end(), kind, None, future=future)
                continue
            span = _part_of(part, ref.start, ref.end, unit)
            if span is None:
                continue
            yield _Found(m.start(), m.end(), kind, FuzzyDate.between(*span), future=future)

    def _relative_days(self) -> Iterator[_Found]:
        text = self.text
        for m in _DAYWORD_RE.finditer(text):
            word = " ".join(m.group("w").split())
            low = word.lower()
            if word[0].isupper() and not self.at_sentence_start(m.start()) and low in ("today", "yesterday", "tomorrow", "tonight"):
                continue  # "USA Today", "the Today show", a film called "Tomorrow"
            shift = {"the day before yesterday": -2, "yesterday": -1, "last night": -1,
                     "tomorrow": 1, "the day after tomorrow": 2}.get(low, 0)
            future = shift > 0 or low == "later today"
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=-shift, after=shift)), future=future)
        for m in _WEEKDAY_RE.finditer(text):
            if self.before(_WEEKDAY_BLOCK_RE, m.start(), 20) or _WEEKDAY_TITLE_RE.match(text, m.end("wd")) \
                    or (self.before(_NAME_BEFORE_RE, m.start(), 20) and _PART_OF_DAY_TITLE_RE.match(text, m.end("wd"))):
                continue  # "every Thursday" is a frequency, "Super Tuesday", "the Sunday Times", "CBS Sunday Morning" names
            weekday = _WEEKDAY_NUMBER[m.group("wd").lower()]
            future = self.future_at(m.start(), m.end())
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_relative_weekday, weekday=weekday, step=0, future=future)),
                         future=future, weekday=True)

    def _relative_units(self) -> Iterator[_Found]:
        text = self.text
        for m in _LNT_RE.finditer(text):
            if _THE_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
                continue  # "the last week" is a window, "the next day" a discourse anchor
            rel = " ".join(m.group("rel").lower().split())
            what = m.group("what")
            step = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
            future = step > 0 or (step == 0 and self.future_at(m.start(), m.end()))
            if what.lower() in ("week", "weekend", "month", "year", "quarter", "decade"):
                unit = what.lower()
                if m.group("part"):
                    continue
                resolve: Callable[[date], FuzzyDate | None] = partial(_calendar_unit, unit=unit, step=step, future=future)
            elif what.lower() in _WEEKDAY_NUMBER:
                weekday = _WEEKDAY_NUMBER[what.lower()]
                resolve = partial(_relative_weekday, weekday=weekday, step=step, future=future)
            else:
                month = _month_number(what)
                if month is None or m.group("part") or (what[:3].lower() in _MONTH_ABBREVIATIONS and what.lower() not in _MONTH_NUMBER and not what.endswith(".")):
                    continue
                resolve = partial(_relative_month, month=month, step=step)
            yield _Found(m.start(), m.end(), RELATIVE, self.relative(resolve), future=future)
        for m in _OVER_THE_WEEKEND_RE.finditer(text):
            future = self.future_at(m.start(), m.end())
            resolve = partial(_calendar_unit, unit="weekend", step=0, future=future)
            yield _Found(m.start(), m.end(), RELATIVE, self.relative(resolve), future=future)
        for m in _EARLIER_THIS_RE.finditer(text):
            later = m.group("dir").lower() == "later"
            unit = m.group("u").lower()

            def window(d: date, u: str = unit, late: bool = later) -> FuzzyDate | None:
                whole = _calendar_unit(d, u, 0)
                if whole is None:
                    return None
                return FuzzyDate.between(d, whole.end) if late else FuzzyDate.between(whole.start, d)
            yield _Found(m.start(), m.end(), RELATIVE, self.relative(window), future=later)

    def _relative_quantities(self) -> Iterator[_Found]:
        """'two years ago', 'the past week', 'in the coming months', 'in two weeks'."""
        if not self.has_unit_word:
            return
        text = self.text
        for m in _AGO_RE.finditer(text):
            if self.before(_FREQUENCY_BEFORE_RE, m.start(), 12) and not m.group("mod") and m.group("num") in ("a", "an"):
                continue
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, unit = magnitude
            counted = _count(m.group("num"), bool(m.group("half"))) if m.group("num") else None
            exact_count = int(counted[0]) if (counted and counted[0] == counted[1] and float(counted[0]).is_integer()
                                               and not m.group("mod")) else None
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_ago, lo=lo, hi=hi, unit=unit, exact_count=exact_count)))
        for m in _PAST_WINDOW_RE.finditer(text):
            span = _window_days(m.group("num"), m.group("unit"))
            if span is None:
                continue
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=span, after=0)))
        for m in _FUTURE_WINDOW_RE.finditer(text):
            if not m.group("prep") and m.group("nx").lower() != "coming":
                continue  # "the next day" / "the next week" alone are discourse anchors
            if not self.future_at(m.start(), m.end()):
                continue  # "nobody checked his pulse for the next 71 minutes": told in the past, a duration
            span = _window_days(m.group("num"), m.group("unit"))
            if span is None:
                continue
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=0, after=span)), future=True)
        for m in _IN_N_RE.finditer(text):
            if self.before(_FREQUENCY_BEFORE_RE, m.start(), 12) or not self.future_at(m.start(), m.end()):
                continue  # "in two weeks" dates something only when the clause is about the future
            counted = _count(m.group("num"))
            if counted is None:
                continue
            unit = _unit_name(m.group("unit"))
            lo, hi = _unit_days(unit, counted[0])[0], _unit_days(unit, counted[1])[1]
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=-lo, after=hi)),
                         future=True)

    # ---- pass 2: compounds over calendar expressions

    def compounds(self, bases: list[_Found]) -> Iterator[_Found]:
        text = self.text
        for first, second in zip(bases, bases[1:]):
            join = _RANGE_JOIN_RE.fullmatch(text, first.end, second.start)
            opener = self.before(_RANGE_OPEN_RE, first.start, 12)
            if not (join and opener and first.date and second.date and first.date.start and second.date.end):
                continue
            start, end = first.date.start, second.date.end
            if start > end and first.weekday and second.weekday:  # "from Friday to Monday" wraps a weekend
                if first.future:
                    end += timedelta(days=7)
                else:
                    start -= timedelta(days=7)
            if start <= end:
                kind = RELATIVE if RELATIVE in (first.kind, second.kind) else ABSOLUTE
                yield _Found(opener.start(), second.end, kind, FuzzyDate.between(start, end),
                             future=self.future_at(opener.start(), second.end))
        for base in bases:
            signal = self.before(_BOUND_SIGNAL_RE, base.start, 30)
            if signal is None:
                continue
            word = " ".join(signal.group("sig").lower().split())
            if word.startswith("since"):
                word = "since"  # "since at least 2022": begun by then
            # "deferred sentence until 24 July": the day it was moved to, not a bound; and
            # "not until May": the time it happened
            moved = word in {"until", "till"} and (self._moved_to(base.start) or self._not_until(base.start))
            resolved = base.date if moved else _bounded(word, base.date)
            onset = base.date if word == "since" and base.date is not None and base.date.known else None
            yield _Found(signal.start(), base.end, base.kind, resolved, future=self.future_at(signal.start(), base.end),
                         onset=onset)

    # ---- pass 3: anchored expressions

    def anchored(self) -> Iterator[_Found]:
        if self.has_unit_word:  # every offset and window counts some unit of time
            yield from self._offsets()
            yield from self._windows()
        yield from self._the_units()
        yield from self._days_of_clauses()  # before "the same morning" alone, which it extends
        yield from self._discourse()
        yield from self._periods_told()
        yield from self._bare_relations()

    def _offset_found(self, start: int, end: int, low: int | None, high: int | None, *,
                      require_event: bool, allow_discourse: bool) -> _Found | None:
        """An expression [start, end) followed by its anchor: a date, an event phrase or nothing (discourse)."""
        anchor = self.anchor_at(end, require_event=require_event)
        future = self.future_at(start, end)
        if anchor is not None and anchor.is_date and anchor.base is not None:
            base = anchor.base
            shifted = base.date.shifted(low, high) if base.date is not None else None
            return _Found(start, base.end, base.kind, shifted, future=base.future or future)
        if anchor is not None:
            resolved = anchor.date.shifted(low, high) if anchor.date is not None else None
            return _Found(start, end, ANCHORED, resolved, (low, high, anchor.start, anchor.end), future)
        if allow_discourse:
            return _Found(start, end, ANCHORED, None, (low, high, None, None), future)
        return None

    def _offsets(self) -> Iterator[_Found]:
        text = self.text
        for m in _OFFSET_RE.finditer(text):
            if self.before(_FREQUENCY_BEFORE_RE, m.start(), 12) and not m.group("mod") and (m.group("num") or "").lower() in ("a", "an"):
                continue  # "twice a week before ..." is a frequency
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, _ = magnitude
            after = m.group("rel").lower().split()[0] in ("after", "following", "later")
            low, high = (lo, hi) if after else ((-hi if hi is not None else None), -lo)
            # "two days later"-like use: nothing after it can name an event ("a day before, he ...",
            # "a day after and went home", "two days before that")
            no_anchor = bool(_CLAUSE_END_RE.match(text, m.end()) or _NO_ANCHOR_NEXT_RE.match(text, m.end()))
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False, allow_discourse=no_anchor)
            if found is not None:
                yield found
        for m in _LATER_RE.finditer(text):
            rel = m.group("rel").lower()
            if rel in ("on", "prior") and not _CLAUSE_END_RE.match(text, m.end()):
                continue  # "two days on the job" is not "two days on"
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, unit = magnitude
            if _within_the_day(m, unit, hi) and not (_more_than_an_hour(m, unit)
                                                      and _EVENING_RE.search(text, max(0, m.start() - 300), m.start())):
                lo, hi = 0, 0  # "minutes later", "about two hours later": the same day, as told (not of a night)
            forward = rel in ("later", "afterward", "afterwards", "on")
            low, high = (lo, hi) if forward else ((-hi if hi is not None else None), -lo)
            yield _Found(m.start(), m.end(), ANCHORED, None, (low, high, None, None), self.future_at(m.start(), m.end()))
        for m in _WITHIN_OF_RE.finditer(text):
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, unit = magnitude
            if m.group("bare") and unit in ("second", "minute", "hour"):
                low, high = 0, 0  # "within hours of her death": the same day
            elif hi is None:
                continue
            else:
                low, high = 0, hi  # "within a month of her death, police arrested ...": after it
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False, allow_discourse=False)
            if found is not None:
                yield found
        for m in _WITHIN_FRONTED_RE.finditer(text):
            # "Within hours, the hospital issued a statement": soon after what the story told last.
            # Not "must recall the lots within 30 days", a deadline.
            magnitude = _magnitude(m)
            if magnitude is None or magnitude[1] is None or not self.at_sentence_start(m.start()):
                continue
            yield _Found(m.start(), m.end(), ANCHORED, None, (0, magnitude[1], None, None),
                         self.future_at(m.start(), m.end()))

    def _windows(self) -> Iterator[_Found]:
        for m in _WINDOW_RE.finditer(self.text):
            prep, the = m.group("prep"), m.group("the")
            if not prep and not the:
                continue
            if prep and not the and prep.lower() not in ("for", "within", "over", "during", "throughout"):
                continue
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            _, hi, _ = magnitude
            rel = m.group("rel").lower().split()[0]
            after = rel in ("after", "following", "since")
            if hi is None:
                low, high = (0, None) if after else (None, 0)
            else:
                low, high = (0, hi) if after else (-hi, 0)
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False, allow_discourse=False)
            if found is not None:
                yield found

    def _the_units(self) -> Iterator[_Found]:
        """'the day before his death', 'the morning of the crash', 'on the eve of the trial', 'the night before'."""
        text = self.text
        for m in _THE_UNIT_RE.finditer(text):
            unit, rel = m.group("u").lower(), m.group("rel").lower().split()[0]
            if rel == "of" and unit not in ("day", "night", "morning", "evening", "afternoon", "eve"):
                continue  # "the year of his death" would need calendar arithmetic on the anchor
            if unit == "eve" and rel != "of":
                continue
            after = rel in ("after", "following")
            if rel == "of":
                low, high = (-1, -1) if unit == "eve" else (0, 0)
            elif unit in ("day", "night", "morning", "evening", "afternoon"):
                low = high = 1 if after else -1
            else:
                # "the week after her death" starts the day after it, as "the weekend after" does
                length = {"week": 7, "weekend": 7, "month": 31, "year": 366}[unit]
                low, high = (1, length) if after else (-length, -1)
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False,
                                       allow_discourse=rel != "of")
            if found is not None:
                yield found

    def _discourse(self) -> Iterator[_Found]:
        text = self.text
        for m in _DISCOURSE_RE.finditer(text):
            if m.group("dir"):
                direction = m.group("dir").lower()
                unit = m.group("u").lower()
                forward = direction in ("following", "next")
                span = {"day": (1, 1), "morning": (1, 1), "night": (1, 1), "evening": (1, 1), "afternoon": (1, 1),
                        "week": (1, 13), "weekend": (1, 13), "month": (1, 61),
                        **dict.fromkeys(_WEEKDAY_NUMBER, (1, 7))}.get(unit, (1, 730))  # a year, a season
                low, high = span if forward else (-span[1], -span[0])
                calendar = (1, 1, unit) if forward else (-1, -1, unit)
            else:
                unit = m.group("su").lower()
                if m.group("same").lower().endswith(" the") and (unit in SEASON_FIRST_MONTH or self.future_at(m.start(), m.end())):
                    continue  # "later in the year" tells the story's year; "later in the year, it will" this one
                if unit in SEASON_FIRST_MONTH and not m.group("same").lower().endswith(("that", "that same")):
                    continue  # "the same summer" needs a season told before; "that spring" is the anchor's
                if unit in _LONGEST_UNIT_DAYS and m.group("same").lower() == "that" \
                        and self.before(_COMPLEMENTIZER_BEFORE_RE, m.start(), 12):
                    continue  # "he said that week was hard"
                low, high = _same_unit_offsets(unit, (m.group("dir2") or "").lower())
                calendar = (0, 0, unit)  # "later that year": within that year, after the anchor (the offsets)
            calendar = calendar if unit in ("week", "month", "year") or unit in SEASON_FIRST_MONTH \
                or unit in _WEEKDAY_NUMBER else None  # "the following Monday": the first after the anchor
            future = self.future_at(m.start(), m.end())
            as_anchor = _AS_RE.match(text, m.end()) if m.group("same") else None
            if as_anchor:  # "the same day as his arrest"
                anchor = self.anchor_at(as_anchor.end(), require_event=True)
                if anchor is not None and not anchor.is_date:
                    resolved = anchor.date.shifted(low, high) if anchor.date else None
                    yield _Found(m.start(), as_anchor.end(), ANCHORED, resolved, (low, high, anchor.start, anchor.end), future)
                    continue
                if anchor is None and self.anchor_at(as_anchor.end(), require_event=False) is not None:
                    continue  # "the same year as his brother" names no event to count from
            yield _Found(m.start(), m.end(), ANCHORED, None, (low, high, None, None), future, calendar=calendar)

    def _periods_told(self) -> Iterator[_Found]:
        """ "during that period", "over the same period": the whole span the story told last,
        which the event stage finds ("from March 2021 to August 2022 ... during that period")."""
        for m in _PERIOD_TOLD_RE.finditer(self.text):
            yield _Found(m.start(), m.end(), ANCHORED, None, (0, 0, None, None), self.future_at(m.start(), m.end()),
                         calendar=(0, 0, PERIOD_TOLD))

    def _days_of_clauses(self) -> Iterator[_Found]:
        """"arrested the day the charges were announced", "on the day he died": the day of the
        event the clause tells (its night may be the evening before: "the night he died")."""
        for m in _DAY_OF_CLAUSE_RE.finditer(self.text):
            first = self.text[m.end():m.end() + 24].split(maxsplit=1)[0].lower()  # a letter opens it
            if first not in _SUBJECT_PRONOUNS and first not in _DETERMINERS and not self.text[m.end()].isupper():
                continue  # "the day before he died", "the day of the hearing": other patterns' own
            if m.group("u")[0].isupper() or _DAY_OF_CLAUSE_SKIP_RE.search(self.text, 0, m.start()):
                continue  # "The Morning Show", "in the morning the police ...", "on Monday, the day the verdict ..."
            anchor = self.anchor_at(m.end(), require_event=True)
            if anchor is None or anchor.is_date:
                continue
            low, high = (-1, 0) if m.group("u").lower() == "night" else (0, 0)
            resolved = anchor.date.shifted(low, high) if anchor.date else None
            end = m.start() + len(m.group(0).rstrip())
            yield _Found(m.start(), end, ANCHORED, resolved, (low, high, anchor.start, anchor.end),
                         self.future_at(m.start(), end))

    def _bare_relations(self) -> Iterator[_Found]:
        """'before his death', 'shortly after his arrest', 'until he died', 'during the trial'."""
        for m in _BARE_REL_RE.finditer(self.text):
            rel = " ".join(m.group("rel").lower().split())
            mod = " ".join((m.group("mod") or "").lower().split())
            if rel in ("during", "at the time of"):
                if mod:
                    continue
                low, high = 0, 0
            elif rel in ("until", "till", "up until"):
                low, high = None, 0
            elif rel == "since":
                low, high = 0, None
            else:
                after = rel in ("after", "following", "in the wake of", "in the aftermath of")
                near = {"shortly": 7, "soon": 7, "not long": 30, "just": 1, "immediately": 1, "right": 1, "moments": 1}
                if mod in near:
                    low, high = (0, near[mod]) if after else (-near[mod], 0)
                elif mod in ("long", "well"):
                    low, high = (30, None) if after else (None, -30)
                else:
                    low, high = (0, None) if after else (None, 0)
            anchor = self.anchor_at(m.end(), require_event=True, allow_clause=rel != "since")
            if anchor is None or anchor.is_date:
                continue  # dates after "before/after/since" are bounds (pass 2)
            resolved = anchor.date.shifted(low, high) if anchor.date else None
            yield _Found(m.start(), m.end(), ANCHORED, resolved, (low, high, anchor.start, anchor.end),
                         self.future_at(m.start(), m.end()))

    # ---- anchor phrases

    def anchor_at(self, pos: int, *, require_event: bool, allow_clause: bool = True) -> _AnchorPhrase | None:
        """The phrase naming the anchor event that starts at `pos` (after spaces), or None."""
        text = self.text
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        base = self.bases_by_start.get(pos)
        if base is not None:
            return _AnchorPhrase(pos, base.end, base.date, True, base)
        tokens = self._tokens(pos)
        if not tokens:
            return None
        first = tokens[0][0].lower()
        if first in _DISCOURSE_PRONOUNS and (len(tokens) == 1 or first in ("then", "it")
                                             or not _is_content_word(tokens[1][0])):
            return None  # "two days before that": a discourse anchor, handled by the caller
        if first in _SUBJECT_PRONOUNS:
            end_index = _verb_group_end(tokens, 1) if allow_clause else None
            return self._finish(tokens, 0, end_index) if end_index is not None else None
        if first.endswith("ing") and first not in _NOT_GERUNDS and tokens[0][0].islower():
            index = 1
            if first == "being":
                end_index = _verb_group_end(tokens, 1)
                if end_index is None:
                    return None
                index = end_index + 1
            while index < len(tokens) and index < 5 and tokens[index][0].lower() not in _ANCHOR_STOPS:
                index += 1
            return self._finish(tokens, 0, index - 1)
        return self._noun_phrase(tokens, require_event=require_event, allow_clause=allow_clause)

    def _tokens(self, pos: int) -> list[tuple[str, int, int]]:
        """Words from `pos`, stopping at the first punctuation (apostrophes and hyphens stay inside words)."""
        text = self.text
        tokens: list[tuple[str, int, int]] = []
        while len(tokens) < 14:
            m = _WORD_RE.match(text, pos)
            if not m:
                break
            tokens.append((m.group(0), m.start(), m.end()))
            spaces = _SPACES_RE.match(text, m.end())
            if not spaces:
                break
            pos = spaces.end()
        return tokens

    def _noun_phrase(self, tokens: list[tuple[str, int, int]], *, require_event: bool,
                     allow_clause: bool) -> _AnchorPhrase | None:
        index = 0
        has_determiner = tokens[0][0].lower() in _DETERMINERS
        if has_determiner:
            index = 1
        collected: list[str] = []
        proper_only = True
        while index < len(tokens) and len(collected) < 6:
            word = tokens[index][0]
            low = word.lower()
            if low in _ANCHOR_STOPS or low in _DETERMINERS or low in _SUBJECT_PRONOUNS or low in _OBJECT_PRONOUNS:
                break
            if collected and (_is_verbish(low) or (word[0].isupper() and not proper_only)):
                break  # "the verdict was read", "after the verdict Perry ..."
            if collected and low.endswith("ing") and _is_event_noun(collected[-1].lower()):
                break  # "after the hearing saying ...": a participle after a whole event phrase
            if not has_determiner and not collected and not word[0].isupper():
                verb_end = _verb_group_end(tokens, 1) if allow_clause and not _UNIT_WORD_RE.match(low) else None
                if verb_end is not None:
                    return self._finish(tokens, 0, verb_end)  # "after police found him", "before doctors arrived"
                return None  # a bare lower-case noun ("before lunch") is too vague to anchor
            proper_only = proper_only and word[0].isupper()
            collected.append(word)
            index += 1
        if not collected:
            return None
        last = index - 1
        head = collected[-1].lower().rstrip("'’").removesuffix("'s").removesuffix("’s")
        is_event = _is_event_noun(head)
        if not is_event and allow_clause and index < len(tokens):
            verb_end = _verb_group_end(tokens, index)
            if verb_end is not None:
                return self._finish(tokens, 0, verb_end)  # "the trial began", "Perry died"
        if require_event and not is_event:
            return None
        if require_event and not has_determiner and not proper_only \
                and not any(w.endswith(("'s", "’s")) for w in collected):
            return None  # "during IV sessions" is habitual; "during Perry's trial" names one event
        if index < len(tokens) and tokens[index][0].lower() == "of":  # "the death of actor Matthew Perry"
            tail = index + 1
            if tail < len(tokens) and tokens[tail][0].lower() in _DETERMINERS:
                tail += 1
            while tail < len(tokens) and tail - index <= 5 and tokens[tail][0].lower() not in _ANCHOR_STOPS \
                    and not (_is_verbish(tokens[tail][0].lower()) and tail > index + 1):
                tail += 1
            if tail > index + 1 and tokens[tail - 1][0].lower() not in _DETERMINERS:
                last = tail - 1
        return self._finish(tokens, 0, last)

    def _finish(self, tokens: list[tuple[str, int, int]], first: int, last: int) -> _AnchorPhrase:
        start, end = tokens[first][1], tokens[last][2]
        tail = _DATE_TAIL_RE.match(self.text, end)  # "his passing on Oct. 28"
        if tail:
            base = self.bases_by_start.get(tail.end())
            if base is not None:
                return _AnchorPhrase(start, base.end, base.date)
        return _AnchorPhrase(start, end)

    # ---- running

    def run(self, offset: int) -> list[TimeExpression]:
        bases = _select(self._without_vetoed(self.calendar_candidates()))
        self.bases_by_start = {b.start: b for b in bases}
        found = bases + list(self.compounds(bases)) + list(self.anchored())
        chosen = _select(self._without_vetoed(found))
        return [self._expression(f, offset) for f in chosen if not self._in_a_title(f)]

    def _in_a_title(self, found: _Found) -> bool:
        """ "CBS This Morning", "America This Morning": a relative expression written with a
        capital inside a sentence is part of a programme's name, not a time."""
        return (found.kind == RELATIVE and _CAPITALISED_DEICTIC_RE.match(self.text, found.start) is not None
                and not _CLAUSE_OPENING_RE.search(self.text, 0, found.start))

    def _without_vetoed(self, found: Iterable[_Found]) -> list[_Found]:
        kept = list(found)
        if not self.vetoes:
            return kept
        return [f for f in kept if not any(f.start < v_end and v_start < f.end for v_start, v_end in self.vetoes)]

    def _expression(self, found: _Found, offset: int) -> TimeExpression:
        text = self.text[found.start:found.end]
        anchor = None
        date_text = text
        if found.anchor is not None:
            low, high, a_start, a_end = found.anchor
            if a_start is not None and a_end is not None:
                date_text = self.text[found.start:a_end]
                anchor = AnchoredOffset(low, high, self.text[a_start:a_end], a_start + offset, a_end + offset)
            else:
                anchor = AnchoredOffset(low, high, None, None, None, found.calendar)
        resolved = replace(found.date, text=date_text) if found.date is not None and found.date.known \
            else FuzzyDate.unknown(date_text)
        onset = replace(found.onset, text=text) if found.onset is not None else None
        return TimeExpression(found.start + offset, found.end + offset, text, found.kind, resolved, anchor, found.future,
                              onset)


def _year_of_weekday(day: date, weekday: int, future: bool) -> date | None:
    """The same day of the year, one or two years further from publication, that falls on the
    weekday the text names with it; None when neither does."""
    step = 1 if future else -1
    for years in (step, 2 * step):
        moved = _safe_date(day.year + years, day.month, day.day)
        if moved is not None and moved.weekday() == weekday:
            return moved
    return None
