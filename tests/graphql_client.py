"""Helpers for the API tests: an app on the engine under test, and a GraphQL call that returns JSON."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from graph.connection import Graph
from kg.settings import Settings


def api_client(settings: Settings, graph: Graph, **overrides: Any) -> TestClient:
    """A client for the full app, sharing the test graph; `overrides` change settings (e.g. kg_api_key)."""
    changed = type(settings).model_validate({**settings.model_dump(), **overrides})  # validated, unlike model_copy
    return TestClient(create_app(changed, graph=graph))


def gql(client: TestClient, query: str, variables: dict[str, Any] | None = None, **headers: str) -> dict[str, Any]:
    """POST a GraphQL request; returns the JSON body (data and/or errors)."""
    response = client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    assert response.headers["content-type"].startswith("application/"), response.text
    return response.json()


def data(client: TestClient, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """The data of a request that must succeed."""
    body = gql(client, query, variables)
    assert "errors" not in body, body["errors"]
    return body["data"]


def error_messages(body: dict[str, Any]) -> list[str]:
    return [error["message"] for error in body.get("errors", [])]
