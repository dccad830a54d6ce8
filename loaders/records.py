"""Typed records passed between the loader stages and to the graph writer.

document → sentences → time expressions → event mentions → resolved events
and actors → graph writes. Every stage takes and returns these small, frozen
records, so each stage can be tested alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum


class Precision(StrEnum):
    """How exactly a date is known."""

    DAY = "DAY"
    MONTH = "MONTH"
    YEAR = "YEAR"
    DECADE = "DECADE"
    RANGE = "RANGE"  # somewhere between two known days
    BOUND = "BOUND"  # only one side known ("before 21 Oct 2023")
    UNKNOWN = "UNKNOWN"


class ActorKind(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"


class EventStatus(StrEnum):
    OCCURRED = "OCCURRED"
    SCHEDULED = "SCHEDULED"
    EXPECTED = "EXPECTED"
    ALLEGED = "ALLEGED"
    NEGATED = "NEGATED"


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """An interval of days with a precision. Either bound may be open (None).

    A DAY has start == end; a MONTH runs from its first to its last day; a
    BOUND has exactly one side; UNKNOWN has neither.
    """

    start: date | None = None
    end: date | None = None
    precision: Precision = Precision.UNKNOWN
    text: str | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"date interval starts after it ends: {self.start} > {self.end}")

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    def overlaps(self, other: FuzzyDate) -> bool:
        """True when the two intervals can describe the same day (open sides overlap anything)."""
        if not self.known or not other.known:
            return True
        lo = max(d for d in (self.start, other.start, date.min) if d is not None)
        hi = min(d for d in (self.end, other.end, date.max) if d is not None)
        return lo <= hi

    @classmethod
    def unknown(cls, text: str | None = None) -> FuzzyDate:
        return cls(None, None, Precision.UNKNOWN, text)

    @classmethod
    def day(cls, d: date, text: str | None = None) -> FuzzyDate:
        return cls(d, d, Precision.DAY, text)

    @classmethod
    def month(cls, year: int, month: int, text: str | None = None) -> FuzzyDate:
        first = date(year, month, 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return cls(first, last, Precision.MONTH, text)

    @classmethod
    def year(cls, year: int, text: str | None = None) -> FuzzyDate:
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, text)

    @classmethod
    def decade(cls, first_year: int, text: str | None = None) -> FuzzyDate:
        return cls(date(first_year, 1, 1), date(first_year + 9, 12, 31), Precision.DECADE, text)

    @classmethod
    def between(cls, start: date | None, end: date | None, text: str | None = None) -> FuzzyDate:
        """A RANGE, a BOUND or UNKNOWN, depending on which sides are known."""
        if start is not None and end is not None:
            return cls(start, end, Precision.DAY if start == end else Precision.RANGE, text)
        if start is None and end is None:
            return cls.unknown(text)
        return cls(start, end, Precision.BOUND, text)

    def shifted(self, lo_days: int | None, hi_days: int | None, text: str | None = None) -> FuzzyDate:
        """The interval [start + lo_days, end + hi_days]; a None offset leaves that side open.
        A month or a year moved by whole months or years stays one: "two years later" after
        2020 is 2022, "three months after" April is July (not days spilling over their edges)."""
        whole = self._moved_in_whole_units(lo_days, hi_days, text)
        if whole is not None:
            return whole
        start = self.start + timedelta(days=lo_days) if (self.start and lo_days is not None) else None
        end = self.end + timedelta(days=hi_days) if (self.end and hi_days is not None) else None
        return FuzzyDate.between(start, end, text)

    def _moved_in_whole_units(self, lo_days: int | None, hi_days: int | None, text: str | None) -> FuzzyDate | None:
        if lo_days is None or hi_days is None or self.start is None or lo_days * hi_days <= 0 \
                or self.precision not in (Precision.MONTH, Precision.YEAR):
            return None
        sign = 1 if lo_days > 0 else -1
        near, far = sorted((abs(lo_days), abs(hi_days)))
        if near == far:
            return None  # a count of days or weeks ("thirty days after", "four weeks later") moves day by day
        if self.precision is Precision.YEAR:
            years = round(near / 365.25)
            if years and 365 * years <= near and far <= 366 * years + 1:
                return FuzzyDate.year(self.start.year + sign * years, text)
            return None
        months = round(near / 30.44)
        if months and 28 * months <= near and far <= 31 * months + 1:
            index = self.start.year * 12 + self.start.month - 1 + sign * months
            return FuzzyDate.month(index // 12, index % 12 + 1, text)
        return None

    def in_calendar_units(self, lo: int, hi: int, unit: str, text: str | None = None) -> FuzzyDate:
        """The calendar weeks, months or years from `lo` after this interval's first to `hi` after
        its last: "the following month" after January is February, whatever day in January."""
        if self.start is None or self.end is None:
            return FuzzyDate.unknown(text)
        if unit in SEASON_FIRST_MONTH:
            # "that spring": the one of the anchor's year (a winter holds its January); "the
            # following spring": the first to begin after the anchor; "the previous spring": the
            # last to end before it.
            first_month = SEASON_FIRST_MONTH[unit]
            year = self.start.year - (unit == "winter" and self.start.month <= 2)

            def season(in_year: int) -> tuple[date, date]:
                after = date(in_year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
                return date(in_year, first_month, 1), after - timedelta(days=1)

            start, end = season(year)
            if lo > 0:
                while start <= self.end:
                    year += 1
                    start, end = season(year)
            elif lo < 0:
                while end >= self.start:
                    year -= 1
                    start, end = season(year)
            return FuzzyDate.between(start, end, text)
        if unit.title() in WEEKDAY_NAMES:  # "the following Monday": the first after; "the previous": the last before
            wanted = WEEKDAY_NAMES.index(unit.title())
            if lo > 0:
                day = self.end + timedelta(days=(wanted - self.end.weekday() - 1) % 7 + 1)
            else:
                day = self.start - timedelta(days=(self.start.weekday() - wanted - 1) % 7 + 1)
            return FuzzyDate.day(day, text)
        if unit == "week":  # Monday to Sunday, as "last week" is
            return FuzzyDate.between(week_of(self.start + timedelta(weeks=lo))[0],
                                     week_of(self.end + timedelta(weeks=hi))[1], text)
        months = 12 if unit == "year" else 1
        first = _month_index(self.start) // months * months + lo * months
        last = _month_index(self.end) // months * months + (hi + 1) * months - 1
        start = date(first // 12, first % 12 + 1, 1)
        following = last + 1
        end = date(following // 12, following % 12 + 1, 1) - timedelta(days=1)
        if lo == hi and _month_index(self.start) // months == _month_index(self.end) // months:
            return (FuzzyDate.year(start.year, text) if unit == "year"
                    else FuzzyDate.month(start.year, start.month, text))
        return FuzzyDate.between(start, end, text)


class MalformedDate(ValueError):
    """Text that is not written YYYY, YYYY-MM, YYYY-MM-DD or as an ISO timestamp."""


class ImpossibleDate(ValueError):
    """Text written as an ISO date that names no real one ("2023-02-30"); the reason is its text."""


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_TIMESTAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ]\S.*")


def parse_iso_prefix(text: str) -> FuzzyDate:
    """'2023' → YEAR, '2023-10' → MONTH, '2023-10-28' or a full ISO timestamp → DAY. Front
    matter, manifests, HTML pages and reporters' timelines all write dates this way; each
    reader words the errors for its own input."""
    value = text.strip()
    match = _ISO_PREFIX.fullmatch(value) or _ISO_TIMESTAMP.fullmatch(value)
    if match is None:
        raise MalformedDate(value)
    year, month, day = match.groups()
    try:
        if day is not None:
            first = date(int(year), int(month), int(day))
        elif month is not None:
            return FuzzyDate.month(int(year), int(month), value)
        else:
            return FuzzyDate.year(int(year), value)
    except ValueError as exc:
        raise ImpossibleDate(str(exc)) from None
    if match.re is _ISO_TIMESTAMP:
        try:
            first = datetime.fromisoformat(value).date()
        except ValueError:
            raise MalformedDate(value) from None
    return FuzzyDate.day(first, value)


# The calendar's names, which every stage reads: the time expressions, the parse repair of a
# weekday after an object, and the actors ("In June Stanek" names a month, not a woman).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of the calendar week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


# Meteorological seasons, northern hemisphere: the month each begins in.
SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


@dataclass(frozen=True, slots=True)
class Anchor:
    """A date given relative to another event: "more than a week before his death".

    The claimed interval is [anchor.start + min_offset_days, anchor.end + max_offset_days];
    a None offset is an open side. `event_ref` names the anchor event: a
    document-local event id during extraction, a graph Event id once resolved.
    """

    event_ref: str
    min_offset_days: int | None
    max_offset_days: int | None

    def resolve(self, anchor_date: FuzzyDate, text: str | None) -> FuzzyDate:
        if not anchor_date.known:
            return FuzzyDate.unknown(text)
        return anchor_date.shifted(self.min_offset_days, self.max_offset_days, text)


@dataclass(frozen=True, slots=True)
class DateClaim:
    """What one source says about when something happened."""

    date: FuzzyDate
    anchor: Anchor | None = None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: str
    path: str
    title: str | None
    text: str
    sha256: str
    url: str | None = None
    publisher: str | None = None
    published: FuzzyDate | None = None
    language: str = "en"
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor_id: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Affiliation:
    actor_id: str
    other_id: str
    relation: str  # e.g. WORKS_AT, RUNS, ASSISTANT_OF, FAMILY_OF, OWNS
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    actor_id: str
    role: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states an event, with the date claim that source makes."""

    document_id: str
    quote: str
    start: int
    end: int
    claim: DateClaim = field(default_factory=lambda: DateClaim(FuzzyDate.unknown()))


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    type: str
    status: EventStatus
    title: str
    date: FuzzyDate
    participants: tuple[Participant, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
    kind: str | None = None  # a taxonomy kind ("not guilty"): kinds told apart are events told apart
    agreed: bool = False  # every mention tells it as agreed to, before it was done ("agreed to plead guilty")
    # Roles some mention fills with people it counts but never names ("sold to nine customers"):
    # what tells a run of sales from one named sale while documents merge (not stored).
    many_unnamed: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    document_id: str
    other_id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """One document and everything extracted from it: the unit the writer stores atomically."""

    document: DocumentRecord
    events: tuple[EventRecord, ...] = ()
    actors: tuple[ActorRecord, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    near_duplicates: tuple[NearDuplicate, ...] = ()


def consolidate(claims: list[FuzzyDate]) -> tuple[FuzzyDate, bool]:
    """The event's date from its sources' claims, and whether they conflict.

    Claims that agree are intersected (each narrows the others); claims that
    cannot all hold together are a conflict, and the event spans them all so
    no source is silently dropped.
    """
    known = [c for c in claims if c.known]
    if not known:
        texts = [c.text for c in claims if c.text]
        return FuzzyDate.unknown(texts[0] if texts else None), False
    conflict = any(not a.overlaps(b) for i, a in enumerate(known) for b in known[i + 1 :])
    starts = [c.start for c in known if c.start is not None]
    ends = [c.end for c in known if c.end is not None]
    if conflict:
        start = min(starts) if len(starts) == len(known) else None
        end = max(ends) if len(ends) == len(known) else None
        return FuzzyDate.between(start, end, "; ".join(dict.fromkeys(c.text for c in known if c.text)) or None), True
    start = max(starts) if starts else None
    end = min(ends) if ends else None
    sharpest = min(known, key=width)
    if (start, end) == (sharpest.start, sharpest.end):
        return sharpest, False
    return FuzzyDate.between(start, end, sharpest.text), False


@dataclass(frozen=True, slots=True)
class ResolvedDates:
    """Each event's claims with anchors resolved, and the event's date from them."""

    claims: dict[str, list[FuzzyDate]]  # event id -> its claims' dates, in the order given
    events: dict[str, tuple[FuzzyDate, bool]]  # event id -> (date, do its claims conflict)


def resolve_claims(claims: Mapping[str, Sequence[DateClaim]], outside: Mapping[str, FuzzyDate]) -> ResolvedDates:
    """Resolve claims anchored to other events ("more than a week before his death"),
    anchors first, then consolidate each event's claims.

    An anchor among `claims` is resolved from its own claims; one outside them
    takes its date from `outside`. Anchors may chain; a cycle is cut by using
    the outside date of the event met again.
    """
    resolved = ResolvedDates({}, {})

    def date_of(event_id: str, visiting: set[str]) -> FuzzyDate:
        if event_id in resolved.events:
            return resolved.events[event_id][0]
        if event_id not in claims or event_id in visiting:
            return outside.get(event_id, FuzzyDate.unknown())
        visiting.add(event_id)
        dates = [
            c.anchor.resolve(date_of(c.anchor.event_ref, visiting), c.date.text) if c.anchor else c.date
            for c in claims[event_id]
        ]
        visiting.discard(event_id)
        resolved.claims[event_id] = dates
        resolved.events[event_id] = consolidate(dates)
        return resolved.events[event_id][0]

    for event_id in sorted(claims):
        date_of(event_id, set())
    return resolved


def width(d: FuzzyDate) -> int:
    """Days an interval spans; open intervals count as wider than any closed one."""
    if d.start is None or d.end is None:
        return 10**9
    return (d.end - d.start).days


def end_before_blanks(text: str, position: int, blanks: str | None = None) -> int:
    """Where the text before `position` ends without the blanks that close it (whitespace, or
    the given characters): what `text[:position].rstrip(blanks)` would keep, without copying."""
    while position > 0 and (text[position - 1] in blanks if blanks is not None else text[position - 1].isspace()):
        position -= 1
    return position


def start_after_blanks(text: str, position: int, blanks: str | None = None) -> int:
    """Where the text from `position` starts without the blanks that open it (see end_before_blanks)."""
    while position < len(text) and (text[position] in blanks if blanks is not None else text[position].isspace()):
        position += 1
    return position


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: the readable part of stable ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def stable_id(prefix: str, *parts: object) -> str:
    """A short, deterministic id: the same inputs always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]
    return f"{prefix}-{digest}"
