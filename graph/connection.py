"""One way to the graph: the official neo4j driver over Bolt.

With NEO4J_URI set, that server is used as it is. Without it, the embedded
engine is started on demand and used instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver, GraphDatabase

from kg.settings import Settings, get_settings


@dataclass
class Graph:
    """A driver and the database every query runs in."""

    driver: Driver
    database: str
    uri: str
    embedded: bool

    def session(self, **kwargs: Any):
        return self.driver.session(database=self.database, **kwargs)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(settings: Settings | None = None, *, migrate: bool = True) -> Graph:
    """Open the graph (starting the embedded engine if needed) and apply the schema."""
    settings = settings or get_settings()
    if settings.neo4j_uri:
        uri = settings.neo4j_uri
        auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
        database = settings.neo4j_database
        embedded = False
    else:
        from graph import engine

        state = engine.start(settings)
        uri = state.uri
        auth = ("root", settings.kg_engine_password.get_secret_value())
        database = state.database
        embedded = True
    driver = GraphDatabase.driver(uri, auth=auth)
    graph = Graph(driver=driver, database=database, uri=uri, embedded=embedded)
    try:
        driver.verify_connectivity()
        if migrate:
            from graph.schema import apply_schema

            apply_schema(graph)
    except Exception:
        driver.close()
        raise
    return graph
