"""S3 Batch Operations: the typed job S3 invokes a function with, and the response it expects.

A job (invocation schema 1.0 or 2.0) carries tasks, each naming an object;
the function answers with one result per task. Batch Operations is how a
function runs over millions of existing objects (a backfill): S3 reads the
manifest and fans the tasks out across Lambda.

>>> from s3types.batch import parse_batch_job
>>> from s3types.testing import make_batch_job
>>> job = parse_batch_job(make_batch_job(bucket="photos", keys=["2024/red flower.jpg"]))
>>> task = job.tasks[0]
>>> task.bucket_name, task.key
('photos', '2024/red flower.jpg')
>>> job.response([task.succeeded("tagged")])["results"][0]["resultCode"]
'Succeeded'
"""

from s3types.batch._model import BatchJob, BatchTask, parse_batch_job
from s3types.batch._response import BatchResponseDict, BatchResultDict
from s3types.batch._results import (
    MAX_RESULT_STRING,
    BatchResultCode,
    BatchTaskResult,
    TemporaryFailure,
)

__all__ = [
    "MAX_RESULT_STRING",
    "BatchJob",
    "BatchResponseDict",
    "BatchResultCode",
    "BatchResultDict",
    "BatchTask",
    "BatchTaskResult",
    "TemporaryFailure",
    "parse_batch_job",
]
