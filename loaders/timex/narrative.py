"""Dates a story's own course gives, once all of a document's expressions are known: the
year of "that August", and the day of a clock time in a night told hour by hour."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from loaders.records import WEEKDAY_NAMES, FuzzyDate, Precision, Sentence
from loaders.timex.base import ABSOLUTE, ANCHORED, RELATIVE, TimeExpression
from loaders.timex.calendar import _safe_date
from loaders.timex.patterns import _DMY_RE, _EXPLICIT_YEAR_RE, _MONTH, _OF_THAT_YEAR_GAP_RE, _THAT_MONTH_RE
from loaders.timex.resolution import _month_number


def narrative_months(expressions: Sequence[TimeExpression], text: str) -> list[TimeExpression]:
    """"that August" is August of the year the story last named ("On April 2, 2024, ...
    was arrested that August" is August 2024), not the latest August before publication; so
    is "in April of that year". In a story with no publication date, a month or a day told
    without a year ("on Aug. 8") is in the year the story last named.
    `expressions` are a document's, in order; `text` is the document text."""
    resolved: list[TimeExpression] = []
    last_year: int | None = None
    background = False  # the last year written out was told in a relative clause
    moved_on = False  # and a month or day told since, without a year, moved the story on
    last_told: TimeExpression | None = None  # the last expression with its year written out
    next_told = _next_told_with_year(expressions)
    skip: TimeExpression | None = None
    for index, expression in enumerate(expressions):
        if expression is skip:
            continue
        date_ = expression.date
        month, day = _month_and_day(expression.text) if expression.kind == ABSOLUTE else (None, None)
        following = expressions[index + 1] if index + 1 < len(expressions) else None
        year_after = following is not None and _OF_THAT_YEAR_GAP_RE.fullmatch(text, expression.end, following.start) is not None
        years_on = _YEARS_ON.get(following.text.lower()) if year_after else None
        month_of_a_told_year = (year_after and following.text.lower() in _YEARS_FROM_NOW
                                and following.date.start is not None and following.date.precision == Precision.YEAR)
        if (month is not None and month_of_a_told_year and not _EXPLICIT_YEAR_RE.search(expression.text)
                and date_.precision in (Precision.MONTH, Precision.DAY)):  # not "between March and May last year"
            # "charged in August last year", "died on Oct. 28 of last year": one expression
            year = following.date.start.year
            told = text[expression.start:following.end]
            year_day = _safe_date(year, month, day) if day is not None else None
            expression = replace(expression, end=following.end, text=told,
                                 date=FuzzyDate.day(year_day, told) if year_day else FuzzyDate.month(year, month, told))
            skip = following
        elif month is not None and last_year is not None and years_on is not None:
            # "In April of that year", "On Dec. 15 of that year", "in June of the following year":
            # one expression, in the year last named (or the one after)
            year, told = last_year + years_on, text[expression.start:following.end]
            year_day = _safe_date(year, month, day) if day is not None else None
            expression = replace(expression, end=following.end, text=told,
                                 date=FuzzyDate.day(year_day, told) if year_day else FuzzyDate.month(year, month, told))
            skip, last_year = following, year  # the story goes on in that year
        elif (month is not None and last_told is not None and last_told.date.end is not None
                and date_.precision == Precision.MONTH and not _EXPLICIT_YEAR_RE.search(expression.text)
                and _FOLLOWING_MONTH_RE.search(text, max(0, expression.start - 16), expression.start)):
            # "pleaded guilty in August 2021 and was sentenced the following March": the first
            # March after the time last told with its year
            told_end = last_told.date.end
            year = told_end.year if month > told_end.month else told_end.year + 1
            expression = replace(expression, date=FuzzyDate.month(year, month, expression.text))
            last_year = year
        elif (month is not None and last_told is not None and last_told.date.end is not None
                and date_.precision == Precision.MONTH and date_.start is not None and expression.kind == ABSOLUTE
                and not _EXPLICIT_YEAR_RE.search(expression.text) and not expression.future
                and not background  # not "The clinic, which opened in 2021, was raided in February"
                and last_told.date.precision in (Precision.MONTH, Precision.DAY)
                and not _LIFE_EVENT_RE.search(text, max(0, last_told.start - 24), last_told.start)
                and _NEXT_STEP_RE.fullmatch(text, last_told.end, expression.start)
                and (moved := _next_such_month(last_told.date.end, month)) < (date_.start.year, date_.start.month)):
            # "was arrested in March 2023 and charged in June": the next step, in the first June after
            # (when publication would put it later)
            expression = replace(expression, date=FuzzyDate.month(*moved, expression.text))
        elif (month is not None and last_year is not None and date_.precision == Precision.MONTH
                and _THAT_MONTH_RE.search(text, max(0, expression.start - 8), expression.start)
                and not _EXPLICIT_YEAR_RE.search(expression.text)):
            expression = replace(expression, date=FuzzyDate.month(last_year, month))
        elif month is not None and last_year is not None and not date_.known:
            year_day = _safe_date(last_year, month, day) if day is not None else None
            expression = replace(expression, date=FuzzyDate.day(year_day, expression.text) if year_day
                                 else FuzzyDate.month(last_year, month, expression.text))
            expression = _to_the_last_told(expression, last_year)
        elif (month is not None and day is not None and date_.precision == Precision.DAY and date_.start is not None
                and expression.kind == ABSOLUTE and not _EXPLICIT_YEAR_RE.search(expression.text)
                and not expression.future  # "is scheduled to be sentenced Oct. 21": read forward
                and (told := _day_told_beside(expression, last_told, next_told[index], text,
                                              _story_goes_on(expressions, last_told, expression))) is not None):
            expression = _in_year_told_beside(expression, month, day, told)
        elif (expression.kind == RELATIVE and not expression.future and last_year is not None
                and _PART_OF_THE_YEAR_RE.search(expression.text) and expression.date.end is not None
                and expression.date.end.year != last_year
                and not (background and (expression.date.end.year - last_year > _BACKGROUND_YEARS or moved_on))):
            # "In March 2023, she died. By the end of the year, the service had published a review":
            # the year the story is telling, not the year of publication (but not "Dr. Ito, who
            # was first licensed in 1990, ...": a life's background, long before)
            expression = replace(expression, date=_in_year(expression.date, last_year))
        elif told_with_year(expression):
            # "between October 2023 and January 2024": the story has reached the later year
            last_year = (expression.date.end or expression.date.start).year
            last_told = expression
            background = bool(_BACKGROUND_CLAUSE_RE.search(text, max(0, expression.start - 60), expression.start))
            moved_on = False
        elif expression.kind == ABSOLUTE and month is not None:
            moved_on = True  # "The clinic, which opened in 2021, was raided in February": the story's own time
        resolved.append(expression)
    return resolved


# Between a time and the next step told of the same subject: "in March 2023 and charged in June",
# "in March 2023, charged in June".
_NEXT_STEP_RE = re.compile(r"(?i)\s*,?\s*(?:and\s+)?(?:was\s+|were\s+)?[a-z]+(?:ed|en)\s+(?:in|on)\s+")


# A time of someone's life, not a step of the story: "born in May 1985 and died in March",
# "first licensed in 1998, was suspended in March".
_LIFE_EVENT_RE = re.compile(r"(?i)\b(?:born|licensed|registered|qualified|graduated|married|hired|founded|opened|"
                            r"established)\s+(?:in|on)\s+$")


def _next_such_month(told_end: date, month: int) -> tuple[int, int]:
    """(year, month) of the first such month from a time told: June after March 2023 is June 2023."""
    return (told_end.year if month >= told_end.month else told_end.year + 1), month


# "the following March", "the next May": the first such month after the story's last told time.
_FOLLOWING_MONTH_RE = re.compile(r"(?<![\w-])(?i:the\s+(?:following|next))\s+$")
# "April of that year", "June of the following year": years after the one the story last named.
_YEARS_ON = {"that year": 0, "the same year": 0, "the following year": 1, "the next year": 1}
# A relative clause a year is told in, years before or before the story moved on: background, not
# the story's course.
_BACKGROUND_YEARS = 5
_BACKGROUND_CLAUSE_RE = re.compile(r"(?i)\b(?:who|which|whose)\b[^.;,]*$")
# A part of "the year", told without saying which year.
_PART_OF_THE_YEAR_RE = re.compile(r"(?i)\b(?:end|beginning|start|middle|rest|close|first half|second half) of the year$")


def _in_year(told: FuzzyDate, year: int) -> FuzzyDate:
    """The same stretch of another year (a stretch within one calendar year)."""
    shift = year - told.end.year
    start = _safe_date(told.start.year + shift, told.start.month, told.start.day) if told.start else None
    end = _safe_date(told.end.year + shift, told.end.month, told.end.day)
    return replace(told, start=start, end=end)


# Years told from publication that a month or a day before them belongs to.
_YEARS_FROM_NOW = frozenset({"last year", "this year", "next year"})

# Where one sentence ends and the next begins: not after "Oct." or "Dr." (nor, to be safe, any
# capitalised word of two or three letters).
_SENTENCE_BREAK_RE = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\bSept)[.!?][\"”’)]*\s+(?=[A-Z\"“])|\n")


_DAYS_TOLD = 31  # a day or a few weeks of days: "between Sept. 30 and Oct. 12, 2023"
_DAYS_APART = 14  # how near the days told with their year the day told without one must fall


def told_with_year(expression: TimeExpression) -> bool:
    """A date whose year is written out: "Oct. 24, 2023", "in 2019"."""
    return (expression.kind == ABSOLUTE and expression.date.start is not None
            and _EXPLICIT_YEAR_RE.search(expression.text) is not None)


def _next_told_with_year(expressions: Sequence[TimeExpression]) -> list[TimeExpression | None]:
    """For each expression, the next one after it whose year is written out, found in one pass."""
    following: list[TimeExpression | None] = [None] * len(expressions)
    told: TimeExpression | None = None
    for index in range(len(expressions) - 1, -1, -1):
        following[index] = told
        if told_with_year(expressions[index]):
            told = expressions[index]
    return following


def _day_told_beside(expression: TimeExpression, before: TimeExpression | None, after: TimeExpression | None,
                     text: str, story_goes_on: bool) -> TimeExpression | None:
    """A day told with its year in the same sentence or the one next to it: "Sorlie died there
    on Jan. 5. On Jan. 3, 2022, two days before she died, ..."; or, before it, in the same
    paragraph a few sentences back when the story goes on from that day: "... on 30 January
    2024. She took two that evening. Her sister found her the following morning, and she died
    on 2 February." (not "was born on June 9, 1990. She worked as a nurse. She was arrested on
    June 12")."""
    if before is not None and _near(text, before.end, expression.start, _PARAGRAPH_SENTENCES if story_goes_on else 1):
        return before
    if after is not None and _near(text, expression.end, after.start, 1):
        return after
    return None


_PARAGRAPH_SENTENCES = 3  # how many sentences on a day told earlier in the paragraph still sets the year


def _story_goes_on(expressions: Sequence[TimeExpression], told: TimeExpression | None,
                   expression: TimeExpression) -> bool:
    """Whether a time counted on from the story's last day ("that evening", "the next morning")
    is told between that day and this expression."""
    return told is not None and any(e.kind == ANCHORED and e.anchor is not None and e.anchor.anchor_start is None
                                    and told.end <= e.start and e.end <= expression.start for e in expressions)


def _near(text: str, start: int, end: int, sentences: int) -> bool:
    breaks = _SENTENCE_BREAK_RE.findall(text, start, end)
    return len(breaks) <= 1 or (len(breaks) <= sentences and "\n" not in text[start:end])


def _in_year_told_beside(expression: TimeExpression, month: int, day: int, told: TimeExpression) -> TimeExpression:
    """"between Sept. 30 and Oct. 12, 2023, he supplied ketamine, and on Oct. 12 he injected":
    a day told without a year, beside days told with their year, is the one nearest them (the
    year before or after, at a year's turn) when that falls among them or within two weeks
    ("born ... on Sept. 20, 1969, died on Oct. 28" is not 1969; "supplied ketamine before his
    death on Oct. 28, 2023, was sentenced on Dec. 3" is not 2023), never later than publication
    allows (the day as read from publication is the latest it can be)."""
    assert told.date.start is not None and expression.date.start is not None
    read = expression.date.start
    if told.date.end is None or (told.date.end - told.date.start).days > _DAYS_TOLD:
        return expression  # "who sold ketamine in the fall of 2023, pleaded guilty on July 23": another time
    first, last = told.date.start, told.date.end

    def apart(d: date) -> int:
        return max(0, (first - d).days, (d - last).days)

    candidates = [d for d in (_safe_date(first.year + step, month, day) for step in (-1, 0, 1))
                  if d is not None and d <= read and apart(d) <= _DAYS_APART]
    if not candidates:
        return expression
    nearest = min(candidates, key=apart)
    return replace(expression, date=FuzzyDate.day(nearest, expression.text))


_MONTH_DAY_RE = re.compile(r"(?P<month>" + _MONTH + r")(?:\s+(?P<day>[0-3]?\d)(?!\d))?")


# What joins the sides of a span or the last item of a list: "between Sept. 30 and Oct. 12".
_SPAN_JOIN_RE = re.compile(r"(?i)\s+(?:and|or|to|through|thru|until|till)\s+|\s*[-–]\s*")


def _to_the_last_told(expression: TimeExpression, year: int) -> TimeExpression:
    """A span or a list told without a year, in the story's year: "between Sept. 30 and
    Oct. 12" runs to the last day it names (into the next year when that comes first)."""
    joins = list(_SPAN_JOIN_RE.finditer(expression.text))
    if not joins or expression.date.start is None:
        return expression
    last = expression.text[joins[-1].end():]
    month, day = _month_and_day(last)
    if month is None:
        return expression
    end_year = year if (month, day or 31) >= (expression.date.start.month, expression.date.start.day) else year + 1
    end = _safe_date(end_year, month, day) if day is not None else FuzzyDate.month(end_year, month).end
    if end is None:
        return expression
    return replace(expression, date=FuzzyDate.between(expression.date.start, end, expression.text))


def _month_and_day(told: str) -> tuple[int | None, int | None]:
    """The month, and the day if any, an expression names: "on the evening of Aug. 8" → (8, 8),
    "3 August" → (8, 3)."""
    day_first = _DMY_RE.search(told)
    if day_first is not None:
        return _month_number(day_first.group("m")), int(re.match(r"\d+", day_first.group("d")).group(0))
    match = _MONTH_DAY_RE.search(told)
    if match is None:
        return None, None
    return _month_number(match.group("month")), int(match.group("day")) if match.group("day") else None


# "10:52 p.m.", "8.52am", "11 p.m.", "midnight": a time of day.
_CLOCK_RE = re.compile(r"(?<![\w.:])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m(?:\.|\b)"
                       r"|(?P<midnight>midnight\b))", re.I)
# A day told as its evening or night: "on the evening of Thursday 22 February".
_EVENING_RE = re.compile(r"\b(?:evening|night|tonight)\b", re.I)
_EVENING = 20 * 60
_WEEKDAY_RE = re.compile(r"\b(?P<day>" + "|".join(WEEKDAY_NAMES) + r")\b")
# How long a story's clock keeps its day without a clock time or a date: a few sentences.
_CLOCK_SENTENCES = 6
_HALF_DAY = 12 * 60


def narrative_days(expressions: Sequence[TimeExpression], sentences: Sequence[Sentence],
                   headings: Mapping[int, date] | None = None) -> list[TimeExpression]:
    """A night told hour by hour: "came through the doors at 10:52 p.m. on Friday, Feb. 21 ... At
    11:06 p.m., nurse Ellen Varga pushed a second dose ... At 12:19 a.m. on Saturday, Qureshi
    injected ... He was pronounced dead at 2:19 a.m." Once a sentence gives a day, a time of day
    in the sentences after it (with no date of its own) is on that day, and on the next once
    the times run past midnight (a time more than twelve hours earlier than the last, or than
    the evening a day was told by); a bare weekday told with a time, or just after one, that
    names that day or the next is that day, not one in the week before publication. A date
    told from publication ("said Wednesday"), a day the story cannot place, or a few sentences
    without a time end the run; an aside about a month ("opened its investigation in March")
    does not.
    Under a heading that names a day (`headings`: sentence start -> day, for a live page's
    "**Tuesday, March 4**"), every time of day is on the heading's day.
    `expressions` are a document's, in order; the result adds the clock times so dated."""
    headings = headings or {}
    result: list[TimeExpression] = []
    day: date | None = None  # the story's current day, while a run lasts
    last_minutes: int | None = None
    quiet = 0  # sentences since the run last heard of a time or a day
    index = 0
    for sentence in sentences:
        own: list[TimeExpression] = []
        while index < len(expressions) and expressions[index].start < sentence.end:
            own.append(expressions[index])
            index += 1
        clocks = [m for m in _CLOCK_RE.finditer(sentence.text)
                  if not any(e.start <= sentence.start + m.start() < e.end for e in own)
                  and not (sentence.start not in headings and _stamps_an_entry(sentence.text, m))]
        days = [e for e in own if e.kind == ABSOLUTE and e.date.precision == Precision.DAY and e.date.start is not None]
        if any(e.kind == ABSOLUTE and not e.date.known for e in own):
            day = None  # a day the story cannot place: its times are not on the last one it could
        others = [e for e in own if e not in days]
        if sentence.start in headings:
            others = own + [_clock_expression(sentence, m, headings[sentence.start]) for m in clocks]
            result.extend(sorted(others, key=lambda e: e.start))
            continue
        if days:
            day, quiet = days[-1].date.start, 0
            last_minutes = _minutes(clocks[-1]) if clocks else _EVENING if _EVENING_RE.search(sentence.text) else None
            result.extend(own)
            continue
        if day is not None:
            # "At 12:19 a.m. on Saturday": a weekday with a time, or just after one, is the story's
            weekday = _bare_weekday(others, day) if clocks or (last_minutes is not None and quiet <= 1) else None
            if weekday is not None:
                expression, day = weekday
                others = [expression if e.start == expression.start else e for e in others]
                last_minutes, quiet = None, 0
            elif any(e.kind == RELATIVE for e in others) or quiet >= _CLOCK_SENTENCES:
                day = None  # the story has come back to its own days, or moved on
        if day is None or not clocks:
            quiet += 1
            result.extend(others)
            continue
        quiet = 0
        for m in clocks:
            minutes = _minutes(m)
            if last_minutes is not None and minutes < last_minutes - _HALF_DAY:
                day += timedelta(days=1)  # past midnight
            last_minutes = minutes
            others.append(_clock_expression(sentence, m, day))
        result.extend(sorted(others, key=lambda e: e.start))
    return result


# "**10:15 a.m.** — Where the other case stands.": a live page's time stamp, at the head of its entry
_ENTRY_STAMP_END_RE = re.compile(r"[*_\s]*[—–|-]")


def _stamps_an_entry(text: str, clock: re.Match[str]) -> bool:
    """Whether a time of day opens its line as a live page's stamp: the time the entry was
    posted, on whatever day, not a time in the story's night."""
    return not text[:clock.start()].strip("*_ \t") and _ENTRY_STAMP_END_RE.match(text, clock.end()) is not None


def _clock_expression(sentence: Sentence, clock: re.Match[str], day: date) -> TimeExpression:
    text = clock.group(0)
    return TimeExpression(sentence.start + clock.start(), sentence.start + clock.end(), text, ABSOLUTE,
                          FuzzyDate.day(day, text))


def _minutes(clock: re.Match[str]) -> int:
    if clock.group("midnight"):
        return 0
    hours = int(clock.group("h")) % 12 + (12 if clock.group("half").lower() == "p" else 0)
    return hours * 60 + int(clock.group("m") or 0)


def _bare_weekday(expressions: list[TimeExpression], day: date) -> tuple[TimeExpression, date] | None:
    """A weekday alone ("on Saturday") naming the story's current day or the next: that day."""
    for expression in expressions:
        match = _WEEKDAY_RE.search(expression.text)
        if expression.kind != RELATIVE or expression.date.precision != Precision.DAY or match is None:
            continue
        for step in (0, 1):
            candidate = day + timedelta(days=step)
            if WEEKDAY_NAMES[candidate.weekday()] == match.group("day"):
                return replace(expression, date=FuzzyDate.day(candidate, expression.text)), candidate
    return None
