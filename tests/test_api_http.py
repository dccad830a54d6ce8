"""GraphQL over HTTP: the application/graphql-response+json media type and its status codes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.graphql_http import is_request_error, prefers_graphql_response_json
from graph.connection import Graph
from kg.settings import Settings

from graphql_client import api_client

NEW_TYPE = "application/graphql-response+json"


@pytest.fixture
def client(graph: Graph, engine_settings: Settings) -> TestClient:
    return api_client(engine_settings, graph)


def post(client: TestClient, query: str, accept: str):
    return client.post("/graphql", json={"query": query}, headers={"Accept": accept})


def test_a_client_asking_for_graphql_response_json_gets_it(client: TestClient) -> None:
    response = post(client, "{ __typename }", NEW_TYPE)
    assert (response.status_code, response.json()) == (200, {"data": {"__typename": "Query"}})
    assert response.headers["content-type"].startswith(NEW_TYPE)


def test_a_request_that_cannot_run_is_a_400_without_data(client: TestClient) -> None:
    for broken in ("{", "{ noSuchField }"):
        response = post(client, broken, NEW_TYPE)
        assert response.status_code == 400
        assert "data" not in response.json() and response.json()["errors"]


def test_an_error_while_running_stays_a_200_with_data(client: TestClient) -> None:
    response = post(client, '{ event(id: "event-nope") { title } }', NEW_TYPE)
    assert response.status_code == 200
    assert response.json()["data"] == {"event": None}
    assert response.json()["errors"][0]["message"] == "no event with id 'event-nope'"


def test_plain_json_clients_keep_the_classic_answers(client: TestClient) -> None:
    response = post(client, "{", "application/json")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert response.json()["data"] is None


@pytest.mark.parametrize(("accept", "preferred"), [
    (NEW_TYPE, True),
    (f"{NEW_TYPE}, application/json;q=0.9", True),
    (f"application/json, {NEW_TYPE}", False),
    ("application/json, multipart/mixed", False),
    ("*/*", False),
])
def test_the_media_type_follows_the_order_of_the_accept_header(accept: str, preferred: bool) -> None:
    assert prefers_graphql_response_json(accept) is preferred


def test_only_errors_without_a_field_path_count_as_request_errors() -> None:
    assert is_request_error({"data": None, "errors": [{"message": "Syntax Error"}]})
    assert not is_request_error({"data": None, "errors": [{"message": "boom", "path": ["event"]}]})
    assert not is_request_error({"data": {"x": 1}})
