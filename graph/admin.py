"""Whole-graph housekeeping: counts for reports and tests, and wiping a test database."""

from __future__ import annotations

from graph.connection import Graph

COUNT_NODES_BY_LABEL = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count"
COUNT_RELATIONSHIPS_BY_TYPE = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count"
DELETE_EVERYTHING = "MATCH (n) DETACH DELETE n"


def graph_counts(graph: Graph) -> dict[str, int]:
    """Node counts per label and relationship counts per type, e.g. {"Event": 12, "REPORTED_IN": 30}."""
    with graph.session() as session:
        counts = {r["label"]: r["count"] for r in session.run(COUNT_NODES_BY_LABEL)}
        counts.update({r["type"]: r["count"] for r in session.run(COUNT_RELATIONSHIPS_BY_TYPE)})
    return counts


def clear_graph(graph: Graph) -> None:
    """Delete every node and relationship. Only for tests and benchmarks on a throwaway database."""
    with graph.session() as session:
        session.run(DELETE_EVERYTHING).consume()
