"""GraphQL over HTTP: graphql-http's server audit against the live server (no audit may end in `error`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.app import create_app
from api.local_server import running_server
from graph.connection import Graph
from kg.settings import Settings

from node_tools import require_node_package, run_script


@pytest.fixture(scope="module")
def live_url(sample_story: Graph, engine_settings: Settings) -> Iterator[str]:
    with running_server(create_app(engine_settings, graph=sample_story)) as url:
        yield url


def test_the_server_passes_every_required_graphql_over_http_audit(live_url: str) -> None:
    node = require_node_package("graphql-http")
    results = run_script(node, "audit.mjs", f"{live_url}/graphql")["results"]
    assert len(results) > 40, "the audit ran too few checks"
    errors = [r for r in results if r["status"] == "error"]
    assert errors == [], "\n".join(f"{r['name']}: {r['reason']} ({r.get('response')})" for r in errors)
    warnings = [r for r in results if r["status"] in ("warn", "notice")]
    print(f"\ngraphql-http audit: {len(results) - len(warnings)} ok, {len(warnings)} warnings")
    for warning in warnings:
        print(f"  {warning['status']}: {warning['name']} - {warning['reason']}")
