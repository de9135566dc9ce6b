"""s3types for plain AWS Lambda handlers: the typed S3 event, however it was delivered.

``@s3_handler`` hands a function the whole :class:`s3types.S3Event`;
``@s3_record_handler`` calls it once per matching record and reports SQS
partial batch failures; with ``backfill=True`` the same handler answers S3
Batch Operations jobs too, handing the function a :data:`RecordOrTask`.
``@s3_batch_handler`` runs a function per task of an S3 Batch Operations
job, ``@s3_object_lambda_handler`` answers S3 Object Lambda requests. Needs
no extra (boto3 for Object Lambda, which the Lambda runtime has).

>>> from s3types import S3EventRecord
>>> from s3types_lambda import LambdaContext, s3_record_handler
>>> @s3_record_handler(events=["s3:ObjectCreated:*"], prefix="uploads/")
... def on_upload(record: S3EventRecord, context: LambdaContext) -> None:
...     print(record.bucket_name, record.key)
"""

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports
from s3types_lambda._batch import BatchItemFailureDict, SqsBatchResponseDict
from s3types_lambda._batch_operations import s3_batch_handler
from s3types_lambda._context import LambdaContext
from s3types_lambda._handlers import (
    S3BackfillHandler,
    S3RecordHandler,
    s3_handler,
    s3_record_handler,
)
from s3types_lambda._object_lambda import s3_object_lambda_handler

if TYPE_CHECKING:
    from s3types_lambda._record_or_task import RecordOrTask

# RecordOrTask names BatchTask: a notification handler never loads s3types.batch.
__getattr__ = lazy_exports(globals(), {"RecordOrTask": "s3types_lambda._record_or_task"})

__all__ = [
    "BatchItemFailureDict",
    "LambdaContext",
    "RecordOrTask",
    "S3BackfillHandler",
    "S3RecordHandler",
    "SqsBatchResponseDict",
    "s3_batch_handler",
    "s3_handler",
    "s3_object_lambda_handler",
    "s3_record_handler",
]
