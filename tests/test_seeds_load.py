"""`kg load seeds/`: the five articles become one story in the graph."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from graph import inspect
from graph.admin import graph_counts
from loaders.pipeline import load_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def loaded(graph):
    report = load_paths(graph, [SEEDS])
    assert report.ok, report.failed
    return graph, report


def events_of(graph, event_type):
    return [e for e in inspect.events(graph) if e["type"] == event_type]


def participants(graph, event, role):
    return {p["name"] for p in inspect.event_participants(graph, event["id"]) if p["role"] == role}


def test_perrys_death_is_one_event_dated_28_october_2023_with_evidence_from_several_articles(loaded):
    graph, _ = loaded
    deaths = events_of(graph, "DEATH")
    assert len(deaths) == 1
    death = deaths[0]
    assert (death["startDate"], death["endDate"], death["precision"]) == (date(2023, 10, 28), date(2023, 10, 28), "DAY")
    assert participants(graph, death, "DECEASED") == {"Matthew Perry"}
    assert len({c["documentId"] for c in inspect.event_claims(graph, death["id"])}) >= 3
    assert death["dateConflict"] is False


def test_the_infusion_session_is_bounded_before_the_death_and_its_conflicting_claims_stay_visible(loaded):
    graph, _ = loaded
    sessions = events_of(graph, "INFUSION_SESSION")
    assert len(sessions) == 1
    session = sessions[0]
    assert session["endDate"] is not None and session["endDate"] < date(2023, 10, 28)
    assert session["dateConflict"] is True
    claims = {(c["dateText"], c.get("startDate"), c.get("endDate")) for c in inspect.event_claims(graph, session["id"]) if c.get("anchorEventId")}
    assert ("more than a week before his death", None, date(2023, 10, 21)) in claims
    assert ("days before his passing on Oct. 28", date(2023, 10, 22), date(2023, 10, 27)) in claims


def test_the_assistants_doses_are_dated_to_the_four_days_before_the_death_once_another_article_dates_it(loaded):
    graph, _ = loaded
    doses = [e for e in events_of(graph, "DRUG_ADMINISTRATION") if "Matthew Perry's assistant" in participants(graph, e, "ADMINISTERED_BY")]
    assert len(doses) == 1
    assert (doses[0]["startDate"], doses[0]["endDate"]) == (date(2023, 10, 24), date(2023, 10, 28))
    assert doses[0]["status"] == "ALLEGED"


def test_charges_interview_and_fda_events(loaded):
    graph, _ = loaded
    charges = events_of(graph, "CHARGES")
    assert len(charges) == 1 and charges[0]["startDate"] >= date(2024, 8, 1) and charges[0]["endDate"] <= date(2024, 8, 31)
    musk = [e for e in events_of(graph, "INTERVIEW") if participants(graph, e, "INTERVIEWEE") == {"Elon Musk"}]
    assert len(musk) == 1 and (musk[0]["startDate"], musk[0]["endDate"]) == (date(2024, 3, 1), date(2024, 3, 31))
    assert participants(graph, musk[0], "OUTLET") == {"CNN"}
    for event_type in ("REGULATORY_APPROVAL", "REGULATORY_WARNING"):
        (event,) = events_of(graph, event_type)
        assert event.get("startDate") is None and event.get("endDate") is None and event["precision"] == "UNKNOWN"


def test_the_rewrite_is_linked_to_the_bbc_article_it_copies(loaded):
    graph, _ = loaded
    counts = graph_counts(graph)
    assert counts.get("NEAR_DUPLICATE_OF") == 1


def test_loading_the_seeds_again_changes_nothing(loaded):
    graph, _ = loaded
    before = graph_counts(graph)
    report = load_paths(graph, [SEEDS])
    assert len(report.unchanged) == 5 and not report.loaded and report.ok
    assert graph_counts(graph) == before


def test_a_bad_file_in_the_folder_is_reported_and_the_others_still_load(graph, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEEDS / "002_813ad1344b93f9d5.txt", folder / "good.txt")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "impossible.md").write_text("---\ntitle: X\npublished: 2023-02-30\n---\nSome text about a trial.\n")
    report = load_paths(graph, [folder])
    failed = {Path(p).name: reason for p, reason in report.failed}
    assert set(failed) == {"binary.txt", "impossible.md"}
    assert "2023-02-30" in failed["impossible.md"]
    assert [Path(p).name for p in report.loaded] == ["good.txt"]
    assert [d["title"] for d in inspect.documents(graph)] == ["What are ketamine infusion clinics where Matthew Perry sought help? What you should know"]
