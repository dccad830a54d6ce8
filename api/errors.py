"""Which errors clients see verbatim, and which are masked (and logged) as unexpected.

Clients see: GraphQL syntax and validation errors, bad arguments (page size,
cursor, date, id, enum value), missing API key, and time-outs — each message
says what was wrong. Everything else is a bug or an outage: the client gets
"Unexpected error." and the full exception goes to the log.
"""

from __future__ import annotations

import structlog
from graphql import GraphQLError

from graph.reader import QueryTimeoutError, ReadError

log = structlog.get_logger(__name__)

UNEXPECTED_ERROR_MESSAGE = "Unexpected error."


class ApiError(Exception):
    """An error whose message is written for the client."""


class UserInputError(ApiError, ValueError):
    """An argument the API cannot use; the message names it."""


class ApiKeyError(ApiError, PermissionError):
    """A mutation without a valid API key, or on a server with no key configured."""


class LoadError(ApiError, ValueError):
    """A document given to loadDocument that the loaders refused; the message says why."""


PUBLIC_ERRORS: tuple[type[BaseException], ...] = (ApiError, ReadError, QueryTimeoutError, GraphQLError)


def should_mask_error(error: GraphQLError) -> bool:
    """True when the error is unexpected: hide its message from the client and log it."""
    original = error.original_error
    if original is None or isinstance(original, PUBLIC_ERRORS):
        return False
    log.error(
        "graphql.unexpected_error", path=error.path, error_type=type(original).__name__,
        exc_info=(type(original), original, original.__traceback__),
    )
    return True
