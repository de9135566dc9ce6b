"""A stand-in for the context object Lambda passes to a handler, for local runs."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

__all__ = ["LocalLambdaContext"]

_ACCOUNT = "123456789012"


def _log_stream_name() -> str:
    day = datetime.now(timezone.utc).strftime("%Y/%m/%d")
    return f"{day}/[$LATEST]{uuid.uuid4().hex}"


@dataclass(frozen=True)
class LocalLambdaContext:
    """The attributes and method of Lambda's Python context, with local values.

    ``memory_limit_in_mb`` is a str, as the Python runtime sets it (from the
    ``AWS_LAMBDA_FUNCTION_MEMORY_SIZE`` environment variable). The clock for
    ``get_remaining_time_in_millis()`` starts when the context is made, unless
    ``remaining_millis`` fixes its answer.

    >>> context = LocalLambdaContext(function_name="thumbnails", timeout_seconds=3)
    >>> context.invoked_function_arn
    'arn:aws:lambda:us-east-1:123456789012:function:thumbnails'
    >>> 0 < context.get_remaining_time_in_millis() <= 3000
    True
    """

    function_name: str = "s3types-local"
    timeout_seconds: float = 3.0
    memory_limit_in_mb: str = "128"
    region: str = "us-east-1"
    function_version: str = "$LATEST"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_stream_name: str = field(default_factory=_log_stream_name)
    client_context: None = None
    identity: None = None
    #: A fixed answer for ``get_remaining_time_in_millis()``, for tests that log it.
    remaining_millis: int | None = None
    _deadline: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_deadline", time.monotonic() + self.timeout_seconds)

    @property
    def invoked_function_arn(self) -> str:
        """The function's ARN, in the given region and a placeholder account."""
        return f"arn:aws:lambda:{self.region}:{_ACCOUNT}:function:{self.function_name}"

    @property
    def log_group_name(self) -> str:
        """``/aws/lambda/<function name>``, as Lambda names it."""
        return f"/aws/lambda/{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left before the timeout (0 once it has passed), or ``remaining_millis``."""
        if self.remaining_millis is not None:
            return self.remaining_millis
        return max(0, int((self._deadline - time.monotonic()) * 1000))
