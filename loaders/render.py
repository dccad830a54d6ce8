"""Extraction results as the plain JSON that `kg extract --json` prints."""

from __future__ import annotations

from typing import Any

from loaders.records import ActorRecord, EventRecord, ExtractedDocument, FuzzyDate, Precision

_ISO_PREFIX = {Precision.DAY: 10, Precision.MONTH: 7, Precision.YEAR: 4}


def iso_or_none(value) -> str | None:
    return value.isoformat() if value is not None else None


def published_iso(published: FuzzyDate | None) -> str | None:
    """The publication date as ISO 8601 at its own precision ("2023-12"), or None when not a single period."""
    if published is None or published.start is None or published.precision not in _ISO_PREFIX:
        return None
    return published.start.isoformat()[: _ISO_PREFIX[published.precision]]


def date_json(date: FuzzyDate) -> dict[str, Any]:
    return {"start": iso_or_none(date.start), "end": iso_or_none(date.end), "precision": str(date.precision), "text": date.text}


def event_json(event: EventRecord, actors: dict[str, ActorRecord]) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "status": str(event.status),
        "title": event.title,
        "date": date_json(event.date),
        "actors": [{"name": actors[p.actor_id].name if p.actor_id in actors else p.actor_id, "role": p.role} for p in event.participants],
        "evidence": [{"quote": e.quote, "start": e.start, "end": e.end} for e in event.evidence],
        "confidence": event.confidence,
    }


def document_json(extracted: ExtractedDocument) -> dict[str, Any]:
    document = extracted.document
    actors = {a.id: a for a in extracted.actors}
    return {
        "path": document.path,
        "id": document.id,
        "title": document.title,
        "published": published_iso(document.published),
        "events": [event_json(e, actors) for e in extracted.events],
        "actors": [{"id": a.id, "name": a.name, "kind": str(a.kind), "aliases": list(a.aliases)} for a in extracted.actors],
    }
