"""Corpus-level merge at load time: documents loaded together (and the graph
already loaded) become one story.

- Actors: the same person or organisation across documents gets one id.
- Events: mentions of one real event in several documents become one Event
  with all their evidence (see merge.py for the rule), matched against events
  already in the graph too.
- Anchored dates: "in the four days before his death" in one document is
  resolved once another document dates the death.
- Near-duplicates: a rewrite of another article is linked to it, so
  corroboration counts distinct stories, not copies.

The output is still one ExtractedDocument per document (each written in its
own transaction), now with graph-wide ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph.connection import Graph
from graph import lookup
from loaders.actors import canonical_actor_ids, merged_actor_records
from loaders.extract import DocumentExtraction
from loaders.merge import Candidate, distinguishing_roles, merge_events, principal_roles, rename_actors
from loaders.records import (
    ActorMention,
    ActorRecord,
    Affiliation,
    EventRecord,
    ExtractedDocument,
    NearDuplicate,
)
from loaders.taxonomy import Taxonomy, load_taxonomy

NEAR_DUPLICATE_SIMILARITY = 0.25  # word-bigram Jaccard; rewrites of one story score ~0.4, distinct stories < 0.1
WORD = re.compile(r"[a-z0-9]+")


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = WORD.findall(text.lower())
    return set(zip(words, words[1:]))


def similarity(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicates(new: dict[str, str], known: dict[str, str], declared: Sequence[tuple[str, str]] = ()) -> list[NearDuplicate]:
    """Pairs of documents that tell the same story in (nearly) the same words.

    Each new document is compared with the other new ones and with those
    already loaded; `declared` pairs (from a manifest's duplicate_of) are
    linked whatever their score.
    """
    fingerprints = {doc_id: _bigrams(text) for doc_id, text in {**known, **new}.items()}
    found: dict[tuple[str, str], float] = {}
    new_ids = sorted(new)
    for i, doc_id in enumerate(new_ids):
        others = new_ids[i + 1 :] + sorted(set(known) - set(new))
        for other in others:
            score = similarity(fingerprints[doc_id], fingerprints[other])
            if score >= NEAR_DUPLICATE_SIMILARITY:
                found[(doc_id, other)] = score
    for doc_id, other in declared:
        if (doc_id, other) not in found and (other, doc_id) not in found and doc_id in fingerprints and other in fingerprints:
            found[(doc_id, other)] = similarity(fingerprints[doc_id], fingerprints[other])
    return [NearDuplicate(a, b, round(score, 3)) for (a, b), score in sorted(found.items())]


def _canonical_actors(extractions: Sequence[DocumentExtraction], known: Sequence[ActorRecord]) -> tuple[dict[str, str], dict[str, ActorRecord]]:
    analyses = [x.actors for x in extractions]
    canonical = canonical_actor_ids(analyses, known)
    return canonical, merged_actor_records(analyses, canonical, known)


def _rename_mentions(mentions: Sequence[ActorMention], canonical: dict[str, str]) -> tuple[ActorMention, ...]:
    return tuple(dict.fromkeys(replace(m, actor_id=canonical.get(m.actor_id, m.actor_id)) for m in mentions))


def _rename_affiliations(affiliations: Sequence[Affiliation], canonical: dict[str, str]) -> tuple[Affiliation, ...]:
    renamed = []
    for a in affiliations:
        actor_id, other_id = canonical.get(a.actor_id, a.actor_id), canonical.get(a.other_id, a.other_id)
        if actor_id != other_id:
            renamed.append(replace(a, actor_id=actor_id, other_id=other_id))
    return tuple(dict.fromkeys(renamed))


def merge_corpus(
    extractions: Sequence[DocumentExtraction],
    graph: Graph | None = None,
    *,
    declared_duplicates: Sequence[tuple[str, str]] = (),
    taxonomy: Taxonomy | None = None,
) -> list[ExtractedDocument]:
    taxonomy = taxonomy or load_taxonomy()
    words = sorted({w for x in extractions for a in x.actors.actors.values() for w in WORD.findall(a.name.lower()) if len(w) > 2})
    known_actors = lookup.actors_by_name_words(graph, words) if graph is not None else []
    canonical, actor_records = _canonical_actors(extractions, known_actors)

    records_by_doc: dict[str, list[EventRecord]] = {}
    all_records: list[EventRecord] = []
    for extraction in extractions:
        renamed = [rename_actors(r, canonical) for r in extraction.extracted.events]
        records_by_doc[extraction.extracted.document.id] = renamed
        all_records.extend(renamed)

    existing: list[Candidate] = []
    known_dates = {}
    if graph is not None:
        actor_ids = {p.actor_id for r in all_records for p in r.participants}
        for event in lookup.candidate_events(graph, {r.type for r in all_records}, actor_ids):
            existing.append(Candidate(
                id=event.id, type=event.type,
                principal=principal_roles(event.participants, event.type, taxonomy),
                distinguishing=distinguishing_roles(event.participants, event.type, taxonomy),
                claims=event.claims,
            ))
            known_dates[event.id] = event.date
    merged, renamed_events = merge_events(all_records, taxonomy, existing, known_dates)
    merged_by_id = {r.id: r for r in merged}

    texts = {x.extracted.document.id: x.extracted.document.text for x in extractions}
    known_texts = lookup.document_texts(graph, exclude=list(texts)) if graph is not None else {}
    duplicates = near_duplicates(texts, known_texts, declared_duplicates)

    documents = []
    for extraction in extractions:
        document = extraction.extracted.document
        events = []
        for local in records_by_doc[document.id]:
            event = merged_by_id[renamed_events[local.id]]
            events.append((event, local))
        per_event: dict[str, EventRecord] = {}
        for event, local in events:
            evidence = tuple(e for e in event.evidence if e.document_id == document.id)
            participants = tuple(dict.fromkeys([*(per_event[event.id].participants if event.id in per_event else ()), *local.participants]))
            per_event[event.id] = replace(event, evidence=evidence, participants=participants)
        mentions = _rename_mentions(extraction.extracted.mentions, canonical)
        affiliations = _rename_affiliations(extraction.extracted.affiliations, canonical)
        used = {p.actor_id for e in per_event.values() for p in e.participants}
        used |= {m.actor_id for m in mentions} | {a.actor_id for a in affiliations} | {a.other_id for a in affiliations}
        documents.append(ExtractedDocument(
            document=document,
            events=tuple(per_event.values()),
            actors=tuple(actor_records[a] for a in sorted(used) if a in actor_records),
            mentions=mentions,
            affiliations=affiliations,
            near_duplicates=tuple(d for d in duplicates if d.document_id == document.id),
        ))
    return documents


