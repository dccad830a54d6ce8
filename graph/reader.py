"""Named read queries: everything the API, the exports and the timeline page ask of the graph.

Each query is a module-level constant with a comment saying what it answers,
so an analyst can read them as a catalogue. Every value, page size and skip
included, is a parameter. The one thing Cypher cannot take as a parameter, the
upper bound of a variable-length path, comes from a whitelist of integers
(`PATHS_BETWEEN_ACTORS`).

Conventions the queries share:

- Events are ordered by a precision-aware key: the first known day, then the
  last known day, then the id (stable, so cursors never skip or repeat). A
  bound known only on one side sorts at that side. Undated events sort last
  and carry `undated = 1`.
- Nodes come back as plain map literals (`{id: e.id, ...}`), not map
  projections: the embedded engine mishandles a projection nested in a map.
- No full-text index (the embedded engine has none): search is CONTAINS on
  the lower-case `searchName` / `searchText` properties the writer keeps.

`GraphReader` runs the queries with a per-query timeout and turns the rows
into dataclasses with native Python dates. Bad arguments raise `ReadError`
subclasses whose messages say what to fix.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import structlog
from neo4j import READ_ACCESS, ManagedTransaction, unit_of_work
from neo4j.exceptions import ClientError

from graph.admin import COUNT_NODES_BY_LABEL, COUNT_RELATIONSHIPS_BY_TYPE
from graph.connection import Graph
from graph.values import native, stored_date
from loaders.records import FuzzyDate

log = structlog.get_logger(__name__)

MAX_PAGE_SIZE = 200
MAX_PATH_HOPS = 6
MAX_ID_LENGTH = 256
# Undated events sort after every real date; this stands in for "no date" in sort keys only.
UNDATED_SORT_DATE = date(9999, 12, 31)
# A cursor that sorts before every row: used when a listing starts from the top.
_BEFORE_EVERYTHING = (-1, date(1, 1, 1), date(1, 1, 1), "")


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


class ReadError(ValueError):
    """A read was asked with a bad argument; the message says which and why (safe to show)."""


class InvalidCursorError(ReadError):
    """An `after` cursor that this listing did not hand out."""


class InvalidArgumentError(ReadError):
    """An argument out of range or malformed (page size, hop count, id, search text)."""


class NotFoundError(ReadError):
    """An id that names no node of the expected kind."""


class QueryTimeoutError(RuntimeError):
    """The graph did not answer within the configured time limit (safe to show)."""


# --------------------------------------------------------------------------
# Result records
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorRow:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    event_count: int | None = None  # filled by listings that count it


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: FuzzyDate | None
    language: str | None
    format: str | None
    path: str | None
    loaded_at: datetime | None


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    type: str
    status: str | None
    title: str
    date: FuzzyDate
    confidence: float | None
    date_conflict: bool

    @property
    def undated(self) -> bool:
        return not self.date.known


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    actor: ActorRow
    role: str


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One sentence of one document that states the event, and the date that source claims."""

    event_id: str
    document: DocumentRow
    quote: str
    start: int | None
    end: int | None
    claim: FuzzyDate
    anchor_event_id: str | None = None
    anchor_min_offset_days: int | None = None
    anchor_max_offset_days: int | None = None


@dataclass(frozen=True, slots=True)
class EventDetails:
    event: EventRow
    participants: tuple[ParticipantRow, ...]
    evidence: tuple[EvidenceRow, ...]
    source_count: int  # distinct documents
    independent_source_count: int  # clusters of near-duplicate documents counted once


@dataclass(frozen=True, slots=True)
class EventEdge:
    cursor: str
    event: EventRow


@dataclass(frozen=True, slots=True)
class EventPage:
    edges: tuple[EventEdge, ...]
    has_next_page: bool
    has_previous_page: bool

    @property
    def events(self) -> list[EventRow]:
        return [edge.event for edge in self.edges]


@dataclass(frozen=True, slots=True)
class ActorEdge:
    cursor: str
    actor: ActorRow


@dataclass(frozen=True, slots=True)
class ActorPage:
    edges: tuple[ActorEdge, ...]
    has_next_page: bool
    has_previous_page: bool


@dataclass(frozen=True, slots=True)
class DocumentEdge:
    cursor: str
    document: DocumentRow


@dataclass(frozen=True, slots=True)
class DocumentPage:
    edges: tuple[DocumentEdge, ...]
    has_next_page: bool
    has_previous_page: bool


@dataclass(frozen=True, slots=True)
class AssociateRow:
    """An actor who took part in events together with the one asked about."""

    actor: ActorRow
    shared_event_ids: tuple[str, ...]

    @property
    def shared_event_count(self) -> int:
        return len(self.shared_event_ids)


@dataclass(frozen=True, slots=True)
class AffiliationRow:
    """`subject` RELATION `object`, in the direction it was stated ("A WORKS_AT B")."""

    subject: ActorRow
    relation: str
    object: ActorRow
    quote: str | None
    document_id: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class MentionRow:
    actor_id: str
    document: DocumentRow
    quote: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class NearDuplicateRow:
    document: DocumentRow
    similarity: float | None


@dataclass(frozen=True, slots=True)
class QuoteHit:
    event: EventRow
    document: DocumentRow
    quote: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class SearchResults:
    actors: tuple[ActorRow, ...]
    events: tuple[EventRow, ...]
    quotes: tuple[QuoteHit, ...]


@dataclass(frozen=True, slots=True)
class PathNode:
    """An actor or an event on a path (exactly one of the two is set)."""

    actor: ActorRow | None = None
    event: EventRow | None = None

    @property
    def id(self) -> str:
        return self.actor.id if self.actor else self.event.id  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class PathStep:
    """One relationship of a path, in its stored direction."""

    type: str  # PARTICIPATED_IN or AFFILIATED_WITH
    from_id: str
    to_id: str
    role: str | None
    relation: str | None


@dataclass(frozen=True, slots=True)
class ActorPath:
    nodes: tuple[PathNode, ...]
    steps: tuple[PathStep, ...]

    @property
    def length(self) -> int:
        return len(self.steps)


@dataclass(frozen=True, slots=True)
class CountRow:
    key: str
    count: int


@dataclass(frozen=True, slots=True)
class GraphStats:
    nodes_by_label: tuple[CountRow, ...]
    relationships_by_type: tuple[CountRow, ...]
    events_by_type: tuple[CountRow, ...]
    events_by_precision: tuple[CountRow, ...]
    undated_events: int
    conflicting_events: int
    earliest_date: date | None
    latest_date: date | None


class EventOrder(StrEnum):
    DATE_ASC = "DATE_ASC"  # oldest first, undated last
    DATE_DESC = "DATE_DESC"  # newest first, undated last


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a listing covers. Every field is optional; all given fields must hold."""

    actor_id: str | None = None  # events this actor took part in
    actor_name: str | None = None  # events of any actor whose name or alias contains this
    date_from: date | None = None  # events whose known dates reach this day or later
    date_to: date | None = None  # events whose known dates reach this day or earlier
    types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    text: str | None = None  # words in the title or type

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidArgumentError(
                f"'from' ({self.date_from.isoformat()}) is after 'to' ({self.date_to.isoformat()})"
            )
        if self.actor_id is not None:
            _check_id(self.actor_id, "actorId")


# --------------------------------------------------------------------------
# Cypher: shared fragments (text only; they never carry values)
# --------------------------------------------------------------------------


def _actor_map(var: str) -> str:
    return f"{{id: {var}.id, name: {var}.name, kind: {var}.kind, aliases: {var}.aliases, description: {var}.description}}"


def _document_map(var: str) -> str:
    return (
        f"{{id: {var}.id, title: {var}.title, url: {var}.url, publisher: {var}.publisher, "
        f"publishedAt: {var}.publishedAt, publishedEnd: {var}.publishedEnd, "
        f"publishedPrecision: {var}.publishedPrecision, language: {var}.language, "
        f"format: {var}.format, path: {var}.path, loadedAt: {var}.loadedAt}}"
    )


def _event_map(var: str) -> str:
    return (
        f"{{id: {var}.id, type: {var}.type, status: {var}.status, title: {var}.title, "
        f"startDate: {var}.startDate, endDate: {var}.endDate, precision: {var}.precision, "
        f"dateText: {var}.dateText, confidence: {var}.confidence, dateConflict: {var}.dateConflict}}"
    )


# The filters every event listing accepts; a null parameter switches its filter off.
# Date filters keep events whose interval can overlap [dateFrom, dateTo]: an open side
# ("after 1 Aug 2024" has no end) reaches every day on that side. Undated events have no
# interval and drop out when either bound is given.
_EVENT_FILTERS = """
WHERE ($types IS NULL OR e.type IN $types)
  AND ($statuses IS NULL OR e.status IN $statuses)
  AND ($text IS NULL OR coalesce(e.searchText, toLower(e.title)) CONTAINS $text)
  AND ($dateFrom IS NULL OR e.endDate >= $dateFrom OR (e.endDate IS NULL AND e.startDate IS NOT NULL))
  AND ($dateTo IS NULL OR e.startDate <= $dateTo OR (e.startDate IS NULL AND e.endDate IS NOT NULL))
  AND ($actorName IS NULL OR EXISTS {
        MATCH (named:Actor)-[:PARTICIPATED_IN]->(e) WHERE named.searchName CONTAINS $actorName })
"""

# The precision-aware sort key: undated flag, first known day, last known day (id breaks ties).
_EVENT_SORT_KEY = """
WITH DISTINCT e
WITH e, coalesce(e.startDate, e.endDate) AS knownStart, coalesce(e.endDate, e.startDate) AS knownEnd
WITH e, CASE WHEN knownStart IS NULL THEN 1 ELSE 0 END AS undated,
     coalesce(knownStart, $undatedSortDate) AS sortStart,
     coalesce(knownEnd, $undatedSortDate) AS sortEnd
"""

# Keyset pagination: rows strictly after the cursor's key. Undated rows stay last in both orders.
_AFTER_CURSOR_ASC = """
WHERE undated > $afterUndated OR (undated = $afterUndated AND (
      sortStart > $afterStart OR (sortStart = $afterStart AND (
      sortEnd > $afterEnd OR (sortEnd = $afterEnd AND e.id > $afterId)))))
WITH e, undated, sortStart, sortEnd
ORDER BY undated, sortStart, sortEnd, e.id
LIMIT $limit
"""
_AFTER_CURSOR_DESC = """
WHERE undated > $afterUndated OR (undated = $afterUndated AND (
      sortStart < $afterStart OR (sortStart = $afterStart AND (
      sortEnd < $afterEnd OR (sortEnd = $afterEnd AND e.id < $afterId)))))
WITH e, undated, sortStart, sortEnd
ORDER BY undated, sortStart DESC, sortEnd DESC, e.id DESC
LIMIT $limit
"""

_EVENT_PAGE_RETURN = f"RETURN {_event_map('e')} AS event, undated, sortStart, sortEnd"

_ACTOR_EVENTS = "MATCH (:Actor {id: $actorId})-[:PARTICIPATED_IN]->(e:Event)"
_ALL_EVENTS = "MATCH (e:Event)"

# --------------------------------------------------------------------------
# Cypher: events
# --------------------------------------------------------------------------

# An actor's timeline, one page, oldest first: the events the actor took part in.
ACTOR_TIMELINE_PAGE = _ACTOR_EVENTS + _EVENT_FILTERS + _EVENT_SORT_KEY + _AFTER_CURSOR_ASC + _EVENT_PAGE_RETURN

# An actor's timeline, one page, newest first (undated events still last).
ACTOR_TIMELINE_PAGE_DESC = _ACTOR_EVENTS + _EVENT_FILTERS + _EVENT_SORT_KEY + _AFTER_CURSOR_DESC + _EVENT_PAGE_RETURN

# Events of the whole graph (optionally filtered, e.g. by a date range), one page, oldest first.
EVENTS_PAGE = _ALL_EVENTS + _EVENT_FILTERS + _EVENT_SORT_KEY + _AFTER_CURSOR_ASC + _EVENT_PAGE_RETURN

# Events of the whole graph, one page, newest first (undated events still last).
EVENTS_PAGE_DESC = _ALL_EVENTS + _EVENT_FILTERS + _EVENT_SORT_KEY + _AFTER_CURSOR_DESC + _EVENT_PAGE_RETURN

# How many events an actor's (filtered) timeline holds in all.
ACTOR_TIMELINE_COUNT = _ACTOR_EVENTS + _EVENT_FILTERS + "RETURN count(DISTINCT e) AS total"

# How many events of the whole graph pass the filters.
EVENTS_COUNT = _ALL_EVENTS + _EVENT_FILTERS + "RETURN count(DISTINCT e) AS total"

# Events with everything a reader wants next to them, for many ids in one round trip:
# participants with roles, evidence (quote, offsets, the source's date claim, its
# document), and pairs of this event's documents that are near-duplicates of each other.
EVENT_DETAILS = f"""
UNWIND $ids AS eventId
MATCH (e:Event {{id: eventId}})
RETURN {_event_map('e')} AS event,
  [(a:Actor)-[p:PARTICIPATED_IN]->(e) | {{actor: {_actor_map('a')}, role: p.role}}] AS participants,
  [(e)-[r:REPORTED_IN]->(d:Document) | {{
      quote: r.quote, start: r.start, end: r.end, dateText: r.dateText,
      startDate: r.startDate, endDate: r.endDate, precision: r.precision,
      anchorEventId: r.anchorEventId, anchorMinOffsetDays: r.anchorMinOffsetDays,
      anchorMaxOffsetDays: r.anchorMaxOffsetDays, document: {_document_map('d')}}}] AS evidence,
  [(e)-[:REPORTED_IN]->(d1:Document)-[:NEAR_DUPLICATE_OF]->(d2:Document)<-[:REPORTED_IN]-(e)
      | [d1.id, d2.id]] AS duplicatePairs
"""

# Whether an actor with this id exists (asked only when a timeline comes back empty).
ACTOR_EXISTS = "MATCH (a:Actor {id: $actorId}) RETURN count(a) > 0 AS found"

# --------------------------------------------------------------------------
# Cypher: actors
# --------------------------------------------------------------------------

# Actors by id, with how many distinct events each took part in.
ACTORS_BY_IDS = f"""
UNWIND $ids AS actorId
MATCH (a:Actor {{id: actorId}})
CALL {{ WITH a MATCH (a)-[:PARTICIPATED_IN]->(e:Event) RETURN count(DISTINCT e) AS eventCount }}
RETURN {_actor_map('a')} AS actor, eventCount
"""

# Actors whose name or alias contains the search text (lower case), most involved first.
ACTORS_PAGE = f"""
MATCH (a:Actor)
WHERE ($search IS NULL OR a.searchName CONTAINS $search) AND ($kind IS NULL OR a.kind = $kind)
CALL {{ WITH a MATCH (a)-[:PARTICIPATED_IN]->(e:Event) RETURN count(DISTINCT e) AS eventCount }}
WITH a, eventCount
ORDER BY eventCount DESC, a.name, a.id
SKIP $skip LIMIT $limit
RETURN {_actor_map('a')} AS actor, eventCount
"""

# How many actors the same search matches.
ACTORS_COUNT = """
MATCH (a:Actor)
WHERE ($search IS NULL OR a.searchName CONTAINS $search) AND ($kind IS NULL OR a.kind = $kind)
RETURN count(a) AS total
"""

# Co-participants: actors who took part in the same events as this one, most shared first.
ASSOCIATES = f"""
MATCH (a:Actor {{id: $actorId}})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Actor)
WHERE other.id <> a.id
WITH other, collect(DISTINCT e.id) AS sharedEventIds
WITH other, sharedEventIds, size(sharedEventIds) AS sharedCount
ORDER BY sharedCount DESC, other.name, other.id
LIMIT $limit
RETURN {_actor_map('other')} AS actor, sharedEventIds
"""

# Affiliations in either direction, each returned as stated (subject, relation, object).
AFFILIATIONS = f"""
MATCH (a:Actor {{id: $actorId}})
RETURN [(a)-[r:AFFILIATED_WITH]->(o:Actor) | {{
          subject: {_actor_map('a')}, object: {_actor_map('o')}, relation: r.relation,
          quote: r.quote, documentId: r.documentId, start: r.start, end: r.end}}]
     + [(o:Actor)-[r:AFFILIATED_WITH]->(a) | {{
          subject: {_actor_map('o')}, object: {_actor_map('a')}, relation: r.relation,
          quote: r.quote, documentId: r.documentId, start: r.start, end: r.end}}] AS affiliations
"""

# Where an actor is mentioned: document and sentence, newest document first (undated documents last).
MENTIONS = f"""
MATCH (a:Actor {{id: $actorId}})-[m:MENTIONED_IN]->(d:Document)
WITH m, d, CASE WHEN d.publishedAt IS NULL THEN 1 ELSE 0 END AS undated
ORDER BY undated, d.publishedAt DESC, d.id, m.start
LIMIT $limit
RETURN {{quote: m.quote, start: m.start, end: m.end}} AS mention, {_document_map('d')} AS document
"""

# --------------------------------------------------------------------------
# Cypher: documents
# --------------------------------------------------------------------------

# Documents, newest first (undated last).
DOCUMENTS_PAGE = f"""
MATCH (d:Document)
WITH d, CASE WHEN d.publishedAt IS NULL THEN 1 ELSE 0 END AS undated
ORDER BY undated, d.publishedAt DESC, d.id
SKIP $skip LIMIT $limit
RETURN {_document_map('d')} AS document
"""

# How many documents the graph holds.
DOCUMENTS_COUNT = "MATCH (d:Document) RETURN count(d) AS total"

# Documents by id.
DOCUMENTS_BY_IDS = f"""
UNWIND $ids AS documentId
MATCH (d:Document {{id: documentId}})
RETURN {_document_map('d')} AS document
"""

# The full text of a document (evidence offsets point into it).
DOCUMENT_TEXT = "MATCH (d:Document {id: $documentId}) RETURN d.text AS text"

# The events a document reports, in date order (undated last).
DOCUMENT_EVENTS = f"""
MATCH (e:Event)-[:REPORTED_IN]->(:Document {{id: $documentId}})
{_EVENT_SORT_KEY}
WITH e, undated, sortStart, sortEnd ORDER BY undated, sortStart, sortEnd, e.id
RETURN {_event_map('e')} AS event
"""

# The actors a document names: mentioned in it, or taking part in an event it reports.
DOCUMENT_ACTORS = f"""
MATCH (d:Document {{id: $documentId}})
CALL {{
  WITH d MATCH (a:Actor)-[:MENTIONED_IN]->(d) RETURN a
  UNION
  WITH d MATCH (a:Actor)-[:PARTICIPATED_IN]->(:Event)-[:REPORTED_IN]->(d) RETURN a
}}
WITH DISTINCT a ORDER BY a.name, a.id
RETURN {_actor_map('a')} AS actor
"""

# Documents that are near-copies of this one (either direction), most similar first.
NEAR_DUPLICATES = f"""
MATCH (:Document {{id: $documentId}})-[n:NEAR_DUPLICATE_OF]-(other:Document)
WITH other, max(n.similarity) AS similarity
ORDER BY similarity DESC, other.id
RETURN {_document_map('other')} AS document, similarity
"""

# --------------------------------------------------------------------------
# Cypher: search, paths, stats
# --------------------------------------------------------------------------

# Actors whose name or an alias contains the text (lower case).
SEARCH_ACTORS = f"""
MATCH (a:Actor) WHERE a.searchName CONTAINS $text
WITH a ORDER BY size(a.name), a.name, a.id LIMIT $limit
RETURN {_actor_map('a')} AS actor
"""

# Events whose title or type contains the text (lower case), in date order.
SEARCH_EVENTS = f"""
MATCH (e:Event) WHERE coalesce(e.searchText, toLower(e.title)) CONTAINS $text
{_EVENT_SORT_KEY}
WITH e, undated, sortStart, sortEnd ORDER BY undated, sortStart, sortEnd, e.id LIMIT $limit
RETURN {_event_map('e')} AS event
"""

# Evidence sentences that contain the text, with their event and document.
SEARCH_QUOTES = f"""
MATCH (e:Event)-[r:REPORTED_IN]->(d:Document) WHERE toLower(r.quote) CONTAINS $text
WITH e, r, d ORDER BY d.id, r.start LIMIT $limit
RETURN {_event_map('e')} AS event, {_document_map('d')} AS document,
       r.quote AS quote, r.start AS start, r.end AS end
"""

# How two actors are connected through shared events and affiliations: all shortest paths
# of at most {max_hops} relationships. The bound cannot be a parameter in Cypher, so one
# query per allowed bound is prepared here from the integers 1..MAX_PATH_HOPS.
_PATHS_TEMPLATE = f"""
MATCH (a:Actor {{id: $fromId}}), (b:Actor {{id: $toId}})
MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN|AFFILIATED_WITH*..{{max_hops}}]-(b))
WITH p, reduce(key = '', n IN nodes(p) | key + n.id + '/') AS pathKey
ORDER BY pathKey
LIMIT $limit
RETURN [n IN nodes(p) | {{isEvent: n:Event, actor: {_actor_map('n')}, event: {_event_map('n')}}}] AS nodes,
       [r IN relationships(p) | {{type: type(r), fromId: startNode(r).id, toId: endNode(r).id,
                                  role: r.role, relation: r.relation}}] AS steps
"""
PATHS_BETWEEN_ACTORS: dict[int, str] = {
    hops: _PATHS_TEMPLATE.replace("{max_hops}", str(hops)) for hops in range(1, MAX_PATH_HOPS + 1)
}

# Whether the graph answers at all (readiness probe).
PING = "RETURN 1 AS ok"

# Events per type, most frequent first.
STATS_EVENTS_BY_TYPE = "MATCH (e:Event) RETURN e.type AS key, count(*) AS count ORDER BY count DESC, key"

# Events per date precision (DAY, MONTH, ..., UNKNOWN).
STATS_EVENTS_BY_PRECISION = (
    "MATCH (e:Event) RETURN coalesce(e.precision, 'UNKNOWN') AS key, count(*) AS count ORDER BY count DESC, key"
)

# Undated events, events whose sources disagree on the date, and the span of known dates.
STATS_EVENT_DATES = """
MATCH (e:Event)
RETURN sum(CASE WHEN e.startDate IS NULL AND e.endDate IS NULL THEN 1 ELSE 0 END) AS undated,
       sum(CASE WHEN e.dateConflict THEN 1 ELSE 0 END) AS conflicting,
       min(coalesce(e.startDate, e.endDate)) AS earliest,
       max(coalesce(e.endDate, e.startDate)) AS latest
"""


# --------------------------------------------------------------------------
# Round-trip counting (the API promises a bounded number per request)
# --------------------------------------------------------------------------


class RoundTripCounter:
    """Counts Cypher queries sent by every GraphReader in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value = 0

    def increment(self) -> None:
        with self._lock:
            self._value += 1

    @property
    def value(self) -> int:
        with self._lock:
            return self._value


ROUND_TRIPS = RoundTripCounter()


# --------------------------------------------------------------------------
# Cursors
# --------------------------------------------------------------------------


def encode_event_cursor(order: EventOrder, undated: int, sort_start: date, sort_end: date, event_id: str) -> str:
    payload = ["e", order.value, undated, sort_start.isoformat(), sort_end.isoformat(), event_id]
    return _b64(payload)


def decode_event_cursor(cursor: str, order: EventOrder) -> tuple[int, date, date, str]:
    payload = _unb64(cursor)
    try:
        kind, cursor_order, undated, start, end, event_id = payload
        if kind != "e" or undated not in (0, 1) or not isinstance(event_id, str):
            raise ValueError
        sort_start, sort_end = date.fromisoformat(start), date.fromisoformat(end)
    except (TypeError, ValueError):
        raise InvalidCursorError(
            f"cursor {cursor!r} is not an event-listing cursor; pass the endCursor of a previous page"
        ) from None
    if cursor_order != order.value:
        raise InvalidCursorError(
            f"cursor {cursor!r} belongs to a {cursor_order} listing, not {order.value}; start again without 'after'"
        )
    return undated, sort_start, sort_end, event_id


class _OffsetPage:
    """A page read by offset: `first` rows were asked for and one more fetched, so whether
    another page follows is known without counting. Each row comes with its cursor."""

    def __init__(self, rows: list[dict[str, Any]], skip: int, first: int) -> None:
        self.rows = [(encode_offset_cursor(skip + i + 1), row) for i, row in enumerate(rows[:first])]
        self.has_next = len(rows) > first
        self.has_previous = skip > 0


def encode_offset_cursor(offset: int) -> str:
    return _b64(["o", offset])


def decode_offset_cursor(cursor: str) -> int:
    payload = _unb64(cursor)
    if (
        not isinstance(payload, list) or len(payload) != 2 or payload[0] != "o"
        or not isinstance(payload[1], int) or isinstance(payload[1], bool) or payload[1] < 0
    ):
        raise InvalidCursorError(f"cursor {cursor!r} does not belong to this listing; pass the endCursor of a previous page")
    return payload[1]


def _b64(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def _unb64(cursor: str) -> Any:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise InvalidCursorError(
            f"cursor {cursor!r} is not a cursor this API handed out (not valid base64 JSON)"
        ) from None


# --------------------------------------------------------------------------
# Argument checks
# --------------------------------------------------------------------------


def check_page_size(first: int, argument: str = "first") -> int:
    if isinstance(first, bool) or not isinstance(first, int) or not 0 <= first <= MAX_PAGE_SIZE:
        raise InvalidArgumentError(f"'{argument}' must be between 0 and {MAX_PAGE_SIZE}, got {first!r}")
    return first


def check_max_hops(max_hops: int) -> int:
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InvalidArgumentError(f"'maxHops' must be an integer from 1 to {MAX_PATH_HOPS}, got {max_hops!r}")
    return max_hops


def _check_id(value: str, argument: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID_LENGTH:
        raise InvalidArgumentError(f"'{argument}' must be a non-empty id of at most {MAX_ID_LENGTH} characters, got {value!r}")
    return value


def _search_text(value: str | None, argument: str, *, required: bool = False) -> str | None:
    if value is None or not value.strip():
        if required:
            raise InvalidArgumentError(f"'{argument}' must not be empty")
        return None
    return value.strip().lower()


# --------------------------------------------------------------------------
# Row conversion
# --------------------------------------------------------------------------


def _actor(row: dict[str, Any], event_count: int | None = None) -> ActorRow:
    return ActorRow(
        id=row["id"], name=row.get("name") or row["id"], kind=row.get("kind") or "PERSON",
        aliases=tuple(row.get("aliases") or ()), description=row.get("description"),
        event_count=event_count,
    )


def _document(row: dict[str, Any]) -> DocumentRow:
    published = None
    if row.get("publishedAt") is not None or row.get("publishedEnd") is not None:
        published = stored_date(row.get("publishedAt"), row.get("publishedEnd"), row.get("publishedPrecision") or "DAY", None)
    loaded_at = row.get("loadedAt")
    return DocumentRow(
        id=row["id"], title=row.get("title"), url=row.get("url"), publisher=row.get("publisher"),
        published=published, language=row.get("language"), format=row.get("format"),
        path=row.get("path"), loaded_at=loaded_at if isinstance(loaded_at, datetime) else None,
    )


def _event(row: dict[str, Any]) -> EventRow:
    return EventRow(
        id=row["id"], type=row.get("type") or "OTHER", status=row.get("status"),
        title=row.get("title") or row["id"],
        date=stored_date(row.get("startDate"), row.get("endDate"), row.get("precision"), row.get("dateText")),
        confidence=row.get("confidence"), date_conflict=bool(row.get("dateConflict")),
    )


def _evidence(event_id: str, row: dict[str, Any]) -> EvidenceRow:
    return EvidenceRow(
        event_id=event_id, document=_document(row["document"]), quote=row.get("quote") or "",
        start=row.get("start"), end=row.get("end"),
        claim=stored_date(row.get("startDate"), row.get("endDate"), row.get("precision"), row.get("dateText")),
        anchor_event_id=row.get("anchorEventId"),
        anchor_min_offset_days=row.get("anchorMinOffsetDays"),
        anchor_max_offset_days=row.get("anchorMaxOffsetDays"),
    )


def independent_source_count(document_ids: Iterable[str], duplicate_pairs: Iterable[Sequence[str]]) -> int:
    """Distinct documents, counting each group of near-duplicate documents once."""
    parent = {doc: doc for doc in document_ids}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for a, b in duplicate_pairs:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    return len({root(doc) for doc in parent})


def _ordered_unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


# --------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------


@dataclass
class GraphReader:
    """Runs the named read queries against one graph, each with a time limit."""

    graph: Graph
    timeout: float | None = None  # seconds per query; None leaves it to the server
    round_trips: int = field(default=0, init=False)

    # -- plumbing ----------------------------------------------------------

    def _run(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """One round trip: the query in a read transaction with the time limit, rows as native dicts."""

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [native(record.data()) for record in tx.run(cypher, params)]

        self.round_trips += 1
        ROUND_TRIPS.increment()
        # Transient failures are retried, but never for longer than the time limit itself.
        retries = {"max_transaction_retry_time": self.timeout} if self.timeout is not None else {}
        try:
            with self.graph.session(default_access_mode=READ_ACCESS, **retries) as session:
                return session.execute_read(unit_of_work(timeout=self.timeout)(work))
        except ClientError as exc:
            if exc.code and "TransactionTimedOut" in exc.code:
                raise QueryTimeoutError(f"the graph did not answer within {self.timeout:g} s; narrow the query") from exc
            raise

    def _single_value(self, cypher: str, key: str, **params: Any) -> Any:
        rows = self._run(cypher, **params)
        return rows[0][key] if rows else None

    # -- events ------------------------------------------------------------

    def events(
        self, filter: EventFilter | None = None, *, order: EventOrder = EventOrder.DATE_ASC,
        first: int = 50, after: str | None = None,
    ) -> EventPage:
        """One page of events in date order (undated last), after the given cursor."""
        filter = filter or EventFilter()
        check_page_size(first)
        after_key = decode_event_cursor(after, order) if after else _BEFORE_EVERYTHING
        if filter.actor_id is not None:
            query = ACTOR_TIMELINE_PAGE if order is EventOrder.DATE_ASC else ACTOR_TIMELINE_PAGE_DESC
        else:
            query = EVENTS_PAGE if order is EventOrder.DATE_ASC else EVENTS_PAGE_DESC
        if after_key is _BEFORE_EVERYTHING and order is EventOrder.DATE_DESC:
            # Newest first starts above every date: only the undated flag (-1) must precede.
            after_key = (-1, UNDATED_SORT_DATE, UNDATED_SORT_DATE, "")
        undated, sort_start, sort_end, after_id = after_key
        rows = self._run(
            query, **self._filter_params(filter), undatedSortDate=UNDATED_SORT_DATE,
            afterUndated=undated, afterStart=sort_start, afterEnd=sort_end, afterId=after_id,
            limit=first + 1,
        )
        edges = tuple(
            EventEdge(
                cursor=encode_event_cursor(order, row["undated"], row["sortStart"], row["sortEnd"], row["event"]["id"]),
                event=_event(row["event"]),
            )
            for row in rows[:first]
        )
        if not rows and after is None:
            # Nothing at all: say why when the actor asked about does not exist (one more query, only here).
            if filter.actor_id is not None and not self.actor_exists(filter.actor_id):
                raise NotFoundError(f"no actor with id {filter.actor_id!r}")
            if filter.actor_name and not self.count_actors(filter.actor_name):
                raise NotFoundError(f"no actor's name or alias contains {filter.actor_name.strip()!r}")
        return EventPage(edges=edges, has_next_page=len(rows) > first, has_previous_page=after is not None)

    def timeline(
        self, actor_id: str, *, date_from: date | None = None, date_to: date | None = None,
        types: Sequence[str] | None = None, first: int = 50, after: str | None = None,
    ) -> EventPage:
        """An actor's events, oldest first, undated last."""
        return self.events(
            EventFilter(actor_id=actor_id, date_from=date_from, date_to=date_to, types=tuple(types) if types else None),
            first=first, after=after,
        )

    def count_events(self, filter: EventFilter | None = None) -> int:
        filter = filter or EventFilter()
        query = ACTOR_TIMELINE_COUNT if filter.actor_id is not None else EVENTS_COUNT
        return int(self._single_value(query, "total", **self._filter_params(filter)) or 0)

    def iter_events(self, filter: EventFilter | None = None, *, page_size: int = MAX_PAGE_SIZE) -> Iterator[EventPage]:
        """Every page of a listing, oldest first (for exports)."""
        after = None
        while True:
            page = self.events(filter, first=page_size, after=after)
            yield page
            if not page.has_next_page or not page.edges:
                return
            after = page.edges[-1].cursor

    def event_details(self, ids: Sequence[str]) -> dict[str, EventDetails]:
        """Events with participants, evidence and source counts, for many ids in one round trip."""
        ids = _ordered_unique(ids)
        if not ids:
            return {}
        details: dict[str, EventDetails] = {}
        for row in self._run(EVENT_DETAILS, ids=ids):
            event = _event(row["event"])
            participants = tuple(
                sorted(
                    (ParticipantRow(actor=_actor(p["actor"]), role=p.get("role") or "PARTICIPANT") for p in row["participants"]),
                    key=lambda p: (p.role, p.actor.name, p.actor.id),
                )
            )
            evidence = tuple(
                sorted(
                    (_evidence(event.id, ev) for ev in row["evidence"]),
                    key=lambda ev: (_sort_date(ev.document.published), ev.document.id, ev.start or 0),
                )
            )
            document_ids = {ev.document.id for ev in evidence}
            details[event.id] = EventDetails(
                event=event, participants=participants, evidence=evidence,
                source_count=len(document_ids),
                independent_source_count=independent_source_count(document_ids, row["duplicatePairs"]),
            )
        return details

    def event(self, event_id: str) -> EventDetails:
        _check_id(event_id, "id")
        found = self.event_details([event_id])
        if event_id not in found:
            raise NotFoundError(f"no event with id {event_id!r}")
        return found[event_id]

    @staticmethod
    def _filter_params(filter: EventFilter) -> dict[str, Any]:
        return {
            "actorId": filter.actor_id,
            "actorName": _search_text(filter.actor_name, "actorName"),
            "dateFrom": filter.date_from,
            "dateTo": filter.date_to,
            "types": list(filter.types) if filter.types else None,
            "statuses": list(filter.statuses) if filter.statuses else None,
            "text": _search_text(filter.text, "text"),
        }

    # -- actors ------------------------------------------------------------

    def actor_exists(self, actor_id: str) -> bool:
        return bool(self._single_value(ACTOR_EXISTS, "found", actorId=actor_id))

    def actors_by_ids(self, ids: Sequence[str]) -> dict[str, ActorRow]:
        ids = _ordered_unique(ids)
        if not ids:
            return {}
        rows = self._run(ACTORS_BY_IDS, ids=ids)
        return {row["actor"]["id"]: _actor(row["actor"], row["eventCount"]) for row in rows}

    def actor(self, actor_id: str) -> ActorRow:
        _check_id(actor_id, "id")
        found = self.actors_by_ids([actor_id])
        if actor_id not in found:
            raise NotFoundError(f"no actor with id {actor_id!r}")
        return found[actor_id]

    def actors(
        self, search: str | None = None, kind: str | None = None, *, first: int = 50, after: str | None = None,
    ) -> ActorPage:
        """Actors whose name or alias contains `search`, most involved first (offset cursor)."""
        check_page_size(first)
        skip = decode_offset_cursor(after) if after else 0
        rows = self._run(
            ACTORS_PAGE, search=_search_text(search, "search"), kind=kind, skip=skip, limit=first + 1,
        )
        page = _OffsetPage(rows, skip, first)
        edges = tuple(ActorEdge(cursor=cursor, actor=_actor(row["actor"], row["eventCount"])) for cursor, row in page.rows)
        return ActorPage(edges=edges, has_next_page=page.has_next, has_previous_page=page.has_previous)

    def count_actors(self, search: str | None = None, kind: str | None = None) -> int:
        return int(self._single_value(ACTORS_COUNT, "total", search=_search_text(search, "search"), kind=kind) or 0)

    def associates(self, actor_id: str, *, first: int = 20) -> list[AssociateRow]:
        """Who took part in the same events as this actor, most shared events first."""
        _check_id(actor_id, "actorId")
        check_page_size(first)
        rows = self._run(ASSOCIATES, actorId=actor_id, limit=first)
        return [AssociateRow(actor=_actor(row["actor"]), shared_event_ids=tuple(row["sharedEventIds"])) for row in rows]

    def affiliations(self, actor_id: str) -> list[AffiliationRow]:
        _check_id(actor_id, "actorId")
        rows = self._run(AFFILIATIONS, actorId=actor_id)
        affiliations = [
            AffiliationRow(
                subject=_actor(a["subject"]), relation=a.get("relation") or "AFFILIATED_WITH", object=_actor(a["object"]),
                quote=a.get("quote"), document_id=a.get("documentId"), start=a.get("start"), end=a.get("end"),
            )
            for row in rows for a in row["affiliations"]
        ]
        return sorted(affiliations, key=lambda a: (a.relation, a.subject.name, a.object.name))

    def mentions(self, actor_id: str, *, first: int = 50) -> list[MentionRow]:
        _check_id(actor_id, "actorId")
        check_page_size(first)
        rows = self._run(MENTIONS, actorId=actor_id, limit=first)
        return [
            MentionRow(
                actor_id=actor_id, document=_document(row["document"]), quote=row["mention"].get("quote") or "",
                start=row["mention"].get("start"), end=row["mention"].get("end"),
            )
            for row in rows
        ]

    # -- documents ---------------------------------------------------------

    def documents(self, *, first: int = 50, after: str | None = None) -> DocumentPage:
        check_page_size(first)
        skip = decode_offset_cursor(after) if after else 0
        page = _OffsetPage(self._run(DOCUMENTS_PAGE, skip=skip, limit=first + 1), skip, first)
        edges = tuple(DocumentEdge(cursor=cursor, document=_document(row["document"])) for cursor, row in page.rows)
        return DocumentPage(edges=edges, has_next_page=page.has_next, has_previous_page=page.has_previous)

    def count_documents(self) -> int:
        return int(self._single_value(DOCUMENTS_COUNT, "total") or 0)

    def documents_by_ids(self, ids: Sequence[str]) -> dict[str, DocumentRow]:
        ids = _ordered_unique(ids)
        if not ids:
            return {}
        return {row["document"]["id"]: _document(row["document"]) for row in self._run(DOCUMENTS_BY_IDS, ids=ids)}

    def document(self, document_id: str) -> DocumentRow:
        _check_id(document_id, "id")
        found = self.documents_by_ids([document_id])
        if document_id not in found:
            raise NotFoundError(f"no document with id {document_id!r}")
        return found[document_id]

    def document_text(self, document_id: str) -> str | None:
        return self._single_value(DOCUMENT_TEXT, "text", documentId=document_id)

    def document_events(self, document_id: str) -> list[EventRow]:
        return [_event(row["event"]) for row in self._run(DOCUMENT_EVENTS, documentId=document_id, undatedSortDate=UNDATED_SORT_DATE)]

    def document_actors(self, document_id: str) -> list[ActorRow]:
        return [_actor(row["actor"]) for row in self._run(DOCUMENT_ACTORS, documentId=document_id)]

    def near_duplicates(self, document_id: str) -> list[NearDuplicateRow]:
        return [
            NearDuplicateRow(document=_document(row["document"]), similarity=row["similarity"])
            for row in self._run(NEAR_DUPLICATES, documentId=document_id)
        ]

    # -- search, paths, stats ----------------------------------------------

    def search(self, query: str, *, first: int = 10) -> SearchResults:
        """Actors, events and evidence quotes containing the text (case-insensitive)."""
        text = _search_text(query, "query", required=True)
        check_page_size(first)
        actors = self._run(SEARCH_ACTORS, text=text, limit=first)
        events = self._run(SEARCH_EVENTS, text=text, limit=first, undatedSortDate=UNDATED_SORT_DATE)
        quotes = self._run(SEARCH_QUOTES, text=text, limit=first)
        return SearchResults(
            actors=tuple(_actor(row["actor"]) for row in actors),
            events=tuple(_event(row["event"]) for row in events),
            quotes=tuple(
                QuoteHit(event=_event(row["event"]), document=_document(row["document"]),
                         quote=row["quote"] or "", start=row["start"], end=row["end"])
                for row in quotes
            ),
        )

    def paths(self, from_actor_id: str, to_actor_id: str, *, max_hops: int = 4, first: int = 5) -> list[ActorPath]:
        """The shortest ways two actors are connected through events and affiliations."""
        _check_id(from_actor_id, "fromActorId")
        _check_id(to_actor_id, "toActorId")
        check_max_hops(max_hops)
        check_page_size(first)
        if from_actor_id == to_actor_id:
            raise InvalidArgumentError("'fromActorId' and 'toActorId' are the same actor; give two different actors")
        found = self.actors_by_ids([from_actor_id, to_actor_id])
        for argument, actor_id in (("fromActorId", from_actor_id), ("toActorId", to_actor_id)):
            if actor_id not in found:
                raise NotFoundError(f"'{argument}': no actor with id {actor_id!r}")
        rows = self._run(PATHS_BETWEEN_ACTORS[max_hops], fromId=from_actor_id, toId=to_actor_id, limit=first)
        return [
            ActorPath(
                nodes=tuple(
                    PathNode(event=_event(n["event"])) if n["isEvent"] else PathNode(actor=_actor(n["actor"]))
                    for n in row["nodes"]
                ),
                steps=tuple(
                    PathStep(type=s["type"], from_id=s["fromId"], to_id=s["toId"], role=s.get("role"), relation=s.get("relation"))
                    for s in row["steps"]
                ),
            )
            for row in rows
        ]

    def ping(self) -> bool:
        """One query, no retries: a probe must answer at once, not after the driver's 30 s of retrying."""
        self.round_trips += 1
        ROUND_TRIPS.increment()
        with self.graph.session(default_access_mode=READ_ACCESS) as session:
            record = session.run(PING).single()
        return record is not None and record["ok"] == 1

    def stats(self) -> GraphStats:
        def counts(rows: list[dict[str, Any]], key: str) -> tuple[CountRow, ...]:
            pairs = sorted(((str(r[key]), int(r["count"])) for r in rows), key=lambda p: (-p[1], p[0]))
            return tuple(CountRow(key=k, count=c) for k, c in pairs)

        dates = self._run(STATS_EVENT_DATES)
        dates_row = dates[0] if dates else {}
        return GraphStats(
            nodes_by_label=counts(self._run(COUNT_NODES_BY_LABEL), "label"),
            relationships_by_type=counts(self._run(COUNT_RELATIONSHIPS_BY_TYPE), "type"),
            events_by_type=counts(self._run(STATS_EVENTS_BY_TYPE), "key"),
            events_by_precision=counts(self._run(STATS_EVENTS_BY_PRECISION), "key"),
            undated_events=int(dates_row.get("undated") or 0),
            conflicting_events=int(dates_row.get("conflicting") or 0),
            earliest_date=dates_row.get("earliest"),
            latest_date=dates_row.get("latest"),
        )


def chronological_key(event: EventRow) -> tuple[int, date, date, str]:
    """The listings' order in Python: first possible day, last possible day, id; undated last."""
    start = event.date.start or event.date.end
    end = event.date.end or event.date.start
    if start is None or end is None:
        return (1, UNDATED_SORT_DATE, UNDATED_SORT_DATE, event.id)
    return (0, start, end, event.id)


def _sort_date(value: FuzzyDate | None) -> date:
    if value is None or not value.known:
        return UNDATED_SORT_DATE
    return value.start or value.end or UNDATED_SORT_DATE

