"""The actor stage: a parsed document in, its actors and every reference to them out."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from loaders.actors.affiliations import _Affiliations
from loaders.actors.base import ActorAnalysis, ActorSpan, log
from loaders.actors.clusters import _Clusters, _find_missed_mentions
from loaders.actors.lexicon import get_lexicon
from loaders.actors.names import fold
from loaders.actors.occurrences import _Actor, _Names, _without_article
from loaders.actors.references import _References, _quotation_mask
from loaders.nlp import sentences
from loaders.records import ActorMention, ActorRecord, Affiliation, DocumentRecord, Sentence


def analyse_actors(doc: Doc, document: DocumentRecord) -> ActorAnalysis:
    """Every actor the document refers to, each reference, mentions per sentence and stated affiliations."""
    if doc.text != document.text:
        raise ValueError(f"document {document.id} ({document.path}): the parsed text differs from the document text")
    lex = get_lexicon()
    sents = sentences(doc)
    names = _Names(doc, lex, document.publisher)
    found = names.find()
    in_quote = _quotation_mask(doc)  # direct speech, read by both passes below
    clusters = _Clusters(doc, lex, in_quote)
    occurrences = clusters.build(found)
    occurrences = sorted(occurrences + _find_missed_mentions(doc, occurrences, lex, clusters), key=lambda o: o.start)

    refs = _References(doc, lex, occurrences, sents, in_quote)
    affiliations = _Affiliations(refs, lex)
    refs.named_affiliations = affiliations.from_names()
    refs.walk()
    refs.settle_roles()
    stated = refs.named_affiliations + refs.affiliations + affiliations.from_other_references() + affiliations.from_verbs()

    actors: dict[str, _Actor] = {}
    for ref in refs.refs:
        actors.setdefault(ref.actor.id, ref.actor)
    records = {aid: _record(actor) for aid, actor in actors.items()}
    text = document.text  # Doc.text is rebuilt on every access
    spans = [
        ActorSpan(ref.actor.id, ref.start_char, ref.end_char, text[ref.start_char : ref.end_char], ref.via)
        for ref in refs.refs
    ]
    analysis = ActorAnalysis(
        actors=records,
        spans=_non_overlapping(spans),
        mentions=_mentions(spans, sents),
        affiliations=_affiliation_records(stated, doc, sents, set(records)),
        roles={a.id: a.role for a in actors.values() if a.role is not None},
        programmes=frozenset(a.id for a in actors.values() if _without_article(fold(a.canonical)) in names.programme_names),
    )
    log.debug(
        "actors.analysed", document=document.id, actors=len(records), spans=len(analysis.spans),
        affiliations=len(analysis.affiliations),
    )
    return analysis


def _record(actor: _Actor) -> ActorRecord:
    aliases = tuple(f for f in actor.forms if f != actor.canonical and any(ch.isupper() for ch in f))
    return ActorRecord(actor.id, actor.canonical, actor.kind, aliases, actor.description)


def _non_overlapping(spans: list[ActorSpan]) -> list[ActorSpan]:
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[ActorSpan] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _mentions(spans: list[ActorSpan], sents: list[Sentence]) -> list[ActorMention]:
    starts = [s.start for s in sents]
    seen: dict[tuple[str, int], None] = {}
    for span in sorted(spans, key=lambda s: s.start):
        i = bisect.bisect_right(starts, span.start) - 1
        if i >= 0 and span.start < sents[i].end:
            seen.setdefault((span.actor_id, i), None)
    return [ActorMention(aid, sents[i].text, sents[i].start, sents[i].end) for aid, i in seen]


def _affiliation_records(
    stated: list[tuple[_Actor, _Actor, str, int]], doc: Doc, sents: list[Sentence], known: set[str]
) -> list[Affiliation]:
    starts = [s.start for s in sents]
    result: dict[tuple[str, str, str, int], Affiliation] = {}
    for actor, other, relation, token in stated:
        actor, other = actor.resolved(), other.resolved()
        if actor is other or actor.id not in known or other.id not in known:
            continue
        i = bisect.bisect_right(starts, doc[token].idx) - 1
        if i < 0:
            continue
        sent = sents[i]
        key = (actor.id, other.id, relation, sent.start)
        result.setdefault(key, Affiliation(actor.id, other.id, relation, sent.text, sent.start, sent.end))
    return sorted(result.values(), key=lambda a: (a.start, a.actor_id, a.other_id, a.relation))
