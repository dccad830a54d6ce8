"""`kg cypher`: one query, a file of statements, or an interactive shell, all read-only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import kg.cypher_shell as shell
from graph.admin import graph_counts
from graph.connection import Graph
from graph.console import ConsoleResult
from graph.ready_queries import READY_QUERIES
from kg.cypher_shell import (
    ShellInputError,
    ShellState,
    cypher,
    handle_shell_command,
    parse_param_assignment,
    parse_param_options,
    render_csv,
    render_json,
    render_table,
    statement_complete,
)
from kg.logs import configure_logging
from kg.settings import Settings
from sample_graph import load_sample_graph

RESULT = ConsoleResult(
    columns=["name", "born", "node", "missing"],
    rows=[
        ["Ada, Countess", "1815-12-10", {"elementId": "4:x:1", "labels": ["Actor"], "properties": {"id": "a1"}}, None],
        ["Charles \"Babbage\"", 1791, [1, 2], None],
    ],
    truncated=False, elapsed_ms=12.5,
)


@pytest.fixture
def run_cli(graph: Graph, engine_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    """Invoke the `cypher` command against the engine under test, as `kg cypher` would."""
    configure_logging("console", "INFO")  # as the `kg` callback does: logs to stderr, not into the data
    monkeypatch.setattr(shell, "get_settings", lambda: engine_settings)
    app = typer.Typer()
    app.command()(cypher)
    # Wide enough that rich never shortens a long temporary path in an error panel.
    runner = CliRunner(env={"COLUMNS": "400"})

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


# --- Parameters -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ('name => "Ada Lovelace"', ("name", "Ada Lovelace")),
    ("day=\"2023-10-28\"", ("day", "2023-10-28")),
    ("limit => 5", ("limit", 5)),
    ('types => ["DEATH", "PLEA"]', ("types", ["DEATH", "PLEA"])),
    ('filter = {"kind": "PERSON", "min": 0.5}', ("filter", {"kind": "PERSON", "min": 0.5})),
    ("flag=> true", ("flag", True)),
    ("nothing => null", ("nothing", None)),
])
def test_a_parameter_is_a_name_and_a_json_value(text: str, expected: tuple) -> None:
    assert parse_param_assignment(text) == expected


def test_a_parameter_value_that_is_not_json_says_how_to_quote_it() -> None:
    with pytest.raises(ShellInputError) as bad:
        parse_param_assignment("name => Ada")
    assert "not a JSON value" in str(bad.value)
    assert '"Ada"' in str(bad.value)


@pytest.mark.parametrize("text", ["=> 5", "1abc => 5", "name", "name =>"])
def test_a_parameter_without_a_name_or_value_is_rejected(text: str) -> None:
    with pytest.raises(ShellInputError):
        parse_param_assignment(text)


def test_a_bad_param_option_names_the_option() -> None:
    with pytest.raises(typer.BadParameter) as bad:
        parse_param_options(['ok="fine"', "who=Ada"])
    assert bad.value.param_hint == "--param"
    assert "who" in str(bad.value)


# --- Rendering ------------------------------------------------------------------------


def test_csv_has_a_header_quotes_commas_and_leaves_null_empty() -> None:
    lines = render_csv(RESULT).splitlines()

    assert lines[0] == "name,born,node,missing"
    assert lines[1].startswith('"Ada, Countess",1815-12-10,"{""elementId"":""4:x:1""')
    assert lines[1].endswith(",")
    assert lines[2] == '"Charles ""Babbage""",1791,"[1,2]",'


def test_json_output_has_the_same_shape_as_the_api() -> None:
    assert json.loads(render_json(RESULT)) == {
        "columns": RESULT.columns, "rows": RESULT.rows, "truncated": False, "elapsedMs": 12.5, "notice": None,
    }


def test_a_table_shows_headers_values_nulls_and_the_row_count() -> None:
    text = render_table(RESULT)

    for expected in ("name", "born", "Ada, Countess", "1815-12-10", "null", "[1,2]", "2 rows in 12.5 ms"):
        assert expected in text
    assert "truncated" not in text


def test_a_table_says_when_rows_were_cut_and_shows_the_notice() -> None:
    cut = ConsoleResult(columns=["x"], rows=[[1]], truncated=True, elapsed_ms=1.0, notice="Rolled back.")

    text = render_table(cut)

    assert "1 row (truncated" in text
    assert "Rolled back." in text


def test_graph_values_are_never_read_as_markup() -> None:
    tricky = ConsoleResult(columns=["text"], rows=[["[bold]not bold[/bold]"]], truncated=False, elapsed_ms=1.0)

    assert "[bold]not bold[/bold]" in render_table(tricky)


# --- Shell commands -------------------------------------------------------------------


def test_a_statement_is_complete_at_a_semicolon_outside_strings_and_comments() -> None:
    assert statement_complete("MATCH (n)\nRETURN n;")
    assert statement_complete("RETURN 1 ;  ")
    assert not statement_complete("RETURN ';")
    assert not statement_complete("RETURN 1 // done;")
    assert not statement_complete("MATCH (n)")


def test_shell_commands_change_the_parameters_and_format() -> None:
    state = ShellState()

    assert handle_shell_command(':param who => "Ada"', state) == '$who = "Ada"'
    handle_shell_command(":param n=3", state)
    assert state.params == {"who": "Ada", "n": 3}
    assert handle_shell_command(":params", state) == '$who = "Ada"\n$n = 3'
    assert handle_shell_command(":format csv", state) == "format: csv"
    assert state.fmt == "csv"
    handle_shell_command(":params clear", state)
    assert state.params == {}
    assert ":param name => value" in handle_shell_command(":help", state)
    handle_shell_command(":exit", state)
    assert not state.running


def test_the_examples_are_ready_to_paste_into_the_shell(run_cli, graph: Graph) -> None:
    load_sample_graph(graph)
    examples = handle_shell_command(":examples", ShellState())
    assert examples is not None and all(ready.query in examples for ready in READY_QUERIES)

    result = run_cli("--format", "csv", input=examples + "\n:exit\n")

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    for header in ("type,events", "actor,role,from,to", "from,type,event,involved",
                   "event,source,url,publisher,published,quote,claimedDate", "event,type,claimedDate,claimFrom",
                   "from,to,precision,type,event,status", "coParticipant,kind,sharedEvents,events", "steps,hops"):
        assert header in result.stdout


@pytest.mark.parametrize("line", [":format xml", ":param", ":bogus", ":params everything"])
def test_a_wrong_shell_command_says_how_to_use_it(line: str) -> None:
    with pytest.raises(ShellInputError):
        handle_shell_command(line, ShellState())


# --- The command, against the engine --------------------------------------------------


def test_a_query_argument_prints_a_table(run_cli) -> None:
    result = run_cli("UNWIND ['alpha', 'beta'] AS word RETURN word")

    assert result.exit_code == 0, result.output
    assert "word" in result.stdout and "alpha" in result.stdout and "beta" in result.stdout
    assert "2 rows in" in result.stdout


def test_csv_output_is_plain_data(run_cli) -> None:
    result = run_cli("--format", "csv", "UNWIND [1, 2] AS x RETURN x, 'a,b' AS text, null AS nothing")

    assert result.exit_code == 0, result.output
    assert result.stdout == 'x,text,nothing\n1,"a,b",\n2,"a,b",\n'


def test_json_output_and_params_from_options(run_cli) -> None:
    result = run_cli("--format", "json", "--param", 'who="Ada"', "--param", "n=2",
                     "RETURN $who AS who, $n * 2 AS twice")

    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["columns"] == ["who", "twice"]
    assert payload["rows"] == [["Ada", 4]]
    assert payload["truncated"] is False


def test_a_bad_param_option_stops_before_connecting(run_cli) -> None:
    result = run_cli("--param", "who=Ada", "RETURN $who AS who")

    assert result.exit_code == 2
    assert "--param" in result.output and "not a JSON value" in result.output


def test_a_file_runs_each_statement_in_order(run_cli, tmp_path: Path) -> None:
    script = tmp_path / "questions.cypher"
    script.write_text("// how many?\nRETURN 1 AS first;\n\nRETURN 'two; or more' AS second\n;\n", encoding="utf-8")

    result = run_cli("--format", "csv", "-f", str(script))

    assert result.exit_code == 0, result.output
    assert result.stdout == "first\n1\nsecond\ntwo; or more\n"


def test_a_failing_statement_in_a_file_is_named_and_stops_the_run(run_cli, tmp_path: Path) -> None:
    script = tmp_path / "broken.cypher"
    script.write_text("RETURN 1 AS fine;\nMATCH (n RETURN n;\nRETURN 3 AS never;\n", encoding="utf-8")

    result = run_cli("--format", "csv", "-f", str(script))

    assert result.exit_code == 1
    assert "fine" in result.stdout and "never" not in result.stdout
    assert f"statement 2 of {script}" in result.stderr
    assert "line 1" in result.stderr


def test_writes_in_a_file_are_not_saved(run_cli, graph: Graph, tmp_path: Path) -> None:
    load_sample_graph(graph)
    before = graph_counts(graph)
    script = tmp_path / "writes.cypher"
    script.write_text("MATCH (n) DETACH DELETE n;\nCREATE (:Actor {id: 'actor-new'});\n", encoding="utf-8")

    run_cli("-f", str(script))

    assert graph_counts(graph) == before


def test_a_refused_command_exits_with_the_reason(run_cli) -> None:
    result = run_cli("DROP INDEX event_type")

    assert result.exit_code == 1
    assert "schema and admin commands" in result.stderr


def test_an_unreadable_file_is_named(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.cypher"

    result = run_cli("-f", str(missing))

    assert result.exit_code == 2
    assert "missing.cypher" in result.output


def test_the_shell_keeps_parameters_reads_multi_line_statements_and_switches_format(run_cli) -> None:
    typed = "\n".join([
        ':param who => "Ada"',
        "RETURN $who",
        "  AS who;",
        ":format csv",
        "RETURN 'ended by' AS how",
        "",
        "RETURN 'a blank line' AS how;",
        ":params",
        ":exit",
        "RETURN 'after exit' AS never;",
    ]) + "\n"

    result = run_cli(input=typed)

    assert result.exit_code == 0, result.output
    assert "Ada" in result.stdout
    assert "how\nended by\n" in result.stdout
    assert "how\na blank line\n" in result.stdout
    assert '$who = "Ada"' in result.stdout
    assert "after exit" not in result.stdout


def test_the_shell_reports_an_error_and_carries_on(run_cli) -> None:
    result = run_cli("--format", "csv", input="MATCH (n RETURN n;\n:nonsense\nRETURN 42 AS answer;\n")

    assert result.exit_code == 0, result.output
    assert "line 1" in result.stderr
    assert "unknown command :nonsense" in result.stderr
    assert "answer\n42\n" in result.stdout


def test_the_shell_runs_what_was_typed_when_input_ends(run_cli) -> None:
    result = run_cli("--format", "csv", input="RETURN 'no semicolon' AS last")

    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("last\nno semicolon\n")


def test_the_shell_flags_truncated_results(run_cli, monkeypatch: pytest.MonkeyPatch, engine_settings: Settings) -> None:
    import graph.console

    monkeypatch.setattr(graph.console, "get_settings",
                        lambda: engine_settings.model_copy(update={"kg_cypher_row_limit": 3}))

    result = run_cli(input="UNWIND range(1, 10) AS x RETURN x;\n")

    assert result.exit_code == 0, result.output
    assert "3 rows (truncated" in result.stdout
