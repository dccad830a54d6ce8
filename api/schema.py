"""The GraphQL schema: queries a reporter asks, one mutation, and the limits that protect the graph.

`schema` is what the app serves; `schema_sdl()` is its SDL, kept in the repo as
schema.graphql (`write_schema_file()`, checked by a test).
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import strawberry
import structlog
from graphql import GraphQLError
from strawberry import Info
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.types.execution import ExecutionContext

from api.dates import NotCalendarDay, NotIsoDay, calendar_day
from api.errors import UNEXPECTED_ERROR_MESSAGE, LoadError, UserInputError, should_mask_error
from api.types import (
    DEFAULT_PAGE_SIZE,
    ActorConnection,
    AfterCursorArgument,
    ActorKind,
    ActorNode,
    DocumentConnection,
    DocumentNode,
    EventConnection,
    EventFilterInput,
    EventNode,
    EventOrder,
    EventTypesArgument,
    FromDayArgument,
    LoadDocumentInput,
    PageSizeArgument,
    SearchResults,
    Stats,
    ToDayArgument,
    event_connection,
)
from api.types import (
    Path as PathType,
)
from graph import reader
from graph.connection import Graph
from graph.reader import EventFilter

if TYPE_CHECKING:
    from loaders.pipeline import LoadReport

log = structlog.get_logger(__name__)

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"

# Limits on what one request may ask (each tested in tests/test_api_protection.py).
MAX_QUERY_DEPTH = 12  # Query.timeline.edges.node.participants.actor.timeline... stops here
MAX_ALIASES = 30
MAX_TOKENS = 5000  # GraphiQL's introspection query needs about 1,000

_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LOAD_FORMATS = {"text": ".txt", "markdown": ".md", "html": ".html"}


def _parse_date(value: object) -> date:
    """The Date scalar's input: exactly YYYY-MM-DD, a real calendar day."""
    try:
        return calendar_day(value)
    except NotIsoDay:
        raise GraphQLError(f"Date must be written YYYY-MM-DD (ISO 8601), got {value!r}") from None
    except NotCalendarDay as exc:
        raise GraphQLError(f"Date {value!r} is not a calendar day: {exc}") from None


DateScalar = strawberry.scalar(
    name="Date",
    description="A calendar day, ISO 8601: YYYY-MM-DD.",
    serialize=lambda value: value.isoformat(),
    parse_value=_parse_date,
)


def _timeline_filter(
    actor_id: str | None, actor_name: str | None, date_from: date | None, date_to: date | None,
    types: list | None,
) -> EventFilter:
    if (actor_id is None) == (actor_name is None or not actor_name.strip()):
        raise UserInputError("give exactly one of 'actorId' or 'actorName'")
    return EventFilter(
        actor_id=actor_id, actor_name=actor_name if actor_id is None else None,
        date_from=date_from, date_to=date_to, types=tuple(t.value for t in types) if types else None,
    )


@strawberry.type(description="Read the graph: timelines, events with their evidence, actors, documents, paths.")
class Query:
    @strawberry.field(description=(
        "An actor's events in date order, undated events last. Give actorId, or actorName to take the events of "
        "every actor whose name or alias contains that text."
    ))
    async def timeline(
        self, info: Info,
        actor_id: Annotated[strawberry.ID | None, strawberry.argument(description="Id of the actor.")] = None,
        actor_name: Annotated[str | None, strawberry.argument(description="Part of a name or alias (case-insensitive).")] = None,
        date_from: FromDayArgument = None,
        date_to: ToDayArgument = None,
        types: EventTypesArgument = None,
        first: PageSizeArgument = DEFAULT_PAGE_SIZE,
        after: AfterCursorArgument = None,
    ) -> EventConnection:
        event_filter = _timeline_filter(
            str(actor_id) if actor_id is not None else None, actor_name, date_from, date_to, types,
        )
        page = await info.context.read(info.context.reader.events, event_filter, first=first, after=after)
        return event_connection(info, event_filter, page)

    @strawberry.field(description="Events of the whole graph, filtered (e.g. a date range) and ordered by date.")
    async def events(
        self, info: Info,
        filter: Annotated[EventFilterInput | None, strawberry.argument(description="Which events.")] = None,
        order_by: Annotated[EventOrder, strawberry.argument(description="Oldest or newest first.")] = EventOrder.DATE_ASC,
        first: PageSizeArgument = DEFAULT_PAGE_SIZE,
        after: AfterCursorArgument = None,
    ) -> EventConnection:
        event_filter = filter.to_filter() if filter else EventFilter()
        order = reader.EventOrder(order_by.value)
        page = await info.context.read(info.context.reader.events, event_filter, order=order, first=first, after=after)
        return event_connection(info, event_filter, page)

    @strawberry.field(description="One event with its participants and evidence. An unknown id is an error.")
    async def event(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Event id.")]) -> EventNode | None:
        details = await info.context.read(info.context.reader.event, str(id))
        info.context.event_details.prime(details.event.id, details)
        return EventNode(row=details.event)

    @strawberry.field(description="Actors, most involved first; optionally those whose name or alias contains 'search'.")
    async def actors(
        self, info: Info,
        search: Annotated[str | None, strawberry.argument(description="Part of a name or alias (case-insensitive).")] = None,
        kind: Annotated[ActorKind | None, strawberry.argument(description="Only people or only organisations.")] = None,
        first: PageSizeArgument = DEFAULT_PAGE_SIZE,
        after: AfterCursorArgument = None,
    ) -> ActorConnection:
        kind_value = kind.value if kind else None
        context = info.context
        page = await context.read(context.reader.actors, search, kind_value, first=first, after=after)

        async def count() -> int:
            return await context.read(context.reader.count_actors, search, kind_value)

        return ActorConnection(page=page, count=count)

    @strawberry.field(description="One actor. An unknown id is an error.")
    async def actor(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Actor id.")]) -> ActorNode | None:
        return ActorNode(row=await info.context.read(info.context.reader.actor, str(id)))

    @strawberry.field(description="Documents, newest first.")
    async def documents(
        self, info: Info,
        first: PageSizeArgument = DEFAULT_PAGE_SIZE,
        after: AfterCursorArgument = None,
    ) -> DocumentConnection:
        context = info.context
        page = await context.read(context.reader.documents, first=first, after=after)

        async def count() -> int:
            return await context.read(context.reader.count_documents)

        return DocumentConnection(page=page, count=count)

    @strawberry.field(description="One document. An unknown id is an error.")
    async def document(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Document id.")]) -> DocumentNode | None:
        return DocumentNode(row=await info.context.read(info.context.reader.document, str(id)))

    @strawberry.field(description="Actors (by name or alias), events (by title or type) and evidence sentences containing the text.")
    async def search(
        self, info: Info,
        query: Annotated[str, strawberry.argument(description="The text to look for (case-insensitive).")],
        first: Annotated[int, strawberry.argument(description="At most this many of each kind, at most 200.")] = 10,
    ) -> SearchResults:
        return SearchResults(row=await info.context.read(info.context.reader.search, query, first=first))

    @strawberry.field(description=(
        "How two actors are connected through shared events and stated affiliations: the shortest paths, "
        "each as its ordered nodes and relationships."
    ))
    async def paths(
        self, info: Info,
        from_actor_id: Annotated[strawberry.ID, strawberry.argument(description="Id of the first actor.")],
        to_actor_id: Annotated[strawberry.ID, strawberry.argument(description="Id of the second actor.")],
        max_hops: Annotated[int, strawberry.argument(description="Longest path, in relationships (1 to 6).")] = 4,
        first: Annotated[int, strawberry.argument(description="At most this many paths.")] = 5,
    ) -> list[PathType]:
        rows = await info.context.read(
            info.context.reader.paths, str(from_actor_id), str(to_actor_id), max_hops=max_hops, first=first,
        )
        return [PathType(row=row) for row in rows]

    @strawberry.field(description="Counts of what the graph holds.")
    async def stats(self, info: Info) -> Stats:
        return Stats(row=await info.context.read(info.context.reader.stats))


@strawberry.type(description="The outcome of loading a document.")
class LoadDocumentResult:
    document: DocumentNode = strawberry.field(description="The document as stored.")
    unchanged: bool = strawberry.field(description="True when the same text was already loaded: nothing changed.")
    event_count: int = strawberry.field(description="Events extracted from the document.")
    actor_count: int = strawberry.field(description="Actors extracted from the document.")


@strawberry.type(description="Change the graph. Needs the API key (KG_API_KEY): 'Authorization: Bearer <key>' or 'X-API-Key'.")
class Mutation:
    @strawberry.mutation(description="Load one document through the same loaders as `kg load` (extraction, merging, writing).")
    async def load_document(
        self, info: Info, input: Annotated[LoadDocumentInput, strawberry.argument(description="The document and its metadata.")],
    ) -> LoadDocumentResult:
        info.context.require_api_key()
        graph = info.context.reader.graph
        # Extraction takes seconds: it runs outside the read budget, which starts afresh after it.
        document_id, report = await asyncio.to_thread(load_document_text, graph, input)
        info.context.restart_budget()
        document = await info.context.read(info.context.reader.document, document_id)
        return LoadDocumentResult(
            document=DocumentNode(row=document), unchanged=bool(report.unchanged) and not report.loaded,
            event_count=len(report.event_ids), actor_count=len(report.actor_ids),
        )


def load_document_text(graph: Graph, document: LoadDocumentInput) -> tuple[str, LoadReport]:
    """Write the text to a temporary file and run `loaders.pipeline.load_paths` on it; returns (document id, report)."""
    from loaders.documents import DocumentError, read_document
    from loaders.pipeline import load_paths

    suffix = _LOAD_FORMATS.get(document.format.lower())
    if suffix is None:
        raise UserInputError(f"'format' must be one of {', '.join(_LOAD_FORMATS)}, got {document.format!r}")
    if not document.text.strip():
        raise UserInputError("'text' is empty")
    if document.published is not None and not _ISO_PREFIX.match(document.published):
        raise UserInputError(f"'published' must be YYYY, YYYY-MM or YYYY-MM-DD, got {document.published!r}")
    metadata = {"title": document.title, "published": document.published, "url": document.url, "publisher": document.publisher}
    with tempfile.TemporaryDirectory(prefix="kg-load-") as folder:
        path = Path(folder) / f"document{suffix}"
        path.write_text(document.text, encoding="utf-8")
        try:
            document_id = read_document(path, **metadata).id
        except DocumentError as exc:
            raise LoadError(f"the document cannot be loaded: {exc.reason}") from None
        report = load_paths(graph, [path], **metadata)
    if report.failed:
        raise LoadError("the document cannot be loaded: " + "; ".join(reason for _, reason in report.failed))
    return document_id, report


class GraphSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # Unexpected errors are logged with their traceback where they are masked
        # (api.errors.should_mask_error); the client's own mistakes only at debug level.
        for error in errors:
            log.debug("graphql.request_error", message=error.message, path=error.path)


schema = GraphSchema(
    query=Query,
    mutation=Mutation,
    scalar_overrides={date: DateScalar},
    # Factories: each request gets fresh extension instances.
    extensions=[
        lambda: QueryDepthLimiter(max_depth=MAX_QUERY_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: MaskErrors(should_mask_error=should_mask_error, error_message=UNEXPECTED_ERROR_MESSAGE),
    ],
)


def schema_sdl() -> str:
    return schema.as_str() + "\n"


def write_schema_file(path: Path = SCHEMA_FILE) -> Path:
    """Write the SDL to schema.graphql (run after changing any type: `python -m api.schema`)."""
    path.write_text(schema_sdl(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write_schema_file()}")
