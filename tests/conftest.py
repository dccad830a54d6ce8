"""Test fixtures. One fixture chooses the graph engine for the whole session:

1. NEO4J_URI set: that server (its database is emptied by the tests!);
2. a Docker engine answers: a Neo4j 5 container from testcontainers;
3. otherwise: the embedded engine, on free ports in a temporary directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.admin import clear_graph
from graph.connection import Graph, connect
from graph.engine import free_port
from kg.settings import Settings
from sample_graph import load_sample_graph

NEO4J_IMAGE = "neo4j:5.26-community"


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


def embedded_settings(data_dir: Path) -> Settings:
    return Settings(
        neo4j_uri=None, kg_data_dir=data_dir,
        kg_bolt_port=free_port(), kg_http_port=free_port(),
    )


@pytest.fixture(scope="session")
def engine_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings that point at the engine under test."""
    if os.environ.get("NEO4J_URI"):
        yield Settings()
        return
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE) as container:
            yield Settings(
                neo4j_uri=container.get_connection_url(), neo4j_user="neo4j",
                neo4j_password=container.password, neo4j_database="neo4j",
            )
        return
    from graph import engine

    settings = embedded_settings(tmp_path_factory.mktemp("kgdata"))
    engine.start(settings)
    try:
        yield settings
    finally:
        engine.stop(settings)


@pytest.fixture(scope="session")
def session_graph(engine_settings: Settings) -> Iterator[Graph]:
    graph = connect(engine_settings)
    try:
        yield graph
    finally:
        graph.close()


@pytest.fixture
def graph(session_graph: Graph) -> Graph:
    """The graph under test, emptied before each test."""
    clear_graph(session_graph)
    return session_graph


@pytest.fixture(scope="module")
def sample_story(session_graph: Graph) -> Iterator[Graph]:
    """The graph holding the sample story (tests/sample_graph.py), loaded once per module
    for read-only tests and emptied after them."""
    clear_graph(session_graph)
    load_sample_graph(session_graph)
    yield session_graph
    clear_graph(session_graph)
