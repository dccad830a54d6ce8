"""The extraction benchmark's scorer, on tiny hand-made gold and predicted events.

These tests pin down how the benchmark counts, not how good the extractor is:
its figures are printed by `python -m bench extraction`, never asserted here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bench import __main__ as bench_cli
from bench.extraction import (
    DEFAULT_FIXTURES,
    ArticleResult,
    Event,
    GoldError,
    Participant,
    Report,
    date_correct,
    discover,
    load_gold,
    names_match,
    predicted_events,
    report_json,
    score,
)
from loaders.records import ActorKind  # noqa: E402
from loaders.taxonomy import load_taxonomy  # noqa: E402

TAXONOMY = load_taxonomy()
FDA = Participant("U.S. Food and Drug Administration", "REGULATOR", ("FDA",), is_person=False)


def person(name: str, role: str) -> Participant:
    return Participant(name, role)


def event(type_: str, *participants: Participant, start: date | None = None, end: date | None = None,
          status: str = "OCCURRED", sentence: str = "") -> Event:
    return Event(type_, tuple(participants), start, end, status, (sentence,) if sentence else ())


def day(text: str) -> date:
    return date.fromisoformat(text)


# ---------------------------------------------------------------- names


def test_a_surname_or_a_title_matches_the_full_name_but_another_first_name_does_not():
    gold = person("Salvador Plasencia", "DEFENDANT")
    assert names_match(gold, person("Plasencia", "DEFENDANT"))
    assert names_match(gold, person("Dr. Salvador Plasencia", "DEFENDANT"))
    assert names_match(gold, person("SALVADOR PLASENCIA", "DEFENDANT"))
    assert not names_match(person("Suzanne Morrison", "SPEAKER"), person("Keith Morrison", "SPEAKER"))


def test_a_hyphenated_surname_alone_matches_the_full_name_but_half_of_it_does_not():
    gold = person("Devin Okafor-Reyes", "DECEASED")
    assert names_match(gold, person("Okafor-Reyes", "DECEASED"))
    assert not names_match(gold, person("Reyes", "DECEASED"))
    assert names_match(gold, person("Devin Okafor Reyes", "DECEASED"))  # a hyphen or a space: one name


def test_an_organisation_matches_by_name_or_alias_never_by_its_last_word():
    assert names_match(FDA, Participant("FDA", "REGULATOR", is_person=False))
    assert names_match(FDA, Participant("the US Food and Drug Administration", "REGULATOR", is_person=False))
    assert not names_match(FDA, Participant("Drug Enforcement Administration", "REGULATOR", is_person=False))
    assert not names_match(Participant("Johnson & Johnson", "SPEAKER", is_person=False),
                           Participant("Johnson", "SPEAKER", is_person=False))


def test_a_predicted_alias_is_a_name_of_the_predicted_actor():
    predicted = Participant("Food and Drug Administration", "REGULATOR", ("FDA",), is_person=False)
    assert names_match(Participant("FDA", "REGULATOR", is_person=False), predicted)


# ---------------------------------------------------------------- dates


def test_a_prediction_inside_the_gold_interval_is_right_and_a_wider_one_is_wrong():
    gold = event("PLEA", start=day("2024-08-01"), end=day("2024-08-31"))
    assert date_correct(gold, event("PLEA", start=day("2024-08-07"), end=day("2024-08-07")))
    assert date_correct(gold, event("PLEA", start=day("2024-08-01"), end=day("2024-08-31")))
    assert not date_correct(gold, event("PLEA", start=day("2024-01-01"), end=day("2024-12-31")))
    assert not date_correct(gold, event("PLEA", start=day("2024-09-02"), end=day("2024-09-02")))


def test_an_undated_gold_event_is_right_only_when_the_prediction_is_undated():
    gold = event("PLEA")
    assert date_correct(gold, event("PLEA"))
    assert not date_correct(gold, event("PLEA", start=day("2024-08-01"), end=day("2024-08-15")))


def test_an_open_side_is_infinite_on_both_sides_of_the_comparison():
    before_death = event("INFUSION_SESSION", end=day("2023-10-19"))
    assert date_correct(before_death, event("INFUSION_SESSION", start=day("2023-10-17"), end=day("2023-10-18")))
    assert date_correct(before_death, event("INFUSION_SESSION", end=day("2023-10-18")))
    assert not date_correct(event("DEATH", start=day("2023-10-28"), end=day("2023-10-28")),
                            event("DEATH", end=day("2023-10-28")))
    assert not date_correct(before_death, event("INFUSION_SESSION"))


# ---------------------------------------------------------------- matching and counts


def test_an_exact_prediction_scores_full_marks():
    gold = [event("SENTENCING", person("Salvador Plasencia", "DEFENDANT"), person("Sherilyn Peace Garnett", "JUDGE"),
                  start=day("2025-12-03"), end=day("2025-12-03"))]
    predicted = [event("SENTENCING", person("Plasencia", "DEFENDANT"), person("Sherilyn Peace Garnett", "JUDGE"),
                       start=day("2025-12-03"), end=day("2025-12-03"))]
    tally = score(gold, predicted, TAXONOMY).tally
    assert (tally.precision, tally.recall, tally.f1, tally.date_accuracy, tally.role_accuracy) == (1, 1, 1, 1, 1)


def test_a_wrong_type_is_one_miss_and_one_false_positive_with_the_sentence():
    sentence = "Chavez pleaded guilty on Wednesday."
    gold = [event("PLEA", person("Mark Chavez", "DEFENDANT"), sentence=sentence)]
    predicted = [event("SENTENCING", person("Mark Chavez", "DEFENDANT"), sentence=sentence)]
    result = score(gold, predicted, TAXONOMY)
    assert (result.tally.precision, result.tally.recall) == (0, 0)
    (miss,) = result.misses
    (false_positive,) = result.false_positives
    assert miss.reason == "type (predicted SENTENCING)" and miss.sentences == (sentence,)
    assert false_positive.reason == "type" and false_positive.sentences == (sentence,)


def test_a_shared_name_outside_the_principal_roles_does_not_match():
    gold = [event("SENTENCING", person("Salvador Plasencia", "DEFENDANT"), person("Sherilyn Peace Garnett", "JUDGE"))]
    predicted = [event("SENTENCING", person("Sherilyn Peace Garnett", "DEFENDANT"), person("Salvador Plasencia", "JUDGE"))]
    result = score(gold, predicted, TAXONOMY)
    assert result.tally.matched_gold == 0
    assert [m.reason for m in result.misses] == ["role"] and [f.reason for f in result.false_positives] == ["role"]


def test_telling_one_event_twice_leaves_a_duplicate_false_positive():
    gold = [event("DEATH", person("Matthew Perry", "DECEASED"), start=day("2023-10-28"), end=day("2023-10-28"))]
    predicted = [event("DEATH", person("Perry", "DECEASED")),
                 event("DEATH", person("Matthew Perry", "DECEASED"), start=day("2023-10-28"), end=day("2023-10-28"))]
    result = score(gold, predicted, TAXONOMY)
    assert (result.tally.precision, result.tally.recall, result.tally.date_accuracy) == (0.5, 1, 1)
    assert [f.reason for f in result.false_positives] == ["duplicate"]


def test_separate_pleas_merged_into_one_prediction_count_as_misses():
    told = dict(start=day("2024-08-01"), end=day("2024-08-31"), sentence="Iwamasa and Fleming pleaded guilty in August.")
    gold = [event("PLEA", person("Kenneth Iwamasa", "DEFENDANT"), **told),
            event("PLEA", person("Erik Fleming", "DEFENDANT"), **told)]
    predicted = [event("PLEA", person("Kenneth Iwamasa", "DEFENDANT"), person("Erik Fleming", "DEFENDANT"), **told)]
    result = score(gold, predicted, TAXONOMY)
    assert (result.tally.precision, result.tally.recall) == (1, 0.5)
    assert [m.reason for m in result.misses] == ["merged into another event"]


def test_a_joint_event_split_by_defendant_counts_every_part_with_a_right_date():
    thursday = dict(start=day("2024-08-15"), end=day("2024-08-15"))
    gold = [event("CHARGES", person("Salvador Plasencia", "DEFENDANT"), person("Jasveen Sangha", "DEFENDANT"),
                  person("Erik Fleming", "DEFENDANT"), **thursday)]
    predicted = [event("CHARGES", person("Plasencia", "DEFENDANT"), **thursday),
                 event("CHARGES", person("Sangha", "DEFENDANT"), **thursday),
                 event("CHARGES", person("Fleming", "DEFENDANT"), start=day("2024-10-01"), end=day("2024-10-31"))]
    result = score(gold, predicted, TAXONOMY)
    assert (result.tally.matched_gold, result.tally.matched_predicted, result.tally.predicted) == (1, 2, 3)
    assert result.tally.recall == 1 and result.tally.precision == pytest.approx(2 / 3)
    assert result.tally.dates_total == 1  # a split part is not a second matched pair
    assert [f.reason for f in result.false_positives] == ["duplicate"]


def test_matching_pairs_repeated_participants_by_date_to_match_as_many_events_as_possible():
    # The first gold event could take either prediction; taking the dated one would leave the second unmatched.
    gold = [event("INTERVIEW", person("Keith Morrison", "INTERVIEWEE"), start=day("2024-10-01"), end=day("2024-10-25")),
            event("INTERVIEW", person("Keith Morrison", "INTERVIEWEE"), start=day("2024-10-24"), end=day("2024-10-24"))]
    predicted = [event("INTERVIEW", person("Morrison", "INTERVIEWEE"), start=day("2024-10-24"), end=day("2024-10-24")),
                 event("INTERVIEW", person("Morrison", "INTERVIEWEE"), start=day("2024-10-03"), end=day("2024-10-03"))]
    result = score(gold, predicted, TAXONOMY)
    assert (result.tally.matched_gold, result.tally.dates_correct) == (2, 2)
    assert {(p.gold, p.predicted) for p in result.pairs} == {(0, 1), (1, 0)}


def test_role_accuracy_counts_each_gold_participant_of_matched_events():
    gold = [event("REGULATORY_ACTION", FDA, Participant("Crestline Compounding Pharmacy", "SUBJECT", is_person=False))]
    predicted = [event("REGULATORY_ACTION", Participant("FDA", "REGULATOR", is_person=False),
                       Participant("Crestline Compounding Pharmacy", "REGULATOR", is_person=False))]
    result = score(gold, predicted, TAXONOMY)
    assert (result.tally.roles_correct, result.tally.roles_total) == (1, 2)
    (error,) = result.role_errors
    assert error.detail == "Crestline Compounding Pharmacy: gold SUBJECT, predicted REGULATOR"


def test_nothing_to_find_and_nothing_found_is_perfect_and_an_empty_prediction_finds_nothing():
    assert score([], [], TAXONOMY).tally.f1 == 1
    missed = score([event("ARREST", person("Jasveen Sangha", "ARRESTED"))], [], TAXONOMY)
    assert (missed.tally.recall, missed.tally.precision, missed.misses[0].reason) == (0, 1, "not found")


def test_the_json_report_adds_articles_up_to_the_overall_figures():
    first = score([event("ARREST", person("Jasveen Sangha", "ARRESTED"))],
                  [event("ARREST", person("Sangha", "ARRESTED"))], TAXONOMY)
    second = score([event("DEATH", person("Walter Hensley", "DECEASED"))],
                   [event("DEATH", person("Carol Hensley", "DECEASED"))], TAXONOMY)
    report = Report("hand-made", 0.0, [ArticleResult("a.md", None, None, 0.1, 10, first),
                                       ArticleResult("b.md", None, None, 0.1, 10, second)])
    data = json.loads(json.dumps(report_json(report)))
    assert (data["overall"]["gold"], data["overall"]["matched_gold"], data["overall"]["recall"]) == (2, 1, 0.5)
    assert data["by_type"]["DEATH"]["recall"] == 0 and data["articles"][1]["false_positives"][0]["reason"] == "spurious"


# ---------------------------------------------------------------- gold files


def write_gold(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_gold_with_an_unknown_role_is_rejected_naming_file_event_and_field(tmp_path):
    path = write_gold(tmp_path, """
events:
  - type: PLEA
    status: OCCURRED
    evidence: "pleaded guilty"
    date: [null, null]
    participants:
      - {name: Mark Chavez, role: JUDGE}
""")
    with pytest.raises(GoldError, match=r"case\.yaml: event 1, participant 1: field 'role': 'JUDGE' is not a role of PLEA"):
        load_gold(path, TAXONOMY)


def test_gold_whose_quote_is_not_in_the_article_or_whose_date_is_reversed_is_rejected(tmp_path):
    path = write_gold(tmp_path, """
events:
  - type: PLEA
    status: OCCURRED
    evidence: "pleaded guilty"
    date: [2024-08-31, 2024-08-01]
    participants:
      - {name: Mark Chavez, role: DEFENDANT}
""")
    with pytest.raises(GoldError, match=r"event 1: field 'evidence'"):
        load_gold(path, TAXONOMY, text="Chavez admitted nothing.")
    with pytest.raises(GoldError, match=r"event 1: field 'date': starts after it ends"):
        load_gold(path, TAXONOMY)


def test_gold_with_nobody_in_a_principal_role_is_rejected_because_nothing_could_match_it(tmp_path):
    path = write_gold(tmp_path, """
events:
  - type: SENTENCING
    status: OCCURRED
    evidence: "was sentenced"
    date: [null, null]
    participants:
      - {name: Sherilyn Peace Garnett, role: JUDGE}
""")
    with pytest.raises(GoldError, match="nobody in a principal role of SENTENCING"):
        load_gold(path, TAXONOMY)


def test_every_fixture_article_has_valid_gold_whose_quotes_occur_in_it():
    from loaders.documents import read_document

    articles = discover(DEFAULT_FIXTURES)
    assert len(articles) == 12
    for article in articles:
        text = read_document(article.path).text
        assert 150 <= len(text.split()) <= 500, article.path.name
        assert load_gold(article.gold_path, TAXONOMY, text), article.gold_path.name


# ---------------------------------------------------------------- command line


def test_python_m_bench_lists_the_extraction_benchmark(capsys):
    assert bench_cli.main([]) == 0
    assert "extraction" in capsys.readouterr().out


def test_an_unknown_benchmark_is_an_error_that_lists_the_known_ones(capsys):
    assert bench_cli.main(["speed-of-light"]) == 2
    err = capsys.readouterr().err
    assert "no benchmark named 'speed-of-light'" in err and "extraction" in err


def test_extracted_events_become_scorable_events_with_actor_names_aliases_and_kinds():
    from loaders.records import (
        ActorRecord, DocumentRecord, EventRecord, EventStatus, Evidence, ExtractedDocument, FuzzyDate, Participant as Role,
    )

    document = DocumentRecord(id="doc-1", path="a.md", title=None, text="The FDA warned Brookfield.", sha256="x")
    fda = ActorRecord("org-fda", "U.S. Food and Drug Administration", ActorKind.ORGANIZATION, ("FDA",))
    warning = EventRecord(
        id="event-1", type="REGULATORY_WARNING", status=EventStatus.OCCURRED, title="FDA warning",
        date=FuzzyDate.day(day("2025-01-14")), participants=(Role("org-fda", "REGULATOR"),),
        evidence=(Evidence("doc-1", "The FDA warned Brookfield.", 0, 26),), confidence=0.8,
    )
    (converted,) = predicted_events(ExtractedDocument(document, events=(warning,), actors=(fda,)))
    assert converted.participants == (Participant("U.S. Food and Drug Administration", "REGULATOR", ("FDA",), False),)
    assert (converted.start, converted.end, converted.status) == (day("2025-01-14"), day("2025-01-14"), "OCCURRED")
    assert converted.evidence == ("The FDA warned Brookfield.",)
