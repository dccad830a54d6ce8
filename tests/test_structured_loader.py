"""A reporter's own timeline (CSV or JSON) into the graph: dates, roles, sources, and clear errors."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from graph import inspect
from graph.admin import graph_counts
from graph.connection import Graph
from graph.writer import write_documents
from loaders.records import Precision
from loaders.structured import TimelineError, load_timeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HEADER = "date,start_date,end_date,type,title,status,actors,source_url,publisher,published,quote,event_key\n"


def write_file(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def events_by_title(graph: Graph) -> dict[str, dict]:
    return {e["title"]: e for e in inspect.events(graph)}


def test_each_date_form_gets_its_precision(tmp_path: Path) -> None:
    path = write_file(tmp_path, "dates.csv", HEADER + (
        "2023,,,DEATH,A year,,,,,,It was in 2023.,\n"
        "2023-10,,,DEATH,A month,,,,,,It was in October 2023.,\n"
        "2023-10-28,,,DEATH,A day,,,,,,It was on 28 October 2023.,\n"
        "2023-10-28T14:30:00,,,DEATH,A day with a time,,,,,,It was at 2.30 pm.,\n"
        ",2023-05,2023-08,INFUSION_SESSION,A range,,,,,,From May to August.,\n"
        ",2023-10,,INVESTIGATION,Open-ended,,,,,,Since October 2023.,\n"
        ",,2021-06-30,REGULATORY_WARNING,Only an end,,,,,,Before July 2021.,\n"
    ))
    [doc] = load_timeline(path)
    dates = {e.title: (e.date.start, e.date.end, e.date.precision) for e in doc.events}

    assert dates == {
        "A year": (date(2023, 1, 1), date(2023, 12, 31), Precision.YEAR),
        "A month": (date(2023, 10, 1), date(2023, 10, 31), Precision.MONTH),
        "A day": (date(2023, 10, 28), date(2023, 10, 28), Precision.DAY),
        "A day with a time": (date(2023, 10, 28), date(2023, 10, 28), Precision.DAY),
        "A range": (date(2023, 5, 1), date(2023, 8, 31), Precision.RANGE),
        "Open-ended": (date(2023, 10, 1), None, Precision.BOUND),
        "Only an end": (None, date(2021, 6, 30), Precision.BOUND),
    }


def test_the_sample_csv_timeline_loads_with_dates_precisions_and_roles(graph: Graph) -> None:
    docs = load_timeline(EXAMPLES / "timeline.csv")
    write_documents(graph, docs)
    events = events_by_title(graph)

    death = events["Death of Maria Sokolova"]
    assert (death["startDate"], death["endDate"], death["precision"], death["dateConflict"]) == (
        date(2023, 9, 2), date(2023, 9, 3), "RANGE", True)
    investigation = events["State investigation of Lakeside Compounding Pharmacy"]
    assert (investigation["startDate"], investigation.get("endDate"), investigation["precision"]) == (
        date(2023, 10, 1), None, "BOUND")
    trial = events["Trial of Alan Reyes"]
    assert (trial["precision"], trial["status"]) == ("YEAR", "SCHEDULED")
    charges = events["Alan Reyes and Tom Becker charged"]
    assert [(p["name"], p["role"]) for p in inspect.event_participants(graph, charges["id"])] == [
        ("Alan Reyes", "DEFENDANT"), ("Tom Becker", "DEFENDANT")]
    warning = events["Board warns Lakeside Compounding Pharmacy about its sterile room"]
    roles = {p["name"]: p["role"] for p in inspect.event_participants(graph, warning["id"])}
    assert roles == {"Lakeside Compounding Pharmacy": "RECIPIENT", "State Board of Pharmacy": "ISSUER"}
    lakeside = inspect.actor(graph, inspect.event_participants(graph, warning["id"])[0]["actorId"])
    assert lakeside["labels"] == ["Actor", "Organization"]


def test_the_json_sample_describes_the_same_events_as_the_csv_sample() -> None:
    def summary(path: Path) -> dict:
        return {
            e.id: (e.type, e.title, e.status, e.date.start, e.date.end, e.date.precision,
                   sorted((p.actor_id, p.role) for p in e.participants))
            for doc in load_timeline(path) for e in doc.events
        }

    from_csv = summary(EXAMPLES / "timeline.csv")
    assert from_csv and summary(EXAMPLES / "timeline.json") == from_csv


def test_each_source_is_a_document_whose_text_holds_its_quotes_at_the_cited_offsets() -> None:
    docs = load_timeline(EXAMPLES / "timeline.csv")

    for doc in docs:
        for event in doc.events:
            for evidence in event.evidence:
                assert doc.document.text[evidence.start:evidence.end] == evidence.quote
    court = [d for d in docs if d.document.url and "courts.example.com" in d.document.url]
    assert len(court) == 1 and len(court[0].events) == 2
    assert court[0].document.text.count("\n\n") == 1


def test_rows_without_a_source_url_are_cited_to_the_timeline_file_itself(graph: Graph, tmp_path: Path) -> None:
    path = write_file(tmp_path, "my-notes.csv", HEADER + (
        "2024-03-20,,,INTERVIEW,Talk with the clerk,,Jo Clerk:INTERVIEWEE,,,,"
        '"Jo Clerk, by phone: the hearing moved.",\n'
    ))
    [doc] = load_timeline(path)
    write_documents(graph, [doc])

    stored = inspect.document(graph, doc.document.id)
    assert stored["title"] == "my-notes.csv" and stored.get("url") is None
    assert stored["format"] == "timeline-csv"
    assert [m["quote"] for m in inspect.document_mentions(graph, doc.document.id)] == [
        "Jo Clerk, by phone: the hearing moved."]


def test_reloading_a_timeline_changes_nothing_and_a_corrected_date_replaces_the_old_one(
    graph: Graph, tmp_path: Path
) -> None:
    row = '{day},,,PLEA,Defendant pleads guilty,,Pat Doe:DEFENDANT,https://example.com/plea,,,"Doe pleaded guilty.",\n'
    path = write_file(tmp_path, "plea.csv", HEADER + row.format(day="2024-09-12"))
    write_documents(graph, load_timeline(path))
    counts = graph_counts(graph)
    write_documents(graph, load_timeline(path))
    assert graph_counts(graph) == counts

    path.write_text(HEADER + row.format(day="2024-09-13"), encoding="utf-8")
    summary = write_documents(graph, load_timeline(path))

    assert summary.documents_written == 1
    assert graph_counts(graph) == counts
    assert [e["startDate"] for e in inspect.events(graph)] == [date(2024, 9, 13)]


def test_bad_csv_rows_are_all_reported_with_file_line_and_field_and_nothing_is_written(
    graph: Graph, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "timeline.csv", HEADER + (
        '2023-10-28,,,DEATH,Fine row,,,,,,"A quote\nover two lines",\n'   # lines 2-3, good
        "2023-02-30,,,DEATH,Impossible date,,,,,,Quote.,\n"               # line 4
        "2023-10-28,,,FUNERAL,Unknown type,,,,,,Quote.,\n"                # line 5
        "2023-10-28,,,DEATH,,,,,,,Quote.,\n"                              # line 6
        "2023-10-28,,,DEATH,No quote,,,,,,,\n"                            # line 7
        "2023-10-28,,,DEATH,Bad actors,,Jane Doe; :WITNESS,,,,Quote.,\n"  # line 8
        ",2024-05,2024-01,TRIAL,Start after end,,,,,,Quote.,\n"           # line 9
        "2023-10-28,,,DEATH,Odd status,MAYBE,,,,,Quote.,\n"               # line 10
        "2023-10-28,,,DEATH,Bad url,,,www.example.com,,,Quote.,\n"        # line 11
    ))
    with pytest.raises(TimelineError) as error:
        write_documents(graph, load_timeline(path))

    message = str(error.value)
    expected = [
        f"{path} line 4, field 'date': '2023-02-30' is not a valid date",
        f"{path} line 5, field 'type': 'FUNERAL' is not a known event type",
        f"{path} line 6, field 'title': is missing",
        f"{path} line 7, field 'quote': is missing",
        f"{path} line 8, field 'actors': 'Jane Doe' has no role",
        f"{path} line 8, field 'actors': an actor with role 'WITNESS' has no name",
        f"{path} line 9, field 'end_date': '2024-01' ends before start_date '2024-05'",
        f"{path} line 10, field 'status': 'MAYBE' is not a status",
        f"{path} line 11, field 'source_url': 'www.example.com' is not an http(s) URL",
    ]
    for problem in expected:
        assert problem in message
    assert len(error.value.problems) == len(expected)
    assert "line 2" not in message and "line 3" not in message
    assert graph_counts(graph) == {}


def test_bad_json_items_are_reported_by_item_number_and_field(tmp_path: Path) -> None:
    items = [
        {"date": "2023-10-28", "type": "DEATH", "title": "Fine", "quote": "Q."},
        {"date": "2023-13", "type": "DEATH", "title": "Bad month", "quote": "Q."},
        {"date": "2023-10-28", "type": "DEATH", "title": "Bad actors", "quote": "Q.",
         "actors": [{"name": "Acme", "role": "OWNER", "kind": "COMPANY"}, {"name": "Jo"}]},
        {"date": "2023-10-28", "type": "DEATH", "title": "Typo", "quote": "Q.", "sorce_url": "https://x.example"},
        "not an object",
    ]
    path = write_file(tmp_path, "timeline.json", json.dumps(items))
    with pytest.raises(TimelineError) as error:
        load_timeline(path)

    message = str(error.value)
    assert f"{path} item 2, field 'date': '2023-13' is not a valid date" in message
    assert f"{path} item 3, field 'actors': 'Acme' has kind 'COMPANY'" in message
    assert f"{path} item 3, field 'actors': 'Jo' has no role" in message
    assert f"{path} item 4: unknown field(s) 'sorce_url'" in message
    assert f"{path} item 5: must be an object" in message


def test_a_misspelt_or_missing_column_is_reported_on_the_header_line(tmp_path: Path) -> None:
    path = write_file(tmp_path, "timeline.csv", "when,type,title,soruce_url,quote\n2023,DEATH,T,,Q\n")
    with pytest.raises(TimelineError) as error:
        load_timeline(path)

    message = str(error.value)
    assert f"{path} line 1: unknown column(s) 'when', 'soruce_url'" in message
    assert f"{path} line 1: missing column(s): date (or start_date/end_date)" in message


def test_rows_about_one_source_or_event_must_agree(tmp_path: Path) -> None:
    path = write_file(tmp_path, "timeline.csv", HEADER + (
        "2023-10-28,,,DEATH,Death,,Acme (ORGANIZATION):OWNER,https://a.example,Daily,2023-11-01,Q1.,death\n"
        "2023-10-29,,,DEATH,Passing,,Acme:OWNER,https://a.example,Weekly,2023-11-01,Q2.,death\n"
    ))
    with pytest.raises(TimelineError) as error:
        load_timeline(path)

    message = str(error.value)
    assert (f"{path} line 3, field 'title': rows with event_key 'death' describe one event, "
            "but line 2 gives 'Death'") in message
    assert f"{path} line 3, field 'actors': 'Acme' is PERSON here but ORGANIZATION on line 2" in message
    assert f"{path} line 3, field 'publisher': this source is given as 'Weekly' here but 'Daily' on line 2" in message


def test_rows_sharing_an_event_key_are_one_event_with_a_claim_per_source(graph: Graph, tmp_path: Path) -> None:
    path = write_file(tmp_path, "timeline.csv", HEADER + (
        "2023-10-28,,,DEATH,Death of Sam,,Sam:DECEASED,https://a.example/1,,,Sam died on Saturday.,sam\n"
        "2023-10,,,DEATH,Death of Sam,,Sam:DECEASED,https://b.example/2,,,Sam died in October.,sam\n"
    ))
    write_documents(graph, load_timeline(path))

    [death] = inspect.events(graph)
    assert (death["startDate"], death["precision"], death["dateConflict"]) == (date(2023, 10, 28), "DAY", False)
    assert len(inspect.event_claims(graph, death["id"])) == 2


def test_the_examples_in_the_format_doc_load(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "timeline-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(csv|json)\n(.*?)```", doc, flags=re.DOTALL)
    complete = [(kind, text) for kind, text in blocks if kind == "csv" or text.lstrip().startswith("{")]
    assert len(complete) == 3

    for number, (kind, text) in enumerate(complete):
        docs = load_timeline(write_file(tmp_path, f"example-{number}.{kind}", text))
        assert sum(len(d.events) for d in docs) >= 2
