"""Factories for the other invocations S3 makes: Batch Operations jobs, Object Lambda requests."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from s3types.testing._events import encode_key

__all__ = ["make_batch_job", "make_object_lambda_event"]

_JOB_ID = "f3cc4f60-61f6-4a2b-8a21-d07600c373ce"
_INVOCATION_ID = "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo"
_CONTEXTS = {
    "GetObject": "getObjectContext",
    "HeadObject": "headObjectContext",
    "ListObjects": "listObjectsContext",
    "ListObjectsV2": "listObjectsV2Context",
}


def _task_id(number: int) -> str:
    # S3's task ids are opaque base64 strings.
    return base64.b64encode(f"task-{number}".encode()).decode().rstrip("=")


def make_batch_job(
    *,
    bucket: str | None = None,
    keys: Iterable[str] = (),
    objects: Iterable[tuple[str, str, str | None]] = (),
    schema_version: Literal["1.0", "2.0"] = "2.0",
    user_arguments: Mapping[str, str] | None = None,
    job_id: str = _JOB_ID,
    invocation_id: str = _INVOCATION_ID,
) -> dict[str, Any]:
    """A wire-correct S3 Batch Operations invocation with one task per object.

    Give ``bucket`` and ``keys`` (decoded; written URL-encoded as S3 does), or
    ``objects`` as ``(bucket, key, version_id)`` triples, or both. Schema 2.0
    (the default) names the bucket in ``s3Bucket`` and carries
    ``userArguments``; 1.0 names it in ``s3BucketArn`` and has none.

    >>> job = make_batch_job(bucket="photos", keys=["red flower.jpg"], schema_version="1.0")
    >>> job["tasks"][0]["s3Key"], job["tasks"][0]["s3BucketArn"]
    ('red+flower.jpg', 'arn:aws:s3:::photos')
    """
    if schema_version not in ("1.0", "2.0"):
        raise ValueError(f"schema_version must be '1.0' or '2.0', got {schema_version!r}")
    if user_arguments and schema_version == "1.0":
        raise ValueError("user_arguments need schema_version '2.0': schema 1.0 has none")
    wanted: list[tuple[str, str, str | None]] = []
    for key in keys:
        if bucket is None:
            raise ValueError(
                "keys need a bucket: pass bucket=, or objects=[(bucket, key, version)]"
            )
        wanted.append((bucket, key, None))
    wanted += objects
    if not wanted:
        raise ValueError("a job needs at least one object: pass keys= (with bucket=) or objects=")
    tasks: list[dict[str, Any]] = []
    for number, (task_bucket, key, version_id) in enumerate(wanted, start=1):
        task: dict[str, Any] = {
            "taskId": _task_id(number),
            "s3Key": encode_key(key),
            "s3VersionId": version_id,
        }
        if schema_version == "1.0":
            task["s3BucketArn"] = f"arn:aws:s3:::{task_bucket}"
        else:
            task["s3Bucket"] = task_bucket
        tasks.append(task)
    job: dict[str, Any] = {"id": job_id}
    if schema_version == "2.0":
        job["userArguments"] = dict(user_arguments or {})
    return {
        "invocationSchemaVersion": schema_version,
        "invocationId": invocation_id,
        "job": job,
        "tasks": tasks,
    }


def make_object_lambda_event(
    operation: Literal["GetObject", "HeadObject", "ListObjects", "ListObjectsV2"] = "GetObject",
    *,
    input_s3_url: str = (
        "https://example-ap-111122223333.s3-accesspoint.us-east-1.amazonaws.com/example.txt"
        "?X-Amz-Security-Token=token"
    ),
    output_route: str = "io-use1-001",
    output_token: str = "OutputToken",
    payload: str = "{}",
    user_request_url: str = (
        "https://example-olap-111122223333.s3-object-lambda.us-east-1.amazonaws.com/example.txt"
    ),
    user_request_headers: Mapping[str, str] | None = None,
    account_id: str = "111122223333",
    region: str = "us-east-1",
    protocol_version: str = "1.00",
    request_id: str = "1a5ed718-5f53-471d-b6fe-5cf62d88d02a",
) -> dict[str, Any]:
    """A wire-correct S3 Object Lambda request (GetObject unless ``operation`` says otherwise).

    Only GetObject requests carry ``outputRoute`` and ``outputToken`` (the
    function answers them with ``WriteGetObjectResponse``). Point
    ``input_s3_url`` at a local server to serve the original object in tests.

    >>> event = make_object_lambda_event(user_request_headers={"Range": "bytes=0-9"})
    >>> event["getObjectContext"]["outputRoute"], event["userRequest"]["headers"]["Range"]
    ('io-use1-001', 'bytes=0-9')
    """
    if operation not in _CONTEXTS:
        raise ValueError(f"operation must be one of {', '.join(_CONTEXTS)}, got {operation!r}")
    context: dict[str, str] = {"inputS3Url": input_s3_url}
    if operation == "GetObject":
        context |= {"outputRoute": output_route, "outputToken": output_token}
    host = user_request_url.split("/")[2] if "://" in user_request_url else "localhost"
    headers = {"Host": host, "Accept-Encoding": "identity"}
    headers.update(user_request_headers or {})
    return {
        "xAmzRequestId": request_id,
        _CONTEXTS[operation]: context,
        "configuration": {
            "accessPointArn": (
                f"arn:aws:s3-object-lambda:{region}:{account_id}:accesspoint/example-olap"
            ),
            "supportingAccessPointArn": f"arn:aws:s3:{region}:{account_id}:accesspoint/example-ap",
            "payload": payload,
        },
        "userRequest": {"url": user_request_url, "headers": headers},
        "userIdentity": {
            "type": "IAMUser",
            "principalId": "AIDAEXAMPLE",
            "arn": f"arn:aws:iam::{account_id}:user/example",
            "accountId": account_id,
            "accessKeyId": "AKIAEXAMPLE",
        },
        "protocolVersion": protocol_version,
    }
