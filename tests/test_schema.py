"""The named constraints and indexes, and the ready queries docs/schema.md gives analysts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j.exceptions import ConstraintError

from graph import inspect
from graph.ready_queries import READY_QUERIES_BY_NAME
from graph.admin import graph_counts
from graph.connection import Graph
from graph.schema import SCHEMA_STATEMENTS, apply_schema
from graph.writer import write_documents
from loaders.structured import load_timeline

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DOC = ROOT / "docs" / "schema.md"

# Values from examples/timeline.csv that each ready query is tried with.
SAMPLE_PARAMETERS = {
    "actor": "Reyes", "other": "Elena Sokolova", "event": "death",
    "fromDate": "2023-09-01", "toDate": "2023-12-31",
}


def test_applying_the_schema_twice_is_harmless(graph: Graph) -> None:
    write_documents(graph, load_timeline(ROOT / "examples" / "timeline.csv"))
    counts = graph_counts(graph)

    assert apply_schema(graph) == apply_schema(graph) == list(SCHEMA_STATEMENTS)
    assert graph_counts(graph) == counts


def test_a_second_event_with_the_same_id_is_refused(graph: Graph) -> None:
    inspect.create_bare_event(graph, "event-unique")
    with pytest.raises(ConstraintError) as error:
        inspect.create_bare_event(graph, "event-unique")

    assert error.value.code == "Neo.ClientError.Schema.ConstraintValidationFailed"
    assert graph_counts(graph) == {"Event": 1}


def test_the_schema_doc_names_every_constraint_and_index() -> None:
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    for name, statement in SCHEMA_STATEMENTS.items():
        assert f"`{name}`" in text, name


@pytest.mark.parametrize("name", list(READY_QUERIES_BY_NAME))
def test_each_ready_query_is_in_the_schema_doc_and_returns_rows_on_the_sample(graph: Graph, name: str) -> None:
    query = READY_QUERIES_BY_NAME[name]
    doc = SCHEMA_DOC.read_text(encoding="utf-8")
    assert query.query in doc, f"docs/schema.md does not show ready query {name!r} verbatim"
    for parameter in query.params:
        assert re.search(rf":param {parameter} =>", doc), f"docs/schema.md gives no :param for ${parameter}"
    write_documents(graph, load_timeline(ROOT / "examples" / "timeline.csv"))

    rows = inspect.run_ready_query(graph, name, **{p: SAMPLE_PARAMETERS[p] for p in query.params})

    assert rows, f"ready query {name!r} returned nothing on the sample timeline"
