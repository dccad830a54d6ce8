"""The read-only Cypher console: nothing persists, limits hold, errors say what went wrong.

The Cypher in this file is what an analyst would type into the console: it is
the input under test, not the project's own queries.
"""

from __future__ import annotations

import json
import time

import pytest

from graph.admin import graph_counts
from graph.connection import Graph
from graph.ready_queries import READY_QUERIES, READY_QUERIES_BY_NAME, ReadyQuery
from graph.console import (
    ConsoleResult,
    QueryFailed,
    QueryRefused,
    QueryTimedOut,
    console_transactions,
    mask_query,
    refusal_reason,
    run_readonly,
    split_statements,
)
from sample_graph import CHARGES, DEATH, MARA, load_sample_graph

# Two nested UNWINDs of 100 000: 10^10 rows, far beyond any time limit on either engine.
ENDLESS_QUERY = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS pairs"
# Within the embedded engine's range limit (arcadedb.queryMaxRangeSize); seconds to stream in full.
HUGE_RESULT_QUERY = "UNWIND range(1, 25000000) AS x RETURN x"

EVERY_NODE = "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id"
EVERY_RELATIONSHIP = (
    "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, properties(r) AS properties, b.id AS to "
    "ORDER BY from, type, to, properties.start"
)

WRITES = {
    "create": "CREATE (:Actor:Person {id: 'actor-intruder', name: 'Intruder'})",
    "create relationship": "MATCH (a:Actor), (e:Event) CREATE (a)-[:PARTICIPATED_IN {role: 'WITNESS'}]->(e)",
    "merge": "MERGE (a:Actor {id: 'actor-merged'}) ON CREATE SET a.name = 'Merged' RETURN a",
    "merge existing": "MERGE (a:Actor {id: $mara}) ON MATCH SET a.name = 'Renamed' RETURN a",
    "set": "MATCH (e:Event) SET e.title = 'rewritten', e.status = 'NEGATED', e:Flagged",
    "set map": "MATCH (d:Document) SET d += {publisher: 'nobody', url: null}",
    "remove": "MATCH (a:Actor) REMOVE a.name, a:Person",
    "delete relationships": "MATCH ()-[r:REPORTED_IN]->() DELETE r",
    "detach delete": "MATCH (n) DETACH DELETE n",
    "foreach": "FOREACH (i IN range(1, 5) | CREATE (:Event {id: 'event-extra-' + toString(i)}))",
}


def graph_state(graph: Graph) -> tuple[dict[str, int], list[list], list[list]]:
    """Counts plus every node and relationship with its properties, read through the console."""
    return (
        graph_counts(graph),
        run_readonly(graph, EVERY_NODE, row_limit=10_000).rows,
        run_readonly(graph, EVERY_RELATIONSHIP, row_limit=10_000).rows,
    )


@pytest.fixture
def sample(graph: Graph) -> Graph:
    load_sample_graph(graph)
    return graph


def wait_until_no_console_transactions(graph: Graph, within: float = 3.0) -> list[str]:
    deadline = time.monotonic() + within
    while (running := console_transactions(graph)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return running


# --- Nothing an analyst runs is saved -------------------------------------------------


@pytest.mark.parametrize("query", WRITES.values(), ids=WRITES.keys())
def test_a_write_through_the_console_leaves_the_graph_exactly_as_it_was(sample: Graph, query: str) -> None:
    before = graph_state(sample)
    assert before[0]["Event"] > 0

    if sample.embedded:
        # The embedded engine runs the write (it ignores READ access mode); the rollback discards it.
        result = run_readonly(sample, query, {"mara": MARA})
        assert result.notice is not None and "rolled every change back" in result.notice
    else:
        # Neo4j refuses writes in a READ session before the rollback is needed.
        with pytest.raises(QueryFailed) as refused:
            run_readonly(sample, query, {"mara": MARA})
        assert refused.value.code == "Neo.ClientError.Statement.AccessMode"

    assert graph_state(sample) == before


def test_the_written_values_are_visible_inside_the_query_but_never_saved(sample: Graph) -> None:
    if not sample.embedded:
        pytest.skip("Neo4j refuses writes in a READ session, so nothing is returned to look at")
    before = graph_counts(sample)

    result = run_readonly(sample, "CREATE (a:Actor {id: 'actor-ghost', name: 'Ghost'}) RETURN a.name AS name")

    assert result.rows == [["Ghost"]]
    assert graph_counts(sample) == before
    assert run_readonly(sample, "MATCH (a:Actor {id: 'actor-ghost'}) RETURN a").rows == []


def test_a_read_has_no_write_notice(sample: Graph) -> None:
    result = run_readonly(sample, "MATCH (e:Event) RETURN count(e) AS events")

    assert result.rows == [[7]]
    assert result.notice is None


# --- Commands a rollback cannot undo are refused before they run ----------------------

REFUSED = {
    "create index": ("CREATE INDEX console_probe IF NOT EXISTS FOR (e:Event) ON (e.title)", "schema and admin"),
    "create text index": ("create text index console_probe for (a:Actor) on (a.name)", "schema and admin"),
    "create constraint": (
        "CREATE CONSTRAINT console_probe FOR (d:Document) REQUIRE d.url IS UNIQUE", "schema and admin",
    ),
    "drop index": ("DROP INDEX event_type", "schema and admin"),
    "dbms procedure": ("CALL dbms.components()", "procedure dbms.components is not allowed"),
    "quoted procedure": ("CALL `dbms.killQuery`('x')", "procedure dbms.killQuery is not allowed"),
    "load csv": ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV"),
    "use": ("USE system SHOW USERS", "USE is not allowed"),
    "show transactions": ("SHOW TRANSACTIONS", "only SHOW INDEXES"),
    "show users": ("SHOW USERS", "only SHOW INDEXES"),
    "terminate": ("TERMINATE TRANSACTIONS 'tx-1'", "TERMINATE"),
    "in transactions": ("CALL { CREATE (:Event {id: 'event-batched'}) } IN TRANSACTIONS", "IN TRANSACTIONS"),
    "grant": ("GRANT ROLE reader TO someone", "GRANT"),
    "two statements": ("MATCH (n) RETURN n; MATCH (m) RETURN m", "one statement at a time"),
}


@pytest.mark.parametrize(("query", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_schema_admin_and_file_commands_are_refused_with_the_reason(sample: Graph, query: str, reason: str) -> None:
    before = graph_state(sample)

    with pytest.raises(QueryRefused) as refused:
        run_readonly(sample, query)

    assert reason in refused.value.message
    assert graph_state(sample) == before


def test_a_refused_index_does_not_appear_in_the_schema(graph: Graph) -> None:
    with pytest.raises(QueryRefused):
        run_readonly(graph, "CREATE INDEX console_probe IF NOT EXISTS FOR (e:Event) ON (e.title)")

    indexes = run_readonly(graph, "SHOW INDEXES")
    assert "console_probe" not in json.dumps(indexes.rows)


def test_batched_writes_are_refused_because_their_inner_transactions_would_commit(sample: Graph) -> None:
    # On the embedded engine CALL { } IN TRANSACTIONS commits even inside a rolled-back transaction.
    before = graph_counts(sample)

    with pytest.raises(QueryRefused, match="IN TRANSACTIONS"):
        run_readonly(sample, "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:Event {id: toString(i)}) } "
                             "IN TRANSACTIONS OF 1 ROWS")

    assert graph_counts(sample) == before


@pytest.mark.parametrize("query", [
    "RETURN 'DROP INDEX x; LOAD CSV' AS text // CALL dbms.components()",
    "RETURN \"CREATE INDEX\" AS text /* SHOW TRANSACTIONS; USE system */",
    "MATCH (start:Actor)-[:PARTICIPATED_IN]->(stop:Event) RETURN start.`use` AS text LIMIT 1",
    "CALL { MATCH (e:Event) RETURN e.id AS text } RETURN text LIMIT 1",
    "CALL db.labels() YIELD label RETURN label AS text LIMIT 1",
    "SHOW INDEXES YIELD name RETURN name AS text LIMIT 1",
])
def test_keywords_inside_strings_comments_and_names_do_not_cause_a_refusal(sample: Graph, query: str) -> None:
    assert refusal_reason(query) is None
    result = run_readonly(sample, query)
    assert result.columns == ["text"]


@pytest.mark.parametrize("query", ["", "   ", "// only a comment", ";"])
def test_an_empty_query_is_refused_before_reaching_the_graph(query: str) -> None:
    with pytest.raises(QueryRefused, match="empty"):
        run_readonly(None, query)  # type: ignore[arg-type]  # the check comes before any graph use


def test_masking_blanks_strings_comments_and_quoted_names_but_keeps_positions() -> None:
    query = "RETURN 'a;b' AS `x;y` // c;d\n/* e;f */ ;"

    masked = mask_query(query)

    assert len(masked) == len(query)
    assert masked.count(";") == 1 and masked.rstrip().endswith(";")
    assert "a;b" not in masked and "c;d" not in masked and "e;f" not in masked


def test_a_script_splits_on_semicolons_outside_strings_and_comments() -> None:
    script = "MATCH (n) RETURN n;\nRETURN ';' AS semicolon; // trailing; comment\n/* ; */\n;\n RETURN 3 AS three"

    assert split_statements(script) == ["MATCH (n) RETURN n", "RETURN ';' AS semicolon", "RETURN 3 AS three"]


def test_a_trailing_semicolon_is_accepted(graph: Graph) -> None:
    assert run_readonly(graph, "RETURN 1 AS one;").rows == [[1]]


# --- Time limit -----------------------------------------------------------------------


def test_a_slow_query_is_stopped_at_the_time_limit_and_leaves_the_engine_free(graph: Graph) -> None:
    started = time.monotonic()

    with pytest.raises(QueryTimedOut) as stopped:
        run_readonly(graph, ENDLESS_QUERY, timeout=1)

    assert time.monotonic() - started < 6
    assert "time limit" in stopped.value.message
    assert wait_until_no_console_transactions(graph) == []
    quick = time.monotonic()
    assert run_readonly(graph, "RETURN 1 AS one").rows == [[1]]
    assert time.monotonic() - quick < 2


def test_the_first_rows_of_a_huge_result_come_back_without_waiting_for_the_rest(graph: Graph) -> None:
    started = time.monotonic()

    result = run_readonly(graph, HUGE_RESULT_QUERY, row_limit=5, timeout=60)

    assert time.monotonic() - started < 4
    assert result.rows == [[1], [2], [3], [4], [5]]
    assert result.truncated
    assert wait_until_no_console_transactions(graph) == []


# --- Row limit ------------------------------------------------------------------------


def test_rows_beyond_the_limit_are_cut_and_flagged(graph: Graph) -> None:
    result = run_readonly(graph, "UNWIND range(1, 25) AS x RETURN x", row_limit=10)

    assert result.rows == [[x] for x in range(1, 11)]
    assert result.truncated


def test_exactly_the_limit_is_not_flagged_as_truncated(graph: Graph) -> None:
    result = run_readonly(graph, "UNWIND range(1, 10) AS x RETURN x", row_limit=10)

    assert len(result.rows) == 10
    assert not result.truncated


# --- Errors ---------------------------------------------------------------------------


def test_a_syntax_error_names_the_problem_and_its_position(graph: Graph) -> None:
    with pytest.raises(QueryFailed) as failed:
        run_readonly(graph, "MATCH (e:Event RETURN e")

    assert failed.value.code == "Neo.ClientError.Statement.SyntaxError"
    assert "line 1" in failed.value.message
    assert "kg-console" not in failed.value.message


def test_a_missing_parameter_is_named(graph: Graph) -> None:
    with pytest.raises(QueryFailed) as failed:
        run_readonly(graph, "RETURN $actorName AS name")

    assert "actorName" in failed.value.message


def test_parameters_must_be_a_map_of_names() -> None:
    with pytest.raises(QueryRefused, match="map of names"):
        run_readonly(None, "RETURN $x AS x", ["not", "a", "map"])  # type: ignore[arg-type]


# --- Parameters and values ------------------------------------------------------------


def test_parameters_reach_the_query(sample: Graph) -> None:
    result = run_readonly(
        sample,
        "MATCH (e:Event) WHERE e.startDate >= date($from) AND e.type IN $types "
        "RETURN e.id AS id ORDER BY e.startDate",
        {"from": "2022-01-01", "types": ["DEATH", "CHARGES"]},
    )

    assert result.columns == ["id"]
    assert result.rows == [[DEATH], [CHARGES]]


def test_graph_values_come_back_json_friendly(sample: Graph) -> None:
    result = run_readonly(
        sample,
        "MATCH p = (a:Actor {id: $actor})-[r:PARTICIPATED_IN]->(e:Event {id: $event}) "
        "RETURN a, r, e, p, e.startDate AS day, datetime('2023-10-28T10:15:00Z') AS at, "
        "duration('P1D') AS span, [1, 'two', null] AS list, {k: date('2023-10-28')} AS map",
        {"actor": MARA, "event": DEATH},
    )

    assert result.columns == ["a", "r", "e", "p", "day", "at", "span", "list", "map"]
    [[actor, role, event, path, day, at, span, values, mapping]] = result.rows
    assert actor["labels"] == ["Actor", "Person"]
    assert actor["properties"]["name"] == "Mara Quill"
    assert isinstance(actor["elementId"], str)
    assert role["type"] == "PARTICIPATED_IN"
    assert role["properties"]["role"] == "DECEASED"
    assert (role["start"], role["end"]) == (actor["elementId"], event["elementId"])
    assert event["properties"]["startDate"] == "2022-03-12"
    assert [n["elementId"] for n in path["nodes"]] == [actor["elementId"], event["elementId"]]
    assert [r["elementId"] for r in path["relationships"]] == [role["elementId"]]
    assert day == "2022-03-12"
    assert at.startswith("2023-10-28T10:15:00")
    assert span == "P1D"
    assert values == [1, "two", None]
    assert mapping == {"k": "2023-10-28"}
    json.dumps(result.to_json())  # serialisable as it is


def test_a_result_reports_its_columns_time_and_shape(graph: Graph) -> None:
    result = run_readonly(graph, "RETURN 1 AS one, 'b' AS two")

    assert isinstance(result, ConsoleResult)
    assert result.elapsed_ms >= 0
    assert result.to_json() == {
        "columns": ["one", "two"], "rows": [[1, "b"]], "truncated": False,
        "elapsedMs": result.elapsed_ms, "notice": None,
    }


# --- Ready queries --------------------------------------------------------------------


@pytest.mark.parametrize("ready", READY_QUERIES, ids=[q.title for q in READY_QUERIES])
def test_every_ready_query_runs_and_finds_the_sample_story(sample: Graph, ready: ReadyQuery) -> None:
    assert refusal_reason(ready.query) is None

    result = run_readonly(sample, ready.query, ready.params)

    assert result.rows, f"{ready.title} found nothing in the sample graph"
    assert not result.truncated


def test_an_actors_timeline_lists_dated_events_in_order_and_undated_last(sample: Graph) -> None:
    result = run_readonly(sample, READY_QUERIES_BY_NAME["actor_timeline"].query, {"actor": "amberg"})

    starts = [row[result.columns.index("from")] for row in result.rows]
    dated = [start for start in starts if start is not None]
    assert dated == sorted(dated)
    assert starts[len(dated):] == [None] * (len(starts) - len(dated))
    assert None in starts  # the interview has no known date
