"""A small fictional story, written through the real graph writer, that the reader and API tests share.

The singer Mara Quill dies in Port Ansel; two papers disagree on the day
(12 vs 13 March 2022). A wire copy repeats the first paper almost word for
word (a near-duplicate). She had an infusion "in February 2022" (a month), her
assistant gave her a drug "more than a week before her death" (a claim
anchored to the death), her doctor gave an interview at an unknown date, was
charged on 1 August 2023, and a sentencing is expected after 1 August 2024.

Every name, place and publication here is invented.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from graph.connection import Graph
from graph.writer import WriteSummary, write_documents
from loaders.records import (
    ActorKind,
    ActorMention,
    ActorRecord,
    Affiliation,
    Anchor,
    DateClaim,
    DocumentRecord,
    EventRecord,
    EventStatus,
    Evidence,
    ExtractedDocument,
    FuzzyDate,
    NearDuplicate,
    Participant,
)

# Ids the tests refer to.
MARA = "actor-mara-quill"
FELIX = "actor-felix-amberg"
TOBIAS = "actor-tobias-reyne"
CLINIC = "actor-larkspur-clinic"
LONER = "actor-ida-lone"  # mentioned, takes part in nothing: connected to nobody

DEATH = "event-quill-death"
BIRTH = "event-quill-birth"
INFUSION = "event-quill-infusion"
DRUG = "event-quill-drug"
INTERVIEW = "event-amberg-interview"
CHARGES = "event-amberg-charges"
SENTENCING = "event-amberg-sentencing"

LEDGER = "doc-harbor-ledger"
COURIER = "doc-ansel-courier"
WIRE = "doc-ledger-wire"
CHARGES_REPORT = "doc-courier-charges"

LEDGER_URL = "https://news.example.org/ledger/quill-dies"
COURIER_URL = "https://news.example.org/courier/quill-family"


@dataclass(frozen=True)
class _Text:
    """A document text built sentence by sentence, so every quote's offsets are exact."""

    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def span(self, quote: str) -> tuple[str, int, int]:
        start = self.text.index(quote)
        return quote, start, start + len(quote)

    def evidence(self, document_id: str, quote: str, claim: DateClaim) -> Evidence:
        text, start, end = self.span(quote)
        return Evidence(document_id=document_id, quote=text, start=start, end=end, claim=claim)

    def mention(self, actor_id: str, name: str) -> ActorMention:
        quote, start, end = self.span(name)
        return ActorMention(actor_id=actor_id, quote=quote, start=start, end=end)


def _document(doc_id: str, text: _Text, title: str, url: str | None, publisher: str, published: date) -> DocumentRecord:
    body = text.text
    return DocumentRecord(
        id=doc_id, path=f"sample/{doc_id}.txt", title=title, text=body,
        sha256=hashlib.sha256(body.encode()).hexdigest(), url=url, publisher=publisher,
        published=FuzzyDate.day(published),
    )


MARA_ACTOR = ActorRecord(MARA, "Mara Quill", ActorKind.PERSON, aliases=("M. Quill",), description="singer")
FELIX_ACTOR = ActorRecord(FELIX, "Felix Amberg", ActorKind.PERSON, description="physician")
TOBIAS_ACTOR = ActorRecord(TOBIAS, "Tobias Reyne", ActorKind.PERSON)
CLINIC_ACTOR = ActorRecord(CLINIC, "Larkspur Wellness Clinic", ActorKind.ORGANIZATION)
LONER_ACTOR = ActorRecord(LONER, "Ida Lone", ActorKind.PERSON)


def _ledger() -> ExtractedDocument:
    t = _Text((
        "Singer Mara Quill died on 12 March 2022 at her home in Port Ansel.",
        "In February 2022, Quill received an infusion from Dr. Felix Amberg at the Larkspur Wellness Clinic.",
        "Her assistant Tobias Reyne gave her the drug more than a week before her death.",
        "Amberg works at the Larkspur Wellness Clinic.",
        "Quill was born in 1985.",
        "Neighbour Ida Lone said the street was quiet.",
    ))
    doc = LEDGER
    return ExtractedDocument(
        document=_document(doc, t, "Singer Mara Quill dies at 37", LEDGER_URL, "Harbor Ledger", date(2022, 3, 15)),
        actors=(MARA_ACTOR, FELIX_ACTOR, TOBIAS_ACTOR, CLINIC_ACTOR, LONER_ACTOR),
        events=(
            EventRecord(
                DEATH, "DEATH", EventStatus.OCCURRED, "Death of Mara Quill", FuzzyDate.day(date(2022, 3, 12)),
                (Participant(MARA, "DECEASED"),),
                (t.evidence(doc, "Singer Mara Quill died on 12 March 2022 at her home in Port Ansel.",
                            DateClaim(FuzzyDate.day(date(2022, 3, 12), "12 March 2022"))),),
                0.9,
            ),
            EventRecord(
                INFUSION, "INFUSION_SESSION", EventStatus.OCCURRED, "Infusion session of Mara Quill",
                FuzzyDate.month(2022, 2),
                (Participant(MARA, "PATIENT"), Participant(FELIX, "PROVIDER"), Participant(CLINIC, "LOCATION")),
                (t.evidence(doc, "In February 2022, Quill received an infusion from Dr. Felix Amberg at the Larkspur Wellness Clinic.",
                            DateClaim(FuzzyDate.month(2022, 2, "February 2022"))),),
                0.8,
            ),
            EventRecord(
                DRUG, "DRUG_ADMINISTRATION", EventStatus.ALLEGED, "Drug given to Mara Quill by Tobias Reyne",
                FuzzyDate.unknown(),
                (Participant(TOBIAS, "AGENT"), Participant(MARA, "RECIPIENT")),
                (t.evidence(doc, "Her assistant Tobias Reyne gave her the drug more than a week before her death.",
                            DateClaim(FuzzyDate.unknown("more than a week before her death"),
                                      Anchor(DEATH, None, -8))),),
                0.7,
            ),
            EventRecord(
                BIRTH, "BIRTH", EventStatus.OCCURRED, "Birth of Mara Quill", FuzzyDate.year(1985),
                (Participant(MARA, "BORN"),),
                (t.evidence(doc, "Quill was born in 1985.", DateClaim(FuzzyDate.year(1985, "1985"))),),
                0.9,
            ),
        ),
        mentions=(
            t.mention(MARA, "Mara Quill"), t.mention(FELIX, "Felix Amberg"),
            t.mention(TOBIAS, "Tobias Reyne"), t.mention(CLINIC, "Larkspur Wellness Clinic"),
            t.mention(LONER, "Ida Lone"),
        ),
        affiliations=(
            Affiliation(TOBIAS, MARA, "ASSISTANT_OF", *t.span("Her assistant Tobias Reyne")),
            Affiliation(FELIX, CLINIC, "WORKS_AT", *t.span("Amberg works at the Larkspur Wellness Clinic.")),
        ),
    )


def _wire_copy() -> ExtractedDocument:
    t = _Text((
        "Singer Mara Quill died on 12 March 2022 at her home in Port Ansel.",
        "Tributes came from fans across the coast.",
    ))
    doc = WIRE
    return ExtractedDocument(
        document=_document(doc, t, "Singer Mara Quill dies", None, "Ledger Wire", date(2022, 3, 15)),
        actors=(MARA_ACTOR,),
        events=(
            EventRecord(
                DEATH, "DEATH", EventStatus.OCCURRED, "Death of Mara Quill", FuzzyDate.day(date(2022, 3, 12)),
                (Participant(MARA, "DECEASED"),),
                (t.evidence(doc, "Singer Mara Quill died on 12 March 2022 at her home in Port Ansel.",
                            DateClaim(FuzzyDate.day(date(2022, 3, 12), "12 March 2022"))),),
                0.9,
            ),
        ),
        mentions=(t.mention(MARA, "Mara Quill"),),
        near_duplicates=(NearDuplicate(WIRE, LEDGER, 0.93),),
    )


def _courier() -> ExtractedDocument:
    t = _Text((
        "Mara Quill died on 13 March 2022, her family said.",
        "Dr. Felix Amberg said in an interview that the treatment was safe.",
    ))
    doc = COURIER
    return ExtractedDocument(
        document=_document(doc, t, "Quill family speaks", COURIER_URL, "Port Ansel Courier", date(2022, 3, 16)),
        actors=(MARA_ACTOR, FELIX_ACTOR),
        events=(
            EventRecord(
                DEATH, "DEATH", EventStatus.OCCURRED, "Death of Mara Quill", FuzzyDate.day(date(2022, 3, 13)),
                (Participant(MARA, "DECEASED"),),
                (t.evidence(doc, "Mara Quill died on 13 March 2022, her family said.",
                            DateClaim(FuzzyDate.day(date(2022, 3, 13), "13 March 2022"))),),
                0.9,
            ),
            EventRecord(
                INTERVIEW, "INTERVIEW", EventStatus.OCCURRED, "Interview with Felix Amberg", FuzzyDate.unknown(),
                (Participant(FELIX, "INTERVIEWEE"), Participant(MARA, "SUBJECT")),
                (t.evidence(doc, "Dr. Felix Amberg said in an interview that the treatment was safe.",
                            DateClaim(FuzzyDate.unknown())),),
                0.6,
            ),
        ),
        mentions=(t.mention(MARA, "Mara Quill"), t.mention(FELIX, "Felix Amberg")),
    )


def _charges_report() -> ExtractedDocument:
    t = _Text((
        "Prosecutors charged Dr. Felix Amberg on 1 August 2023.",
        "A sentencing hearing is expected after 1 August 2024.",
    ))
    doc = CHARGES_REPORT
    return ExtractedDocument(
        document=_document(doc, t, "Doctor charged over Quill death", "https://news.example.org/courier/amberg-charged",
                           "Port Ansel Courier", date(2023, 8, 2)),
        actors=(FELIX_ACTOR,),
        events=(
            EventRecord(
                CHARGES, "CHARGES", EventStatus.OCCURRED, "Charges against Felix Amberg", FuzzyDate.day(date(2023, 8, 1)),
                (Participant(FELIX, "DEFENDANT"),),
                (t.evidence(doc, "Prosecutors charged Dr. Felix Amberg on 1 August 2023.",
                            DateClaim(FuzzyDate.day(date(2023, 8, 1), "1 August 2023"))),),
                0.9,
            ),
            EventRecord(
                SENTENCING, "SENTENCING", EventStatus.EXPECTED, "Sentencing of Felix Amberg",
                FuzzyDate.between(date(2024, 8, 1), None),
                (Participant(FELIX, "DEFENDANT"),),
                (t.evidence(doc, "A sentencing hearing is expected after 1 August 2024.",
                            DateClaim(FuzzyDate.between(date(2024, 8, 1), None, "after 1 August 2024"))),),
                0.5,
            ),
        ),
        mentions=(t.mention(FELIX, "Felix Amberg"),),
    )


def sample_documents() -> list[ExtractedDocument]:
    """The story's four documents, the original before its near-duplicate copy."""
    return [_ledger(), _courier(), _wire_copy(), _charges_report()]


def load_sample_graph(graph: Graph) -> WriteSummary:
    """Write the story through the graph writer (one transaction)."""
    return write_documents(graph, sample_documents())


def many_events_document(actor_id: str, count: int, first_day: date = date(2021, 1, 1)) -> ExtractedDocument:
    """One document stating `count` dated events of one actor: for paging and round-trip tests."""
    sentences = tuple(f"Event number {i} happened on day {i}." for i in range(count))
    t = _Text(sentences)
    doc = "doc-many-events"
    actor = ActorRecord(actor_id, "Pat Many", ActorKind.PERSON)
    events = tuple(
        EventRecord(
            f"event-many-{i:03d}", "STATEMENT", EventStatus.OCCURRED, f"Statement number {i}",
            FuzzyDate.day(first_day + timedelta(days=i)),
            (Participant(actor_id, "SPEAKER"),),
            (t.evidence(doc, sentences[i], DateClaim(FuzzyDate.day(first_day + timedelta(days=i)))),),
            0.8,
        )
        for i in range(count)
    )
    return ExtractedDocument(
        document=_document(doc, t, "Many statements", "https://news.example.org/many", "Example Post", date(2021, 12, 31)),
        actors=(actor,), events=events,
    )
