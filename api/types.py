"""GraphQL types: events, actors, documents and the evidence that ties them together.

Objects wrap the reader's rows; fields that need more of the graph load it
through the request's batching loaders (`info.context`), never with Cypher.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry import Info

from api.dates import display
from graph import reader
from graph.reader import (
    ActorPage,
    ActorPath,
    ActorRow,
    AffiliationRow,
    AssociateRow,
    CountRow,
    DocumentPage,
    DocumentRow,
    EventFilter,
    EventPage,
    EventRow,
    EvidenceRow,
    GraphStats,
    MentionRow,
    NearDuplicateRow,
    QuoteHit,
)
from loaders import records
from loaders.taxonomy import load_taxonomy

DEFAULT_PAGE_SIZE = 50

# ---------------------------------------------------------------- enums


@strawberry.enum(description="How exactly a date is known.")
class DatePrecision(Enum):
    DAY = strawberry.enum_value("DAY", description="One known day (start = end).")
    MONTH = strawberry.enum_value("MONTH", description="A calendar month: start is its first day, end its last.")
    YEAR = strawberry.enum_value("YEAR", description="A calendar year.")
    DECADE = strawberry.enum_value("DECADE", description="A decade such as the 1960s.")
    RANGE = strawberry.enum_value(
        "RANGE", description="Somewhere between two known days (also: sources that disagree, spanned)."
    )
    BOUND = strawberry.enum_value(
        "BOUND", description="Only one side is known: 'before <end>' (no start) or 'after <start>' (no end)."
    )
    UNKNOWN = strawberry.enum_value("UNKNOWN", description="No date known; start and end are null.")


@strawberry.enum(description="Whether the event happened, is planned, expected, only alleged, or denied.")
class EventStatus(Enum):
    OCCURRED = strawberry.enum_value("OCCURRED", description="Reported as having happened.")
    SCHEDULED = strawberry.enum_value("SCHEDULED", description="Set for a date in the future.")
    EXPECTED = strawberry.enum_value("EXPECTED", description="Expected, without a fixed date.")
    ALLEGED = strawberry.enum_value("ALLEGED", description="Claimed by someone (prosecutors, a lawsuit), not established.")
    NEGATED = strawberry.enum_value("NEGATED", description="Reported as not having happened.")


@strawberry.enum(description="Whether an actor is a person or an organisation.")
class ActorKind(Enum):
    PERSON = strawberry.enum_value("PERSON", description="A person.")
    ORGANIZATION = strawberry.enum_value("ORGANIZATION", description="A company, agency, court, newsroom, ...")


@strawberry.enum(description="Order of an event listing. Undated events always come last.")
class EventOrder(Enum):
    DATE_ASC = strawberry.enum_value("DATE_ASC", description="Oldest first.")
    DATE_DESC = strawberry.enum_value("DATE_DESC", description="Newest first.")


def _event_type_enum() -> type[Enum]:
    """EventType's values are the taxonomy's type names (loaders/taxonomy.yaml): one place to add a type."""
    taxonomy = load_taxonomy()
    members = {
        name: strawberry.enum_value(
            name, description=f"Titled like: {spec.title.replace('{', '<').replace('}', '>')}"
        )
        for name, spec in taxonomy.types.items()
    }
    enum_class = Enum("EventType", members)  # type: ignore[misc]
    return strawberry.enum(
        enum_class, name="EventType",
        description="The kind of event, from the event taxonomy (loaders/taxonomy.yaml).",
    )


EventType = _event_type_enum()

# Arguments several fields take, declared once so their names and descriptions agree.
PageSizeArgument = Annotated[int, strawberry.argument(description="Page size, at most 200.")]
AfterCursorArgument = Annotated[str | None, strawberry.argument(description="endCursor of the previous page.")]
FromDayArgument = Annotated[date | None, strawberry.argument(name="from", description="Keep events that reach this day or later.")]
ToDayArgument = Annotated[date | None, strawberry.argument(name="to", description="Keep events that reach this day or earlier.")]
EventTypesArgument = Annotated[list[EventType] | None, strawberry.argument(description="Keep only these event types.")]  # type: ignore[valid-type]


def event_type_of(name: str) -> Enum:
    """A stored type name as the enum; a type the taxonomy no longer lists reads as OTHER."""
    try:
        return EventType[name]  # type: ignore[index]
    except KeyError:
        return EventType["OTHER"]  # type: ignore[index]


def _member(enum_class: type[Enum], value: str | None, fallback: str) -> Enum:
    try:
        return enum_class[value or fallback]
    except KeyError:
        return enum_class[fallback]


# ---------------------------------------------------------------- dates


@strawberry.type(name="FuzzyDate", description="A date known to some precision: an interval of days, possibly open on one side.")
class FuzzyDateNode:
    value: strawberry.Private[records.FuzzyDate]

    @strawberry.field(description="First possible day (null when unknown or open: 'before ...').")
    def start(self) -> date | None:
        return self.value.start

    @strawberry.field(description="Last possible day (null when unknown or open: 'after ...').")
    def end(self) -> date | None:
        return self.value.end

    @strawberry.field(description="How exactly the date is known.")
    def precision(self) -> DatePrecision:
        return DatePrecision[self.value.precision.value]

    @strawberry.field(description="The words the source used ('in late October', 'a week before his death'), when known.")
    def text(self) -> str | None:
        return self.value.text

    @strawberry.field(description="Human rendering: '28 Oct 2023', 'Oct 2023', '1960s', 'before 21 Oct 2023', 'date unknown'.")
    def display(self) -> str:
        return display(self.value)


def fuzzy(value: records.FuzzyDate | None) -> FuzzyDateNode | None:
    return FuzzyDateNode(value=value) if value is not None else None


# ---------------------------------------------------------------- pagination


@strawberry.type(description="Where a page sits in its listing (Relay cursor connections).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when more items follow; pass endCursor as 'after' to get them.")
    has_previous_page: bool = strawberry.field(description="True when this page was asked for with 'after'.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item of this page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last item: pass it as 'after' for the next page.")


def _page_info(cursors: list[str], has_next: bool, has_previous: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next, has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None, end_cursor=cursors[-1] if cursors else None,
    )


# ---------------------------------------------------------------- events


@strawberry.type(name="Event", description=(
    "Something that happened (or is scheduled, alleged, denied) with a date known to some precision, "
    "who took part, and the sentences of the sources that say so."
))
class EventNode:
    row: strawberry.Private[EventRow]

    @strawberry.field(description="Stable id of the event.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field(description="The kind of event (taxonomy type).")
    def type(self) -> EventType:  # type: ignore[valid-type]
        return event_type_of(self.row.type)

    @strawberry.field(description="Whether it happened, is expected, alleged or denied.")
    def status(self) -> EventStatus:
        return _member(EventStatus, self.row.status, "OCCURRED")  # type: ignore[return-value]

    @strawberry.field(description="A short title, e.g. 'Death of Mara Quill'.")
    def title(self) -> str:
        return self.row.title

    @strawberry.field(description="When it happened, consolidated from every source's claim.")
    def date(self) -> FuzzyDateNode:
        return FuzzyDateNode(value=self.row.date)

    @strawberry.field(description="True when no source gives a date: such events come last in every listing.")
    def undated(self) -> bool:
        return self.row.undated

    @strawberry.field(description="True when sources give dates that cannot all be right; see each evidence's date.")
    def date_conflict(self) -> bool:
        return self.row.date_conflict

    @strawberry.field(description="How sure the extraction was that this is an event of this type (0..1).")
    def confidence(self) -> float | None:
        return self.row.confidence

    @strawberry.field(description="Who took part, and in which role.")
    async def participants(self, info: Info) -> list[Participant]:
        details = await info.context.event_details.load(self.row.id)
        return [Participant(actor=ActorNode(row=p.actor), role=p.role) for p in details.participants]

    @strawberry.field(description="Every sentence that states this event, with its document and the date that source claims.")
    async def evidence(self, info: Info) -> list[Evidence]:
        details = await info.context.event_details.load(self.row.id)
        return [Evidence(row=ev) for ev in details.evidence]

    @strawberry.field(description="How many distinct documents report the event.")
    async def source_count(self, info: Info) -> int:
        return (await info.context.event_details.load(self.row.id)).source_count

    @strawberry.field(description=(
        "How many independent sources report it: documents that are near-duplicates of each other "
        "(NEAR_DUPLICATE_OF) count once."
    ))
    async def independent_source_count(self, info: Info) -> int:
        return (await info.context.event_details.load(self.row.id)).independent_source_count


@strawberry.type(description="An actor's part in an event.")
class Participant:
    actor: ActorNode = strawberry.field(description="Who took part.")
    role: str = strawberry.field(description="Their role, from the taxonomy (e.g. DECEASED, DEFENDANT, AGENT).")


@strawberry.type(description="A date given relative to another event ('more than a week before his death').")
class DateAnchor:
    event_id: strawberry.ID = strawberry.field(description="Id of the event the date is relative to.")
    min_offset_days: int | None = strawberry.field(description="Earliest offset in days from that event (null: open).")
    max_offset_days: int | None = strawberry.field(description="Latest offset in days from that event (null: open).")

    @strawberry.field(description="The event the date is relative to (null if it is no longer in the graph).")
    async def event(self, info: Info) -> EventNode | None:
        try:
            details = await info.context.event_details.load(str(self.event_id))
        except reader.NotFoundError:
            return None
        return EventNode(row=details.event)


@strawberry.type(description="One sentence of one document that states an event, and the date that source gives.")
class Evidence:
    row: strawberry.Private[EvidenceRow]

    @strawberry.field(description="The document the sentence comes from.")
    def document(self) -> DocumentNode:
        return DocumentNode(row=self.row.document)

    @strawberry.field(description="The sentence, exactly as in the document text.")
    def quote(self) -> str:
        return self.row.quote

    @strawberry.field(description="Character offset where the sentence starts in the document's text.")
    def start(self) -> int | None:
        return self.row.start

    @strawberry.field(description="Character offset just after the sentence ends in the document's text.")
    def end(self) -> int | None:
        return self.row.end

    @strawberry.field(description="The date this source claims for the event (compare with Event.date when dateConflict).")
    def date(self) -> FuzzyDateNode:
        return FuzzyDateNode(value=self.row.claim)

    @strawberry.field(description="When the source dates the event relative to another event, that anchor.")
    def anchor(self) -> DateAnchor | None:
        if not self.row.anchor_event_id:
            return None
        return DateAnchor(
            event_id=strawberry.ID(self.row.anchor_event_id),
            min_offset_days=self.row.anchor_min_offset_days, max_offset_days=self.row.anchor_max_offset_days,
        )


@strawberry.type(description="An event in a listing, with its cursor.")
class EventEdge:
    cursor: str = strawberry.field(description="Opaque position of this event; pass as 'after' to continue after it.")
    node: EventNode = strawberry.field(description="The event.")


@strawberry.type(description="A page of events in date order (undated events last).")
class EventConnection:
    page: strawberry.Private[EventPage]
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="The events of this page with their cursors.")
    def edges(self) -> list[EventEdge]:
        return [EventEdge(cursor=e.cursor, node=EventNode(row=e.event)) for e in self.page.edges]

    @strawberry.field(description="Cursors and whether more pages follow.")
    def page_info(self) -> PageInfo:
        return _page_info([e.cursor for e in self.page.edges], self.page.has_next_page, self.page.has_previous_page)

    @strawberry.field(description="How many events the whole listing holds (all pages).")
    async def total_count(self) -> int:
        return await self.count()


def event_connection(info: Info, filter: EventFilter, page: EventPage) -> EventConnection:
    async def count() -> int:
        return await info.context.read(info.context.reader.count_events, filter)

    return EventConnection(page=page, count=count)


# ---------------------------------------------------------------- actors


@strawberry.type(name="Actor", description="A person or organisation that takes part in events.")
class ActorNode:
    row: strawberry.Private[ActorRow]

    @strawberry.field(description="Stable id of the actor.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field(description="The name the first source used.")
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="Person or organisation.")
    def kind(self) -> ActorKind:
        return _member(ActorKind, self.row.kind, "PERSON")  # type: ignore[return-value]

    @strawberry.field(description="Other names the sources used.")
    def aliases(self) -> list[str]:
        return list(self.row.aliases)

    @strawberry.field(description="A short description, when a source gave one.")
    def description(self) -> str | None:
        return self.row.description

    @strawberry.field(description="How many distinct events the actor took part in.")
    async def event_count(self, info: Info) -> int:
        if self.row.event_count is not None:
            return self.row.event_count
        loaded = await info.context.actors.load(self.row.id)
        return loaded.event_count or 0

    @strawberry.field(description="The actor's events in date order (undated last), optionally filtered.")
    async def timeline(
        self, info: Info,
        date_from: FromDayArgument = None,
        date_to: ToDayArgument = None,
        types: EventTypesArgument = None,
        first: PageSizeArgument = DEFAULT_PAGE_SIZE,
        after: AfterCursorArgument = None,
    ) -> EventConnection:
        event_filter = EventFilter(
            actor_id=self.row.id, date_from=date_from, date_to=date_to,
            types=tuple(t.value for t in types) if types else None,
        )
        page = await info.context.read(info.context.reader.events, event_filter, first=first, after=after)
        return event_connection(info, event_filter, page)

    @strawberry.field(description="Actors who took part in the same events, most shared events first.")
    async def associates(
        self, info: Info,
        first: Annotated[int, strawberry.argument(description="How many, at most 200.")] = 10,
    ) -> list[Associate]:
        rows = await info.context.read(info.context.reader.associates, self.row.id, first=first)
        return [Associate(row=row) for row in rows]

    @strawberry.field(description="Stated relations to other actors (works at, assistant of, ...), in either direction.")
    async def affiliations(self, info: Info) -> list[Affiliation]:
        rows = await info.context.read(info.context.reader.affiliations, self.row.id)
        return [Affiliation(row=row) for row in rows]

    @strawberry.field(description="Sentences that name the actor, newest document first.")
    async def mentions(
        self, info: Info,
        first: Annotated[int, strawberry.argument(description="How many, at most 200.")] = DEFAULT_PAGE_SIZE,
    ) -> list[Mention]:
        rows = await info.context.read(info.context.reader.mentions, self.row.id, first=first)
        return [Mention(row=row) for row in rows]


@strawberry.type(description="An actor who shares events with another one.")
class Associate:
    row: strawberry.Private[AssociateRow]

    @strawberry.field(description="The other actor.")
    def actor(self) -> ActorNode:
        return ActorNode(row=self.row.actor)

    @strawberry.field(description="How many events both took part in.")
    def shared_event_count(self) -> int:
        return self.row.shared_event_count

    @strawberry.field(description="The events both took part in, in date order (undated last).")
    async def shared_events(self, info: Info) -> list[EventNode]:
        details = await info.context.event_details.load_many(list(self.row.shared_event_ids))
        events = sorted((d.event for d in details), key=reader.chronological_key)
        return [EventNode(row=e) for e in events]


@strawberry.type(description="A stated relation between two actors: subject RELATION object ('A WORKS_AT B').")
class Affiliation:
    row: strawberry.Private[AffiliationRow]

    @strawberry.field(description="The actor the relation is stated about.")
    def subject(self) -> ActorNode:
        return ActorNode(row=self.row.subject)

    @strawberry.field(description="The relation: WORKS_AT, RUNS, ASSISTANT_OF, FAMILY_OF, OWNS, ...")
    def relation(self) -> str:
        return self.row.relation

    @strawberry.field(name="object", description="The other actor.")
    def object_(self) -> ActorNode:
        return ActorNode(row=self.row.object)

    @strawberry.field(description="The sentence that states it.")
    def quote(self) -> str | None:
        return self.row.quote

    @strawberry.field(description="Character offset of the sentence in the document's text.")
    def start(self) -> int | None:
        return self.row.start

    @strawberry.field(description="Character offset just after the sentence.")
    def end(self) -> int | None:
        return self.row.end

    @strawberry.field(description="The document that states it.")
    async def document(self, info: Info) -> DocumentNode | None:
        if not self.row.document_id:
            return None
        try:
            return DocumentNode(row=await info.context.documents.load(self.row.document_id))
        except reader.NotFoundError:
            return None


@strawberry.type(description="A sentence of a document that names an actor.")
class Mention:
    row: strawberry.Private[MentionRow]

    @strawberry.field(description="The document.")
    def document(self) -> DocumentNode:
        return DocumentNode(row=self.row.document)

    @strawberry.field(description="The sentence that mentions the actor, exactly as in the text.")
    def quote(self) -> str:
        return self.row.quote

    @strawberry.field(description="Character offset in the document's text.")
    def start(self) -> int | None:
        return self.row.start

    @strawberry.field(description="Character offset just after the quote.")
    def end(self) -> int | None:
        return self.row.end


@strawberry.type(description="An actor in a listing, with its cursor.")
class ActorEdge:
    cursor: str = strawberry.field(description="Opaque position; pass as 'after' to continue after it.")
    node: ActorNode = strawberry.field(description="The actor.")


@strawberry.type(description="A page of actors, most involved (most events) first.")
class ActorConnection:
    page: strawberry.Private[ActorPage]
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="The actors of this page with their cursors.")
    def edges(self) -> list[ActorEdge]:
        return [ActorEdge(cursor=e.cursor, node=ActorNode(row=e.actor)) for e in self.page.edges]

    @strawberry.field(description="Cursors and whether more pages follow.")
    def page_info(self) -> PageInfo:
        return _page_info([e.cursor for e in self.page.edges], self.page.has_next_page, self.page.has_previous_page)

    @strawberry.field(description="How many actors match in all.")
    async def total_count(self) -> int:
        return await self.count()


# ---------------------------------------------------------------- documents


@strawberry.type(name="Document", description="A source: a news article, a filing, a reporter's timeline file.")
class DocumentNode:
    row: strawberry.Private[DocumentRow]

    @strawberry.field(description="Stable id of the document.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field(description="Headline or title.")
    def title(self) -> str | None:
        return self.row.title

    @strawberry.field(description="Where it was published, when known.")
    def url(self) -> str | None:
        return self.row.url

    @strawberry.field(description="Who published it.")
    def publisher(self) -> str | None:
        return self.row.publisher

    @strawberry.field(description="When it was published, to the precision known (null: not stated).")
    def published_at(self) -> FuzzyDateNode | None:
        return fuzzy(self.row.published)

    @strawberry.field(description="Language code (ISO 639-1).")
    def language(self) -> str | None:
        return self.row.language

    @strawberry.field(description="What it was loaded from: text, markdown, html, or timeline-csv / timeline-json for a reporter's timeline.")
    def format(self) -> str | None:
        return self.row.format

    @strawberry.field(description="Path of the file it was loaded from.")
    def path(self) -> str | None:
        return self.row.path

    @strawberry.field(description="When this version was loaded into the graph.")
    def loaded_at(self) -> datetime | None:
        return self.row.loaded_at

    @strawberry.field(description="The full text; every evidence and mention offset indexes into it.")
    async def text(self, info: Info) -> str | None:
        return await info.context.read(info.context.reader.document_text, self.row.id)

    @strawberry.field(description="The events this document reports, in date order (undated last).")
    async def events(self, info: Info) -> list[EventNode]:
        rows = await info.context.read(info.context.reader.document_events, self.row.id)
        return [EventNode(row=row) for row in rows]

    @strawberry.field(description="Actors the document names or whose events it reports.")
    async def actors(self, info: Info) -> list[ActorNode]:
        rows = await info.context.read(info.context.reader.document_actors, self.row.id)
        return [ActorNode(row=row) for row in rows]

    @strawberry.field(description="Documents that repeat this one almost word for word (either direction).")
    async def near_duplicates(self, info: Info) -> list[NearDuplicate]:
        rows = await info.context.read(info.context.reader.near_duplicates, self.row.id)
        return [NearDuplicate(row=row) for row in rows]


@strawberry.type(description="A document that is a near-copy of another one.")
class NearDuplicate:
    row: strawberry.Private[NearDuplicateRow]

    @strawberry.field(description="The other document.")
    def document(self) -> DocumentNode:
        return DocumentNode(row=self.row.document)

    @strawberry.field(description="How similar the texts are (0..1).")
    def similarity(self) -> float | None:
        return self.row.similarity


@strawberry.type(description="A document in a listing, with its cursor.")
class DocumentEdge:
    cursor: str = strawberry.field(description="Opaque position; pass as 'after' to continue after it.")
    node: DocumentNode = strawberry.field(description="The document.")


@strawberry.type(description="A page of documents, newest first (undated last).")
class DocumentConnection:
    page: strawberry.Private[DocumentPage]
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="The documents of this page with their cursors.")
    def edges(self) -> list[DocumentEdge]:
        return [DocumentEdge(cursor=e.cursor, node=DocumentNode(row=e.document)) for e in self.page.edges]

    @strawberry.field(description="Cursors and whether more pages follow.")
    def page_info(self) -> PageInfo:
        return _page_info([e.cursor for e in self.page.edges], self.page.has_next_page, self.page.has_previous_page)

    @strawberry.field(description="How many documents the graph holds.")
    async def total_count(self) -> int:
        return await self.count()


# ---------------------------------------------------------------- search, paths, stats


@strawberry.type(description="An evidence sentence that contains the searched text.")
class QuoteMatch:
    row: strawberry.Private[QuoteHit]

    @strawberry.field(description="The event the sentence states.")
    def event(self) -> EventNode:
        return EventNode(row=self.row.event)

    @strawberry.field(description="The document the sentence comes from.")
    def document(self) -> DocumentNode:
        return DocumentNode(row=self.row.document)

    @strawberry.field(description="The sentence.")
    def quote(self) -> str:
        return self.row.quote

    @strawberry.field(description="Character offset in the document's text.")
    def start(self) -> int | None:
        return self.row.start

    @strawberry.field(description="Character offset just after the sentence.")
    def end(self) -> int | None:
        return self.row.end


@strawberry.type(description="What a text search found: actors by name or alias, events by title or type, evidence by wording.")
class SearchResults:
    row: strawberry.Private[reader.SearchResults]

    @strawberry.field(description="Actors whose name or an alias contains the text.")
    def actors(self) -> list[ActorNode]:
        return [ActorNode(row=a) for a in self.row.actors]

    @strawberry.field(description="Events whose title or type contains the text, in date order.")
    def events(self) -> list[EventNode]:
        return [EventNode(row=e) for e in self.row.events]

    @strawberry.field(description="Evidence sentences that contain the text.")
    def quotes(self) -> list[QuoteMatch]:
        return [QuoteMatch(row=q) for q in self.row.quotes]


PathNode = Annotated[
    ActorNode | EventNode,
    strawberry.union("PathNode", description="A node on a path: an actor or an event."),
]


@strawberry.type(description="One relationship of a path, in its stored direction.")
class PathRelationship:
    type: str = strawberry.field(description="PARTICIPATED_IN (actor → event) or AFFILIATED_WITH (actor → actor).")
    from_id: strawberry.ID = strawberry.field(description="Id of the node it starts at.")
    to_id: strawberry.ID = strawberry.field(description="Id of the node it points to.")
    role: str | None = strawberry.field(description="For PARTICIPATED_IN: the actor's role in the event.")
    relation: str | None = strawberry.field(description="For AFFILIATED_WITH: the relation (WORKS_AT, ...).")


@strawberry.type(description="How two actors are connected: nodes from the first actor to the second, and the relationships between them.")
class Path:
    row: strawberry.Private[ActorPath]

    @strawberry.field(description="Number of relationships on the path.")
    def length(self) -> int:
        return self.row.length

    @strawberry.field(description="Actors and events in order, from the first actor to the second.")
    def nodes(self) -> list[PathNode]:  # type: ignore[valid-type]
        return [ActorNode(row=n.actor) if n.actor else EventNode(row=n.event) for n in self.row.nodes]  # type: ignore[arg-type]

    @strawberry.field(description="The relationships between consecutive nodes (relationships[i] joins nodes[i] and nodes[i+1]).")
    def relationships(self) -> list[PathRelationship]:
        return [
            PathRelationship(
                type=s.type, from_id=strawberry.ID(s.from_id), to_id=strawberry.ID(s.to_id), role=s.role, relation=s.relation,
            )
            for s in self.row.steps
        ]


@strawberry.type(description="A count for one key (a label, a relationship type, an event type, a precision).")
class Count:
    key: str = strawberry.field(description="What is counted.")
    count: int = strawberry.field(description="How many.")


def _counts(rows: tuple[CountRow, ...]) -> list[Count]:
    return [Count(key=r.key, count=r.count) for r in rows]


@strawberry.type(description="What the graph holds.")
class Stats:
    row: strawberry.Private[GraphStats]

    def _label(self, key: str) -> int:
        return next((r.count for r in self.row.nodes_by_label if r.key == key), 0)

    @strawberry.field(description="Number of events.")
    def events(self) -> int:
        return self._label("Event")

    @strawberry.field(description="Number of actors (people and organisations).")
    def actors(self) -> int:
        return self._label("Actor")

    @strawberry.field(description="Number of people.")
    def people(self) -> int:
        return self._label("Person")

    @strawberry.field(description="Number of organisations.")
    def organizations(self) -> int:
        return self._label("Organization")

    @strawberry.field(description="Number of documents.")
    def documents(self) -> int:
        return self._label("Document")

    @strawberry.field(description="Number of evidence sentences (REPORTED_IN relationships).")
    def evidence(self) -> int:
        return next((r.count for r in self.row.relationships_by_type if r.key == "REPORTED_IN"), 0)

    @strawberry.field(description="Events without any date.")
    def undated_events(self) -> int:
        return self.row.undated_events

    @strawberry.field(description="Events whose sources disagree on the date.")
    def conflicting_events(self) -> int:
        return self.row.conflicting_events

    @strawberry.field(description="The earliest day any event may have happened on.")
    def earliest_date(self) -> date | None:
        return self.row.earliest_date

    @strawberry.field(description="The latest day any event may have happened on.")
    def latest_date(self) -> date | None:
        return self.row.latest_date

    @strawberry.field(description="Node counts per label.")
    def nodes_by_label(self) -> list[Count]:
        return _counts(self.row.nodes_by_label)

    @strawberry.field(description="Relationship counts per type.")
    def relationships_by_type(self) -> list[Count]:
        return _counts(self.row.relationships_by_type)

    @strawberry.field(description="Event counts per event type.")
    def events_by_type(self) -> list[Count]:
        return _counts(self.row.events_by_type)

    @strawberry.field(description="Event counts per date precision.")
    def events_by_precision(self) -> list[Count]:
        return _counts(self.row.events_by_precision)


# ---------------------------------------------------------------- inputs


@strawberry.input(name="EventFilter", description="Which events to list. Every field is optional; all given fields must hold.")
class EventFilterInput:
    actor_id: strawberry.ID | None = strawberry.field(default=None, description="Events this actor took part in.")
    actor_name: str | None = strawberry.field(
        default=None, description="Events of any actor whose name or alias contains this text (case-insensitive)."
    )
    date_from: date | None = strawberry.field(default=None, name="from", description="Events that reach this day or later (undated events drop out).")
    date_to: date | None = strawberry.field(default=None, name="to", description="Events that reach this day or earlier (undated events drop out).")
    types: list[EventType] | None = strawberry.field(default=None, description="Only these event types.")  # type: ignore[valid-type]
    statuses: list[EventStatus] | None = strawberry.field(default=None, description="Only these statuses.")
    text: str | None = strawberry.field(default=None, description="Words in the title or type (case-insensitive).")

    def to_filter(self) -> EventFilter:
        return EventFilter(
            actor_id=str(self.actor_id) if self.actor_id is not None else None,
            actor_name=self.actor_name, date_from=self.date_from, date_to=self.date_to,
            types=tuple(t.value for t in self.types) if self.types else None,
            statuses=tuple(s.value for s in self.statuses) if self.statuses else None,
            text=self.text,
        )


@strawberry.input(description="A document to load, as text, with what is known about it.")
class LoadDocumentInput:
    text: str = strawberry.field(description="The document's text (plain text, Markdown or HTML, see 'format').")
    title: str | None = strawberry.field(default=None, description="Headline (default: the first line).")
    url: str | None = strawberry.field(default=None, description="Where it was published; also makes its id stable.")
    publisher: str | None = strawberry.field(default=None, description="Who published it.")
    published: str | None = strawberry.field(default=None, description="When it was published: YYYY, YYYY-MM or YYYY-MM-DD.")
    format: str = strawberry.field(default="text", description="text, markdown or html.")

