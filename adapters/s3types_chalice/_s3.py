"""``on_s3_change``: register through Chalice's ``on_s3_event``, hand over the typed event."""

from __future__ import annotations

try:
    from chalice.app import Blueprint, Chalice
    from chalice.app import S3Event as ChaliceS3Event
except ImportError as err:
    raise ImportError(
        f"s3types_chalice needs Chalice, which cannot be imported ({err}):"
        " pip install 's3types[chalice]'"
    ) from err

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar, cast

from s3types import S3Event, parse_event
from s3types_lambda import LambdaContext

# The cross-package import is deliberate: s3types_lambda ships in the same
# wheel, and Chalice must be given exactly the patterns the Lambda adapter accepts.
from s3types_lambda._filters import check_event_patterns

__all__ = ["ChaliceS3Handler", "on_s3_change"]

ReturnT = TypeVar("ReturnT")
ReturnT_co = TypeVar("ReturnT_co", covariant=True)


class ChaliceS3Handler(Protocol[ReturnT_co]):
    """The Lambda handler Chalice builds for an S3 event function (its ``EventSourceHandler``).

    Lambda (or ``chalice.test.Client().lambda_.invoke``) calls it with the raw
    event and the context; it returns what the decorated function returns.

    >>> def run(handler: ChaliceS3Handler[int], context: LambdaContext) -> int:
    ...     return handler({"Records": []}, context)
    """

    def __call__(self, event: Mapping[str, Any], context: LambdaContext, /) -> ReturnT_co:
        """Run the function on one raw S3 event."""
        ...


def on_s3_change(
    app: Chalice | Blueprint,
    bucket: str,
    *,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    name: str | None = None,
) -> Callable[[Callable[[S3Event], ReturnT]], ChaliceS3Handler[ReturnT]]:
    """Register ``def f(event: S3Event)`` for a bucket's notifications through Chalice.

    The registration is Chalice's own ``app.on_s3_event(bucket, events=...,
    prefix=..., suffix=..., name=...)``, so ``app.event_sources``, ``chalice
    deploy`` and ``chalice package`` see the bucket, events and filters as
    usual, and Chalice's middleware still runs. The function receives the
    typed :class:`s3types.S3Event` with every record (Chalice's own event
    object carries only the first), keys decoded once. ``events`` defaults to
    Chalice's ``["s3:ObjectCreated:*"]``; works on a ``Chalice`` app and on a
    ``Blueprint``.

    >>> from chalice import Chalice
    >>> app = Chalice(app_name="photos")
    >>> @on_s3_change(app, "photo-uploads", prefix="incoming/")
    ... def on_upload(event: S3Event) -> int:
    ...     return len(event.records)
    >>> app.event_sources[0].prefix
    'incoming/'
    """
    patterns = check_event_patterns(events, where="on_s3_change")
    register = app.on_s3_event(
        bucket,
        events=None if patterns is None else list(patterns),
        prefix=prefix,
        suffix=suffix,
        name=name,
    )

    def decorate(func: Callable[[S3Event], ReturnT]) -> ChaliceS3Handler[ReturnT]:
        # functools.wraps keeps func's name: Chalice derives the Lambda handler
        # string ("app.<name>") and the default function name from it.
        @functools.wraps(func)
        def handle(event: ChaliceS3Event) -> ReturnT:
            return func(parse_event(event.to_dict()))

        return cast("ChaliceS3Handler[ReturnT]", register(handle))

    return decorate
