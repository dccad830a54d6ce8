"""The GraphQL API a reporter uses: timelines, events with evidence, actors, documents, search, paths."""

from __future__ import annotations


import pytest
from fastapi.testclient import TestClient

from graph.connection import Graph
from kg.settings import Settings

from graphql_client import api_client, data, error_messages, gql
from sample_graph import (
    BIRTH,
    CHARGES,
    COURIER,
    DEATH,
    DRUG,
    FELIX,
    INFUSION,
    INTERVIEW,
    LEDGER,
    MARA,
    SENTENCING,
    TOBIAS,
    WIRE,
)


@pytest.fixture(scope="module")
def client(sample_story: Graph, engine_settings: Settings) -> TestClient:
    return api_client(engine_settings, sample_story)


TIMELINE = """
query ($actorId: ID, $actorName: String, $from: Date, $to: Date, $types: [EventType!], $first: Int, $after: String) {
  timeline(actorId: $actorId, actorName: $actorName, from: $from, to: $to, types: $types, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title type status undated dateConflict date { start end precision text display } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


def nodes(result: dict) -> list[dict]:
    return [edge["node"] for edge in result["edges"]]


def test_a_timeline_lists_an_actors_events_in_date_order_with_undated_last(client: TestClient) -> None:
    timeline = data(client, TIMELINE, {"actorId": MARA})["timeline"]
    assert [n["id"] for n in nodes(timeline)] == [BIRTH, INFUSION, DRUG, DEATH, INTERVIEW]
    assert timeline["totalCount"] == 5
    last = nodes(timeline)[-1]
    assert last["undated"] and last["date"] == {"start": None, "end": None, "precision": "UNKNOWN", "text": None, "display": "date unknown"}
    assert timeline["pageInfo"] == {
        "hasNextPage": False, "hasPreviousPage": False,
        "startCursor": timeline["edges"][0]["cursor"], "endCursor": timeline["edges"][-1]["cursor"],
    }


def test_dates_are_shown_at_their_precision(client: TestClient) -> None:
    shown = {n["id"]: (n["date"]["precision"], n["date"]["display"]) for n in nodes(data(client, TIMELINE, {"actorId": MARA})["timeline"])}
    shown |= {n["id"]: (n["date"]["precision"], n["date"]["display"]) for n in nodes(data(client, TIMELINE, {"actorId": FELIX})["timeline"])}
    assert shown == {
        BIRTH: ("YEAR", "1985"),
        INFUSION: ("MONTH", "Feb 2022"),
        DRUG: ("BOUND", "before 5 Mar 2022"),
        DEATH: ("RANGE", "12–13 Mar 2022"),
        INTERVIEW: ("UNKNOWN", "date unknown"),
        CHARGES: ("DAY", "1 Aug 2023"),
        SENTENCING: ("BOUND", "after 1 Aug 2024"),
    }


def test_timeline_pages_continue_after_the_cursor(client: TestClient) -> None:
    first = data(client, TIMELINE, {"actorId": MARA, "first": 3})["timeline"]
    assert first["pageInfo"]["hasNextPage"] and first["totalCount"] == 5
    rest = data(client, TIMELINE, {"actorId": MARA, "first": 3, "after": first["pageInfo"]["endCursor"]})["timeline"]
    assert [n["id"] for n in nodes(first) + nodes(rest)] == [BIRTH, INFUSION, DRUG, DEATH, INTERVIEW]
    assert rest["pageInfo"]["hasPreviousPage"] and not rest["pageInfo"]["hasNextPage"]


def test_a_timeline_by_name_takes_the_events_of_actors_so_named(client: TestClient) -> None:
    timeline = data(client, TIMELINE, {"actorName": "amberg", "types": ["CHARGES", "SENTENCING"]})["timeline"]
    assert [n["id"] for n in nodes(timeline)] == [CHARGES, SENTENCING]
    assert [n["status"] for n in nodes(timeline)] == ["OCCURRED", "EXPECTED"]


def test_a_timeline_filtered_by_dates_keeps_events_reaching_into_the_range(client: TestClient) -> None:
    timeline = data(client, TIMELINE, {"actorId": MARA, "from": "2022-03-01", "to": "2022-03-31"})["timeline"]
    assert [n["id"] for n in nodes(timeline)] == [DRUG, DEATH]
    assert timeline["totalCount"] == 2


def test_a_timeline_by_a_name_nobody_has_says_so(client: TestClient) -> None:
    assert error_messages(gql(client, TIMELINE, {"actorName": "Zebulon"})) == ["no actor's name or alias contains 'Zebulon'"]


def test_a_timeline_needs_exactly_one_of_actor_id_and_actor_name(client: TestClient) -> None:
    for variables in ({}, {"actorId": MARA, "actorName": "quill"}):
        assert error_messages(gql(client, TIMELINE, variables)) == ["give exactly one of 'actorId' or 'actorName'"]


EVENT = """
query ($id: ID!) {
  event(id: $id) {
    id title type dateConflict sourceCount independentSourceCount
    date { display precision }
    participants { role actor { id name kind aliases } }
    evidence {
      quote start end
      date { start end precision display text }
      anchor { eventId minOffsetDays maxOffsetDays event { title } }
      document { id title url publisher publishedAt { display precision } }
    }
  }
}
"""


def test_an_event_shows_each_sources_sentence_document_and_claimed_date(client: TestClient) -> None:
    event = data(client, EVENT, {"id": DEATH})["event"]
    assert (event["title"], event["type"], event["dateConflict"]) == ("Death of Mara Quill", "DEATH", True)
    assert (event["sourceCount"], event["independentSourceCount"]) == (3, 2)
    assert event["participants"] == [{"role": "DECEASED", "actor": {"id": MARA, "name": "Mara Quill", "kind": "PERSON", "aliases": ["M. Quill"]}}]
    by_document = {ev["document"]["id"]: ev for ev in event["evidence"]}
    assert set(by_document) == {LEDGER, WIRE, COURIER}
    courier = by_document[COURIER]
    assert courier["quote"] == "Mara Quill died on 13 March 2022, her family said."
    assert (courier["start"], courier["end"]) == (0, 50)
    assert courier["date"] == {"start": "2022-03-13", "end": "2022-03-13", "precision": "DAY", "display": "13 Mar 2022", "text": "13 March 2022"}
    assert courier["document"]["publishedAt"] == {"display": "16 Mar 2022", "precision": "DAY"}
    assert courier["anchor"] is None
    assert by_document[WIRE]["document"]["url"] is None


def test_an_anchored_claim_names_the_event_it_is_relative_to(client: TestClient) -> None:
    (evidence,) = data(client, EVENT, {"id": DRUG})["event"]["evidence"]
    assert evidence["anchor"] == {"eventId": DEATH, "minOffsetDays": None, "maxOffsetDays": -8, "event": {"title": "Death of Mara Quill"}}
    assert evidence["date"]["display"] == "before 5 Mar 2022"


def test_an_unknown_event_id_is_an_error_naming_it(client: TestClient) -> None:
    body = gql(client, EVENT, {"id": "event-nope"})
    assert error_messages(body) == ["no event with id 'event-nope'"]
    assert body["data"] == {"event": None}


ACTOR = """
query ($id: ID!) {
  actor(id: $id) {
    id name kind aliases description eventCount
    timeline(first: 2, types: [DEATH, BIRTH]) { totalCount edges { node { id } } }
    associates(first: 5) { actor { id } sharedEventCount sharedEvents { id } }
    affiliations { subject { id } relation object { id } quote document { id title } }
    mentions(first: 2) { quote start end document { id } }
  }
}
"""


def test_an_actor_shows_timeline_associates_affiliations_and_mentions(client: TestClient) -> None:
    actor = data(client, ACTOR, {"id": MARA})["actor"]
    assert (actor["name"], actor["kind"], actor["aliases"], actor["description"], actor["eventCount"]) == (
        "Mara Quill", "PERSON", ["M. Quill"], "singer", 5,
    )
    assert [n["node"]["id"] for n in actor["timeline"]["edges"]] == [BIRTH, DEATH]
    assert actor["timeline"]["totalCount"] == 2
    assert actor["associates"][0] == {"actor": {"id": FELIX}, "sharedEventCount": 2, "sharedEvents": [{"id": INFUSION}, {"id": INTERVIEW}]}
    assert actor["affiliations"] == [{
        "subject": {"id": TOBIAS}, "relation": "ASSISTANT_OF", "object": {"id": MARA},
        "quote": "Her assistant Tobias Reyne", "document": {"id": LEDGER, "title": "Singer Mara Quill dies at 37"},
    }]
    assert [m["document"]["id"] for m in actor["mentions"]] == [COURIER, LEDGER]


def test_actors_can_be_searched_by_name_and_kind_and_paged(client: TestClient) -> None:
    query = """query ($search: String, $kind: ActorKind, $after: String) {
      actors(search: $search, kind: $kind, first: 2, after: $after) {
        totalCount edges { node { id eventCount } } pageInfo { hasNextPage endCursor } } }"""
    first = data(client, query, {})["actors"]
    assert [e["node"]["id"] for e in first["edges"]] == [MARA, FELIX] and first["totalCount"] == 5
    rest = data(client, query, {"after": first["pageInfo"]["endCursor"]})["actors"]
    assert len(rest["edges"]) == 2 and rest["pageInfo"]["hasNextPage"]
    people = data(client, query, {"search": "QUILL", "kind": "PERSON"})["actors"]
    assert [e["node"]["id"] for e in people["edges"]] == [MARA]


def test_documents_list_newest_first_and_show_events_actors_and_near_copies(client: TestClient) -> None:
    listing = data(client, "{ documents(first: 10) { totalCount edges { node { id publishedAt { display } } } } }")["documents"]
    assert listing["totalCount"] == 4
    assert listing["edges"][0]["node"] == {"id": "doc-courier-charges", "publishedAt": {"display": "2 Aug 2023"}}
    query = """query ($id: ID!) { document(id: $id) { title publisher url format language text
      events { id } actors { id } nearDuplicates { similarity document { id } } } }"""
    ledger = data(client, query, {"id": LEDGER})["document"]
    assert [e["id"] for e in ledger["events"]] == [BIRTH, INFUSION, DRUG, DEATH]
    assert MARA in {a["id"] for a in ledger["actors"]}
    assert ledger["nearDuplicates"] == [{"similarity": 0.93, "document": {"id": WIRE}}]
    assert ledger["text"].startswith("Singer Mara Quill died")


def test_search_finds_actors_events_and_quotes(client: TestClient) -> None:
    result = data(client, """{ search(query: "Tobias") { actors { id } events { id } quotes { quote event { id } document { id } } } }""")["search"]
    assert result["actors"] == [{"id": TOBIAS}]
    assert result["events"] == [{"id": DRUG}]
    assert result["quotes"] == [{
        "quote": "Her assistant Tobias Reyne gave her the drug more than a week before her death.",
        "event": {"id": DRUG}, "document": {"id": LEDGER},
    }]


def test_paths_show_how_two_actors_are_connected_node_by_node(client: TestClient) -> None:
    query = """query ($a: ID!, $b: ID!, $hops: Int) { paths(fromActorId: $a, toActorId: $b, maxHops: $hops, first: 1) {
      length
      nodes { __typename ... on Actor { id name } ... on Event { id title } }
      relationships { type fromId toId role relation } } }"""
    (path,) = data(client, query, {"a": TOBIAS, "b": FELIX})["paths"]
    assert path["length"] == 3
    assert [(n["__typename"], n["id"]) for n in path["nodes"]] == [("Actor", TOBIAS), ("Actor", MARA), ("Event", INTERVIEW), ("Actor", FELIX)]
    assert path["relationships"][0] == {"type": "AFFILIATED_WITH", "fromId": TOBIAS, "toId": MARA, "role": None, "relation": "ASSISTANT_OF"}
    assert data(client, query, {"a": TOBIAS, "b": FELIX, "hops": 2})["paths"] == []
    assert error_messages(gql(client, query, {"a": TOBIAS, "b": FELIX, "hops": 9})) == ["'maxHops' must be an integer from 1 to 6, got 9"]


def test_events_can_be_listed_with_a_filter_newest_first(client: TestClient) -> None:
    query = """query ($filter: EventFilter, $order: EventOrder!, $after: String) {
      events(filter: $filter, orderBy: $order, first: 2, after: $after) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }"""
    newest = data(client, query, {"order": "DATE_DESC"})["events"]
    assert [e["node"]["id"] for e in newest["edges"]] == [SENTENCING, CHARGES] and newest["totalCount"] == 7
    following = data(client, query, {"order": "DATE_DESC", "after": newest["pageInfo"]["endCursor"]})["events"]
    assert [e["node"]["id"] for e in following["edges"]] == [DEATH, DRUG]
    alleged = data(client, query, {"order": "DATE_ASC", "filter": {"statuses": ["ALLEGED"], "from": "2022-01-01"}})["events"]
    assert [e["node"]["id"] for e in alleged["edges"]] == [DRUG]
    worded = data(client, query, {"order": "DATE_ASC", "filter": {"text": "infusion", "actorId": MARA}})["events"]
    assert [e["node"]["id"] for e in worded["edges"]] == [INFUSION]


def test_stats_count_the_graph(client: TestClient) -> None:
    stats = data(client, """{ stats { events actors people organizations documents evidence undatedEvents
      conflictingEvents earliestDate latestDate eventsByType { key count } eventsByPrecision { key count } } }""")["stats"]
    assert {k: stats[k] for k in ("events", "actors", "people", "organizations", "documents", "evidence")} == {
        "events": 7, "actors": 5, "people": 4, "organizations": 1, "documents": 4, "evidence": 9,
    }
    assert (stats["undatedEvents"], stats["conflictingEvents"]) == (1, 1)
    assert (stats["earliestDate"], stats["latestDate"]) == ("1985-01-01", "2024-08-01")
    assert {"key": "BOUND", "count": 2} in stats["eventsByPrecision"]


def test_graphiql_opens_with_example_queries_filled_from_this_graph(client: TestClient) -> None:
    page = client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    for example in ("query Timeline(", "query EventWithEvidence(", "query Connection("):
        assert example in page.text
    # The most involved actors and the first dated event of the first one, so "Run" answers at once.
    assert f'\\"actorId\\": \\"{MARA}\\"' in page.text
    assert f'\\"toActorId\\": \\"{FELIX}\\"' in page.text
    assert f'\\"eventId\\": \\"{BIRTH}\\"' in page.text


def test_graphiql_examples_answer_with_the_graphs_events(client: TestClient) -> None:
    from api.graphiql import EVENT_QUERY, PATH_QUERY, TIMELINE_QUERY

    assert data(client, TIMELINE_QUERY, {"actorId": MARA})["timeline"]["totalCount"] == 5
    assert data(client, EVENT_QUERY, {"eventId": DEATH})["event"]["evidence"]
    assert data(client, PATH_QUERY, {"fromActorId": MARA, "toActorId": FELIX})["paths"]


def test_the_timeline_page_and_its_script_are_served_without_any_cdn(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<script src="/static/timeline.js">' in page.text
    assert "http" not in page.text.replace("http://www.w3.org/2000/svg", "")
    script = client.get("/static/timeline.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert client.get("/static/../app.py").status_code == 404
