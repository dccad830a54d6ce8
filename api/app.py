"""The web application: GraphQL at /graphql, exports, the timeline page at /, health probes.

One `Graph` (one driver, its own connection pool) per process, opened in the
lifespan and shared by every request. `serve()` runs it with uvicorn; with no
NEO4J_URI the embedded engine is started in its own background process, never
inside the API process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
import uvicorn
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from strawberry.fastapi import GraphQLRouter

from api.context import GraphQLContext
from api.deps import reader_for
from api.cypher_routes import router as cypher_router
from api.exports import router as exports_router
from api.graphiql import graphiql_page
from api.graphql_http import GraphQLResponseMediaType
from api.pages import router as pages_router
from api.schema import schema
from graph.connection import Graph, connect
from graph.reader import GraphReader
from kg.logs import configure_logging
from kg.settings import Settings, get_settings

log = structlog.get_logger(__name__)

GRAPHIQL_EXAMPLES_TIMEOUT = 2.0  # seconds for the queries that fill GraphiQL's examples


class TimelineGraphQLRouter(GraphQLRouter):
    """Strawberry's router with our GraphiQL page (example queries from this graph, assets served locally)."""

    async def render_graphql_ide(self, request: Request):  # type: ignore[override]
        # A short limit: the page must open quickly even when the graph is slow or down.
        reader = GraphReader(request.app.state.graph, timeout=GRAPHIQL_EXAMPLES_TIMEOUT)
        return await run_in_threadpool(graphiql_page, reader)


async def _graphql_context(request: Request) -> GraphQLContext:
    return GraphQLContext(reader=reader_for(request), settings=request.app.state.settings)


def create_app(settings: Settings | None = None, graph: Graph | None = None) -> FastAPI:
    """The app. Pass `graph` to share an open one (tests); otherwise the lifespan connects and closes its own."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = graph is None
        app.state.graph = await run_in_threadpool(connect, settings) if own else graph
        log.info("api.started", graph=app.state.graph.uri, database=app.state.graph.database)
        try:
            yield
        finally:
            if own:
                app.state.graph.close()

    app = FastAPI(
        title="timeline-kg",
        description="Dated, sourced events and actors from news and documents: GraphQL at /graphql.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    if graph is not None:
        app.state.graph = graph  # usable before the lifespan runs (e.g. TestClient without `with`)
    app.add_middleware(GraphQLResponseMediaType, path="/graphql")
    if settings.kg_cors_origins:  # added last: the outermost layer, so preflights never reach GraphQL
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.kg_cors_origins, allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type", "Authorization", "X-API-Key"],
        )

    app.include_router(
        TimelineGraphQLRouter(schema, path="/graphql", context_getter=_graphql_context, graphql_ide="graphiql"),
    )
    app.include_router(exports_router)
    app.include_router(pages_router)
    app.include_router(cypher_router)

    @app.get("/healthz", summary="The process is up", tags=["health"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", summary="The graph answers", tags=["health"])
    def readyz(request: Request) -> JSONResponse:
        try:
            reader_for(request).ping()
        except Exception as exc:  # any failure to reach the graph means "not ready"
            log.warning("api.not_ready", error=str(exc))
            return JSONResponse({"status": "unavailable", "graph": "not reachable"}, status_code=503)
        return JSONResponse({"status": "ok", "graph": "reachable"})

    return app


def serve(settings: Settings | None = None, *, host: str | None = None, port: int | None = None) -> None:
    """Run the API with uvicorn until interrupted (`kg serve`)."""
    settings = settings or get_settings()
    configure_logging(settings.kg_log_format, settings.kg_log_level)
    uvicorn.run(
        create_app(settings), host=host or settings.kg_api_host, port=port or settings.kg_api_port,
        log_level=settings.kg_log_level.lower(), proxy_headers=True,
    )
