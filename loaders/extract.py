"""One document through every extraction stage, without the graph.

document → sentences (nlp) → time expressions (timex) → actors (actors) →
event mentions (events) → resolved events (merge). The result is one
ExtractedDocument with document-local ids, as `kg extract` shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc

from loaders import nlp
from loaders.actors import ActorAnalysis, analyse_actors
from loaders.events import EventMention, find_event_mentions
from loaders.merge import merge_events
from loaders.records import (
    DateClaim,
    DocumentRecord,
    EventRecord,
    EventStatus,
    Evidence,
    ExtractedDocument,
    FuzzyDate,
    Participant,
    Precision,
    Sentence,
    end_before_blanks,
    start_after_blanks,
)
from loaders.taxonomy import Taxonomy, load_taxonomy
from loaders.timex import TimeExpression, find_time_expressions, narrative_days, narrative_months


@dataclass(frozen=True)
class DocumentExtraction:
    """Everything the stages found in one document."""

    extracted: ExtractedDocument
    actors: ActorAnalysis
    mentions: tuple[EventMention, ...]
    expressions: tuple[TimeExpression, ...]


def time_expressions(sentences: Sequence[Sentence], document: DocumentRecord) -> list[TimeExpression]:
    """A document's time expressions, in order. What is told from "now" ("this morning", "filed
    Monday") is told from the publication date, or, under a heading that is a day alone of the
    days just before publication (a live page's "**Tuesday, March 4**"), from that day. A long
    read's section "**Oct. 28**", a year back, dates its clock times but is no "now"."""
    found: list[TimeExpression] = []
    heading_day: date | None = None
    headings: dict[int, date] = {}  # sentence start -> the day its heading names
    for sentence in sentences:
        live = _is_live(heading_day, document.published)
        reference = FuzzyDate.day(heading_day) if live else document.published
        expressions = find_time_expressions(sentence.text, reference, offset=sentence.start)
        if live and _whole_line(sentence, document.text):
            # a heading names its own day, told from the publication, not from the heading above
            as_published = find_time_expressions(sentence.text, document.published, offset=sentence.start)
            if _dated_heading(sentence, as_published):
                expressions = as_published
        heading_day = _dated_heading(sentence, expressions) or heading_day
        if heading_day is not None:
            headings[sentence.start] = heading_day
        found.extend(expressions)
    return narrative_days(narrative_months(found, document.text), sentences, headings)


_HEADING_MARKUP = "*#_ \t\n"
# How far back a live page's day headings reach from its publication (its last update).
_LIVE_PAGE_DAYS = 14


def _is_live(day: date | None, published: FuzzyDate | None) -> bool:
    """Whether a heading's day is one of a live page's: within days before publication, or any
    day when the page gives no day of publication to tell a live page from a long read by."""
    if day is None:
        return False
    if published is None or published.start is None or published.precision != Precision.DAY:
        return True
    return timedelta(0) <= published.start - day <= timedelta(days=_LIVE_PAGE_DAYS)


def _whole_line(sentence: Sentence, text: str) -> bool:
    """Whether a sentence is a line of its own, as a heading is."""
    before = end_before_blanks(text, sentence.start, " \t")
    after = start_after_blanks(text, sentence.end, " \t")
    return (before == 0 or text[before - 1] == "\n") and (after == len(text) or text[after] == "\n")


def _dated_heading(sentence: Sentence, expressions: Sequence[TimeExpression]) -> date | None:
    """The day a line that is nothing but a date names: "**Wednesday, March 5**"."""
    if len(expressions) != 1 or "\n" in sentence.text.strip():
        return None
    expression = expressions[0]
    if expression.date.precision != Precision.DAY or expression.date.start is None:
        return None
    words = sentence.text.strip(_HEADING_MARKUP)
    told = expression.text.strip(_HEADING_MARKUP)
    if words.rstrip(":.") != told:
        return None
    return expression.date.start


def mention_to_record(mention: EventMention, document: DocumentRecord) -> EventRecord:
    sentence = mention.sentence
    return EventRecord(
        id=mention.local_id, type=mention.type, status=mention.status, title=mention.title,
        date=mention.claim.date,
        participants=tuple(Participant(actor_id, role) for actor_id, role in mention.participants),
        evidence=(Evidence(document.id, sentence.text, sentence.start, sentence.end, mention.claim),),
        confidence=mention.confidence, kind=mention.kind, agreed=mention.agreed, many_unnamed=mention.many_unnamed,
    )


def drop_dangling_anchors(records: Sequence[EventRecord]) -> list[EventRecord]:
    """An anchor to an event that did not survive (nobody took part in it) cannot date anything."""
    ids = {r.id for r in records}
    cleaned = []
    for record in records:
        evidence = tuple(
            replace(e, claim=DateClaim(e.claim.date)) if e.claim.anchor and e.claim.anchor.event_ref not in ids else e
            for e in record.evidence
        )
        cleaned.append(replace(record, evidence=evidence))
    return cleaned


def extract_parsed(document: DocumentRecord, doc: Doc, taxonomy: Taxonomy | None = None) -> DocumentExtraction:
    taxonomy = taxonomy or load_taxonomy()
    sentences = nlp.sentences(doc)
    expressions = time_expressions(sentences, document)
    actors = analyse_actors(doc, document)
    mentions = [
        m for m in find_event_mentions(doc, sentences, document, actors, expressions, taxonomy)
        if m.status != EventStatus.NEGATED  # "was not charged" states no event
    ]
    records = [mention_to_record(m, document) for m in mentions]
    merged, _ = merge_events(records, taxonomy)
    merged = drop_dangling_anchors(merged)
    used = {p.actor_id for r in merged for p in r.participants}
    used |= {m.actor_id for m in actors.mentions} | {a.actor_id for a in actors.affiliations} | {a.other_id for a in actors.affiliations}
    extracted = ExtractedDocument(
        document=document,
        events=tuple(merged),
        actors=tuple(a for a in actors.actors.values() if a.id in used),
        mentions=tuple(actors.mentions),
        affiliations=tuple(actors.affiliations),
    )
    return DocumentExtraction(extracted, actors, tuple(mentions), tuple(expressions))


def extract_documents(
    documents: Sequence[DocumentRecord],
    taxonomy: Taxonomy | None = None,
    on_error: Callable[[DocumentRecord, Exception], None] | None = None,
) -> Iterator[DocumentExtraction]:
    """Extraction for many documents, parsed in batches.

    With `on_error`, a document whose extraction fails is reported to it and
    skipped, so one failure does not stop the others; without, the error rises.
    """
    taxonomy = taxonomy or load_taxonomy()
    for document, doc in zip(documents, nlp.parse_many(d.text for d in documents)):
        try:
            yield extract_parsed(document, doc, taxonomy)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(document, exc)


def extract_document(document: DocumentRecord) -> DocumentExtraction:
    return next(extract_documents([document]))

