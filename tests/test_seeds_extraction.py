"""What a reporter should get from the five seed articles, one document at a time.

These are our own expected results for the demo corpus; the rules behind
them are general (no seed wording, name or date appears in the code).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from loaders.documents import read_document
from loaders.extract import extract_document
from loaders.records import EventStatus, Precision

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BBC = "001_d8339e6c9f246927.txt"
REWRITE = "000_2b2fdf7761fbc82e.txt"
USA_TODAY = "002_813ad1344b93f9d5.txt"
EXPLAINER = "003_1bc4c9bdf949d272.txt"
CLINIC = "004_75b99f7e7dd97f6c.txt"


@pytest.fixture(scope="module")
def extracted():
    return {name: extract_document(read_document(SEEDS / name)) for name in (REWRITE, BBC, USA_TODAY, EXPLAINER, CLINIC)}


def events_of(extraction, event_type):
    return [e for e in extraction.extracted.events if e.type == event_type]


def names(extraction, event, role=None):
    actors = {a.id: a.name for a in extraction.extracted.actors}
    return {actors[p.actor_id] for p in event.participants if role is None or p.role == role}


def test_the_death_is_one_event_per_article_with_matthew_perry_as_the_deceased(extracted):
    for name in (REWRITE, BBC, USA_TODAY, EXPLAINER, CLINIC):
        deaths = events_of(extracted[name], "DEATH")
        assert len(deaths) == 1, name
        assert names(extracted[name], deaths[0], "DECEASED") == {"Matthew Perry"}, name


def test_the_usa_today_copy_dates_the_death_to_28_october_2023_from_its_publication_year(extracted):
    death = events_of(extracted[USA_TODAY], "DEATH")[0]
    assert (death.date.start, death.date.end, death.date.precision) == (date(2023, 10, 28), date(2023, 10, 28), Precision.DAY)


def test_a_body_found_on_a_day_bounds_the_death_to_that_day_or_before(extracted):
    death = events_of(extracted[EXPLAINER], "DEATH")[0]
    assert death.date.start is None and death.date.end == date(2023, 10, 28)
    assert death.date.precision == Precision.BOUND


def test_the_bbc_article_does_not_date_the_death_by_the_day_its_details_emerged(extracted):
    death = events_of(extracted[BBC], "DEATH")[0]
    assert not death.date.known


def test_the_infusion_session_is_told_relative_to_the_death_in_both_wordings(extracted):
    bbc_session = events_of(extracted[BBC], "INFUSION_SESSION")[0]
    anchored = [e.claim for e in bbc_session.evidence if e.claim.anchor]
    assert anchored and anchored[0].anchor.max_offset_days == -7 and anchored[0].anchor.min_offset_days is None
    usa_session = events_of(extracted[USA_TODAY], "INFUSION_SESSION")[0]
    assert usa_session.date.end < date(2023, 10, 28) and usa_session.date.start > date(2023, 10, 14)
    assert names(extracted[USA_TODAY], usa_session, "RECIPIENT") == {"Matthew Perry"}


def test_receiving_an_infusion_is_one_event_not_also_a_drug_administration(extracted):
    assert events_of(extracted[USA_TODAY], "DRUG_ADMINISTRATION") == []


def test_the_assistants_doses_are_alleged_and_anchored_to_the_four_days_before_the_death(extracted):
    doses = [e for e in events_of(extracted[BBC], "DRUG_ADMINISTRATION") if "Matthew Perry's assistant" in names(extracted[BBC], e)]
    assert len(doses) == 1
    dose = doses[0]
    assert dose.status == EventStatus.ALLEGED
    assert names(extracted[BBC], dose, "ADMINISTERED_BY") == {"Matthew Perry's assistant"}
    assert names(extracted[BBC], dose, "RECIPIENT") == {"Matthew Perry"}
    anchor = next(e.claim.anchor for e in dose.evidence if e.claim.anchor)
    assert (anchor.min_offset_days, anchor.max_offset_days) == (-4, 0)


def test_the_charges_name_the_assistant_and_fall_in_the_fortnight_before_publication(extracted):
    for name in (REWRITE, BBC):
        charges = events_of(extracted[name], "CHARGES")
        assert len(charges) == 1, name
        assert names(extracted[name], charges[0], "DEFENDANT") == {"Matthew Perry's assistant"}, name
        assert charges[0].date.start >= date(2024, 8, 1) and charges[0].date.end <= date(2024, 8, 31), name


def test_elon_musks_interview_with_cnn_is_dated_march_2024(extracted):
    for name in (REWRITE, BBC):
        interview, = [e for e in events_of(extracted[name], "INTERVIEW")
                      if names(extracted[name], e, "INTERVIEWEE") == {"Elon Musk"}]
        assert names(extracted[name], interview, "OUTLET") == {"CNN"}
        assert (interview.date.start, interview.date.end, interview.date.precision) == (date(2024, 3, 1), date(2024, 3, 31), Precision.MONTH)


def test_experts_telling_the_bbc_are_interviews_in_a_rewrite_but_sourcing_in_the_bbcs_own_article(extracted):
    def interviewees(name):
        return {n for e in events_of(extracted[name], "INTERVIEW") for n in names(extracted[name], e, "INTERVIEWEE")}

    assert interviewees(BBC) == {"Elon Musk"}
    assert {"Rajalingam Yadhu", "Mario Juruena", "Rupert McShane"} <= interviewees(REWRITE)
    for event in events_of(extracted[REWRITE], "INTERVIEW"):
        if "Elon Musk" not in names(extracted[REWRITE], event, "INTERVIEWEE"):
            assert names(extracted[REWRITE], event, "OUTLET") == {"BBC"} and not event.date.known


def test_the_fda_approval_and_warning_are_events_without_a_date_the_text_does_not_give(extracted):
    approval = events_of(extracted[USA_TODAY], "REGULATORY_APPROVAL")
    warning = events_of(extracted[USA_TODAY], "REGULATORY_WARNING")
    assert len(approval) == 1 and len(warning) == 1
    for event in approval + warning:
        assert names(extracted[USA_TODAY], event, "REGULATOR") == {"U.S. Food and Drug Administration"}
        assert not event.date.known
    assert "esketamine" in approval[0].title


def test_experts_and_their_institutions_are_actors_with_affiliations(extracted):
    extraction = extracted[BBC]
    actors = {a.id: a for a in extraction.extracted.actors}
    affiliations = {(actors[a.actor_id].name, a.relation, actors[a.other_id].name) for a in extraction.extracted.affiliations}
    assert ("Rupert McShane", "WORKS_AT", "University of Oxford") in affiliations
    assert ("Rajalingam Yadhu", "WORKS_AT", "Royal Free Hospital") in affiliations
    assert ("Rajalingam Yadhu", "RUNS", "Save Minds") in affiliations
    assert ("Mario Juruena", "WORKS_AT", "King's College London") in affiliations
    assert ("Matthew Perry's assistant", "ASSISTANT_OF", "Matthew Perry") in affiliations


def test_drugs_and_tv_shows_are_not_actors(extracted):
    for extraction in extracted.values():
        actor_names = {a.name.lower() for a in extraction.extracted.actors}
        assert not actor_names & {"ketamine", "friends", "esketamine"}


def test_no_date_comes_from_an_age_a_percentage_a_count_or_the_verb_may(extracted):
    for extraction in extracted.values():
        for expression in extraction.expressions:
            assert not re.fullmatch(r"(54|60|27|19|seven|may|60 percent|60%)", expression.text.strip(), re.I), expression
        for event in extraction.extracted.events:
            for bound in (event.date.start, event.date.end):
                assert bound is None or bound.year >= 2017, (event.title, bound)


def test_every_event_cites_the_exact_sentence_it_came_from(extracted):
    for extraction in extracted.values():
        text = extraction.extracted.document.text
        for event in extraction.extracted.events:
            assert event.evidence
            for evidence in event.evidence:
                assert text[evidence.start : evidence.end] == evidence.quote


def test_kg_extract_json_has_exactly_the_documented_shape():
    result = CliRunner().invoke(app, ["extract", str(SEEDS / USA_TODAY), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    document = data["documents"][0]
    assert set(data) == {"documents"}
    assert set(document) == {"path", "id", "title", "published", "events", "actors"}
    assert document["published"] == "2023-12-17"
    event = document["events"][0]
    assert set(event) == {"id", "type", "status", "title", "date", "actors", "evidence", "confidence"}
    assert set(event["date"]) == {"start", "end", "precision", "text"}
    assert set(event["actors"][0]) == {"name", "role"}
    assert set(event["evidence"][0]) == {"quote", "start", "end"}
    assert set(document["actors"][0]) == {"id", "name", "kind", "aliases"}


def test_kg_extract_reports_a_bad_file_by_name_and_still_extracts_the_rest(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(app, ["extract", str(empty), str(SEEDS / USA_TODAY), "--json"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 1
