"""Dependencies the routes share."""

from __future__ import annotations

from fastapi import Request

from graph.reader import GraphReader
from kg.settings import Settings


def reader_for(request: Request) -> GraphReader:
    """A reader on the app's one graph, with the configured per-query time limit."""
    settings: Settings = request.app.state.settings
    return GraphReader(request.app.state.graph, timeout=settings.kg_query_timeout)
