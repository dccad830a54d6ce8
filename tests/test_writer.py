"""The graph writer: idempotent, atomic, replacing changed documents, dating events across documents."""

from __future__ import annotations

import hashlib
import threading
from datetime import date, datetime
from pathlib import Path

import pytest

from graph import inspect, writer
from graph.admin import graph_counts
from graph.connection import Graph
from graph.writer import WriteError, write_document, write_documents
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
    Precision,
)
from loaders.structured import load_timeline

SAMPLE_TIMELINE = Path(__file__).resolve().parent.parent / "examples" / "timeline.csv"

DEATH_TEXT = "The actor died on 28 October 2023. His assistant was with him. Police opened an inquiry."
INFUSION_TEXT = "He had a ketamine infusion more than a week before his death. The clinic confirmed it."

ACTOR = ActorRecord("actor-star", "Sam Star", ActorKind.PERSON, aliases=("S. Star",))
ASSISTANT = ActorRecord("actor-aide", "Alex Aide", ActorKind.PERSON)
CLINIC = ActorRecord("actor-clinic", "Calm Clinic", ActorKind.ORGANIZATION)


def make_document(
    doc_id: str, text: str, *, events: tuple[EventRecord, ...] = (), actors: tuple[ActorRecord, ...] = (),
    mentions: tuple[ActorMention, ...] = (), affiliations: tuple[Affiliation, ...] = (),
    near_duplicates: tuple[NearDuplicate, ...] = (),
) -> ExtractedDocument:
    record = DocumentRecord(
        id=doc_id, path=f"{doc_id}.txt", title=f"Title of {doc_id}", text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(), url=f"https://example.com/{doc_id}",
        publisher="Example News", published=FuzzyDate.day(date(2024, 1, 2)),
    )
    return ExtractedDocument(record, events, actors, mentions, affiliations, near_duplicates)


def cite(doc_id: str, text: str, quote: str, claim: DateClaim | None = None) -> Evidence:
    start = text.index(quote)
    return Evidence(doc_id, quote, start, start + len(quote), claim or DateClaim(FuzzyDate.unknown()))


def mention(text: str, actor: ActorRecord, quote: str) -> ActorMention:
    start = text.index(quote)
    return ActorMention(actor.id, quote, start, start + len(quote))


def event(
    event_id: str, event_type: str, *evidence: Evidence, participants: tuple[Participant, ...] = ()
) -> EventRecord:
    return EventRecord(
        id=event_id, type=event_type, status=EventStatus.OCCURRED, title=f"{event_type.title()} {event_id}",
        date=FuzzyDate.unknown(), participants=participants, evidence=evidence, confidence=0.8,
    )


def death_document(
    doc_id: str = "doc-death", day: date = date(2023, 10, 28), text: str = DEATH_TEXT
) -> ExtractedDocument:
    sentence = text.split(". ")[0].rstrip(".") + "."
    claim = DateClaim(FuzzyDate.day(day, day.isoformat()))
    return make_document(
        doc_id, text,
        events=(event("event-death", "DEATH", cite(doc_id, text, sentence, claim),
                      participants=(Participant(ACTOR.id, "DECEASED"),)),),
        actors=(ACTOR,),
        mentions=(mention(text, ACTOR, sentence),),
    )


def infusion_document(doc_id: str = "doc-infusion") -> ExtractedDocument:
    sentence = "He had a ketamine infusion more than a week before his death."
    claim = DateClaim(
        FuzzyDate.unknown("more than a week before his death"),
        anchor=Anchor("event-death", None, -8),
    )
    return make_document(
        doc_id, INFUSION_TEXT,
        events=(event("event-infusion", "INFUSION_SESSION", cite(doc_id, INFUSION_TEXT, sentence, claim),
                      participants=(Participant(ACTOR.id, "PATIENT"), Participant(CLINIC.id, "PROVIDER"))),),
        actors=(ACTOR, CLINIC),
    )


def test_reloading_the_same_documents_changes_no_counts(graph: Graph) -> None:
    docs = load_timeline(SAMPLE_TIMELINE)
    first = write_documents(graph, docs)
    counts = graph_counts(graph)
    second = write_documents(graph, docs)

    assert first.documents_written == len(docs) and first.events > 0 and first.relationships > 0
    assert second.documents_written == 0 and second.documents_unchanged == len(docs)
    assert graph_counts(graph) == counts


def test_reloading_does_not_duplicate_evidence_or_change_load_time(graph: Graph) -> None:
    doc = death_document()
    write_document(graph, doc)
    loaded_at = inspect.document(graph, doc.document.id)["loadedAt"]
    write_document(graph, doc)

    claims = inspect.event_claims(graph, "event-death")
    assert [c["quote"] for c in claims] == ["The actor died on 28 October 2023."]
    assert len(inspect.document_mentions(graph, doc.document.id)) == 1
    assert inspect.document(graph, doc.document.id)["loadedAt"] == loaded_at


def test_a_failure_in_the_middle_of_a_write_leaves_nothing_of_it(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_document(graph, infusion_document())
    before = graph_counts(graph)
    real_merge_reports = writer._merge_reports

    def fail_after_reports(tx, docs):  # documents, actors, events and reports are already written
        real_merge_reports(tx, docs)
        raise RuntimeError("injected failure")

    monkeypatch.setattr(writer, "_merge_reports", fail_after_reports)
    with pytest.raises(RuntimeError, match="injected failure"):
        write_documents(graph, [death_document(), death_document("doc-death-2", date(2023, 10, 29))])

    assert graph_counts(graph) == before
    assert inspect.document(graph, "doc-death") is None
    assert inspect.event(graph, "event-death") is None


def test_a_changed_document_replaces_its_old_evidence_and_drops_what_only_it_supported(graph: Graph) -> None:
    police = "Police opened an inquiry."
    old = death_document()
    old = ExtractedDocument(
        old.document,
        events=(*old.events, event("event-inquiry", "INVESTIGATION", cite("doc-death", DEATH_TEXT, police),
                                   participants=(Participant(ASSISTANT.id, "WITNESS"),))),
        actors=(ACTOR, ASSISTANT),
        mentions=old.mentions,
    )
    write_document(graph, old)
    assert inspect.event(graph, "event-inquiry") is not None

    new_text = "Sam Star died on 28 October 2023 at home."
    new = death_document(text=new_text)
    summary = write_document(graph, new)

    assert summary.documents_written == 1
    assert inspect.event(graph, "event-inquiry") is None
    assert inspect.actor(graph, ASSISTANT.id) is None
    assert [c["quote"] for c in inspect.event_claims(graph, "event-death")] == [new_text]
    assert inspect.document(graph, "doc-death")["text"] == new_text
    assert [m["quote"] for m in inspect.document_mentions(graph, "doc-death")] == [new_text]


def test_an_event_keeps_the_participations_other_documents_still_state(graph: Graph) -> None:
    write_documents(graph, [death_document("doc-a"), death_document("doc-b")])
    replacement = make_document(
        "doc-b", "The inquest met.",
        events=(event("event-inquest", "INVESTIGATION", cite("doc-b", "The inquest met.", "The inquest met.")),),
    )
    write_document(graph, replacement)

    participants = inspect.event_participants(graph, "event-death")
    assert [(p["name"], p["role"], p["documentIds"]) for p in participants] == [("Sam Star", "DECEASED", ["doc-a"])]
    assert [c["documentId"] for c in inspect.event_claims(graph, "event-death")] == ["doc-a"]


def test_replace_false_refuses_to_overwrite_a_changed_document(graph: Graph) -> None:
    write_document(graph, death_document())
    with pytest.raises(WriteError, match="doc-death"):
        write_document(graph, death_document(text="Sam Star died on 28 October 2023 at home."), replace=False)
    assert inspect.document(graph, "doc-death")["text"] == DEATH_TEXT


@pytest.mark.parametrize("death_first", [True, False], ids=["anchor-dated-first", "anchor-dated-later"])
def test_an_anchored_claim_is_resolved_from_another_documents_date_for_the_anchor(
    graph: Graph, death_first: bool
) -> None:
    order = [death_document(), infusion_document()]
    for doc in order if death_first else reversed(order):
        write_document(graph, doc)

    infusion = inspect.event(graph, "event-infusion")
    assert infusion.get("startDate") is None
    assert infusion["endDate"] == date(2023, 10, 20)
    assert infusion["precision"] == Precision.BOUND
    [claim] = inspect.event_claims(graph, "event-infusion")
    assert claim["anchorEventId"] == "event-death"
    assert claim["endDate"] == date(2023, 10, 20)
    assert claim["dateText"] == "more than a week before his death"


def test_an_anchored_claim_follows_when_the_anchor_date_changes(graph: Graph) -> None:
    write_documents(graph, [death_document(), infusion_document()])
    write_document(graph, death_document(day=date(2023, 11, 5), text="The actor died on 5 November 2023."))

    assert inspect.event(graph, "event-infusion")["endDate"] == date(2023, 10, 28)


def test_disagreeing_sources_mark_a_date_conflict_and_keep_each_claim(graph: Graph) -> None:
    write_documents(graph, [
        death_document("doc-a", date(2023, 10, 28)),
        death_document("doc-b", date(2023, 10, 29), text="The actor died on 29 October 2023."),
    ])

    death = inspect.event(graph, "event-death")
    assert death["dateConflict"] is True
    assert (death["startDate"], death["endDate"]) == (date(2023, 10, 28), date(2023, 10, 29))
    claims = {c["documentId"]: (c["startDate"], c["endDate"]) for c in inspect.event_claims(graph, "event-death")}
    assert claims == {"doc-a": (date(2023, 10, 28),) * 2, "doc-b": (date(2023, 10, 29),) * 2}


def test_agreeing_sources_narrow_the_date(graph: Graph) -> None:
    month_text = "The actor died in October 2023."
    month = make_document(
        "doc-month", month_text,
        events=(event("event-death", "DEATH", cite("doc-month", month_text, month_text,
                                                    DateClaim(FuzzyDate.month(2023, 10, "October 2023")))),),
    )
    write_documents(graph, [month, death_document()])

    death = inspect.event(graph, "event-death")
    assert death["dateConflict"] is False
    assert (death["startDate"], death["endDate"], death["precision"]) == (date(2023, 10, 28),) * 2 + ("DAY",)


def test_dates_are_stored_as_neo4j_temporal_values(graph: Graph) -> None:
    write_document(graph, death_document())

    death = inspect.event(graph, "event-death")
    document = inspect.document(graph, "doc-death")
    [claim] = inspect.event_claims(graph, "event-death")
    # inspect turns neo4j.time values into datetime ones; a string would stay a string.
    assert type(death["startDate"]) is date and type(death["endDate"]) is date
    assert type(claim["startDate"]) is date
    assert type(document["publishedAt"]) is date and document["publishedPrecision"] == "DAY"
    assert isinstance(document["loadedAt"], datetime)


def test_actors_get_their_kind_label_and_a_searchable_name_with_all_aliases(graph: Graph) -> None:
    renamed = ActorRecord(ACTOR.id, "Samuel Star", ActorKind.PERSON, aliases=("Sammy",))
    text = "Samuel Star, known as Sammy, spoke."
    interview = make_document(
        "doc-interview", text,
        events=(event("event-interview", "INTERVIEW", cite("doc-interview", text, text),
                      participants=(Participant(ACTOR.id, "INTERVIEWEE"),)),),
        actors=(renamed,),
    )
    write_documents(graph, [death_document(), interview, infusion_document()])

    star = inspect.actor(graph, ACTOR.id)
    assert star["name"] == "Sam Star"
    assert sorted(star["aliases"]) == ["S. Star", "Sammy", "Samuel Star"]
    assert all(name in star["searchName"] for name in ("sam star", "s. star", "samuel star", "sammy"))
    assert star["labels"] == ["Actor", "Person"]
    assert inspect.actor(graph, CLINIC.id)["labels"] == ["Actor", "Organization"]


def test_affiliations_cite_their_first_source_and_go_when_it_is_replaced(graph: Graph) -> None:
    text = "Alex Aide worked for Sam Star for years."
    affiliation = Affiliation(ASSISTANT.id, ACTOR.id, "ASSISTANT_OF", text, 0, len(text))
    doc = make_document(
        "doc-aide", text, actors=(ACTOR, ASSISTANT),
        mentions=(mention(text, ASSISTANT, text), mention(text, ACTOR, text)),
        affiliations=(affiliation,),
    )
    write_document(graph, doc)
    assert graph_counts(graph)["AFFILIATED_WITH"] == 1

    write_document(graph, make_document("doc-aide", "Alex Aide declined to comment.", actors=(ASSISTANT,),
                                        mentions=(ActorMention(ASSISTANT.id, "Alex Aide", 0, 9),)))
    assert "AFFILIATED_WITH" not in graph_counts(graph)
    assert inspect.actor(graph, ACTOR.id) is None


def test_an_affiliation_two_documents_state_survives_the_replacement_of_one(graph: Graph) -> None:
    def stating(doc_id: str, text: str) -> ExtractedDocument:
        return make_document(
            doc_id, text, actors=(ACTOR, ASSISTANT),
            mentions=(mention(text, ASSISTANT, text), mention(text, ACTOR, text)),
            affiliations=(Affiliation(ASSISTANT.id, ACTOR.id, "ASSISTANT_OF", text, 0, len(text)),),
        )

    write_document(graph, stating("doc-a", "Alex Aide worked for Sam Star for years."))
    write_document(graph, stating("doc-b", "Sam Star's assistant, Alex Aide, was there."))
    write_document(graph, make_document("doc-a", "Alex Aide declined to comment.", actors=(ASSISTANT,),
                                        mentions=(ActorMention(ASSISTANT.id, "Alex Aide", 0, 9),)))

    assert graph_counts(graph)["AFFILIATED_WITH"] == 1


def test_a_corrected_timeline_status_reaches_the_event(graph: Graph, tmp_path: Path) -> None:
    header = "date,type,title,status,actors,source_url,quote\n"
    row = "2025-03-01,SENTENCING,Sentencing of Jo Doe,{status},Jo Doe:DEFENDANT,https://example.com/a,Jo Doe will be sentenced.\n"
    timeline = tmp_path / "timeline.csv"
    timeline.write_text(header + row.format(status="SCHEDULED"))
    write_documents(graph, load_timeline(timeline))
    timeline.write_text(header + row.format(status="OCCURRED"))
    write_documents(graph, load_timeline(timeline))

    assert [e["status"] for e in inspect.events(graph)] == ["OCCURRED"]


def test_near_duplicates_link_documents_and_must_point_at_a_known_document(graph: Graph) -> None:
    original = death_document("doc-a")
    copy = death_document("doc-b")
    copy = ExtractedDocument(copy.document, copy.events, copy.actors, copy.mentions,
                             near_duplicates=(NearDuplicate("doc-b", "doc-a", 0.97),))
    write_documents(graph, [original, copy])
    assert graph_counts(graph)["NEAR_DUPLICATE_OF"] == 1

    orphan = make_document("doc-c", "Text.", near_duplicates=(NearDuplicate("doc-c", "doc-missing", 0.9),))
    with pytest.raises(WriteError, match="doc-missing"):
        write_document(graph, orphan)
    assert inspect.document(graph, "doc-c") is None


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (lambda e: Evidence(e.document_id, "Not in the text.", e.start, e.end, e.claim), "is not the text at"),
        (lambda e: Evidence(e.document_id, e.quote, e.start, 10_000, e.claim), "outside the text"),
        (lambda e: Evidence("doc-other", e.quote, e.start, e.end, e.claim), "evidence must come from this document"),
    ],
    ids=["quote-mismatch", "offsets-outside", "wrong-document"],
)
def test_inconsistent_evidence_is_refused_before_anything_is_written(graph: Graph, broken, message: str) -> None:
    good = infusion_document()
    doc = death_document()
    [death] = doc.events
    bad_event = EventRecord(death.id, death.type, death.status, death.title, death.date, death.participants,
                            (broken(death.evidence[0]),), death.confidence)
    bad = ExtractedDocument(doc.document, (bad_event,), doc.actors, doc.mentions)

    with pytest.raises(WriteError) as error:
        write_documents(graph, [good, bad])
    assert "doc-death" in str(error.value) and message in str(error.value)
    assert graph_counts(graph) == {}


def test_empty_roles_types_and_unknown_participants_are_refused(graph: Graph) -> None:
    text = "Something happened."
    bad = make_document(
        "doc-bad", text, actors=(ACTOR,),
        events=(EventRecord("event-x", " ", EventStatus.OCCURRED, "Something", FuzzyDate.unknown(),
                            (Participant(ACTOR.id, ""), Participant("actor-nobody", "WITNESS")),
                            (cite("doc-bad", text, text),), 0.5),),
    )
    with pytest.raises(WriteError) as error:
        write_document(graph, bad)
    problems = str(error.value)
    assert "empty type" in problems
    assert "empty role" in problems
    assert "'actor-nobody' is not among the document's actors" in problems
    assert graph_counts(graph) == {}


def test_concurrent_writers_sharing_actors_and_events_all_succeed_and_see_each_others_claims(graph: Graph) -> None:
    days = [date(2023, 10, 28 + n % 2) for n in range(6)]
    docs = [
        death_document(f"doc-{n}", day, text=f"The actor died on {day:%d %B %Y}. Source {n}.")
        for n, day in enumerate(days)
    ]
    errors: list[BaseException] = []
    start = threading.Barrier(len(docs))

    def write(doc: ExtractedDocument) -> None:
        try:
            start.wait()
            write_document(graph, doc)
        except BaseException as exc:  # collected and reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(doc,)) for doc in docs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [f"{type(e).__name__} {getattr(e, 'code', '')}: {e}" for e in errors] == []
    counts = graph_counts(graph)
    assert (counts["Document"], counts["Event"], counts["Actor"]) == (6, 1, 1)
    assert counts["REPORTED_IN"] == 6 and counts["PARTICIPATED_IN"] == 1
    death = inspect.event(graph, "event-death")
    assert (death["startDate"], death["endDate"], death["dateConflict"]) == (min(days), max(days), True)
