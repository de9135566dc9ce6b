"""``powertools_context``: a local Lambda context typed as Powertools' ``LambdaContext``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aws_lambda_powertools.utilities.typing import LambdaContext

if TYPE_CHECKING:
    from s3types.testing import LocalLambdaContext

__all__ = ["powertools_context"]


class _LocalPowertoolsContext(LambdaContext):
    """Powertools' ``LambdaContext`` with the values and the clock of a local context."""

    def __init__(self, local: LocalLambdaContext) -> None:
        self._local = local
        self._function_name = local.function_name
        self._function_version = local.function_version
        self._invoked_function_arn = local.invoked_function_arn
        self._memory_limit_in_mb = int(local.memory_limit_in_mb)
        self._aws_request_id = local.aws_request_id
        self._log_group_name = local.log_group_name
        self._log_stream_name = local.log_stream_name

    def get_remaining_time_in_millis(self) -> int:  # type: ignore[override]
        """What the local context's clock says is left."""
        return self._local.get_remaining_time_in_millis()


def powertools_context(local: LocalLambdaContext | None = None) -> LambdaContext:
    """A Powertools ``LambdaContext`` carrying a :class:`~s3types.testing.LocalLambdaContext`.

    Powertools types handlers with its own ``LambdaContext`` class, which is
    nominal (a class, not a Protocol): neither mypy nor pyright accepts an
    object of another class there, however alike. This gives an instance of
    a subclass with the local context's values (``memory_limit_in_mb`` as the
    ``int`` Powertools declares) and its countdown. The s3types adapters take
    any context (``s3types_lambda.LambdaContext`` is a Protocol), so only
    functions typed with Powertools' class need this.

    >>> from s3types.testing import LocalLambdaContext
    >>> context = powertools_context(LocalLambdaContext(function_name="videos"))
    >>> context.function_name, context.memory_limit_in_mb
    ('videos', 128)
    """
    if local is None:
        from s3types.testing import LocalLambdaContext

        local = LocalLambdaContext()
    return _LocalPowertoolsContext(local)
