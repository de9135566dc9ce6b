"""s3types for Powertools for AWS Lambda: data classes, ``@s3_event_source``, idempotency.

:class:`s3types.S3Event` also works as a Powertools Parser model as it is
(``event_parser(model=S3Event)``, envelopes included). Needs the
``powertools`` extra (``pip install 's3types[powertools]'``).

>>> from s3types import S3Event
>>> from s3types_powertools import s3_event_source
>>> @s3_event_source
... def handler(event: S3Event, context: object) -> int:
...     return len(event.records)
"""

try:
    import aws_lambda_powertools  # noqa: F401  # pyright: ignore[reportUnusedImport]  (fail early, naming the extra)
except ImportError as err:
    raise ImportError(
        f"s3types_powertools needs Powertools for AWS Lambda, which cannot be imported ({err}):"
        " pip install 's3types[powertools]'"
    ) from err

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports
from s3types_powertools._context import powertools_context
from s3types_powertools._data_classes import from_data_class, to_data_class
from s3types_powertools._event_source import s3_event_source
from s3types_powertools._idempotency import idempotent_record

if TYPE_CHECKING:
    from s3types_powertools._invocations import (
        batch_job_from_data_class,
        batch_job_to_data_class,
        batch_response_from_data_class,
        batch_response_to_data_class,
        object_lambda_event_from_data_class,
        object_lambda_event_to_data_class,
    )

# The Batch Operations and Object Lambda conversions load on first use: a
# function that reads S3 notifications does not pay for s3types.batch,
# s3types.object_lambda and Powertools' data classes of those events.
__getattr__ = lazy_exports(
    globals(),
    dict.fromkeys(
        (
            "batch_job_from_data_class",
            "batch_job_to_data_class",
            "batch_response_from_data_class",
            "batch_response_to_data_class",
            "object_lambda_event_from_data_class",
            "object_lambda_event_to_data_class",
        ),
        "._invocations",
    ),
)

__all__ = [
    "batch_job_from_data_class",
    "batch_job_to_data_class",
    "batch_response_from_data_class",
    "batch_response_to_data_class",
    "from_data_class",
    "idempotent_record",
    "object_lambda_event_from_data_class",
    "object_lambda_event_to_data_class",
    "powertools_context",
    "s3_event_source",
    "to_data_class",
]
