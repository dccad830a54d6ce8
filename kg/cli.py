"""The `kg` command."""

from __future__ import annotations

from pathlib import Path

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


@app.command("extract")
def extract(
    paths: list[Path] = typer.Argument(..., help="Text, Markdown or HTML files, or folders of them."),
    as_json: bool = typer.Option(False, "--json", help="Print the extraction as JSON."),
) -> None:
    """Extract events and actors without the graph (per document, no cross-document merge)."""
    import json

    from loaders.documents import TIMELINE_SUFFIXES, DocumentError, discover
    from loaders.extract import extract_documents
    from loaders.pipeline import LoadReport, read_documents
    from loaders.render import document_json

    report = LoadReport()
    try:
        files = [f for f in discover(paths) if f.suffix.lower() not in TIMELINE_SUFFIXES]
    except DocumentError as exc:
        raise _fail(str(exc)) from None
    documents = list(read_documents(files, report).values())
    results = []
    with _progress(len(documents), "extracting", enabled=not as_json) as advance:
        for extraction in extract_documents(documents):
            results.append(extraction.extracted)
            advance()
    for path, reason in report.failed:
        err_console.print(f"[bold red]failed:[/] {path}: {reason}")
    if as_json:
        print(json.dumps({"documents": [document_json(r) for r in results]}, indent=2, ensure_ascii=False))
    else:
        _print_extraction(results)
    raise typer.Exit(1 if report.failed else 0)


def _print_extraction(results) -> None:
    from rich.table import Table

    from loaders.render import document_json

    for extracted in results:
        data = document_json(extracted)
        table = Table(title=f"{data['title']}  ({data['path']}, published {data['published'] or 'unknown'})")
        for column in ("type", "status", "date", "precision", "title", "actors (role)"):
            table.add_column(column)
        for event in data["events"]:
            date = event["date"]
            when = date["start"] if date["start"] == date["end"] else f"{date['start'] or '…'} – {date['end'] or '…'}"
            table.add_row(event["type"], event["status"], when if (date["start"] or date["end"]) else "undated",
                          date["precision"], event["title"],
                          ", ".join(f"{a['name']} ({a['role']})" for a in event["actors"]))
        console.print(table)


class _progress:
    """A rich progress bar on stderr, or nothing when output must stay clean."""

    def __init__(self, total: int, label: str, enabled: bool = True) -> None:
        from rich.progress import Progress

        self.enabled = enabled and total > 0
        self.progress = Progress(console=err_console, transient=True) if self.enabled else None
        self.total, self.label = total, label

    def __enter__(self):
        if not self.enabled:
            return lambda n=1, stage=None: None
        self.progress.start()
        task = self.progress.add_task(self.label, total=self.total)

        def advance(n: int = 1, stage: str | None = None) -> None:
            self.progress.update(task, advance=n, description=stage or self.label)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.progress.stop()


@app.command("load")
def load(
    paths: list[Path] = typer.Argument(..., help="Files, folders, or CSV/JSON timelines."),
    title: str | None = typer.Option(None, help="Title of a single document."),
    published: str | None = typer.Option(None, help="Publication date of a single document (2023, 2023-12, 2023-12-17)."),
    url: str | None = typer.Option(None, help="Source URL of a single document."),
    publisher: str | None = typer.Option(None, help="Publisher of a single document."),
) -> None:
    """Load documents into the graph; each file loads whole or not at all."""
    from graph.connection import connect
    from loaders.documents import DocumentError, discover
    from loaders.pipeline import load_paths

    try:
        total = len(discover(paths))
    except DocumentError as exc:
        raise _fail(str(exc)) from None
    with connect() as graph, _progress(total, "loading") as advance:
        report = load_paths(graph, paths, title=title, published=published, url=url, publisher=publisher,
                            progress=lambda stage, finished: advance(finished, stage))
    for path, reason in report.failed:
        err_console.print(f"[bold red]failed:[/] {path}: {reason}")
    console.print("  ".join(f"{name}: [bold]{count}[/]" for name, count in report.summary().items()))
    raise typer.Exit(0 if report.ok else 1)


@app.command("serve")
def serve(
    host: str | None = typer.Option(None, help="Interface to listen on (default KG_API_HOST)."),
    port: int | None = typer.Option(None, help="Port (default KG_API_PORT)."),
) -> None:
    """Serve GraphQL (/graphql), exports (/export/...), the timeline page (/) and the Cypher console (/cypher)."""
    from api.app import serve as serve_api

    serve_api(get_settings(), host=host, port=port)


@app.command("screenshot")
def screenshot(
    out: Path = typer.Option(Path("docs/timeline.png"), help="PNG file to write."),
    actor: str | None = typer.Option(None, help="Actor id (default: the most involved actor)."),
    event: str | None = typer.Option(None, help="Event id to open beside the timeline."),
) -> None:
    """A PNG of the timeline page, taken with headless Chromium."""
    from api.screenshot import ScreenshotError
    from api.screenshot import screenshot as take

    try:
        console.print(f"wrote {take(out, actor_id=actor, event_id=event)}")
    except ScreenshotError as exc:
        raise _fail(str(exc)) from None


from kg.cypher_shell import cypher  # noqa: E402  (the shell is a command of its own module)

app.command("cypher")(cypher)


if __name__ == "__main__":
    app()
