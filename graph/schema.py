"""Named constraints and indexes, applied idempotently.

Every statement uses IF NOT EXISTS, so applying the schema twice changes
nothing. These are the only schema objects the project creates; docs/schema.md
describes them for analysts.
"""

from __future__ import annotations

from graph.connection import Graph

SCHEMA_STATEMENTS: dict[str, str] = {
    "document_id_unique": (
        "CREATE CONSTRAINT document_id_unique IF NOT EXISTS "
        "FOR (d:Document) REQUIRE d.id IS UNIQUE"
    ),
    "event_id_unique": (
        "CREATE CONSTRAINT event_id_unique IF NOT EXISTS "
        "FOR (e:Event) REQUIRE e.id IS UNIQUE"
    ),
    "actor_id_unique": (
        "CREATE CONSTRAINT actor_id_unique IF NOT EXISTS "
        "FOR (a:Actor) REQUIRE a.id IS UNIQUE"
    ),
    "event_start_date": "CREATE INDEX event_start_date IF NOT EXISTS FOR (e:Event) ON (e.startDate)",
    "event_type": "CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type)",
    "actor_search_name": "CREATE INDEX actor_search_name IF NOT EXISTS FOR (a:Actor) ON (a.searchName)",
    "document_sha256": "CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256)",
}


def apply_schema(graph: Graph) -> list[str]:
    """Create every named constraint and index that is missing; returns their names."""
    with graph.session() as session:
        for statement in SCHEMA_STATEMENTS.values():
            session.run(statement).consume()
    return list(SCHEMA_STATEMENTS)
