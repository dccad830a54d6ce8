"""Mentions of one real event become one event; different events stay apart."""

from datetime import date

from loaders.merge import merge_events
from loaders.records import (
    Anchor,
    DateClaim,
    EventRecord,
    EventStatus,
    Evidence,
    FuzzyDate,
    Participant,
    consolidate,
)
from loaders.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()


def record(rid, type_, actor, role, claim, doc="doc-a", start=0, status=EventStatus.OCCURRED):
    return EventRecord(
        id=rid, type=type_, status=status, title=f"{type_} {actor}", date=claim.date,
        participants=(Participant(actor, role),),
        evidence=(Evidence(doc, "quote", start, start + 5, claim),), confidence=0.8,
    )


def test_a_death_told_by_two_documents_is_one_event_with_both_sources():
    a = record("a", "DEATH", "person-x", "DECEASED", DateClaim(FuzzyDate.day(date(2023, 10, 28))), doc="d1")
    b = record("b", "DEATH", "person-x", "DECEASED", DateClaim(FuzzyDate.unknown()), doc="d2")
    merged, renamed = merge_events([a, b], TAXONOMY)
    assert len(merged) == 1
    assert {e.document_id for e in merged[0].evidence} == {"d1", "d2"}
    assert merged[0].date == FuzzyDate.day(date(2023, 10, 28))
    assert renamed["a"] == renamed["b"] == merged[0].id


def test_deaths_of_different_people_stay_apart():
    a = record("a", "DEATH", "person-x", "DECEASED", DateClaim(FuzzyDate.unknown()))
    b = record("b", "DEATH", "person-y", "DECEASED", DateClaim(FuzzyDate.unknown()), start=10)
    merged, _ = merge_events([a, b], TAXONOMY)
    assert len(merged) == 2


def test_interviews_of_one_person_months_apart_stay_apart():
    a = record("a", "INTERVIEW", "person-x", "INTERVIEWEE", DateClaim(FuzzyDate.month(2024, 3)))
    b = record("b", "INTERVIEW", "person-x", "INTERVIEWEE", DateClaim(FuzzyDate.month(2024, 9)), start=10)
    merged, _ = merge_events([a, b], TAXONOMY)
    assert len(merged) == 2


def test_claims_anchored_to_the_same_event_merge_and_show_their_conflict():
    death = record("death", "DEATH", "person-x", "DECEASED", DateClaim(FuzzyDate.day(date(2023, 10, 28))), doc="d3")
    more_than_a_week = record("s1", "INFUSION_SESSION", "person-x", "RECIPIENT",
                              DateClaim(FuzzyDate.unknown("more than a week before his death"), Anchor("death", None, -7)), doc="d1")
    days_before = record("s2", "INFUSION_SESSION", "person-x", "RECIPIENT",
                         DateClaim(FuzzyDate.unknown("days before his passing"), Anchor("death", -6, -1)), doc="d2")
    merged, _ = merge_events([death, more_than_a_week, days_before], TAXONOMY)
    session = next(e for e in merged if e.type == "INFUSION_SESSION")
    claims = {e.document_id: (e.claim.date.start, e.claim.date.end) for e in session.evidence}
    assert claims == {"d1": (None, date(2023, 10, 21)), "d2": (date(2023, 10, 22), date(2023, 10, 27))}
    assert consolidate([e.claim.date for e in session.evidence])[1] is True
    assert session.date.end == date(2023, 10, 27) and session.date.start is None


def test_agreeing_claims_narrow_the_date_and_disagreeing_ones_span_both():
    narrow, conflict = consolidate([FuzzyDate.month(2023, 10), FuzzyDate.day(date(2023, 10, 28))])
    assert (narrow.start, narrow.end, conflict) == (date(2023, 10, 28), date(2023, 10, 28), False)
    wide, conflict = consolidate([FuzzyDate.day(date(2023, 10, 1)), FuzzyDate.day(date(2023, 10, 28))])
    assert (wide.start, wide.end, conflict) == (date(2023, 10, 1), date(2023, 10, 28), True)


def test_a_supplier_and_the_buyer_who_resold_are_two_supplies_not_one():
    def supply(rid, supplier, buyer, start):
        return EventRecord(
            id=rid, type="DRUG_SUPPLY", status=EventStatus.OCCURRED, title="supply", date=FuzzyDate.unknown(),
            participants=(Participant(supplier, "SUPPLIER"), Participant(buyer, "BUYER")),
            evidence=(Evidence("doc-a", "quote", start, start + 5),), confidence=0.8,
        )
    merged, _ = merge_events([supply("a", "chavez", "plasencia", 0), supply("b", "plasencia", "perry", 10)], TAXONOMY)
    assert len(merged) == 2


def test_an_interview_with_no_outlet_named_joins_one_interview_and_never_bridges_two():
    def interview(rid, outlet, start):
        participants = (Participant("amara", "INTERVIEWEE"),) + ((Participant(outlet, "OUTLET"),) if outlet else ())
        return EventRecord(
            id=rid, type="INTERVIEW", status=EventStatus.OCCURRED, title="interview", date=FuzzyDate.unknown(),
            participants=participants, evidence=(Evidence("doc-a", "quote", start, start + 5),), confidence=0.8,
        )
    merged, renamed = merge_events(
        [interview("magazine", "glossline", 0), interview("host", None, 10), interview("tv", "sunrise", 20)], TAXONOMY)
    assert len(merged) == 2
    assert renamed["host"] == renamed["magazine"] != renamed["tv"]


def test_doses_given_by_two_different_people_to_one_patient_stay_apart():
    def dose(rid, by, start):
        return EventRecord(
            id=rid, type="DRUG_ADMINISTRATION", status=EventStatus.OCCURRED, title="dose", date=FuzzyDate.month(2023, 10),
            participants=(Participant(by, "ADMINISTERED_BY"), Participant("patient", "RECIPIENT")),
            evidence=(Evidence("doc-a", "quote", start, start + 5),), confidence=0.8,
        )
    merged, _ = merge_events([dose("a", "doctor", 0), dose("b", "assistant", 10)], TAXONOMY)
    assert len(merged) == 2


def test_a_mention_anchored_on_another_mention_of_the_same_event_is_not_dated_by_itself():
    # "sentenced Thursday" in one story; "a statement after the hearing" anchored to it, and the
    # two sentencing mentions merge: the anchor on its own event is dropped, not kept as a loop.
    dated = record("s1", "SENTENCING", "person-x", "DEFENDANT", DateClaim(FuzzyDate.day(date(2025, 5, 22))), doc="d1")
    anchored = record("s2", "SENTENCING", "person-x", "DEFENDANT",
                      DateClaim(FuzzyDate.unknown("after the hearing"), Anchor("s1", 0, None)), doc="d2")
    merged, renamed = merge_events([dated, anchored], TAXONOMY)
    (sentencing,) = merged
    assert all(e.claim.anchor is None for e in sentencing.evidence)
    assert sentencing.date == FuzzyDate.day(date(2025, 5, 22))


def test_an_undated_mention_never_joins_two_actions_dated_apart():
    reprimand = record("a", "REGULATORY_ACTION", "org-board", "REGULATOR", DateClaim(FuzzyDate.year(2019)))
    undated = record("b", "REGULATORY_ACTION", "org-board", "REGULATOR", DateClaim(FuzzyDate.unknown()), start=10)
    suspension = record("c", "REGULATORY_ACTION", "org-board", "REGULATOR",
                        DateClaim(FuzzyDate.day(date(2026, 1, 16))), start=20)
    merged, _ = merge_events([reprimand, undated, suspension], TAXONOMY)
    assert len(merged) == 2
    assert sorted(e.date.start for e in merged) == [date(2019, 1, 1), date(2026, 1, 16)]


def test_a_trial_told_on_its_first_and_last_days_is_one_trial():
    opening = record("a", "TRIAL", "person-x", "DEFENDANT", DateClaim(FuzzyDate.day(date(2024, 10, 7))))
    undated = record("b", "TRIAL", "person-x", "DEFENDANT", DateClaim(FuzzyDate.unknown()), start=10)
    verdict = record("c", "TRIAL", "person-x", "DEFENDANT", DateClaim(FuzzyDate.day(date(2024, 10, 16))), start=20)
    merged, _ = merge_events([opening, undated, verdict], TAXONOMY)
    assert len(merged) == 1


def test_pleas_of_different_kinds_stay_apart_and_one_of_no_kind_joins_either():
    from dataclasses import replace

    unknown = DateClaim(FuzzyDate.unknown())
    not_guilty = replace(record("a", "PLEA", "person-x", "DEFENDANT", unknown, doc="d1"), kind="not guilty")
    guilty = replace(record("b", "PLEA", "person-x", "DEFENDANT", unknown, doc="d2"), kind="guilty")
    merged, _ = merge_events([not_guilty, guilty], TAXONOMY)
    assert sorted(e.kind for e in merged) == ["guilty", "not guilty"]
    plain = record("c", "PLEA", "person-x", "DEFENDANT", unknown, doc="d3")
    merged, _ = merge_events([guilty, plain], TAXONOMY)
    assert len(merged) == 1 and merged[0].kind == "guilty"
