"""`GET /cypher` (the page) and `POST /cypher` (the read-only console over HTTP)."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.cypher_routes import router
from graph.admin import graph_counts
from graph.connection import Graph
from graph.ready_queries import READY_QUERIES
from kg.settings import Settings
from sample_graph import DEATH, load_sample_graph


@pytest.fixture
def app(graph: Graph, engine_settings: Settings) -> FastAPI:
    """A minimal app with only the Cypher router, its graph and settings set as the real app's lifespan does."""
    app = FastAPI()
    app.include_router(router)
    app.state.graph = graph
    app.state.settings = engine_settings
    return app


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture
def limits(app: FastAPI, engine_settings: Settings):
    """Set the console's time and row limits through the app's settings, as KG_CYPHER_* would."""

    def set_limits(**update: float | int) -> None:
        app.state.settings = engine_settings.model_copy(update=update)

    return set_limits


def test_a_query_returns_columns_rows_and_timing(client: TestClient, graph: Graph) -> None:
    load_sample_graph(graph)

    response = client.post("/cypher", json={
        "query": "MATCH (e:Event {id: $id}) RETURN e.type AS type, e.startDate AS start, e",
        "params": {"id": DEATH},
    })

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"columns", "rows", "truncated", "elapsedMs", "notice"}
    assert body["columns"] == ["type", "start", "e"]
    [[event_type, start, node]] = body["rows"]
    assert (event_type, start) == ("DEATH", "2022-03-12")
    assert node["labels"] == ["Event"] and node["properties"]["id"] == DEATH
    assert body["truncated"] is False
    assert body["elapsedMs"] >= 0


def test_rows_beyond_the_configured_limit_are_cut_and_flagged(client: TestClient, limits) -> None:
    limits(kg_cypher_row_limit=3)

    response = client.post("/cypher", json={"query": "UNWIND range(1, 10) AS x RETURN x"})

    assert response.status_code == 200
    assert response.json()["rows"] == [[1], [2], [3]]
    assert response.json()["truncated"] is True


def test_a_query_over_the_configured_time_limit_is_stopped(client: TestClient, limits) -> None:
    limits(kg_cypher_timeout=1)

    response = client.post("/cypher", json={
        "query": "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS pairs",
    })

    assert response.status_code == 400
    assert response.json()["kind"] == "timeout"
    assert "time limit" in response.json()["error"]


def test_a_syntax_error_is_a_400_with_the_servers_message(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "MATCH (e:Event RETURN e"})

    assert response.status_code == 400
    body = response.json()
    assert body["kind"] == "failed"
    assert body["code"] == "Neo.ClientError.Statement.SyntaxError"
    assert "line 1" in body["error"]


def test_a_schema_command_is_refused_with_a_400(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "CREATE INDEX probe FOR (e:Event) ON (e.title)"})

    assert response.status_code == 400
    assert response.json()["kind"] == "refused"
    assert "schema and admin commands" in response.json()["error"]


def test_a_write_over_http_is_not_saved(client: TestClient, graph: Graph) -> None:
    load_sample_graph(graph)
    before = graph_counts(graph)

    response = client.post("/cypher", json={"query": "MATCH (n) DETACH DELETE n"})

    if graph.embedded:
        assert response.status_code == 200
        assert "rolled every change back" in response.json()["notice"]
    else:
        assert response.status_code == 400  # Neo4j refuses writes in a READ session
    assert graph_counts(graph) == before


def test_a_body_without_a_query_is_rejected_by_validation(client: TestClient) -> None:
    response = client.post("/cypher", json={"params": {}})

    assert response.status_code == 422


def test_the_page_is_self_contained_and_loads_its_script(client: TestClient) -> None:
    page = client.get("/cypher")
    script = client.get("/cypher/cypher.js")

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<textarea id="query"' in page.text and '<textarea id="params"' in page.text
    assert '<script src="/cypher/cypher.js">' in page.text
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert 'fetch("/cypher"' in script.text
    # No CDN: nothing is loaded from another host.
    assert not re.search(r"""(src|href)=["']https?://""", page.text)
    assert "http://" not in script.text and "https://" not in script.text
    # Graph values are drawn as text, never as HTML.
    assert "innerHTML" not in script.text


def test_the_ready_queries_are_listed_for_the_page(client: TestClient) -> None:
    response = client.get("/cypher/examples")

    assert response.status_code == 200
    assert [q["title"] for q in response.json()] == [q.title for q in READY_QUERIES]
    assert all(set(q) == {"title", "query", "params"} for q in response.json())
