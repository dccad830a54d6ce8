"""What the loaders ask the graph before writing: is this document already here,
which known actors might a new name be, which known events might a new mention be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.connection import Graph
from graph.values import stored_date
from loaders.records import ActorKind, ActorRecord, Anchor, DateClaim, FuzzyDate

# The stored content hash of each document: unchanged ones are skipped, changed ones replaced.
DOCUMENT_HASHES = """
MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id, d.sha256 AS sha256
"""

# Documents to compare a new one against for near-duplicates.
DOCUMENT_TEXTS = """
MATCH (d:Document) WHERE NOT d.id IN $exclude AND d.text IS NOT NULL
RETURN d.id AS id, d.text AS text
"""

# Actors whose name or aliases contain one of the given lower-case words.
ACTORS_BY_NAME_WORDS = """
MATCH (a:Actor)
WHERE any(word IN $words WHERE a.searchName CONTAINS word)
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases,
       a.description AS description
"""

# Events of the given types in which one of the given actors takes part,
# with every participant and every date claim, to decide whether a new
# mention is one of them.
CANDIDATE_EVENTS = """
MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)
WHERE a.id IN $actorIds AND e.type IN $types
WITH DISTINCT e
RETURN e.id AS id, e.type AS type,
       e.startDate AS startDate, e.endDate AS endDate, e.precision AS precision, e.dateText AS dateText,
       COLLECT { MATCH (p:Actor)-[r:PARTICIPATED_IN]->(e) RETURN [p.id, r.role] } AS participants,
       COLLECT { MATCH (e)-[c:REPORTED_IN]->(:Document)
                 RETURN {startDate: c.startDate, endDate: c.endDate, precision: c.precision,
                         dateText: c.dateText, anchorEventId: c.anchorEventId,
                         anchorMinOffsetDays: c.anchorMinOffsetDays,
                         anchorMaxOffsetDays: c.anchorMaxOffsetDays} } AS claims
"""


@dataclass(frozen=True, slots=True)
class KnownEvent:
    id: str
    type: str
    date: FuzzyDate
    participants: tuple[tuple[str, str], ...]  # (actor id, role)
    claims: tuple[DateClaim, ...]


def document_hashes(graph: Graph, ids: Sequence[str]) -> dict[str, str]:
    with graph.session() as session:
        return {r["id"]: r["sha256"] for r in session.run(DOCUMENT_HASHES, ids=list(ids))}


def document_texts(graph: Graph, exclude: Sequence[str] = ()) -> dict[str, str]:
    with graph.session() as session:
        return {r["id"]: r["text"] for r in session.run(DOCUMENT_TEXTS, exclude=list(exclude))}


def actors_by_name_words(graph: Graph, words: Sequence[str]) -> list[ActorRecord]:
    if not words:
        return []
    with graph.session() as session:
        rows = session.run(ACTORS_BY_NAME_WORDS, words=sorted({w.lower() for w in words})).data()
    return [
        ActorRecord(id=r["id"], name=r["name"], kind=ActorKind(r["kind"]), aliases=tuple(r["aliases"]),
                    description=r["description"])
        for r in rows
    ]


def candidate_events(graph: Graph, types: Sequence[str], actor_ids: Sequence[str]) -> list[KnownEvent]:
    if not types or not actor_ids:
        return []
    with graph.session() as session:
        rows = session.run(CANDIDATE_EVENTS, types=sorted(set(types)), actorIds=sorted(set(actor_ids))).data()
    events = []
    for row in rows:
        claims = []
        for c in row["claims"]:
            anchor = None
            if c.get("anchorEventId"):
                anchor = Anchor(c["anchorEventId"], c.get("anchorMinOffsetDays"), c.get("anchorMaxOffsetDays"))
            claims.append(DateClaim(stored_date(c.get("startDate"), c.get("endDate"), c.get("precision"), c.get("dateText")), anchor))
        events.append(KnownEvent(
            id=row["id"], type=row["type"],
            date=stored_date(row["startDate"], row["endDate"], row["precision"], row["dateText"]),
            participants=tuple((p[0], p[1]) for p in row["participants"]),
            claims=tuple(claims),
        ))
    return events
