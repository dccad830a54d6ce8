"""The `kg` command."""

from __future__ import annotations

import typer
from rich.console import Console

from kg.logs import configure_logging
from kg.settings import get_settings

app = typer.Typer(help="timeline-kg: dated, sourced knowledge graphs from news and documents.", no_args_is_help=True)
db_app = typer.Typer(help="The graph engine: start, stop, status, migrate.", no_args_is_help=True)
app.add_typer(db_app, name="db")

console = Console()
err_console = Console(stderr=True)


@app.callback()
def _main() -> None:
    settings = get_settings()
    configure_logging(settings.kg_log_format, settings.kg_log_level)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@db_app.command("start")
def db_start() -> None:
    """Start the embedded engine in the background (harmless when already running)."""
    from graph import engine

    settings = get_settings()
    if not settings.embedded:
        console.print(f"NEO4J_URI is set ({settings.neo4j_uri}): the embedded engine is not used.")
        return
    try:
        state = engine.start(settings)
    except engine.EngineError as exc:
        raise _fail(str(exc)) from None
    console.print(f"engine running: {state.uri} database [bold]{state.database}[/] (pid {state.pid})")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded engine."""
    from graph import engine

    settings = get_settings()
    if engine.stop(settings):
        console.print("engine stopped")
    else:
        console.print("engine was not running")


@db_app.command("status")
def db_status() -> None:
    """Say whether the graph is reachable and how to connect to it."""
    from graph import engine

    settings = get_settings()
    if not settings.embedded:
        reachable = engine.bolt_answers(
            settings.neo4j_uri, settings.neo4j_user,
            settings.neo4j_password.get_secret_value(), settings.neo4j_database,
        )
        console.print(f"graph: {settings.neo4j_uri} database {settings.neo4j_database} "
                      f"({'reachable' if reachable else 'NOT reachable'})")
        raise typer.Exit(0 if reachable else 1)
    state = engine.status(settings)
    if state is None:
        console.print("engine not running (start it with `kg db start`)")
        raise typer.Exit(1)
    reachable = engine.bolt_answers(state.uri, "root", settings.kg_engine_password.get_secret_value(), state.database)
    console.print(
        f"engine {'running' if reachable else 'starting or unresponsive'} (pid {state.pid}, data {state.data_dir})\n"
        f"  connect: {state.uri}  user: root  database: {state.database}  "
        f"password: KG_ENGINE_PASSWORD (default 'timeline-kg-local')"
    )
    raise typer.Exit(0 if reachable else 1)


@db_app.command("migrate")
def db_migrate() -> None:
    """Apply the named constraints and indexes (idempotent)."""
    from graph.connection import connect
    from graph.schema import apply_schema

    with connect(migrate=False) as graph:
        names = apply_schema(graph)
    console.print(f"schema applied: {', '.join(names)}")


if __name__ == "__main__":
    app()
