"""What protects the graph and the client: limits, clear errors, masking, time budget, keys, CORS, probes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import structlog
from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from graph.engine import free_port
from api.schema import MAX_ALIASES, MAX_QUERY_DEPTH, MAX_TOKENS, SCHEMA_FILE, schema_sdl
from graph.connection import Graph
from graph.reader import ROUND_TRIPS, GraphReader
from graph.writer import write_documents
from kg.settings import Settings

from graphql_client import api_client, data, error_messages, gql
from sample_graph import MARA, load_sample_graph, many_events_document


@pytest.fixture
def loaded(graph: Graph) -> Graph:
    """The sample story in an emptied graph."""
    load_sample_graph(graph)
    return graph


@pytest.fixture
def client(loaded: Graph, engine_settings: Settings) -> TestClient:
    return api_client(engine_settings, loaded)


# ---------------------------------------------------------------- query size limits


def test_queries_nested_deeper_than_the_limit_are_refused(client: TestClient) -> None:
    deep = "{ actor(id: \"%s\") { %s name %s } }" % (MARA, "associates { actor { " * 6, "} } " * 6)
    body = gql(client, deep)
    assert error_messages(body) == [f"'anonymous' exceeds maximum operation depth of {MAX_QUERY_DEPTH}"]
    assert "data" not in body or body["data"] is None


def test_queries_with_too_many_aliases_are_refused(client: TestClient) -> None:
    aliased = "{ " + " ".join(f"a{i}: stats {{ events }}" for i in range(MAX_ALIASES + 1)) + " }"
    assert error_messages(gql(client, aliased)) == [f"{MAX_ALIASES + 1} aliases found. Allowed: {MAX_ALIASES}"]


def test_queries_with_too_many_tokens_are_refused(client: TestClient) -> None:
    huge = "{ stats { " + "events " * MAX_TOKENS + "} }"
    (message,) = error_messages(gql(client, huge))
    assert f"Document contains more than {MAX_TOKENS} tokens" in message


def test_graphiqls_own_introspection_fits_the_limits(client: TestClient) -> None:
    from graphql import get_introspection_query

    assert data(client, get_introspection_query(descriptions=True, input_value_deprecation=True))["__schema"]


# ---------------------------------------------------------------- arguments that say what was wrong


TIMELINE = """query ($first: Int, $after: String, $from: Date, $types: [EventType!]) {
  timeline(actorId: "%s", first: $first, after: $after, from: $from, types: $types) { totalCount edges { node { id } } } }""" % MARA


def test_a_page_size_above_200_is_an_error_saying_the_limit(client: TestClient) -> None:
    assert error_messages(gql(client, TIMELINE, {"first": 201})) == ["'first' must be between 0 and 200, got 201"]
    assert data(client, TIMELINE, {"first": 200})["timeline"]["totalCount"] == 5


def test_an_invalid_cursor_is_an_error_naming_it(client: TestClient) -> None:
    (message,) = error_messages(gql(client, TIMELINE, {"after": "bogus"}))
    assert message.startswith("cursor 'bogus' is not a cursor this API handed out")


@pytest.mark.parametrize(("value", "expected"), [
    ("28/10/2023", "Date must be written YYYY-MM-DD (ISO 8601), got '28/10/2023'"),
    ("2023-02-30", "Date '2023-02-30' is not a calendar day: day is out of range for month"),
])
def test_an_invalid_date_is_an_error_saying_how_to_write_it(client: TestClient, value: str, expected: str) -> None:
    (message,) = error_messages(gql(client, TIMELINE, {"from": value}))
    assert expected in message


def test_an_invalid_date_written_in_the_query_is_refused_too(client: TestClient) -> None:
    (message,) = error_messages(gql(client, '{ timeline(actorName: "quill", from: "yesterday") { totalCount } }'))
    assert "Date must be written YYYY-MM-DD (ISO 8601), got 'yesterday'" in message


def test_an_unknown_event_type_is_an_error_naming_the_enum(client: TestClient) -> None:
    (message,) = error_messages(gql(client, TIMELINE, {"types": ["PICNIC"]}))
    assert "PICNIC" in message and "EventType" in message


def test_an_unknown_id_is_an_error_naming_it(client: TestClient) -> None:
    assert error_messages(gql(client, '{ actor(id: "actor-nobody") { name } }')) == ["no actor with id 'actor-nobody'"]
    assert error_messages(gql(client, '{ timeline(actorId: "actor-nobody") { totalCount } }')) == ["no actor with id 'actor-nobody'"]
    assert error_messages(gql(client, '{ document(id: "") { title } }')) == [
        "'id' must be a non-empty id of at most 256 characters, got ''"
    ]


# ---------------------------------------------------------------- unexpected errors


def test_unexpected_errors_reach_the_client_masked_and_the_log_in_full(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_stats(self: GraphReader) -> None:
        raise RuntimeError("bolt://admin:hunter2@db failed")

    monkeypatch.setattr(GraphReader, "stats", broken_stats)
    with structlog.testing.capture_logs() as logs:
        response = client.post("/graphql", json={"query": "{ stats { events } }"})
    assert response.json()["errors"][0]["message"] == "Unexpected error."
    assert "hunter2" not in response.text and "Traceback" not in response.text
    (logged,) = [entry for entry in logs if entry["event"] == "graphql.unexpected_error"]
    assert logged["error_type"] == "RuntimeError" and logged["log_level"] == "error"
    assert "hunter2" in str(logged["exc_info"][1])


# ---------------------------------------------------------------- time budget and round trips


def test_a_request_that_outlives_its_time_budget_gets_a_clear_error(loaded: Graph, engine_settings: Settings) -> None:
    impatient = api_client(engine_settings, loaded, kg_query_timeout=0.000001)
    (message,) = error_messages(gql(impatient, "{ stats { events } }"))
    assert message.startswith("the request did not finish within 1e-06 s (KG_QUERY_TIMEOUT)")


def test_a_timeline_page_of_50_with_participants_and_evidence_takes_at_most_3_queries(
    graph: Graph, engine_settings: Settings,
) -> None:
    write_documents(graph, [many_events_document("actor-pat", 60)])
    client = api_client(engine_settings, graph)
    query = """query ($first: Int!) { timeline(actorId: "actor-pat", first: $first) {
      totalCount
      edges { cursor node { id title date { display } sourceCount independentSourceCount
        participants { role actor { id name } }
        evidence { quote date { display } document { id title url } } } }
      pageInfo { hasNextPage endCursor } } }"""
    for first in (50, 5):
        before = ROUND_TRIPS.value
        timeline = data(client, query, {"first": first})["timeline"]
        assert ROUND_TRIPS.value - before <= 3, f"page of {first}: {ROUND_TRIPS.value - before} round trips"
        assert len(timeline["edges"]) == first and timeline["totalCount"] == 60
        assert all(edge["node"]["participants"] and edge["node"]["evidence"] for edge in timeline["edges"])


# ---------------------------------------------------------------- mutations need the key


LOAD = """mutation ($input: LoadDocumentInput!) { loadDocument(input: $input) {
  unchanged eventCount actorCount document { id title url publisher publishedAt { display } events { type date { display } } } } }"""
ARTICLE = {
    "text": "Harbor Ledger reported the case.\n\nJudge Nora Vell sentenced Felix Amberg on 3 May 2024 in Port Ansel.",
    "title": "Amberg sentenced", "url": "https://news.example.org/ledger/amberg-sentenced",
    "publisher": "Harbor Ledger", "published": "2024-05-04",
}


def test_mutations_are_refused_when_no_api_key_is_configured(client: TestClient) -> None:
    assert error_messages(gql(client, LOAD, {"input": ARTICLE}, authorization="Bearer anything")) == [
        "mutations are disabled: this server has no API key configured (set KG_API_KEY)"
    ]


def test_mutations_need_the_configured_key(loaded: Graph, engine_settings: Settings) -> None:
    keyed = api_client(engine_settings, loaded, kg_api_key="s3cret")
    assert error_messages(gql(keyed, LOAD, {"input": ARTICLE})) == [
        "this mutation needs the API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
    ]
    assert error_messages(gql(keyed, LOAD, {"input": ARTICLE}, **{"x-api-key": "wrong"})) == [
        "the API key sent is not valid for this server"
    ]


def test_a_bad_document_is_refused_before_anything_is_loaded(loaded: Graph, engine_settings: Settings) -> None:
    keyed = api_client(engine_settings, loaded, kg_api_key="s3cret")
    bad_date = {**ARTICLE, "published": "May 2024"}
    assert error_messages(gql(keyed, LOAD, {"input": bad_date}, authorization="Bearer s3cret")) == [
        "'published' must be YYYY, YYYY-MM or YYYY-MM-DD, got 'May 2024'"
    ]
    assert error_messages(gql(keyed, LOAD, {"input": {**ARTICLE, "format": "pdf"}}, authorization="Bearer s3cret")) == [
        "'format' must be one of text, markdown, html, got 'pdf'"
    ]


def test_with_the_key_a_document_is_loaded_through_the_loaders(graph: Graph, engine_settings: Settings) -> None:
    keyed = api_client(engine_settings, graph, kg_api_key="s3cret")
    body = gql(keyed, LOAD, {"input": ARTICLE}, authorization="Bearer s3cret")
    assert "errors" not in body, body
    result = body["data"]["loadDocument"]
    assert result["unchanged"] is False
    document = result["document"]
    assert (document["title"], document["url"], document["publisher"]) == (ARTICLE["title"], ARTICLE["url"], "Harbor Ledger")
    assert document["publishedAt"] == {"display": "4 May 2024"}
    assert {"type": "SENTENCING", "date": {"display": "3 May 2024"}} in document["events"]
    assert result["eventCount"] == len(document["events"])
    again = gql(keyed, LOAD, {"input": ARTICLE}, **{"x-api-key": "s3cret"})["data"]["loadDocument"]
    assert again["unchanged"] is True and again["document"]["id"] == document["id"]


# ---------------------------------------------------------------- CORS, probes, schema file


def test_cors_allows_only_the_configured_origins(loaded: Graph, engine_settings: Settings) -> None:
    newsroom = api_client(engine_settings, loaded, kg_cors_origins=["https://newsroom.example"])
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = newsroom.options("/graphql", headers={"Origin": "https://newsroom.example", **preflight})
    assert allowed.headers["access-control-allow-origin"] == "https://newsroom.example"
    refused = newsroom.options("/graphql", headers={"Origin": "https://elsewhere.example", **preflight})
    assert "access-control-allow-origin" not in refused.headers
    closed = api_client(engine_settings, loaded)
    response = closed.post("/graphql", json={"query": "{ __typename }"}, headers={"Origin": "https://newsroom.example"})
    assert "access-control-allow-origin" not in response.headers


def test_healthz_says_the_process_is_up_and_readyz_that_the_graph_answers(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ok", "graph": "reachable"})


@pytest.fixture
def unreachable() -> Iterator[Graph]:
    """A graph whose server is not there (nothing listens on the port)."""
    port = free_port()
    graph = Graph(
        driver=GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "x"), connection_acquisition_timeout=2),
        database="neo4j", uri=f"bolt://127.0.0.1:{port}", embedded=False,
    )
    yield graph
    graph.close()


def test_readyz_fails_while_the_graph_is_unreachable(engine_settings: Settings, unreachable: Graph) -> None:
    client = api_client(engine_settings, unreachable)
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert (ready.status_code, ready.json()) == (503, {"status": "unavailable", "graph": "not reachable"})


def test_graphiql_opens_with_placeholder_ids_while_the_graph_is_unreachable(engine_settings: Settings, unreachable: Graph) -> None:
    page = api_client(engine_settings, unreachable).get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and '\\"actorId\\": \\"ACTOR-ID\\"' in page.text


def test_schema_graphql_in_the_repo_matches_the_served_schema() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql is stale: regenerate it with `.venv/bin/python -m api.schema`"
    )


def test_every_type_and_field_of_the_schema_is_documented() -> None:
    from api.schema import schema

    undocumented = []
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not graphql_type.description:
            undocumented.append(name)
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            if not field.description:
                undocumented.append(f"{name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    undocumented.append(f"{name}.{field_name}({arg_name})")
    assert undocumented == []


def test_the_event_type_enum_lists_the_taxonomy() -> None:
    from api.types import EventType
    from loaders.taxonomy import load_taxonomy

    assert [member.name for member in EventType] == list(load_taxonomy().names)


def test_the_api_holds_no_cypher_of_its_own() -> None:
    import re
    from pathlib import Path

    api_dir = Path(__file__).resolve().parent.parent / "api"
    cypher = re.compile(r"\b(MATCH|MERGE|CREATE|DETACH DELETE|UNWIND)\s*[\(\$]|\bRETURN\s+\w+\s+AS\b")
    offenders = [
        f"{path.name}:{number}" for path in sorted(api_dir.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if cypher.search(line)
    ]
    assert offenders == [], "Cypher belongs in graph/: " + ", ".join(offenders)
