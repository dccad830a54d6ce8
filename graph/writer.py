"""The graph writer: extracted documents in, nodes and relationships out, atomically.

`write_documents` stores a batch of `ExtractedDocument`s in one transaction:
all of it or none of it. Every node is MERGEd on its stable id and every
relationship on its documented key, so loading the same documents again
changes nothing. A document whose content changed (same id, new sha256) is
replaced: the evidence it gave before is removed first, and events and actors
that nothing supports any more are deleted.

Dates are consolidated here, across documents: an event's date is computed
from every REPORTED_IN claim in the graph, not only from the documents being
written. Claims anchored to another event ("a week before his death") are
resolved once that event has a date, whichever document gave it. Python does
the reasoning (`loaders.records.resolve_claims`); the Cypher below only reads and
writes.

`EventRecord.date` (a loader's own per-document estimate) is not stored: the
event's date always comes from its claims, so that every date can be traced to
a source.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from neo4j import ManagedTransaction
from neo4j.exceptions import ClientError, ResultFailedError

from graph.connection import Graph
from graph.lookup import DOCUMENT_HASHES
from graph.values import stored_date
from loaders.records import (
    ActorKind,
    Anchor,
    DateClaim,
    EventStatus,
    ExtractedDocument,
    FuzzyDate,
    resolve_claims,
)

log = structlog.get_logger(__name__)

# Client errors that mean "another transaction got there first", not "bad request".
# ArcadeDB reports two transactions MERGEing the same new key as a constraint
# violation (Neo4j locks instead), and a record changed under a concurrent
# writer as not found. The driver retries only transient errors, so we retry these.
CONSTRAINT_RACE_CODE = "Neo.ClientError.Schema.ConstraintValidationFailed"
RECORD_RACE_CODE = "Neo.ClientError.Statement.EntityNotFound"
CONCURRENT_WRITE_CODES = frozenset({CONSTRAINT_RACE_CODE, RECORD_RACE_CODE})
# ArcadeDB stores each label combination (Actor:Person) as a type it creates on first
# use; two writers doing that at once get "type already exists" as a semantic error.
EMBEDDED_TYPE_RACE_CODE = "Neo.ClientError.Statement.SemanticError"
MAX_WRITE_ATTEMPTS = 8
RETRY_BASE_DELAY_SECONDS = 0.05
RETRY_MAX_DELAY_SECONDS = 2.0

# How many links of "dated relative to" are followed when an event's date changes.
MAX_ANCHOR_DEPTH = 5


class WriteError(ValueError):
    """A document cannot be written as given; nothing was written."""


@dataclass
class WriteSummary:
    """What one write did. Unchanged documents (same id and sha256) were skipped untouched."""

    written_ids: tuple[str, ...] = ()  # the documents written, new or replaced
    documents_unchanged: int = 0
    events: int = 0
    actors: int = 0
    relationships: int = 0

    @property
    def documents_written(self) -> int:
        return len(self.written_ids)


# ---------------------------------------------------------------------------
# Cypher. Reads first, then replacement, then writes, then clean-up and dates.
# ---------------------------------------------------------------------------

# What a document about to be replaced supports now: these may be left without support.
READ_DOCUMENT_SUPPORT = """
UNWIND $ids AS documentId
MATCH (d:Document {id: documentId})
RETURN COLLECT { MATCH (e:Event)-[:REPORTED_IN]->(d) RETURN DISTINCT e.id } AS eventIds,
       COLLECT { MATCH (a:Actor)-[:MENTIONED_IN]->(d) RETURN DISTINCT a.id }
     + COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(:Event)-[:REPORTED_IN]->(d) RETURN DISTINCT a.id }
     + COLLECT { MATCH (a:Actor)-[f:AFFILIATED_WITH]-(:Actor) WHERE f.documentId = d.id RETURN DISTINCT a.id }
       AS actorIds
"""

# A replaced document no longer vouches for participations it listed (kept if other documents do).
UNLINK_DOCUMENT_FROM_PARTICIPATIONS = """
UNWIND $ids AS documentId
MATCH (:Document {id: documentId})<-[:REPORTED_IN]-(:Event)<-[p:PARTICIPATED_IN]-(:Actor)
WHERE documentId IN p.documentIds
WITH DISTINCT p, documentId
SET p.documentIds = [other IN p.documentIds WHERE other <> documentId]
"""

# Participations that no document vouches for any more are removed.
DELETE_UNSOURCED_PARTICIPATIONS = """
UNWIND $eventIds AS eventId
MATCH (:Actor)-[p:PARTICIPATED_IN]->(:Event {id: eventId})
WHERE size(coalesce(p.documentIds, [])) = 0
DELETE p
"""

# The evidence sentences a replaced document gave for events.
DELETE_DOCUMENT_REPORTS = """
UNWIND $ids AS documentId
MATCH (:Document {id: documentId})<-[r:REPORTED_IN]-(:Event)
DELETE r
"""

# The actor mentions a replaced document gave.
DELETE_DOCUMENT_MENTIONS = """
UNWIND $ids AS documentId
MATCH (:Document {id: documentId})<-[m:MENTIONED_IN]-(:Actor)
DELETE m
"""

# Near-duplicate links of a replaced document, both ways: its text changed, so they are stale.
DELETE_DOCUMENT_NEAR_DUPLICATES = """
UNWIND $ids AS documentId
MATCH (:Document {id: documentId})-[n:NEAR_DUPLICATE_OF]-(:Document)
DELETE n
"""

# A replaced document no longer vouches for affiliations it stated; if it was the cited
# source, the citation is cleared for the next document that states it to fill.
UNLINK_DOCUMENT_FROM_AFFILIATIONS = """
MATCH (:Actor)-[f:AFFILIATED_WITH]->(:Actor)
WHERE any(documentId IN coalesce(f.documentIds, [f.documentId]) WHERE documentId IN $ids)
SET f.documentIds = [other IN coalesce(f.documentIds, [f.documentId]) WHERE NOT other IN $ids]
SET f.quote = CASE WHEN f.documentId IN $ids THEN null ELSE f.quote END,
    f.start = CASE WHEN f.documentId IN $ids THEN null ELSE f.start END,
    f.end = CASE WHEN f.documentId IN $ids THEN null ELSE f.end END,
    f.documentId = CASE WHEN f.documentId IN $ids THEN null ELSE f.documentId END
"""

# Affiliations that no document states any more are removed.
DELETE_UNSOURCED_AFFILIATIONS = """
MATCH (:Actor)-[f:AFFILIATED_WITH]->(:Actor)
WHERE size(coalesce(f.documentIds, [])) = 0
DELETE f
"""

# Create or overwrite documents; loadedAt marks when this version arrived.
MERGE_DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.properties, d.loadedAt = datetime()
"""

# The kind already stored for actors about to be written: the first source's kind is kept.
READ_ACTOR_KINDS = """
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
RETURN a.id AS id, a.kind AS kind
"""

# Actors of one kind: name from the first source, every other name becomes an alias. Both
# labels are given at creation (ArcadeDB cannot add a label to a node created in the same
# transaction). Labels cannot be parameters, so there is one statement per kind, both
# built from this template with a fixed label.
_MERGE_ACTORS_OF_KIND = """
UNWIND $rows AS row
MERGE (a:Actor:{label} {{id: row.id}})
ON CREATE SET a.name = row.name, a.kind = '{kind}', a.aliases = []
SET a.description = coalesce(a.description, row.description)
SET a.aliases = reduce(known = coalesce(a.aliases, []), name IN row.names |
      CASE WHEN name = a.name OR name IN known THEN known ELSE known + name END)
SET a.searchName = toLower(reduce(text = a.name, alias IN a.aliases | text + ' | ' + alias))
"""
MERGE_PERSONS = _MERGE_ACTORS_OF_KIND.format(label="Person", kind="PERSON")
MERGE_ORGANIZATIONS = _MERGE_ACTORS_OF_KIND.format(label="Organization", kind="ORGANIZATION")

# Events: descriptive properties from the first source, or from a replaced document's new
# version; dates come from consolidation.
MERGE_EVENTS = """
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
ON CREATE SET e.title = row.title, e.type = row.type, e.status = row.status,
              e.confidence = row.confidence, e.searchText = row.searchText,
              e.precision = 'UNKNOWN', e.dateConflict = false
ON MATCH SET e.status = CASE WHEN row.replacing THEN row.status ELSE e.status END,
             e.title = CASE WHEN row.replacing THEN row.title ELSE e.title END,
             e.searchText = CASE WHEN row.replacing THEN row.searchText ELSE e.searchText END
"""

# One PARTICIPATED_IN per (actor, event, role); documentIds lists the documents that say so.
MERGE_PARTICIPATIONS = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (e:Event {id: row.eventId})
MERGE (a)-[p:PARTICIPATED_IN {role: row.role}]->(e)
SET p.documentIds = CASE WHEN row.documentId IN coalesce(p.documentIds, [])
                         THEN p.documentIds
                         ELSE coalesce(p.documentIds, []) + row.documentId END
"""

# One REPORTED_IN per (event, document, start): the sentence and the date claim it makes.
MERGE_REPORTS = """
UNWIND $rows AS row
MATCH (e:Event {id: row.eventId})
MATCH (d:Document {id: row.documentId})
MERGE (e)-[r:REPORTED_IN {start: row.start}]->(d)
SET r += row.properties
"""

# One MENTIONED_IN per (actor, document, start).
MERGE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (d:Document {id: row.documentId})
MERGE (a)-[m:MENTIONED_IN {start: row.start}]->(d)
SET m.quote = row.quote, m.end = row.end
"""

# One AFFILIATED_WITH per (actor, other, relation): documentIds lists the documents that
# state it, quote/documentId/start/end cite the first of them still loaded.
MERGE_AFFILIATIONS = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (o:Actor {id: row.otherId})
MERGE (a)-[f:AFFILIATED_WITH {relation: row.relation}]->(o)
SET f.documentIds = CASE WHEN row.documentId IN coalesce(f.documentIds, [])
                         THEN f.documentIds
                         ELSE coalesce(f.documentIds, []) + row.documentId END
SET f.quote = coalesce(f.quote, row.quote), f.start = coalesce(f.start, row.start),
    f.end = coalesce(f.end, row.end), f.documentId = coalesce(f.documentId, row.documentId)
"""

# A document that repeats another one, with how similar they are.
MERGE_NEAR_DUPLICATES = """
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MATCH (o:Document {id: row.otherId})
MERGE (d)-[n:NEAR_DUPLICATE_OF]->(o)
SET n.similarity = row.similarity
"""

# Events no document reports any more.
DELETE_EVENTS_WITHOUT_EVIDENCE = """
UNWIND $ids AS eventId
MATCH (e:Event {id: eventId})
WHERE NOT EXISTS { (e)-[:REPORTED_IN]->(:Document) }
DETACH DELETE e
"""

# Actors no document mentions and who take part in no event.
DELETE_ACTORS_WITHOUT_SUPPORT = """
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
WHERE NOT EXISTS { (a)-[:MENTIONED_IN]->(:Document) }
  AND NOT EXISTS { (a)-[:PARTICIPATED_IN]->(:Event) }
DETACH DELETE a
"""

# Events with at least one claim dated relative to one of the given events.
READ_EVENTS_ANCHORED_TO = """
MATCH (e:Event)-[r:REPORTED_IN]->(:Document)
WHERE r.anchorEventId IN $ids
RETURN DISTINCT e.id AS id
"""

# Take the write lock on events before reading their claims, so two writers adding
# claims to one event run their date consolidation one after the other (Neo4j idiom).
LOCK_EVENTS = """
UNWIND $ids AS eventId
MATCH (e:Event {id: eventId})
SET e.writeLock = true
REMOVE e.writeLock
"""

# Every date claim, from every document, about the given events.
READ_EVENT_CLAIMS = """
UNWIND $ids AS eventId
MATCH (e:Event {id: eventId})-[r:REPORTED_IN]->(d:Document)
RETURN e.id AS eventId, d.id AS documentId, r.start AS start, r.dateText AS dateText,
       r.startDate AS startDate, r.endDate AS endDate, r.precision AS precision,
       r.anchorEventId AS anchorEventId, r.anchorMinOffsetDays AS anchorMinOffsetDays,
       r.anchorMaxOffsetDays AS anchorMaxOffsetDays
"""

# The stored consolidated date of the given events (anchors of the claims being resolved).
READ_EVENT_DATES = """
UNWIND $ids AS eventId
MATCH (e:Event {id: eventId})
RETURN e.id AS id, e.startDate AS startDate, e.endDate AS endDate,
       e.precision AS precision, e.dateText AS dateText
"""

# The interval an anchored claim resolves to, once its anchor event is dated.
SET_CLAIM_DATES = """
UNWIND $rows AS row
MATCH (:Event {id: row.eventId})-[r:REPORTED_IN {start: row.start}]->(:Document {id: row.documentId})
SET r.startDate = row.startDate, r.endDate = row.endDate, r.precision = row.precision
"""

# An event's consolidated date, and whether its sources disagree.
SET_EVENT_DATES = """
UNWIND $rows AS row
MATCH (e:Event {id: row.id})
SET e.startDate = row.startDate, e.endDate = row.endDate, e.precision = row.precision,
    e.dateText = row.dateText, e.dateConflict = row.dateConflict
"""


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def write_documents(
    graph: Graph, docs: Sequence[ExtractedDocument], *, replace: bool = True
) -> WriteSummary:
    """Write the documents and everything extracted from them in one transaction.

    Documents already stored with the same sha256 are skipped. With
    `replace=False`, a document stored with a different sha256 is an error
    instead of being replaced. Raises `WriteError` (before writing anything)
    when a record is inconsistent.
    """
    docs = list(docs)
    validate_documents(docs)
    if not docs:
        return WriteSummary()
    document_ids = [d.document.id for d in docs]
    for attempt in range(1, MAX_WRITE_ATTEMPTS + 1):
        try:
            with graph.session() as session:
                summary = session.execute_write(_write_batch, docs, replace)
        except (ClientError, ResultFailedError) as failure:
            exc = _server_error(failure)
            if exc is None or not _lost_a_race(exc, graph) or attempt == MAX_WRITE_ATTEMPTS:
                raise
            backoff = min(RETRY_MAX_DELAY_SECONDS, RETRY_BASE_DELAY_SECONDS * 2 ** (attempt - 1))
            delay = backoff * (1 + random.random())  # jitter, so racing writers spread out
            log.warning(
                "writer.retry_after_concurrent_write", attempt=attempt, code=exc.code,
                delay_seconds=round(delay, 3), documents=document_ids[:5], error=exc.message,
            )
            time.sleep(delay)
            continue
        log.info(
            "writer.wrote", documents_written=summary.documents_written,
            documents_unchanged=summary.documents_unchanged, events=summary.events,
            actors=summary.actors, relationships=summary.relationships,
        )
        return summary
    raise AssertionError("unreachable: the last attempt either returns or raises")


def _server_error(failure: ClientError | ResultFailedError) -> ClientError | None:
    """The server's error behind a failure. Reading a result the server already failed raises
    the driver's ResultFailedError, whose cause is the server's error (under load, a race
    can surface that way rather than directly)."""
    if isinstance(failure, ClientError):
        return failure
    cause = failure.__cause__
    return cause if isinstance(cause, ClientError) else None


def _lost_a_race(exc: ClientError, graph: Graph) -> bool:
    """True when the error means a concurrent writer got there first, so a retry will do."""
    return exc.code in CONCURRENT_WRITE_CODES or (graph.embedded and exc.code == EMBEDDED_TYPE_RACE_CODE)


def write_document(graph: Graph, doc: ExtractedDocument, *, replace: bool = True) -> WriteSummary:
    """`write_documents` for a single document."""
    return write_documents(graph, [doc], replace=replace)


def validate_documents(docs: Sequence[ExtractedDocument]) -> None:
    """Raise `WriteError` listing every inconsistency in the records; return quietly if none."""
    problems: list[str] = []
    seen_documents: set[str] = set()
    actor_kinds: dict[str, tuple[ActorKind, str]] = {}
    for doc in docs:
        problems.extend(_document_problems(doc))
        doc_id = doc.document.id
        if doc_id in seen_documents:
            problems.append(f"document {doc_id!r}: appears twice in the same write")
        seen_documents.add(doc_id)
        for actor in doc.actors:
            first = actor_kinds.setdefault(actor.id, (actor.kind, doc_id))
            if first[0] != actor.kind:
                problems.append(
                    f"document {doc_id!r}: actor {actor.id!r} is {actor.kind} here "
                    f"but {first[0]} in document {first[1]!r}"
                )
    if problems:
        raise WriteError("cannot write; nothing was written:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def _document_problems(doc: ExtractedDocument) -> list[str]:
    record = doc.document
    where = f"document {record.id!r}"
    problems: list[str] = []
    if not record.id.strip():
        problems.append(f"document at {record.path!r}: empty id")
    if not record.sha256.strip():
        problems.append(f"{where}: empty sha256")
    text = record.text

    def span_problem(what: str, quote: str, start: int, end: int) -> str | None:
        if not (0 <= start < end <= len(text)):
            return f"{where}: {what} offsets {start}..{end} are outside the text (length {len(text)})"
        if text[start:end] != quote:
            return f"{where}: {what} quote {quote!r} is not the text at {start}..{end} ({text[start:end]!r})"
        return None

    actor_ids = set()
    for actor in doc.actors:
        if not actor.id.strip():
            problems.append(f"{where}: actor {actor.name!r} has an empty id")
        if not actor.name.strip():
            problems.append(f"{where}: actor {actor.id!r} has an empty name")
        if not isinstance(actor.kind, ActorKind):
            kinds = ", ".join(k.value for k in ActorKind)
            problems.append(f"{where}: actor {actor.id!r} has kind {actor.kind!r}, not one of {kinds}")
        actor_ids.add(actor.id)

    event_ids: set[str] = set()
    for event in doc.events:
        what = f"event {event.id!r}"
        if not event.id.strip():
            problems.append(f"{where}: event {event.title!r} has an empty id")
        if event.id in event_ids:
            problems.append(f"{where}: {what} appears twice")
        event_ids.add(event.id)
        if not event.type.strip():
            problems.append(f"{where}: {what} has an empty type")
        if not event.title.strip():
            problems.append(f"{where}: {what} has an empty title")
        if not isinstance(event.status, EventStatus):
            statuses = ", ".join(s.value for s in EventStatus)
            problems.append(f"{where}: {what} has status {event.status!r}, not one of {statuses}")
        if not 0.0 <= event.confidence <= 1.0:
            problems.append(f"{where}: {what} has confidence {event.confidence}, outside 0..1")
        if not event.evidence:
            problems.append(f"{where}: {what} has no evidence; every event must cite a sentence")
        starts: set[int] = set()
        for evidence in event.evidence:
            if evidence.document_id != record.id:
                problems.append(f"{where}: {what} cites document {evidence.document_id!r}; "
                                "evidence must come from this document")
            problem = span_problem(f"{what} evidence", evidence.quote, evidence.start, evidence.end)
            if problem:
                problems.append(problem)
            if evidence.start in starts:
                problems.append(f"{where}: {what} cites offset {evidence.start} twice")
            starts.add(evidence.start)
            anchor = evidence.claim.anchor
            if anchor is not None and (not anchor.event_ref.strip() or anchor.event_ref == event.id):
                problems.append(f"{where}: {what} has a date anchored to {anchor.event_ref!r}; "
                                "the anchor must be another event")
        for participant in event.participants:
            if not participant.role.strip():
                problems.append(f"{where}: {what} participant {participant.actor_id!r} has an empty role")
            if participant.actor_id not in actor_ids:
                problems.append(f"{where}: {what} participant {participant.actor_id!r} "
                                "is not among the document's actors")

    for mention in doc.mentions:
        if mention.actor_id not in actor_ids:
            problems.append(f"{where}: mention of {mention.actor_id!r}, who is not among the document's actors")
        problem = span_problem(f"mention of {mention.actor_id!r}", mention.quote, mention.start, mention.end)
        if problem:
            problems.append(problem)

    for affiliation in doc.affiliations:
        what = f"affiliation {affiliation.actor_id!r} {affiliation.relation} {affiliation.other_id!r}"
        if not affiliation.relation.strip():
            problems.append(f"{where}: {what} has an empty relation")
        for actor_id in (affiliation.actor_id, affiliation.other_id):
            if actor_id not in actor_ids:
                problems.append(f"{where}: {what} names {actor_id!r}, who is not among the document's actors")
        problem = span_problem(what, affiliation.quote, affiliation.start, affiliation.end)
        if problem:
            problems.append(problem)

    for duplicate in doc.near_duplicates:
        if duplicate.document_id != record.id:
            problems.append(f"{where}: near-duplicate record belongs to document {duplicate.document_id!r}")
        if duplicate.other_id == record.id:
            problems.append(f"{where}: a document cannot be a near-duplicate of itself")
        if not 0.0 <= duplicate.similarity <= 1.0:
            problems.append(f"{where}: near-duplicate similarity {duplicate.similarity} is outside 0..1")
    return problems


# ---------------------------------------------------------------------------
# The transaction
# ---------------------------------------------------------------------------


def _write_batch(tx: ManagedTransaction, docs: list[ExtractedDocument], replace: bool) -> WriteSummary:
    """The whole write, run inside one managed transaction (possibly more than once)."""
    stored = _read_document_hashes(tx, [d.document.id for d in docs])
    to_write = [d for d in docs if stored.get(d.document.id) != d.document.sha256]
    replaced = [d.document.id for d in to_write if d.document.id in stored]
    summary = WriteSummary(written_ids=tuple(d.document.id for d in to_write),
                           documents_unchanged=len(docs) - len(to_write))
    if not to_write:
        return summary
    if replaced and not replace:
        raise WriteError(
            "cannot write; nothing was written: documents already stored with different content "
            f"(write with replace=True to replace them): {', '.join(replaced)}"
        )
    _check_near_duplicate_targets(tx, to_write, stored)

    orphan_events, orphan_actors = _read_document_support(tx, replaced)
    _detach_replaced_documents(tx, replaced, orphan_events)

    _merge_documents(tx, to_write)
    actor_ids = _merge_actors(tx, to_write)
    event_ids = _merge_events(tx, to_write, set(replaced))
    relationships = _merge_participations(tx, to_write)
    relationships += _merge_reports(tx, to_write)
    relationships += _merge_mentions(tx, to_write)
    relationships += _merge_affiliations(tx, to_write)
    relationships += _merge_near_duplicates(tx, to_write)

    _delete_unsupported(tx, orphan_events, orphan_actors)
    _consolidate_dates(tx, event_ids | orphan_events)

    summary.events = len(event_ids)
    summary.actors = len(actor_ids)
    summary.relationships = relationships
    return summary


def _read_document_hashes(tx: ManagedTransaction, ids: list[str]) -> dict[str, str]:
    return {r["id"]: r["sha256"] for r in tx.run(DOCUMENT_HASHES, ids=ids)}


def _check_near_duplicate_targets(
    tx: ManagedTransaction, docs: list[ExtractedDocument], stored: dict[str, str]
) -> None:
    in_batch = {d.document.id for d in docs} | set(stored)
    wanted = {n.other_id for d in docs for n in d.near_duplicates} - in_batch
    if not wanted:
        return
    missing = wanted - set(_read_document_hashes(tx, sorted(wanted)))
    if missing:
        owners = sorted({d.document.id for d in docs for n in d.near_duplicates if n.other_id in missing})
        raise WriteError(
            f"cannot write; nothing was written: documents {', '.join(owners)} are marked near-duplicates "
            f"of documents that are neither stored nor in this write: {', '.join(sorted(missing))}"
        )


def _read_document_support(tx: ManagedTransaction, ids: list[str]) -> tuple[set[str], set[str]]:
    events: set[str] = set()
    actors: set[str] = set()
    if ids:
        for record in tx.run(READ_DOCUMENT_SUPPORT, ids=ids):
            events.update(record["eventIds"])
            actors.update(record["actorIds"])
    return events, actors


def _detach_replaced_documents(tx: ManagedTransaction, ids: list[str], event_ids: set[str]) -> None:
    if not ids:
        return
    tx.run(UNLINK_DOCUMENT_FROM_PARTICIPATIONS, ids=ids).consume()
    tx.run(DELETE_UNSOURCED_PARTICIPATIONS, eventIds=sorted(event_ids)).consume()
    for statement in (
        DELETE_DOCUMENT_REPORTS, DELETE_DOCUMENT_MENTIONS,
        DELETE_DOCUMENT_NEAR_DUPLICATES, UNLINK_DOCUMENT_FROM_AFFILIATIONS,
    ):
        tx.run(statement, ids=ids).consume()
    tx.run(DELETE_UNSOURCED_AFFILIATIONS).consume()
    log.info("writer.replacing_documents", documents=ids)


def _merge_documents(tx: ManagedTransaction, docs: list[ExtractedDocument]) -> None:
    rows = [{"id": d.document.id, "properties": _document_properties(d)} for d in docs]
    tx.run(MERGE_DOCUMENTS, rows=rows).consume()


def _document_properties(doc: ExtractedDocument) -> dict[str, Any]:
    record = doc.document
    published = record.published
    return {
        "title": record.title,
        "url": record.url,
        "publisher": record.publisher,
        "publishedAt": published.start if published else None,
        "publishedEnd": published.end if published else None,
        "publishedPrecision": str(published.precision) if published else None,
        "language": record.language,
        "sha256": record.sha256,
        "text": record.text,
        "path": record.path,
        "format": record.format,
    }


def _merge_actors(tx: ManagedTransaction, docs: list[ExtractedDocument]) -> set[str]:
    rows = [
        {
            "id": actor.id, "name": actor.name, "kind": str(actor.kind),
            "description": actor.description,
            "names": list(dict.fromkeys((actor.name, *actor.aliases))),
        }
        for doc in docs for actor in doc.actors
    ]
    ids = sorted({row["id"] for row in rows})
    if not rows:
        return set()
    stored = {r["id"]: r["kind"] for r in tx.run(READ_ACTOR_KINDS, ids=ids)}
    for row in rows:
        kind = stored.get(row["id"]) or row["kind"]
        if kind != row["kind"]:
            log.warning("writer.actor_kind_kept", actor=row["id"], stored=kind, given=row["kind"])
        row["kind"] = kind
    for statement, kind in ((MERGE_PERSONS, ActorKind.PERSON), (MERGE_ORGANIZATIONS, ActorKind.ORGANIZATION)):
        _run_rows(tx, statement, [row for row in rows if row["kind"] == kind])
    return set(ids)


def _merge_events(tx: ManagedTransaction, docs: list[ExtractedDocument], replaced: set[str]) -> set[str]:
    """Events: created with the first source's description; a corrected version of a
    document (a timeline row changed from SCHEDULED to OCCURRED) updates it."""
    rows = [
        {
            "id": event.id, "title": event.title, "type": event.type, "status": str(event.status),
            "confidence": event.confidence, "searchText": event_search_text(event.title, event.type),
            "replacing": doc.document.id in replaced,
        }
        for doc in docs for event in doc.events
    ]
    if rows:
        tx.run(MERGE_EVENTS, rows=rows).consume()
    return {row["id"] for row in rows}


def event_search_text(title: str, event_type: str) -> str:
    """Lower-case title and type (also spelled with spaces) for CONTAINS search."""
    return " ".join((title, event_type, event_type.replace("_", " "))).lower()


def _merge_participations(tx: ManagedTransaction, docs: list[ExtractedDocument]) -> int:
    rows = [
        {"actorId": p.actor_id, "eventId": event.id, "role": p.role.strip(), "documentId": doc.document.id}
        for doc in docs for event in doc.events for p in event.participants
    ]
    return _run_rows(tx, MERGE_PARTICIPATIONS, rows)


def _merge_reports(tx: ManagedTransaction, docs: list[ExtractedDocument]) -> int:
    rows = []
    for doc in docs:
        for event in doc.events:
            for evidence in event.evidence:
                claim, anchor = evidence.claim.date, evidence.claim.anchor
                rows.append({
                    "eventId": event.id, "documentId": doc.document.id, "start": evidence.start,
                    "properties": {
                        "quote": evidence.quote, "end": evidence.end, "dateText": claim.text,
                        "startDate": claim.start, "endDate": claim.end, "precision": str(claim.precision),
                        "anchorEventId": anchor.event_ref if anchor else None,
                        "anchorMinOffsetDays": anchor.min_offset_days if anchor else None,
                        "anchorMaxOffsetDays": anchor.max_offset_days if anchor else None,
                    },
                })
    return _run_rows(tx, MERGE_REPORTS, rows)


def _merge_mentions(tx: ManagedTransaction, docs: list[ExtractedDocument]) -> int:
    rows = [
        {"actorId": m.actor_id, "documentId": doc.document.id, "start": m.start, "end": m.end, "quote": m.quote}
        for doc in docs for m in doc.mentions
    ]
    return _run_rows(tx, MERGE_MENTIONS, rows)


def _merge_affiliations(tx: ManagedTransaction, docs: list[ExtractedDocument]) -> int:
    rows = [
        {
            "actorId": f.actor_id, "otherId": f.other_id, "relation": f.relation.strip(),
            "quote": f.quote, "documentId": doc.document.id, "start": f.start, "end": f.end,
        }
        for doc in docs for f in doc.affiliations
    ]
    return _run_rows(tx, MERGE_AFFILIATIONS, rows)


def _merge_near_duplicates(tx: ManagedTransaction, docs: list[ExtractedDocument]) -> int:
    rows = [
        {"documentId": n.document_id, "otherId": n.other_id, "similarity": n.similarity}
        for doc in docs for n in doc.near_duplicates
    ]
    return _run_rows(tx, MERGE_NEAR_DUPLICATES, rows)


def _run_rows(tx: ManagedTransaction, statement: str, rows: list[dict[str, Any]]) -> int:
    if rows:
        tx.run(statement, rows=rows).consume()
    return len(rows)


def _delete_unsupported(tx: ManagedTransaction, event_ids: set[str], actor_ids: set[str]) -> None:
    """Delete what a replacement left without any source (events first: they hold participations)."""
    if event_ids:
        tx.run(DELETE_EVENTS_WITHOUT_EVIDENCE, ids=sorted(event_ids)).consume()
    if actor_ids:
        tx.run(DELETE_ACTORS_WITHOUT_SUPPORT, ids=sorted(actor_ids)).consume()


# ---------------------------------------------------------------------------
# Date consolidation across documents
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    """One REPORTED_IN edge's date claim, as stored."""

    event_id: str
    document_id: str
    start: int
    date: FuzzyDate
    anchor: Anchor | None


def _consolidate_dates(tx: ManagedTransaction, touched: set[str]) -> None:
    """Recompute the date of every touched event and of the events dated relative to them."""
    if not touched:
        return
    scope = set(touched)
    frontier = set(touched)
    for _ in range(MAX_ANCHOR_DEPTH):
        dependants = {r["id"] for r in tx.run(READ_EVENTS_ANCHORED_TO, ids=sorted(frontier))} - scope
        if not dependants:
            break
        scope |= dependants
        frontier = dependants

    tx.run(LOCK_EVENTS, ids=sorted(scope)).consume()
    claims: dict[str, list[_Claim]] = {}
    for record in tx.run(READ_EVENT_CLAIMS, ids=sorted(scope)):
        claim = _claim_from_record(record)
        claims.setdefault(claim.event_id, []).append(claim)
    anchor_ids = sorted({c.anchor.event_ref for cs in claims.values() for c in cs if c.anchor})
    stored_dates = {r["id"]: _stored_event_date(r) for r in tx.run(READ_EVENT_DATES, ids=anchor_ids)}

    claim_rows, event_rows = _resolve_event_dates(claims, stored_dates)
    if claim_rows:
        tx.run(SET_CLAIM_DATES, rows=claim_rows).consume()
    if event_rows:
        tx.run(SET_EVENT_DATES, rows=event_rows).consume()


def _resolve_event_dates(
    claims: dict[str, list[_Claim]], stored_dates: dict[str, FuzzyDate]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Resolve anchored claims and consolidate each event's claims (records.resolve_claims).

    Returns the rows for SET_CLAIM_DATES and SET_EVENT_DATES. An anchor
    outside `claims` keeps its stored date.
    """
    resolved = resolve_claims({e: [DateClaim(c.date, c.anchor) for c in cs] for e, cs in claims.items()}, stored_dates)
    claim_rows = [
        {"eventId": claim.event_id, "documentId": claim.document_id, "start": claim.start,
         "startDate": date.start, "endDate": date.end, "precision": str(date.precision)}
        for event_id, event_claims in claims.items()
        for claim, date in zip(event_claims, resolved.claims[event_id])
        if claim.anchor is not None
    ]
    event_rows = [
        {"id": event_id, "startDate": date.start, "endDate": date.end, "precision": str(date.precision),
         "dateText": date.text, "dateConflict": conflict}
        for event_id, (date, conflict) in sorted(resolved.events.items())
    ]
    return claim_rows, event_rows


def _claim_from_record(record: Any) -> _Claim:
    anchor = None
    if record["anchorEventId"]:
        anchor = Anchor(record["anchorEventId"], record["anchorMinOffsetDays"], record["anchorMaxOffsetDays"])
    return _Claim(
        event_id=record["eventId"], document_id=record["documentId"], start=record["start"],
        date=stored_date(record["startDate"], record["endDate"], record["precision"], record["dateText"]),
        anchor=anchor,
    )


def _stored_event_date(record: Any) -> FuzzyDate:
    return stored_date(record["startDate"], record["endDate"], record["precision"], record["dateText"])
