"""A task names one bucket: an empty name or an object ARN is refused with the field's path."""

from __future__ import annotations

from typing import Literal

import pytest

from s3types import S3EventError
from s3types.batch import parse_batch_job
from s3types.testing import make_batch_job


def _job_with(field: str, value: str, *, tasks: int = 1) -> dict[str, object]:
    schema: Literal["1.0", "2.0"] = "2.0" if field == "s3Bucket" else "1.0"
    job = make_batch_job(
        bucket="photos", keys=[f"k{i}" for i in range(tasks)], schema_version=schema
    )
    job["tasks"][-1][field] = value
    return dict(job)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("s3Bucket", ""),
        ("s3Bucket", "photos/2024"),
        ("s3BucketArn", "arn:aws:s3:::photos/2024/a.jpg"),
        ("s3BucketArn", "arn:aws:s3:::"),
        ("s3BucketArn", "arn:aws:s3:us-east-1:111122223333:photos/a.jpg"),
        ("s3BucketArn", "arn:aws:s3express:us-west-2:111122223333:photos--usw2-az1--x-s3"),
    ],
)
@pytest.mark.parametrize("tasks", [1, 2])  # the parser's fast path, and the field-by-field one
def test_a_task_without_one_bucket_is_refused_naming_the_field(
    field: str, value: str, tasks: int
) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_batch_job(_job_with(field, value, tasks=tasks))
    assert caught.value.path == f"tasks[{tasks - 1}].{field}"
    assert repr(value) in str(caught.value)


@pytest.mark.parametrize(
    ("arn", "bucket"),
    [
        ("arn:aws:s3:::photos", "photos"),
        ("arn:aws-cn:s3:::photos", "photos"),
        (
            "arn:aws:s3express:us-west-2:111122223333:bucket/ph--usw2-az1--x-s3",
            "ph--usw2-az1--x-s3",
        ),
    ],
)
def test_bucket_arns_name_their_bucket(arn: str, bucket: str) -> None:
    assert parse_batch_job(_job_with("s3BucketArn", arn)).tasks[0].bucket_name == bucket
