"""Per-request GraphQL context: the reader, batching loaders and the request's time budget.

Every graph read of a request goes through `GraphQLContext.read`, which runs the
(blocking) driver call in a worker thread and stops waiting once the request's
budget (`KG_QUERY_TIMEOUT`) is spent. The loaders collect the ids that
resolvers ask for in the same tick and fetch them in one query each, so a page
of 50 events costs one query for all participants and evidence, not 50.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from api.errors import ApiKeyError
from graph.reader import ActorRow, DocumentRow, EventDetails, GraphReader, NotFoundError, QueryTimeoutError
from kg.settings import Settings

T = TypeVar("T")


class GraphQLContext(BaseContext):
    def __init__(self, reader: GraphReader, settings: Settings) -> None:
        super().__init__()
        self.reader = reader
        self.settings = settings
        self.budget = settings.kg_query_timeout
        self.deadline = time.monotonic() + self.budget
        self.event_details: DataLoader[str, EventDetails] = DataLoader(self._load_event_details)
        self.actors: DataLoader[str, ActorRow] = DataLoader(self._load_actors)
        self.documents: DataLoader[str, DocumentRow] = DataLoader(self._load_documents)

    def restart_budget(self) -> None:
        """A fresh time budget for the reads that follow (after a long write)."""
        self.deadline = time.monotonic() + self.budget

    async def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one reader call in a worker thread within what is left of the request's budget."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self._timed_out()
        try:
            return await asyncio.wait_for(asyncio.to_thread(fn, *args, **kwargs), timeout=remaining)
        except TimeoutError:
            raise self._timed_out() from None

    def _timed_out(self) -> QueryTimeoutError:
        return QueryTimeoutError(
            f"the request did not finish within {self.budget:g} s (KG_QUERY_TIMEOUT); "
            "ask for fewer items or a narrower date range"
        )

    def require_api_key(self) -> None:
        """Mutations need the configured KG_API_KEY, sent as `Authorization: Bearer <key>` or `X-API-Key`."""
        configured = self.settings.kg_api_key.get_secret_value() if self.settings.kg_api_key else ""
        if not configured:
            raise ApiKeyError("mutations are disabled: this server has no API key configured (set KG_API_KEY)")
        sent = _api_key_from_headers(self.request.headers if self.request is not None else {})
        if sent is None:
            raise ApiKeyError("this mutation needs the API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
        if not secrets.compare_digest(sent.encode(), configured.encode()):
            raise ApiKeyError("the API key sent is not valid for this server")

    async def _load_event_details(self, ids: list[str]) -> Sequence[EventDetails | BaseException]:
        found = await self.read(self.reader.event_details, ids)
        return [found.get(i) or NotFoundError(f"no event with id {i!r}") for i in ids]

    async def _load_actors(self, ids: list[str]) -> Sequence[ActorRow | BaseException]:
        found = await self.read(self.reader.actors_by_ids, ids)
        return [found.get(i) or NotFoundError(f"no actor with id {i!r}") for i in ids]

    async def _load_documents(self, ids: list[str]) -> Sequence[DocumentRow | BaseException]:
        found = await self.read(self.reader.documents_by_ids, ids)
        return [found.get(i) or NotFoundError(f"no document with id {i!r}") for i in ids]


def _api_key_from_headers(headers: Any) -> str | None:
    authorization = headers.get("authorization")
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    key = headers.get("x-api-key")
    return key.strip() if key and key.strip() else None
