"""Exports for frontends and calendars: TimelineJS, vis-timeline, CSV and iCalendar, with sources."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from api.exports import events_ics
from graph.connection import Graph
from graph.reader import GraphReader
from kg.settings import Settings

from graphql_client import api_client
from sample_graph import (
    BIRTH,
    CHARGES,
    DEATH,
    DRUG,
    FELIX,
    INFUSION,
    INTERVIEW,
    LEDGER_URL,
    MARA,
    SENTENCING,
    WIRE,
)


@pytest.fixture(scope="module")
def client(sample_story: Graph, engine_settings: Settings) -> TestClient:
    return api_client(engine_settings, sample_story)


def test_timelinejs_dates_leave_out_month_and_day_the_sources_do_not_give(client: TestClient) -> None:
    document = client.get("/export/timelinejs.json", params={"actorId": MARA}).json()
    events = {e["unique_id"]: e for e in document["events"]}
    assert list(events) == [BIRTH, INFUSION, DRUG, DEATH]
    assert (events[BIRTH]["start_date"], "end_date" in events[BIRTH]) == ({"year": 1985}, False)
    assert (events[INFUSION]["start_date"], events[INFUSION]["display_date"]) == ({"year": 2022, "month": 2}, "Feb 2022")
    assert events[DEATH]["start_date"] == {"year": 2022, "month": 3, "day": 12}
    assert events[DEATH]["end_date"] == {"year": 2022, "month": 3, "day": 13}
    assert events[DRUG]["display_date"] == "before 5 Mar 2022"
    assert events[DEATH]["group"] == "DEATH"
    assert events[DEATH]["text"]["headline"] == "Death of Mara Quill"
    assert "Sources disagree on the date." in events[DEATH]["text"]["text"]
    assert f'<a href="{LEDGER_URL}">Harbor Ledger</a>' in events[DEATH]["text"]["text"]
    title = document["title"]["text"]
    assert title["headline"] == "Timeline of Mara Quill"
    assert "Interview with Felix Amberg" in title["text"]  # undated: named, not placed


def test_vis_items_are_ranges_when_the_date_has_an_end_and_points_otherwise(client: TestClient) -> None:
    document = client.get("/export/vis.json", params={"actorId": FELIX}).json()
    items = {item["id"]: item for item in document["items"]}
    assert list(items) == [INFUSION, CHARGES, SENTENCING]
    infusion = items[INFUSION]
    # vis-timeline ends are exclusive: February ends where March begins.
    assert (infusion["type"], infusion["start"], infusion["end"]) == ("range", "2022-02-01", "2022-03-01")
    assert (items[CHARGES]["type"], items[CHARGES]["start"], "end" in items[CHARGES]) == ("point", "2023-08-01", False)
    assert items[SENTENCING]["title"] == "after 1 Aug 2024"
    assert items[CHARGES]["content"] == "Charges against Felix Amberg" and items[CHARGES]["group"] == "CHARGES"
    assert items[CHARGES]["sources"][0]["url"] == "https://news.example.org/courier/amberg-charged"
    assert {g["id"] for g in document["groups"]} == {"INFUSION_SESSION", "CHARGES", "SENTENCING"}


def test_csv_has_one_row_per_event_undated_last_with_source_links(client: TestClient) -> None:
    response = client.get("/export/events.csv", params={"actorId": MARA})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == [BIRTH, INFUSION, DRUG, DEATH, INTERVIEW]
    death = rows[3]
    assert (death["date"], death["date_conflict"], death["source_count"], death["independent_source_count"]) == (
        "12–13 Mar 2022", "true", "3", "2",
    )
    links = death["source_urls"].split()
    assert LEDGER_URL in links
    (wire_link,) = [link for link in links if "/graphql?query=" in link]  # the clipping has no URL of its own
    assert WIRE in parse_qs(urlparse(wire_link).query)["query"][0]
    assert rows[-1]["date"] == "date unknown" and rows[-1]["start_date"] == ""


def test_a_documents_graphql_link_answers_with_that_document(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/export/events.csv", params={"types": "DEATH"}).text)))
    (wire_link,) = [link for link in rows[0]["source_urls"].split() if "/graphql?query=" in link]
    answer = client.get(wire_link.replace("http://testserver", ""), headers={"Accept": "application/json"}).json()
    assert answer["data"]["document"]["title"] == "Singer Mara Quill dies"


def test_ics_has_all_day_events_and_leaves_undated_ones_out(client: TestClient) -> None:
    response = client.get("/export/events.ics", params={"actorId": MARA})
    assert response.headers["content-type"].startswith("text/calendar")
    text = response.text
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 4  # the undated interview is left out ...
    assert "1 undated event(s) are not included" in unfolded  # ... and said so
    death = unfolded.split(f"UID:{DEATH}@timeline-kg")[1].split("END:VEVENT")[0]
    assert "DTSTART;VALUE=DATE:20220312" in death and "DTEND;VALUE=DATE:20220314" in death
    assert "(sources disagree)" in death and f"URL:{LEDGER_URL}" in death
    infusion = unfolded.split(f"UID:{INFUSION}@timeline-kg")[1].split("END:VEVENT")[0]
    assert "DTSTART;VALUE=DATE:20220201" in infusion and "DTEND;VALUE=DATE:20220301" in infusion
    assert "Quill received an infusion" in infusion and "2022\\, Quill" in infusion  # commas escaped


def test_ics_text_is_escaped_and_stamped(session_graph: Graph, client: TestClient) -> None:
    events = list(GraphReader(session_graph).event_details([CHARGES]).values())
    ics = events_ics(events, lambda doc, url: url or doc, "A; test, calendar", now=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert "X-WR-CALNAME:A\\; test\\, calendar" in ics and "DTSTAMP:20240102T030405Z" in ics


def test_exports_take_the_timeline_filters(client: TestClient) -> None:
    dated = client.get("/export/vis.json", params={"from": "2022-03-01", "to": "2022-03-31"}).json()
    assert [i["id"] for i in dated["items"]] == [DRUG, DEATH]
    typed = client.get("/export/events.csv", params=[("types", "death,birth"), ("types", "CHARGES")])
    assert [r["id"] for r in csv.DictReader(io.StringIO(typed.text))] == [BIRTH, DEATH, CHARGES]
    named = client.get("/export/timelinejs.json", params={"actorName": "amberg"}).json()
    assert [e["unique_id"] for e in named["events"]] == [INFUSION, CHARGES, SENTENCING]


@pytest.mark.parametrize(("params", "status", "detail"), [
    ({"from": "2022-13-01"}, 400, "'from' '2022-13-01' is not a calendar day: month must be in 1..12"),
    ({"to": "March"}, 400, "'to' must be a day written YYYY-MM-DD, got 'March'"),
    ({"from": "2023-01-01", "to": "2022-01-01"}, 400, "'from' (2023-01-01) is after 'to' (2022-01-01)"),
    ({"types": "PICNIC"}, 400, "unknown event type(s) PICNIC; known types: BIRTH, DEATH"),
    ({"actorId": "actor-nobody"}, 404, "no actor with id 'actor-nobody'"),
])
def test_bad_export_filters_say_what_was_wrong(client: TestClient, params: dict, status: int, detail: str) -> None:
    for path in ("/export/events.csv", "/export/events.ics"):
        response = client.get(path, params=params)
        assert response.status_code == status
        assert response.json()["detail"].startswith(detail)


def test_an_export_of_an_actor_without_events_is_empty_not_an_error(client: TestClient) -> None:
    assert client.get("/export/vis.json", params={"actorId": "actor-ida-lone"}).json() == {"items": [], "groups": []}
