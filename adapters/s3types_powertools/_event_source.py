"""``@s3_event_source``: Powertools' ``event_source``, handing over the typed model."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast, overload

# Powertools leaves the factory's return partly untyped; _S3EventSource below types the result.
from aws_lambda_powertools.middleware_factory import (
    lambda_handler_decorator,  # pyright: ignore[reportUnknownVariableType]
)

from s3types import S3Event, parse_event

if TYPE_CHECKING:
    # Only a type: importing the Lambda adapter would cost cold-start time.
    from s3types_lambda import LambdaContext

__all__ = ["s3_event_source"]

ContextT = TypeVar("ContextT", bound="LambdaContext")
ReturnT = TypeVar("ReturnT")


class _S3EventSource(Protocol):
    """The type of ``s3_event_source`` (``lambda_handler_decorator`` returns an untyped one)."""

    @overload
    def __call__(
        self, handler: Callable[[S3Event, ContextT], ReturnT], /
    ) -> Callable[[Mapping[str, Any], ContextT], ReturnT]: ...

    @overload
    def __call__(
        self,
    ) -> Callable[
        [Callable[[S3Event, ContextT], ReturnT]], Callable[[Mapping[str, Any], ContextT], ReturnT]
    ]: ...


@lambda_handler_decorator
def _s3_event_source(
    handler: Callable[[S3Event, LambdaContext], object],
    event: Mapping[str, Any],
    context: LambdaContext,
) -> object:
    """Hand the handler the typed S3 event: ``@s3_event_source``, stacked like any middleware.

    Built with Powertools' ``lambda_handler_decorator``, so it stacks with
    ``@logger.inject_lambda_context``, ``@tracer.capture_lambda_handler`` and
    other middleware, and is traced as a subsegment when
    ``POWERTOOLS_TRACE_MIDDLEWARES`` is set. Accepts every delivery
    :func:`s3types.parse_event` accepts (direct, SQS, SNS, EventBridge); an
    event that is not an S3 notification raises :class:`s3types.S3EventError`.

    >>> from s3types.testing import make_event
    >>> @s3_event_source
    ... def handler(event: S3Event, context: LambdaContext) -> str:
    ...     return event.records[0].key
    >>> handler(make_event(bucket="photos", key="red flower.jpg"), None)
    'red flower.jpg'
    """
    return handler(parse_event(event), context)


s3_event_source = cast("_S3EventSource", _s3_event_source)
