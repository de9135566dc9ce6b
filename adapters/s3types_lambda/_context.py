"""``LambdaContext``: the context object Lambda passes to a handler, as a Protocol."""

from __future__ import annotations

from typing import Protocol

__all__ = ["LambdaContext"]


class LambdaContext(Protocol):
    """What a handler may rely on in the ``context`` Lambda passes to it.

    The attributes every Python Lambda context has: the AWS runtime's own
    object, Powertools' ``LambdaContext`` type, Chalice's local context and a
    hand-written fake for tests all satisfy it. ``memory_limit_in_mb`` is a
    ``str`` in the AWS Python runtime (read from an environment variable) and
    an ``int`` in Powertools' and Chalice's, so call ``int()`` on it; Chalice's
    ``get_remaining_time_in_millis`` returns a float. ``identity``,
    ``client_context`` and ``tenant_id`` are left out: they are set only for
    mobile-SDK and multi-tenant invocations; read them from your concrete type.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class FakeContext:
    ...     function_name: str = "thumbnails"
    ...     function_version: str = "$LATEST"
    ...     invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails"
    ...     memory_limit_in_mb: int = 128
    ...     aws_request_id: str = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"
    ...     log_group_name: str = "/aws/lambda/thumbnails"
    ...     log_stream_name: str = "2026/01/01/[$LATEST]abcdef"
    ...     def get_remaining_time_in_millis(self) -> int:
    ...         return 3000
    >>> context: LambdaContext = FakeContext()
    >>> context.function_name
    'thumbnails'
    """

    @property
    def function_name(self) -> str:
        """The Lambda function's name."""
        ...

    @property
    def function_version(self) -> str:
        """The version of the function that runs (``$LATEST`` when unpublished)."""
        ...

    @property
    def invoked_function_arn(self) -> str:
        """The ARN used to invoke the function (with an alias or version when given)."""
        ...

    @property
    def memory_limit_in_mb(self) -> int | str:
        """The memory configured for the function, in MB (a str in the AWS runtime)."""
        ...

    @property
    def aws_request_id(self) -> str:
        """The id of this invocation."""
        ...

    @property
    def log_group_name(self) -> str:
        """The CloudWatch Logs group the function writes to."""
        ...

    @property
    def log_stream_name(self) -> str:
        """The CloudWatch Logs stream of this execution environment."""
        ...

    def get_remaining_time_in_millis(self) -> float:
        """Milliseconds left before this invocation times out."""
        ...
