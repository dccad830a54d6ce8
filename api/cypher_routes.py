"""The analysts' Cypher page (`GET /cypher`) and its endpoint (`POST /cypher`).

Same engine as `kg cypher`: `graph.console.run_readonly`, so every query is
rolled back, limited to KG_CYPHER_TIMEOUT seconds and KG_CYPHER_ROW_LIMIT
rows, and schema or admin commands are refused.

Access: the console is open, like the GraphQL queries. It cannot change the
graph, and its time and row limits bound what one request costs; KG_API_KEY
guards writes (GraphQL mutations) only. Put the API behind your own access
control if the graph itself must not be readable.

The router takes its Graph from `request.app.state.graph`, which the app's
lifespan sets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from graph.console import ConsoleError, QueryRefused, QueryTimedOut, run_readonly
from graph.ready_queries import READY_QUERIES
from kg.settings import get_settings

STATIC_DIR = Path(__file__).resolve().parent / "static"

router = APIRouter(tags=["cypher"])


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(description="One read-only Cypher statement.")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name), JSON values.")


class CypherResponse(BaseModel):
    columns: list[str] = Field(description="Column names, in order.")
    rows: list[list[Any]] = Field(
        description="Rows of JSON values: nodes as {elementId, labels, properties}, relationships as "
                    "{elementId, type, start, end, properties}, paths as {nodes, relationships}, "
                    "dates and times as ISO 8601 strings.",
    )
    truncated: bool = Field(description="True when the query returned more rows than KG_CYPHER_ROW_LIMIT.")
    elapsedMs: float = Field(description="Time until the rows were read, in milliseconds.")
    notice: str | None = Field(description="Something the analyst should know, e.g. that writes were rolled back.")


class CypherError(BaseModel):
    error: str = Field(description="What went wrong, for the analyst: refused command, time limit, syntax...")
    kind: str = Field(description="refused | timeout | failed")
    code: str | None = Field(default=None, description="The graph server's error code, when it gave one.")


def _error_kind(exc: ConsoleError) -> str:
    if isinstance(exc, QueryRefused):
        return "refused"
    if isinstance(exc, QueryTimedOut):
        return "timeout"
    return "failed"


@router.get("/cypher", include_in_schema=False)
def cypher_page() -> FileResponse:
    """The Cypher page: a query box, parameters, Run, and the result table."""
    return FileResponse(STATIC_DIR / "cypher.html", media_type="text/html")


@router.get("/cypher/cypher.js", include_in_schema=False)
def cypher_script() -> FileResponse:
    return FileResponse(STATIC_DIR / "cypher.js", media_type="text/javascript")


class ReadyQueryOut(BaseModel):
    title: str
    query: str
    params: dict[str, Any]


@router.get("/cypher/examples", response_model=list[ReadyQueryOut])
def cypher_examples() -> list[dict[str, Any]]:
    """Ready queries to start from (an actor's timeline, sources of an event, conflicting dates...)."""
    return [{"title": q.title, "query": q.query, "params": q.params} for q in READY_QUERIES]


# A plain `def`: FastAPI runs it in its thread pool, as the driver call blocks.
@router.post(
    "/cypher",
    response_model=CypherResponse,
    responses={400: {"model": CypherError, "description": "Refused, timed out or failed query."}},
)
def run_cypher(body: CypherRequest, request: Request) -> Any:
    """Run one Cypher statement read-only (rolled back, time- and row-limited)."""
    try:
        settings = getattr(request.app.state, "settings", None) or get_settings()
        result = run_readonly(
            request.app.state.graph, body.query, body.params,
            timeout=settings.kg_cypher_timeout, row_limit=settings.kg_cypher_row_limit,
        )
    except ConsoleError as exc:
        return JSONResponse(
            status_code=400, content={"error": exc.message, "kind": _error_kind(exc), "code": exc.code},
        )
    return result.to_json()
