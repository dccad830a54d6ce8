"""`kg cypher`: the analysts' read-only Cypher shell.

    kg cypher "MATCH (e:Event) RETURN e.type, count(*)"
    kg cypher -f questions.cypher --format csv > answers.csv
    kg cypher --param name='"Ada Lovelace"' "MATCH (a:Actor {name: $name}) RETURN a"
    kg cypher                      # interactive: history, multi-line, :param, :format

Every statement goes through `graph.console.run_readonly`: rolled back, time
and row limited, schema and admin commands refused. The pure parts (splitting
statements, parsing `:param`, rendering table/CSV/JSON) are functions of their
own; the interactive loop reads lines with `input()`, so readline gives it
history and line editing on a terminal, and piped input works too.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from graph.connection import Graph
from graph.ready_queries import READY_QUERIES
from graph.console import (
    ConsoleError,
    ConsoleResult,
    mask_query,
    run_readonly,
    split_statements,
)
from kg.settings import Settings, get_settings

FORMATS = ("table", "csv", "json")
HISTORY_FILE = ".cypher_history"
HISTORY_LENGTH = 2000
PROMPT = "kg> "
CONTINUATION_PROMPT = "  -> "

SHELL_HELP = """\
Type Cypher; a statement ends with ';' or an empty line. Nothing you run is saved:
every statement is rolled back, and runs within the time and row limits.

  :param name => value   set a parameter ($name); the value is JSON: "text", 42, [1, 2], {"k": "v"}
  :param name=value      the same
  :params                list the parameters      :params clear   forget them all
  :format table|csv|json how results are shown
  :examples              ready queries to start from
  :help                  this text
  :exit                  leave (also :quit or Ctrl-D); Ctrl-C drops the statement being typed"""

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


class ShellInputError(ValueError):
    """A shell command or parameter could not be understood; the message says how to write it."""


# ---------------------------------------------------------------------------
# Parameters.

_ASSIGNMENT = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:=>|=)\s*(.*?)\s*$", re.DOTALL)


def parse_param_assignment(text: str) -> tuple[str, Any]:
    """`name => value` or `name=value`, the value in JSON, as (name, value)."""
    match = _ASSIGNMENT.match(text)
    if not match:
        raise ShellInputError(
            f"cannot read parameter {text.strip()!r}: write name => value or name=value, "
            f"e.g. day => \"2023-10-28\""
        )
    name, raw = match.groups()
    if not raw:
        raise ShellInputError(f"parameter {name} has no value: write {name} => value")
    try:
        return name, json.loads(raw)
    except ValueError:
        raise ShellInputError(
            f"parameter {name}: {raw!r} is not a JSON value; put text in double quotes: \"{raw}\""
        ) from None


def parse_param_options(options: Iterable[str]) -> dict[str, Any]:
    """The `--param name=value` options as a parameter map; a bad one raises typer.BadParameter."""
    params: dict[str, Any] = {}
    for option in options:
        try:
            name, value = parse_param_assignment(option)
        except ShellInputError as exc:
            raise typer.BadParameter(str(exc), param_hint="--param") from None
        params[name] = value
    return params


# ---------------------------------------------------------------------------
# Rendering results.


def cell_text(value: Any) -> str:
    """A value as one table or CSV cell: text as itself, everything else as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def result_summary(result: ConsoleResult) -> str:
    """'3 rows in 12.5 ms', saying so when rows were left out."""
    count = len(result.rows)
    rows = f"{count} row{'s' if count != 1 else ''}"
    if result.truncated:
        rows += f" (truncated: the query returned more; the console shows at most {count}, KG_CYPHER_ROW_LIMIT)"
    return f"{rows} in {result.elapsed_ms:g} ms"


def build_table(result: ConsoleResult) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        # Text, not str: values from the graph must never be read as rich markup.
        table.add_row(*(Text("null", style="dim") if v is None else Text(cell_text(v)) for v in row))
    return table


def render_table(result: ConsoleResult, width: int = 120) -> str:
    """The result as a plain-text table followed by its row count, time and notice."""
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(build_table(result))
    lines = [buffer.getvalue().rstrip("\n"), result_summary(result)]
    if result.notice:
        lines.append(result.notice)
    return "\n".join(lines) + "\n"


def render_csv(result: ConsoleResult) -> str:
    """A header line then one line per row; null is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(["" if v is None else cell_text(v) for v in row] for row in result.rows)
    return buffer.getvalue()


def render_json(result: ConsoleResult) -> str:
    """One JSON object per line, the same shape `POST /cypher` returns."""
    return json.dumps(result.to_json(), ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[ConsoleResult], str]] = {
    "table": render_table, "csv": render_csv, "json": render_json,
}


# ---------------------------------------------------------------------------
# Running statements.


def _fail(message: str) -> None:
    err_console.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)


def _show(result: ConsoleResult, fmt: str) -> None:
    if fmt == "table":
        console.print(build_table(result))
        console.print(result_summary(result), style="dim", markup=False, soft_wrap=True)
        if result.notice:
            console.print(result.notice, style="yellow", markup=False, soft_wrap=True)
        return
    sys.stdout.write(RENDERERS[fmt](result))
    sys.stdout.flush()
    # Data on stdout stays clean for pipes; what a reader should know goes to stderr.
    if result.truncated:
        err_console.print(result_summary(result), markup=False, soft_wrap=True)
    if result.notice:
        err_console.print(result.notice, markup=False, soft_wrap=True)


def _error_location(number: int, total: int, source: str | None) -> str | None:
    if total > 1:
        return f"statement {number}" + (f" of {source}" if source else "")
    return source


def run_statements(
    graph: Graph, statements: list[str], fmt: str, params: dict[str, Any], source: str | None = None,
) -> bool:
    """Run statements in order, stopping at the first that fails; True when all succeeded.

    `source` (a file name) and the statement's number prefix an error when there is more to say.
    """
    for number, statement in enumerate(statements, start=1):
        try:
            result = run_readonly(graph, statement, params)
        except ConsoleError as exc:
            where = _error_location(number, len(statements), source)
            _fail(f"{where}: {exc.message}" if where else exc.message)
            return False
        _show(result, fmt)
    return True


# ---------------------------------------------------------------------------
# The interactive shell.


@dataclass
class ShellState:
    fmt: str = "table"
    params: dict[str, Any] = field(default_factory=dict)
    running: bool = True


def statement_complete(text: str) -> bool:
    """Whether typed text ends a statement with ';' (not one inside a string or comment)."""
    return mask_query(text).rstrip().endswith(";")


def handle_shell_command(line: str, state: ShellState) -> str | None:
    """Apply a ':' command to the shell state; returns text to show, if any."""
    command, _, argument = line.strip().partition(" ")
    argument = argument.strip()
    if command in (":exit", ":quit"):
        state.running = False
        return None
    if command == ":help":
        return SHELL_HELP
    if command == ":examples":
        return examples_text()
    if command == ":param":
        if not argument:
            raise ShellInputError("usage: :param name => value (the value in JSON)")
        name, value = parse_param_assignment(argument)
        state.params[name] = value
        return f"${name} = {json.dumps(value, ensure_ascii=False)}"
    if command == ":params":
        if argument == "clear":
            state.params.clear()
            return "parameters cleared"
        if argument:
            raise ShellInputError("usage: :params (list them) or :params clear")
        if not state.params:
            return "no parameters; set one with :param name => value"
        return "\n".join(f"${k} = {json.dumps(v, ensure_ascii=False)}" for k, v in state.params.items())
    if command == ":format":
        if argument not in FORMATS:
            raise ShellInputError(f"usage: :format {'|'.join(FORMATS)} (now {state.fmt})")
        state.fmt = argument
        return f"format: {argument}"
    raise ShellInputError(f"unknown command {command}; :help lists the commands")


def examples_text() -> str:
    """The ready queries, each with the :param lines it needs, to copy into the shell."""
    blocks = []
    for ready in READY_QUERIES:
        lines = [f"// {ready.title}"]
        lines += [f":param {name} => {json.dumps(value)}" for name, value in ready.params.items()]
        blocks.append("\n".join([*lines, ready.query + ";"]))
    return "\n\n".join(blocks)


def _run_typed(graph: Graph, text: str, state: ShellState) -> None:
    for statement in split_statements(text):
        try:
            _show(run_readonly(graph, statement, state.params), state.fmt)
        except ConsoleError as exc:
            _fail(exc.message)


def run_shell(graph: Graph, state: ShellState, *, prompts: bool) -> None:
    """Read statements and ':' commands line by line until :exit or end of input."""
    buffer: list[str] = []
    while state.running:
        try:
            line = input((CONTINUATION_PROMPT if buffer else PROMPT) if prompts else "")
        except EOFError:
            if buffer:
                _run_typed(graph, "\n".join(buffer), state)
            break
        except KeyboardInterrupt:
            buffer.clear()
            console.print()
            continue
        if line.lstrip().startswith(":") and not mask_query("\n".join(buffer)).strip():
            buffer.clear()  # only comments were typed before the command
            try:
                shown = handle_shell_command(line, state)
            except ShellInputError as exc:
                _fail(str(exc))
                continue
            if shown:
                console.print(shown, markup=False, soft_wrap=True)
            continue
        if not line.strip():
            if buffer:  # an empty line ends the statement being typed
                _run_typed(graph, "\n".join(buffer), state)
                buffer.clear()
            continue
        buffer.append(line)
        if statement_complete("\n".join(buffer)):
            _run_typed(graph, "\n".join(buffer), state)
            buffer.clear()


def _enable_history(settings: Settings) -> Callable[[], None]:
    """Load the readline history from the data directory; returns the function that saves it."""
    try:
        import readline
    except ImportError:  # no readline on this platform: the shell works without history
        return lambda: None
    path = settings.kg_data_dir / HISTORY_FILE
    try:
        readline.read_history_file(path)
    except OSError:
        pass  # first run: no history yet
    readline.set_history_length(HISTORY_LENGTH)

    def save() -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(path)
        except OSError as exc:
            err_console.print(f"could not save the shell history to {path}: {exc}", markup=False)

    return save


def _open_graph(settings: Settings) -> Graph:
    from graph.connection import connect
    from graph.engine import EngineError
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        # No schema migration: the console only reads.
        return connect(settings, migrate=False)
    except (EngineError, DriverError, Neo4jError, OSError) as exc:
        _fail(f"cannot reach the graph: {exc}")
        raise typer.Exit(1) from None


def _read_script(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read {file}: {exc}", param_hint="-f/--file") from None


def cypher(
    file: Path | None = typer.Option(None, "-f", "--file", help="Run the statements in this file (separated by ';')."),
    fmt: str = typer.Option("table", "--format", help="table|csv|json"),
    param: list[str] = typer.Option([], "--param", help="name=value (JSON value); repeat for more"),
    query: str | None = typer.Argument(None, help="A Cypher statement; without it and -f, an interactive shell."),
) -> None:
    """Query the graph in Cypher, read-only: one query, a file of them, or an interactive shell."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if file is not None and query is not None:
        raise typer.BadParameter("give a query or -f FILE, not both", param_hint="QUERY")
    params = parse_param_options(param)
    statements: list[str] | None = None
    source: str | None = None
    if file is not None:
        statements, source = split_statements(_read_script(file)), str(file)
        if not statements:
            raise typer.BadParameter(f"{file} holds no Cypher statement", param_hint="-f/--file")
    elif query is not None:
        statements = split_statements(query)
        if not statements:
            raise typer.BadParameter("the query is empty", param_hint="QUERY")

    settings = get_settings()
    graph = _open_graph(settings)
    try:
        if statements is not None:
            if not run_statements(graph, statements, fmt, params, source):
                raise typer.Exit(1)
            return
        interactive = sys.stdin.isatty()
        save_history = _enable_history(settings) if interactive else (lambda: None)
        if interactive:
            console.print(f"Cypher on {graph.uri} (read-only; :help for commands, :exit to leave)",
                          markup=False, style="dim")
        try:
            run_shell(graph, ShellState(fmt=fmt, params=params), prompts=interactive)
        finally:
            save_history()
    finally:
        graph.close()
