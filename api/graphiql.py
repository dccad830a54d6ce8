"""The GraphiQL page: opens with example queries a reporter can run at once.

The examples are filled with ids from the graph being served (its most
involved actors and their first dated event), so "Run" answers straight away
on any data set. GraphiQL's scripts are served from node_modules (installed
by `make run`/`make install`): nothing is fetched from the network, so the
page works offline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import structlog
from fastapi.responses import HTMLResponse

from graph.reader import GraphReader

log = structlog.get_logger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"

# name served under /graphiql-assets/ → file under node_modules
GRAPHIQL_ASSETS: dict[str, str] = {
    "react.js": "react/umd/react.production.min.js",
    "react-dom.js": "react-dom/umd/react-dom.production.min.js",
    "graphiql.js": "graphiql/graphiql.min.js",
    "graphiql.css": "graphiql/graphiql.min.css",
}

TIMELINE_QUERY = """# What happened to this actor, and when? (undated events come last)
query Timeline($actorId: ID!) {
  timeline(actorId: $actorId, first: 20) {
    totalCount
    edges {
      node {
        title
        type
        status
        date { display precision }
        dateConflict
        participants { role actor { name } }
        sourceCount
        independentSourceCount
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""

EVENT_QUERY = """# One event: who took part, and which sources say so (quote, link, the date each source claims)
query EventWithEvidence($eventId: ID!) {
  event(id: $eventId) {
    title
    date { display text }
    dateConflict
    participants { role actor { name kind } }
    evidence {
      quote
      date { display text }
      document { title publisher url publishedAt { display } }
    }
  }
}
"""

PATH_QUERY = """# How are these two actors connected (shared events, stated affiliations)?
query Connection($fromActorId: ID!, $toActorId: ID!) {
  paths(fromActorId: $fromActorId, toActorId: $toActorId, maxHops: 4, first: 3) {
    length
    nodes {
      __typename
      ... on Actor { name }
      ... on Event { title date { display } }
    }
    relationships { type role relation }
  }
}
"""

SEARCH_QUERY = """# Find actors, events and quotes by a word; then use an id in the other tabs
query Search($text: String!) {
  search(query: $text, first: 5) {
    actors { id name kind eventCount }
    events { id title date { display } }
    quotes { quote document { title url } }
  }
}
"""


@dataclass(frozen=True)
class ExampleIds:
    actor_id: str
    other_actor_id: str
    event_id: str
    search_text: str


PLACEHOLDER_IDS = ExampleIds("ACTOR-ID", "OTHER-ACTOR-ID", "EVENT-ID", "name")


def example_ids(reader: GraphReader) -> ExampleIds:
    """Ids from this graph for the examples; placeholders when the graph is empty or unreachable."""
    try:
        return _ids_from_graph(reader)
    except Exception as exc:  # GraphiQL must open even while the graph is down
        log.warning("graphiql.examples_without_graph", error=str(exc))
        return PLACEHOLDER_IDS


def _ids_from_graph(reader: GraphReader) -> ExampleIds:
    actors = [edge.actor for edge in reader.actors(first=2).edges]
    if not actors:
        return PLACEHOLDER_IDS
    main = actors[0]
    other = actors[1].id if len(actors) > 1 else main.id
    events = [e.event for e in reader.timeline(main.id, first=10).edges]
    dated = [e for e in events if not e.undated] or events
    event_id = dated[0].id if dated else "EVENT-ID"
    return ExampleIds(main.id, other, event_id, main.name.split()[-1].lower())


def example_tabs(ids: ExampleIds) -> list[dict[str, str]]:
    return [
        {"query": TIMELINE_QUERY, "variables": json.dumps({"actorId": ids.actor_id}, indent=2)},
        {"query": EVENT_QUERY, "variables": json.dumps({"eventId": ids.event_id}, indent=2)},
        {"query": PATH_QUERY, "variables": json.dumps({"fromActorId": ids.actor_id, "toActorId": ids.other_actor_id}, indent=2)},
        {"query": SEARCH_QUERY, "variables": json.dumps({"text": ids.search_text}, indent=2)},
    ]


def asset_url(name: str) -> str:
    return f"/graphiql-assets/{name}"


def graphiql_page(reader: GraphReader) -> HTMLResponse:
    template = (STATIC_DIR / "graphiql.html").read_text(encoding="utf-8")
    tabs = json.dumps(example_tabs(example_ids(reader))).replace("</", "<\\/")
    html = (
        template.replace("{{EXAMPLE_TABS}}", tabs)
        .replace("{{REACT_JS}}", asset_url("react.js"))
        .replace("{{REACT_DOM_JS}}", asset_url("react-dom.js"))
        .replace("{{GRAPHIQL_JS}}", asset_url("graphiql.js"))
        .replace("{{GRAPHIQL_CSS}}", asset_url("graphiql.css"))
    )
    return HTMLResponse(html)
