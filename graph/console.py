"""The analysts' read-only Cypher console: one query in, a table of JSON-friendly values out.

Used by `kg cypher` and by `POST /cypher`. Three guards apply to every query:

1. **Nothing is saved.** The query runs in an explicit transaction that is
   always rolled back, never committed. The session also asks for READ access:
   Neo4j then refuses writes outright, while the embedded engine lets them run
   (it ignores access modes) and the rollback discards them. Commands a
   rollback cannot undo are refused before anything runs (see
   `refusal_reason`): schema and admin commands (CREATE/DROP INDEX or
   CONSTRAINT, DROP, ALTER, GRANT, ...), `CALL { } IN TRANSACTIONS` (its inner
   transactions commit on their own), `LOAD CSV` (reads files on the graph
   server), `USE`, `SHOW` other than SHOW INDEXES/CONSTRAINTS/PROCEDURES/
   FUNCTIONS, `TERMINATE`, and procedures outside `READ_ONLY_PROCEDURES`.
   One leftover on the embedded engine: a rolled-back write that used a label
   or relationship type the graph did not have yet leaves that name behind,
   empty (it shows in `db.labels()`); no node, relationship or property stays.

2. **A time limit.** The transaction carries a timeout, which Neo4j enforces
   itself. The embedded engine ignores it, and closing the client's connection
   does not stop its work either (the query keeps a core busy to the end). So
   a watchdog thread, shortly after the limit, finds the query in
   `SHOW TRANSACTIONS` by a tag appended to its text (and by transaction
   metadata on Neo4j) and stops it with `TERMINATE TRANSACTIONS`, which both
   engines support. The tag is a trailing comment, so error positions in the
   analyst's query keep their line numbers; it is removed from error messages.

3. **A row limit.** At most `row_limit + 1` records are fetched; more than
   `row_limit` sets `truncated`. Discarding the unread rest would make the
   embedded engine compute all of it, so the watchdog stops a truncated query
   at once instead.

The queries an analyst can start from (the /cypher page's list, `:examples` in
the shell) are in graph/ready_queries.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import re
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

import structlog
from neo4j import READ_ACCESS, Result, Transaction
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.connection import Graph
from kg.settings import get_settings

log = structlog.get_logger(__name__)

# Procedures an analyst may CALL: they only describe the graph or search it.
READ_ONLY_PROCEDURES: frozenset[str] = frozenset({
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.schema.visualization",
    "db.schema.nodetypeproperties",
    "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships",
})


# The watchdog's own queries: find the console's transaction and stop it.
SHOW_TRANSACTIONS = "SHOW TRANSACTIONS YIELD transactionId, currentQuery, metaData"
TERMINATE_TRANSACTIONS = "TERMINATE TRANSACTIONS $ids"

QUERY_TAG_PREFIX = "/* kg-console "
QUERY_TAG_SUFFIX = " */"
QUERY_TAG_METADATA_KEY = "kgConsoleQuery"
MAX_QUERY_CHARS = 100_000
# Neo4j stops the transaction itself at the limit; the watchdog steps in just after.
WATCHDOG_GRACE_SECONDS = 0.5
WATCHDOG_RETRY_SECONDS = 0.5
WATCHDOG_ATTEMPTS = 20

# Server error codes that mean "stopped for running too long".
_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.Terminated",
    "Neo.TransientError.Transaction.Terminated",
    "Neo.TransientError.Transaction.LockClientStopped",
)


class ConsoleError(Exception):
    """A console query could not give a result; `message` says why, for the analyst."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class QueryRefused(ConsoleError):
    """The query was not run: the console does not allow that kind of command."""


class QueryTimedOut(ConsoleError):
    """The query ran longer than the time limit and was stopped."""


class QueryFailed(ConsoleError):
    """The graph server rejected or failed the query (syntax, types, missing parameter...)."""


@dataclass(frozen=True)
class ConsoleResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    elapsed_ms: float
    notice: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The shape `POST /cypher` and `kg cypher --format json` return."""
        return {
            "columns": self.columns,
            "rows": self.rows,
            "truncated": self.truncated,
            "elapsedMs": self.elapsed_ms,
            "notice": self.notice,
        }


# ---------------------------------------------------------------------------
# Reading the query text: comments, string literals and quoted names masked.

_PLACEHOLDER = "#"  # stands for a `quoted` name; it cannot start a keyword


def mask_query(query: str) -> str:
    """The query with comments and string contents blanked and `quoted` names as '#'.

    Same length as the query, so positions found in the mask hold in the
    original. Keywords inside strings, comments or quoted names are gone.
    """
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if query.startswith("//", i):
            end = query.find("\n", i)
            end = n if end == -1 else end
            out.append(" " * (end - i))
            i = end
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            end = n if end == -1 else end + 2
            out.append("".join(c if c == "\n" else " " for c in query[i:end]))
            i = end
        elif ch in "'\"":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" else 1
            end = min(j + 1, n)
            out.append(ch + " " * (end - i - 2) + (ch if end - i >= 2 else ""))
            i = end
        elif ch == "`":
            end = query.find("`", i + 1)
            end = n if end == -1 else end + 1
            out.append(_PLACEHOLDER * (end - i))
            i = end
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def split_statements(script: str) -> list[str]:
    """Statements of a script separated by `;` (outside strings and comments), blank ones left out."""
    masked = mask_query(script)
    statements, start = [], 0
    for match in re.finditer(";", masked):
        statements.append(script[start:match.start()])
        start = match.end()
    statements.append(script[start:])
    return [s.strip() for s in statements if mask_query(s).strip()]


_PREFIX = re.compile(r"^\s*(?:CYPHER(?:\s+[\w.]+\s*=\s*[\w.]+|\s+\d+(?:\.\d+)?)*\s+)?(?:(?:EXPLAIN|PROFILE)\s+)?")
_SCHEMA_OR_ADMIN = re.compile(
    r"(?:CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?:[A-Z]+\s+){0,3}?"
    r"(?:INDEX|INDEXES|CONSTRAINT|CONSTRAINTS|DATABASE|ALIAS|USER|ROLE|SERVER)\b(?!\s*=)"
)
_ADMIN_START = re.compile(
    r"(?:DROP|ALTER|GRANT|DENY|REVOKE|RENAME|DEALLOCATE|REALLOCATE|ENABLE|DRYRUN|TERMINATE|START|STOP)\b"
)
_SHOW_MODIFIERS = (
    "ALL|RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|BTREE|UNIQUE|UNIQUENESS|KEY|NODE|RELATIONSHIP|REL"
    "|PROPERTY|EXIST|EXISTS|EXISTENCE|TYPE|BUILT|IN|USER|DEFINED"
)
_SHOW_ALLOWED = re.compile(
    rf"SHOW\s+(?:(?:{_SHOW_MODIFIERS})\s+){{0,4}}"
    r"(?:INDEX|INDEXES|CONSTRAINT|CONSTRAINTS|PROCEDURE|PROCEDURES|FUNCTION|FUNCTIONS)\b"
)
_KEYWORD_START = r"(?<![\w$.#])"
_LOAD_CSV = re.compile(_KEYWORD_START + r"LOAD\s+CSV\b")
_IN_TRANSACTIONS = re.compile(r"\}\s*IN\s+(?:[\w$]+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS?\b")
_TERMINATE = re.compile(_KEYWORD_START + r"TERMINATE\s+TRANSACTIONS?\b")
_USE = re.compile(r"(?:^|\{)\s*USE\s")  # a statement or a subquery that starts with USE
_PROCEDURE_CALL = re.compile(_KEYWORD_START + r"CALL\s+([\w.#]+)")


def _procedure_name(query: str, match: re.Match[str]) -> str:
    # The mask has the same positions as the query: read the name as written, unquoted.
    return query[match.start(1):match.end(1)].replace("`", "")


def refusal_reason(query: str) -> str | None:
    """Why the console will not run this query, or None when it may run."""
    masked = mask_query(query)
    upper = masked.upper()
    if ";" in upper.rstrip().rstrip(";"):
        return "one statement at a time: this query holds several (separated by ';')"
    head = upper[_PREFIX.match(upper).end():]  # type: ignore[union-attr]
    if _USE.search(head) or _USE.search(upper):
        return "USE is not allowed: the console queries its own database only"
    if _SCHEMA_OR_ADMIN.match(head):
        return ("schema and admin commands (CREATE/DROP INDEX or CONSTRAINT, databases, users, roles) "
                "are not allowed: the console is read-only and a rollback cannot undo them")
    if head.startswith("SHOW"):
        if _SHOW_ALLOWED.match(head) and not _TERMINATE.search(upper):
            return None
        return "only SHOW INDEXES, SHOW CONSTRAINTS, SHOW PROCEDURES and SHOW FUNCTIONS are allowed"
    admin = _ADMIN_START.match(head)
    if admin:
        return f"{admin.group(0)} commands are not allowed: the console is read-only"
    if _TERMINATE.search(upper):
        return "TERMINATE commands are not allowed: the console is read-only"
    if _LOAD_CSV.search(upper):
        return "LOAD CSV is not allowed: it reads files and URLs from the graph server"
    if _IN_TRANSACTIONS.search(upper):
        return ("CALL { ... } IN TRANSACTIONS is not allowed: its inner transactions commit "
                "on their own, which a read-only console cannot undo")
    for call in _PROCEDURE_CALL.finditer(upper):
        name = _procedure_name(query, call)
        if name.lower() not in READ_ONLY_PROCEDURES:
            allowed = ", ".join(sorted(READ_ONLY_PROCEDURES))
            return f"procedure {name} is not allowed in the read-only console (allowed: {allowed})"
    return None


def prepare_statement(query: str) -> str:
    """The statement to run: trailing ';' removed, checked by `refusal_reason`; raises QueryRefused."""
    if not isinstance(query, str):
        raise QueryRefused("the query must be text")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}")
    masked = mask_query(query)
    semicolon = masked.find(";")
    statement = (query[:semicolon] if semicolon != -1 else query).strip()
    if not mask_query(statement).strip():
        raise QueryRefused("the query is empty")
    reason = refusal_reason(query)
    if reason:
        raise QueryRefused(reason)
    return statement


# ---------------------------------------------------------------------------
# Values: what the driver returns, as JSON-friendly Python values.


def to_json_value(value: Any) -> Any:
    """Nodes, relationships and paths as maps; temporal values as ISO 8601 strings."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)  # JSON has no NaN or Infinity
    if isinstance(value, Node):
        return {
            "elementId": value.element_id,
            "labels": sorted(value.labels),
            "properties": {key: to_json_value(v) for key, v in value.items()},
        }
    if isinstance(value, Relationship):
        start, end = value.start_node, value.end_node
        return {
            "elementId": value.element_id,
            "type": value.type,
            "start": start.element_id if start is not None else None,
            "end": end.element_id if end is not None else None,
            "properties": {key: to_json_value(v) for key, v in value.items()},
        }
    if isinstance(value, Path):
        return {
            "nodes": [to_json_value(node) for node in value.nodes],
            "relationships": [to_json_value(rel) for rel in value.relationships],
        }
    if isinstance(value, (Date, DateTime, Time, Duration)):
        return value.iso_format()
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": [to_json_value(c) for c in value]}
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(key): to_json_value(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    return str(value)


# ---------------------------------------------------------------------------
# Running a query.


def console_transactions(graph: Graph, tag: str | None = None) -> list[str]:
    """Ids of running transactions started by the console (only the one with `tag`, when given)."""
    marker = QUERY_TAG_PREFIX + (tag or "")
    with graph.session() as session:
        rows = session.run(SHOW_TRANSACTIONS).data()
    return [
        row["transactionId"] for row in rows
        if marker in (row.get("currentQuery") or "")
        or (tag is not None and (row.get("metaData") or {}).get(QUERY_TAG_METADATA_KEY) == tag)
        or (tag is None and QUERY_TAG_METADATA_KEY in (row.get("metaData") or {}))
    ]


def terminate_console_query(graph: Graph, tag: str) -> list[str]:
    """Stop the console query carrying `tag`; returns the transaction ids terminated."""
    ids = console_transactions(graph, tag)
    if ids:
        with graph.session() as session:
            session.run(TERMINATE_TRANSACTIONS, ids=ids).consume()
    return ids


class _Watchdog:
    """Stops the tagged query when `after` seconds have passed, or at once when asked.

    Termination is retried until the query ends: the query may not be
    registered yet, or may sit between its run and its rollback.
    """

    def __init__(self, graph: Graph, tag: str, after: float) -> None:
        self._graph, self._tag, self._after = graph, tag, after
        self._wake = threading.Event()
        self._query_ended = threading.Event()
        self.fired = False
        self._thread = threading.Thread(target=self._watch, name="cypher-console-watchdog", daemon=True)

    def __enter__(self) -> _Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._query_ended.set()
        self._wake.set()
        self._thread.join(timeout=WATCHDOG_RETRY_SECONDS * 2)  # at most one round trip in flight

    def stop_query_now(self) -> None:
        """Stop the rest of the query without waiting for the time limit."""
        self._wake.set()

    def _watch(self) -> None:
        self._wake.wait(self._after)
        if self._query_ended.is_set():
            return
        self.fired = True
        for _ in range(WATCHDOG_ATTEMPTS):
            try:
                stopped = terminate_console_query(self._graph, self._tag)
                log.debug("cypher_console.terminated", transactions=stopped)
            except Exception as exc:  # the next attempt may succeed; never crash the thread
                log.warning("cypher_console.terminate_failed", error=str(exc))
            if self._query_ended.wait(WATCHDOG_RETRY_SECONDS):
                return


def _check_params(params: Any) -> dict[str, Any]:
    if params is None:
        return {}
    if not isinstance(params, Mapping) or not all(isinstance(key, str) for key in params):
        raise QueryRefused("parameters must be a map of names to values, e.g. {\"name\": \"value\"}")
    return dict(params)


def _write_notice(result: Result) -> str | None:
    """Say so when the query changed the graph inside its (rolled back) transaction."""
    try:
        counters = result.consume().counters
    except (Neo4jError, DriverError):
        return None  # the time limit struck just after the last row: the rows still stand
    if counters.contains_updates or counters.contains_system_updates:
        return ("The query changed the graph inside its transaction; the console rolled every "
                "change back and nothing was saved.")
    return None


def _rollback(tx: Transaction) -> None:
    try:
        tx.rollback()
    except (Neo4jError, DriverError) as exc:
        # Never committed, so the server drops the transaction with the connection anyway.
        log.debug("cypher_console.rollback_failed", error=str(exc))


def _untagged(message: str, tag: str) -> str:
    return message.replace(f" {QUERY_TAG_PREFIX}{tag}{QUERY_TAG_SUFFIX}", "").strip()


def run_readonly(
    graph: Graph,
    query: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout: float | None = None,
    row_limit: int | None = None,
) -> ConsoleResult:
    """Run one analyst query read-only, time-limited and row-limited (see the module docstring).

    `timeout` (seconds) and `row_limit` default to KG_CYPHER_TIMEOUT and KG_CYPHER_ROW_LIMIT.
    Raises QueryRefused, QueryTimedOut or QueryFailed, each with a message for the analyst.
    """
    settings = get_settings()
    timeout = settings.kg_cypher_timeout if timeout is None else timeout
    row_limit = settings.kg_cypher_row_limit if row_limit is None else row_limit
    if timeout <= 0:
        raise ValueError(f"timeout must be positive, got {timeout}")
    if row_limit < 1:
        raise ValueError(f"row_limit must be at least 1, got {row_limit}")
    statement = prepare_statement(query)
    parameters = _check_params(params)
    tag = uuid.uuid4().hex
    # A comment at the very end: line and column numbers in error messages stay the analyst's.
    tagged = f"{statement} {QUERY_TAG_PREFIX}{tag}{QUERY_TAG_SUFFIX}"

    started = time.monotonic()
    watchdog = _Watchdog(graph, tag, timeout + WATCHDOG_GRACE_SECONDS)
    try:
        with watchdog, graph.session(default_access_mode=READ_ACCESS, fetch_size=row_limit + 1) as session:
            tx = session.begin_transaction(timeout=timeout, metadata={QUERY_TAG_METADATA_KEY: tag})
            try:
                columns, rows, notice = _read_rows(tx, tagged, parameters, row_limit, watchdog)
                elapsed_ms = round((time.monotonic() - started) * 1000, 1)
            finally:
                _rollback(tx)  # always: the console never commits
    except (Neo4jError, DriverError) as exc:
        raise _console_error(exc, tag, timeout, stopped_by_watchdog=watchdog.fired) from None

    truncated = len(rows) > row_limit
    log.debug("cypher_console.query", chars=len(statement), rows=min(len(rows), row_limit),
             truncated=truncated, elapsed_ms=elapsed_ms)
    return ConsoleResult(columns=columns, rows=rows[:row_limit], truncated=truncated,
                         elapsed_ms=elapsed_ms, notice=notice)


def _read_rows(
    tx: Transaction, query: str, parameters: dict[str, Any], row_limit: int, watchdog: _Watchdog,
) -> tuple[list[str], list[list[Any]], str | None]:
    """Columns, up to row_limit + 1 rows, and the write notice of one query."""
    result = tx.run(query, parameters)
    columns = list(result.keys())
    rows = [[to_json_value(v) for v in record.values()] for record in islice(result, row_limit + 1)]
    if len(rows) > row_limit:
        # Discarding the unread rest would make the embedded engine compute all of it: stop it now.
        watchdog.stop_query_now()
        return columns, rows, None
    return columns, rows, _write_notice(result)


def _console_error(
    exc: Neo4jError | DriverError, tag: str, timeout: float, *, stopped_by_watchdog: bool,
) -> ConsoleError:
    code = exc.code if isinstance(exc, Neo4jError) else None
    if stopped_by_watchdog or (code or "").startswith(_TIMEOUT_CODES):
        return QueryTimedOut(
            f"the query was stopped after {timeout:g} s, the console's time limit (KG_CYPHER_TIMEOUT); "
            f"narrow it with WHERE or LIMIT"
        )
    if isinstance(exc, Neo4jError):
        return QueryFailed(_untagged(exc.message or str(exc), tag), code=code)
    return QueryFailed(f"the graph server could not run the query: {_untagged(str(exc), tag)}")
