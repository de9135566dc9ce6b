"""``@idempotent_record``: Powertools' idempotency, keyed by the S3 notification."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing import Concatenate, ParamSpec

    from aws_lambda_powertools.utilities.idempotency import (
        BasePersistenceLayer,
        IdempotencyConfig,
    )
    from aws_lambda_powertools.utilities.idempotency.serialization.base import (
        BaseIdempotencyModelSerializer,
        BaseIdempotencySerializer,
    )

    from s3types import S3EventRecord

    P = ParamSpec("P")

__all__ = ["idempotent_record"]

ReturnT = TypeVar("ReturnT")

# The keyword through which Powertools' ``idempotent_function`` receives the
# record's idempotency key (its ``data_keyword_argument``).
_DATA_KEYWORD = "s3_notification"


def idempotent_record(
    *,
    persistence_store: BasePersistenceLayer,
    config: IdempotencyConfig | None = None,
    output_serializer: BaseIdempotencySerializer
    | type[BaseIdempotencyModelSerializer]
    | None = None,
    key_prefix: str | None = None,
) -> Callable[
    [Callable[Concatenate[S3EventRecord, P], ReturnT]],
    Callable[Concatenate[S3EventRecord, P], ReturnT],
]:
    """Run ``def f(record, ...)`` once per S3 notification, however often it is delivered.

    Powertools' own ``idempotent_function`` does the work, with its
    persistence layer (``DynamoDBPersistenceLayer``, ...), config and
    serializers; the data it hashes is the record's
    :attr:`~s3types.S3EventRecord.idempotency_key` alone (passed as
    ``s3_notification=``), so a repeat delivery matches even when it came
    another way (EventBridge instead of SQS) or with a new receipt. A repeat
    returns the first run's saved result without running ``f``; a run that
    raised is not saved, so a redelivery runs again. A repeat that arrives
    while the first run is still going raises Powertools'
    ``IdempotencyAlreadyInProgressError``: in ``@s3_record_handler`` that
    fails the message, and SQS delivers it again later.

    Keys are per function: ``key_prefix``, by default the Lambda function
    name and ``f``'s module and qualified name (Powertools' rule for ``f``).
    When ``f``'s second argument is a Lambda context, it is registered with
    the config (``register_lambda_context``), so a run cut short by a timeout
    does not block the retry until the record expires.

    >>> from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer
    >>> persistence = DynamoDBPersistenceLayer(table_name="idempotency")  # doctest: +SKIP
    >>> @idempotent_record(persistence_store=persistence)  # doctest: +SKIP
    ... def make_thumbnail(record: S3EventRecord, context: LambdaContext) -> str:
    ...     return f"thumbnails/{record.key}"
    """
    # Imported here: Powertools' idempotency package imports boto3 (its DynamoDB
    # layer), which `import s3types_powertools` must not need outside Lambda.
    from aws_lambda_powertools.utilities.idempotency import (
        IdempotencyConfig,
        idempotent_function,
    )

    idempotency_config = config if config is not None else IdempotencyConfig()

    def decorate(
        func: Callable[Concatenate[S3EventRecord, P], ReturnT],
    ) -> Callable[Concatenate[S3EventRecord, P], ReturnT]:
        # Named and annotated as ``func``: Powertools keys by the function's
        # module and qualified name, and reads its return annotation.
        @functools.wraps(func)
        def run(record: S3EventRecord, *args: Any, **kwargs: Any) -> Any:
            del kwargs[_DATA_KEYWORD]
            return func(record, *args, **kwargs)

        run_once: Callable[..., Any] = idempotent_function(
            data_keyword_argument=_DATA_KEYWORD,
            persistence_store=persistence_store,
            config=idempotency_config,
            output_serializer=output_serializer,
            key_prefix=key_prefix,
        )(run)

        @functools.wraps(func)
        def idempotent(record: S3EventRecord, /, *args: P.args, **kwargs: P.kwargs) -> ReturnT:
            context = args[0] if args else kwargs.get("context")
            if callable(getattr(context, "get_remaining_time_in_millis", None)):
                idempotency_config.register_lambda_context(context)  # type: ignore[arg-type]
            result: ReturnT = run_once(
                record, *args, **{_DATA_KEYWORD: record.idempotency_key}, **kwargs
            )
            return result

        return idempotent

    return decorate
