"""How many objects a backfill covers, when a listing is cheap enough to say.

A plan whose manifest S3 generates is estimated by listing the bucket
(with each of the filter's prefixes) and applying the job's own filter
(the ``CreateJob`` request's, not a copy) to what is listed, up to a
number of keys; a plan over a CSV manifest counts its rows. Beyond the
limit the count is a lower bound, and says so. Each ListObjectsV2 page
(up to 1,000 keys) is a billed request, so the limit is the cost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from s3types.backfill._arns import BackfillError, parse_s3_uri
from s3types.backfill._backfill_plan import BackfillPlan
from s3types.backfill._request import generator_filter

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import ListObjectsV2RequestTypeDef, ObjectTypeDef

    from s3types.triggers import Trigger

__all__ = ["DEFAULT_ESTIMATE_LIMIT", "ObjectEstimate", "estimate_backfill"]

#: Keys listed at most for an estimate (ten ListObjectsV2 pages).
DEFAULT_ESTIMATE_LIMIT = 10_000


@dataclass(frozen=True)
class ObjectEstimate:
    """The objects a job covers: a count, their bytes, and whether the listing was complete.

    ``handled`` counts those the triggers match exactly (the rest the
    handler's filter skips); ``bytes`` is None for a manifest's rows.

    >>> print(ObjectEstimate(objects=1200, bytes=3_000_000, complete=False, handled=1000))
    at least 1,200 objects (3.0 MB) after listing 10,000 keys, of which 1,000 the triggers match
    """

    objects: int
    bytes: int | None
    complete: bool
    handled: int | None = None
    listed: int = 10_000

    def __str__(self) -> str:
        text = f"{'' if self.complete else 'at least '}{self.objects:,} objects"
        if self.bytes is not None:
            text += f" ({self.bytes / 1_000_000:,.1f} MB)"
        if not self.complete:
            text += f" after listing {self.listed:,} keys"
        if self.handled is not None and self.handled != self.objects:
            text += f", of which {self.handled:,} the triggers match"
        return text


def _when(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return None


def _kept(obj: ObjectTypeDef, found: Mapping[str, Any]) -> bool:
    modified = obj.get("LastModified")
    before, after = _when(found.get("CreatedBefore")), _when(found.get("CreatedAfter"))
    size = obj.get("Size", 0)
    classes = found.get("MatchAnyStorageClass")
    return (
        (before is None or modified is None or modified < before)
        and (after is None or modified is None or modified > after)
        and (
            "ObjectSizeGreaterThanBytes" not in found or size > found["ObjectSizeGreaterThanBytes"]
        )
        and ("ObjectSizeLessThanBytes" not in found or size < found["ObjectSizeLessThanBytes"])
        and (not classes or obj.get("StorageClass", "STANDARD") in classes)
    )


def _names(trigger: Trigger, key: str) -> bool:
    return (trigger.prefix is None or key.startswith(trigger.prefix)) and (
        trigger.suffix is None or key.endswith(trigger.suffix)
    )


def estimate_backfill(
    s3_client: S3Client, plan: BackfillPlan, *, limit: int = DEFAULT_ESTIMATE_LIMIT
) -> BackfillPlan:
    """The plan with :class:`ObjectEstimate` of its objects, listing at most ``limit`` keys.

    For a generated manifest: the bucket's keys under the filter's
    prefixes that pass the job's filter (key, creation time, size,
    storage class). For a CSV manifest: its rows. An S3 Inventory report
    is not counted here (its own files say how many objects it lists).
    """
    if limit < 1:
        raise BackfillError(f"estimate_backfill: limit must be 1 or more, got {limit}")
    request = plan.create_job_request
    manifest = request.get("Manifest")
    if manifest is not None:
        if manifest["Spec"]["Format"] != "S3BatchOperations_CSV_20180820":
            raise BackfillError(
                "estimate_backfill: an S3 Inventory report is not counted here; its"
                " manifest.json and data files say how many objects it lists"
            )
        arn = manifest["Location"]["ObjectArn"]
        location = parse_s3_uri("s3://" + arn.split(":::", 1)[1], "the manifest")
        body = s3_client.get_object(Bucket=location.bucket, Key=location.key)["Body"].read()
        rows = sum(1 for line in body.decode("utf-8-sig").splitlines() if line.strip())
        return plan.with_estimate(ObjectEstimate(rows, None, True, None, rows))
    found = generator_filter(request) or {}
    scope = plan.scope
    prefixes = list(scope.prefixes) if scope is not None and scope.prefixes else [""]
    objects = size = listed = handled = 0
    complete = True
    for prefix in prefixes:
        token: str | None = None
        while True:
            page_request: ListObjectsV2RequestTypeDef = {
                "Bucket": plan.bucket,
                "Prefix": prefix,
                "MaxKeys": min(1000, limit - listed),
            }
            if token is not None:
                page_request["ContinuationToken"] = token
            page = s3_client.list_objects_v2(**page_request)
            for obj in page.get("Contents", []):
                listed += 1
                key = obj.get("Key", "")
                if (scope is None or scope.covers(key)) and _kept(obj, found):
                    objects += 1
                    size += obj.get("Size", 0)
                    if scope is not None and any(_names(t, key) for t in scope.triggers):
                        handled += 1
            token = page.get("NextContinuationToken")
            if not page.get("IsTruncated") or token is None:
                break
            if listed >= limit:
                complete = False
                break
        if not complete:
            break
    return plan.with_estimate(ObjectEstimate(objects, size, complete, handled, listed))
