"""Ready queries: Cypher an analyst can start from.

docs/schema.md prints each one verbatim, the /cypher page lists them, and
`:examples` in `kg cypher` shows them. Each takes its values as parameters;
`params` gives the parameters with a value that matches everything ("" in a
CONTAINS) or a wide range, so every query runs as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReadyQuery:
    name: str
    title: str
    query: str
    params: dict[str, Any] = field(default_factory=dict)


READY_QUERIES: tuple[ReadyQuery, ...] = (
    ReadyQuery(
        "events_by_type",
        "How many events of each type",
        """MATCH (e:Event)
RETURN e.type AS type, count(*) AS events
ORDER BY events DESC, type""",
    ),
    ReadyQuery(
        "actor_timeline",
        "An actor's timeline",
        """MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event)
WHERE a.searchName CONTAINS toLower($actor)
RETURN a.name AS actor, p.role AS role, e.startDate AS from, e.endDate AS to,
       e.precision AS precision, e.type AS type, e.title AS event, e.status AS status,
       e.dateConflict AS datesDisagree
ORDER BY e.startDate IS NULL, e.startDate, e.title""",
        {"actor": ""},
    ),
    ReadyQuery(
        "who_was_involved",
        "Who was involved in what, with roles",
        """MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e:Event)
WITH e, collect(a.name + ' (' + p.role + ')') AS involved
RETURN e.startDate AS from, e.type AS type, e.title AS event, involved
ORDER BY e.startDate, e.title""",
    ),
    ReadyQuery(
        "event_sources",
        "The sources of an event, with their quotes and date claims",
        """MATCH (e:Event)-[r:REPORTED_IN]->(d:Document)
WHERE e.searchText CONTAINS toLower($event)
RETURN e.title AS event, coalesce(d.title, d.url, d.id) AS source, d.url AS url,
       d.publisher AS publisher, d.publishedAt AS published, r.quote AS quote,
       r.dateText AS claimedDate, r.startDate AS claimFrom, r.endDate AS claimTo
ORDER BY e.title, d.publishedAt""",
        {"event": ""},
    ),
    ReadyQuery(
        "conflicting_dates",
        "Events whose sources disagree on the date, claim by claim",
        """MATCH (e:Event)-[r:REPORTED_IN]->(d:Document)
WHERE e.dateConflict = true
RETURN e.title AS event, e.type AS type, r.dateText AS claimedDate,
       r.startDate AS claimFrom, r.endDate AS claimTo, r.precision AS precision,
       coalesce(d.title, d.url, d.id) AS source, r.quote AS quote
ORDER BY e.title, r.startDate""",
    ),
    ReadyQuery(
        "events_in_range",
        "Events that may fall in a date range (their date interval overlaps it)",
        """MATCH (e:Event)
WHERE (e.startDate IS NOT NULL OR e.endDate IS NOT NULL)
  AND coalesce(e.startDate, date($fromDate)) <= date($toDate)
  AND coalesce(e.endDate, date($toDate)) >= date($fromDate)
RETURN e.startDate AS from, e.endDate AS to, e.precision AS precision,
       e.type AS type, e.title AS event, e.status AS status
ORDER BY e.startDate, e.title""",
        {"fromDate": "1900-01-01", "toDate": "2100-12-31"},
    ),
    ReadyQuery(
        "co_participants",
        "Who took part in the same events as an actor",
        """MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Actor)
WHERE a.searchName CONTAINS toLower($actor) AND other <> a
RETURN other.name AS coParticipant, other.kind AS kind,
       count(DISTINCT e) AS sharedEvents, collect(DISTINCT e.title) AS events
ORDER BY sharedEvents DESC, coParticipant""",
        {"actor": ""},
    ),
    ReadyQuery(
        "path_between_actors",
        "How two actors are connected (through shared events and affiliations)",
        """MATCH (a:Actor), (b:Actor)
WHERE a.searchName CONTAINS toLower($actor) AND b.searchName CONTAINS toLower($other)
  AND a <> b
MATCH path = shortestPath((a)-[:PARTICIPATED_IN|AFFILIATED_WITH*..6]-(b))
RETURN [n IN nodes(path) | coalesce(n.name, n.title)] AS steps, length(path) AS hops
ORDER BY hops
LIMIT 5""",
        {"actor": "", "other": ""},
    ),
)
READY_QUERIES_BY_NAME: dict[str, ReadyQuery] = {q.name: q for q in READY_QUERIES}
