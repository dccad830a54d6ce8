"""The `application/graphql-response+json` media type of the GraphQL-over-HTTP spec.

A client that asks for it (Accept) gets it, and with it the spec's status
codes: a request that fails before execution (a syntax error, an invalid
document, variables that do not fit) is a 400 without a `data` entry. Clients
that ask for `application/json` (GraphiQL, most libraries) get Strawberry's
answer unchanged: 200 with the errors in the body.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


def prefers_graphql_response_json(accept: str) -> bool:
    """True when the Accept header lists graphql-response+json before (or without) plain JSON."""
    types = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    if GRAPHQL_RESPONSE_JSON not in types:
        return False
    return "application/json" not in types or types.index(GRAPHQL_RESPONSE_JSON) < types.index("application/json")


def is_request_error(result: Any) -> bool:
    """Errors and no data, none of them from executing a field: the request never ran."""
    if not isinstance(result, dict) or not result.get("errors") or result.get("data") is not None:
        return False
    return all(not error.get("path") for error in result["errors"])


class GraphQLResponseMediaType:
    """ASGI middleware for the GraphQL endpoint (only when the client prefers the new media type)."""

    def __init__(self, app: ASGIApp, path: str = "/graphql") -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
        if not prefers_graphql_response_json(accept):
            await self.app(scope, receive, send)
            return

        start: Message | None = None
        body = bytearray()

        async def buffered_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            body.extend(message.get("body", b""))
            if not message.get("more_body", False):
                await send_converted(start, bytes(body))

        async def send_converted(start_message: Message, content: bytes) -> None:
            headers = [(k, v) for k, v in start_message["headers"] if k.lower() not in (b"content-type", b"content-length")]
            content_type = dict(start_message["headers"]).get(b"content-type", b"")
            status = start_message["status"]
            if content_type.startswith(b"application/json"):
                result = json.loads(content)
                if status == 200 and is_request_error(result):
                    status = 400
                    result.pop("data", None)
                    content = json.dumps(result).encode()
                content_type = f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8".encode()
            headers += [(b"content-type", content_type), (b"content-length", str(len(content)).encode())]
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": content})

        await self.app(scope, receive, buffered_send)
