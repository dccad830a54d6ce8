"""Named read queries for looking at what was written: one node or event in detail,
and the analysts' ready queries that docs/schema.md prints. (Plus one deliberate
write, `create_bare_event`, which shows the unique constraint refusing a duplicate.)

Values come back as plain Python (`datetime.date`, not `neo4j.time.Date`).
"""

from __future__ import annotations

from typing import Any

from graph.connection import Graph
from graph.values import native
from graph.ready_queries import READY_QUERIES_BY_NAME

# One event's properties.
READ_EVENT = "MATCH (e:Event {id: $id}) RETURN properties(e) AS properties"

# Every event, in date order (undated last).
READ_EVENTS = """
MATCH (e:Event)
RETURN properties(e) AS properties
ORDER BY e.startDate, e.id
"""

# One document's properties.
READ_DOCUMENT = "MATCH (d:Document {id: $id}) RETURN properties(d) AS properties"

# Every document's id, title and url.
READ_DOCUMENTS = """
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.url AS url, d.format AS format
ORDER BY d.id
"""

# One actor's properties and labels.
READ_ACTOR = "MATCH (a:Actor {id: $id}) RETURN properties(a) AS properties, labels(a) AS labels"

# Every REPORTED_IN claim about one event, with the document it cites.
READ_EVENT_CLAIMS = """
MATCH (e:Event {id: $id})-[r:REPORTED_IN]->(d:Document)
RETURN d.id AS documentId, properties(r) AS properties
ORDER BY d.id, r.start
"""

# Who took part in one event, in which role, according to which documents.
READ_EVENT_PARTICIPANTS = """
MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event {id: $id})
RETURN a.id AS actorId, a.name AS name, p.role AS role, p.documentIds AS documentIds
ORDER BY a.name, p.role
"""

# The mentions of actors in one document.
READ_DOCUMENT_MENTIONS = """
MATCH (a:Actor)-[m:MENTIONED_IN]->(d:Document {id: $id})
RETURN a.id AS actorId, m.start AS start, m.end AS end, m.quote AS quote
ORDER BY m.start, a.id
"""


def _rows(graph: Graph, query: str, **parameters: Any) -> list[dict[str, Any]]:
    with graph.session() as session:
        return [native(record.data()) for record in session.run(query, **parameters)]


def event(graph: Graph, event_id: str) -> dict[str, Any] | None:
    """The event's properties, or None."""
    rows = _rows(graph, READ_EVENT, id=event_id)
    return rows[0]["properties"] if rows else None


def events(graph: Graph) -> list[dict[str, Any]]:
    """Every event's properties, earliest first."""
    return [row["properties"] for row in _rows(graph, READ_EVENTS)]


def document(graph: Graph, document_id: str) -> dict[str, Any] | None:
    """The document's properties, or None."""
    rows = _rows(graph, READ_DOCUMENT, id=document_id)
    return rows[0]["properties"] if rows else None


def documents(graph: Graph) -> list[dict[str, Any]]:
    """Every document: id, title, url, format."""
    return _rows(graph, READ_DOCUMENTS)


def actor(graph: Graph, actor_id: str) -> dict[str, Any] | None:
    """The actor's properties plus a sorted "labels" list, or None."""
    rows = _rows(graph, READ_ACTOR, id=actor_id)
    if not rows:
        return None
    return {**rows[0]["properties"], "labels": sorted(rows[0]["labels"])}


def event_claims(graph: Graph, event_id: str) -> list[dict[str, Any]]:
    """The event's REPORTED_IN edges: their properties plus documentId."""
    rows = _rows(graph, READ_EVENT_CLAIMS, id=event_id)
    return [{**row["properties"], "documentId": row["documentId"]} for row in rows]


def event_participants(graph: Graph, event_id: str) -> list[dict[str, Any]]:
    """The event's participants: actorId, name, role, documentIds."""
    return _rows(graph, READ_EVENT_PARTICIPANTS, id=event_id)


def document_mentions(graph: Graph, document_id: str) -> list[dict[str, Any]]:
    """The actor mentions in a document: actorId, start, end, quote."""
    return _rows(graph, READ_DOCUMENT_MENTIONS, id=document_id)


# ---------------------------------------------------------------------------
# Ready queries for analysts. docs/schema.md prints each one verbatim, and a
# test runs each against the sample timeline.
# ---------------------------------------------------------------------------


def run_ready_query(graph: Graph, name: str, **parameters: Any) -> list[dict[str, Any]]:
    """Run one of the ready queries by name; every parameter it names must be given."""
    query = READY_QUERIES_BY_NAME[name]
    missing = [p for p in query.params if p not in parameters]
    if missing:
        raise ValueError(f"ready query {name!r} needs parameters: {', '.join(missing)}")
    return _rows(graph, query.query, **parameters)


# ---------------------------------------------------------------------------
# Schema check: a node written around the writer, to show a constraint at work.
# ---------------------------------------------------------------------------

# A bare Event node. The writer never CREATEs; this exists so a test can show the unique constraint.
CREATE_BARE_EVENT = "CREATE (:Event {id: $id})"


def create_bare_event(graph: Graph, event_id: str) -> None:
    """CREATE an Event with only an id; a second one with the same id must be refused."""
    with graph.session() as session:
        session.run(CREATE_BARE_EVENT, id=event_id).consume()
