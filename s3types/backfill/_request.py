"""The parts of a ``CreateJob`` request: manifest, generator, report locations, the token.

Pure functions of values, each refusing what S3 Control would (a
directory bucket where only general purpose ones go, a time without a
zone, an unknown storage class) with a :class:`BackfillError` that says
what to do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, cast

from s3types._limits import (
    MAX_USER_ARGUMENT_KEY,
    MAX_USER_ARGUMENT_VALUE,
    MAX_USER_ARGUMENTS,
)
from s3types.backfill._arns import (
    BackfillError,
    S3Location,
    bucket_arn,
    is_directory_bucket,
    object_arn,
)

if TYPE_CHECKING:
    from mypy_boto3_s3control.literals import S3StorageClassType
    from mypy_boto3_s3control.type_defs import (
        CreateJobRequestTypeDef,
        JobManifestGeneratorFilterTypeDef,
        JobManifestTypeDef,
        KeyNameConstraintTypeDef,
        S3JobManifestGeneratorTypeDef,
    )

    from s3types.backfill._scope import KeyScope

__all__ = [
    "INVOCATION_SCHEMA_VERSION",
    "checked_user_arguments",
    "ManifestFormat",
    "as_prefix",
    "byte_count",
    "general_purpose",
    "generator_filter",
    "generator_spec",
    "iso_time",
    "manifest_objects",
    "manifest_spec",
    "request_token",
    "storage_class_filter",
]

ManifestFormat = Literal["csv", "inventory"]

_FORMATS = {"csv": "S3BatchOperations_CSV_20180820", "inventory": "S3InventoryReport_CSV_20161130"}
_STORAGE_CLASSES = (
    "DEEP_ARCHIVE",
    "GLACIER",
    "GLACIER_IR",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "STANDARD",
    "STANDARD_IA",
)
#: The invocation schema with ``userArguments`` and bucket names; the only one
#: directory buckets accept, and the one s3types.batch reads best.
INVOCATION_SCHEMA_VERSION = "2.0"


def generator_filter(request: CreateJobRequestTypeDef) -> Mapping[str, Any] | None:
    """The manifest generator's ``Filter`` of a request, or None for a job over a manifest."""
    generator: Mapping[str, Any] | None = cast("Mapping[str, Any]", request).get(
        "ManifestGenerator"
    )
    if generator is None:
        return None
    return cast("Mapping[str, Any]", generator["S3JobManifestGenerator"].get("Filter", {}))


def request_token(request: Mapping[str, Any]) -> str:
    """The ``ClientRequestToken`` for a request: SHA-256 of its JSON, the token left out.

    64 hex digits, S3 Control's maximum length.

    >>> token = request_token({"Priority": 10})
    >>> token == request_token({"Priority": 10, "ClientRequestToken": "x"}), len(token)
    (True, 64)
    """
    body = {name: value for name, value in request.items() if name != "ClientRequestToken"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def as_prefix(location: S3Location) -> S3Location:
    """A report or output location as a prefix (``backfills/``, or the bucket's top)."""
    key = location.key
    return S3Location(location.bucket, key if not key or key.endswith("/") else key + "/")


def general_purpose(location: S3Location, what: str) -> S3Location:
    if is_directory_bucket(location.bucket):
        raise BackfillError(
            f"{what} {location} is in a directory bucket: S3 Batch Operations reads"
            " manifests from and writes reports to general purpose buckets only; name one"
        )
    return location


def byte_count(value: int | None, what: str) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise BackfillError(f"plan_backfill: {what} must be a whole number of bytes, got {value!r}")
    return value


def iso_time(moment: datetime, what: str) -> str:
    if moment.tzinfo is None:
        raise BackfillError(
            f"plan_backfill: {what} {moment.isoformat()} has no time zone:"
            " pass an aware datetime, e.g. datetime.now(timezone.utc)"
        )
    # Milliseconds, as S3 keeps LastModified: an object written a moment before
    # the plan is in it, one written after is not (whole seconds would drop the former).
    utc = moment.astimezone(timezone.utc)
    if utc.microsecond == 0:
        return utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def manifest_spec(
    location: S3Location, etag: str, form: ManifestFormat, partition: str, versions: bool
) -> JobManifestTypeDef:
    if form not in _FORMATS:
        raise BackfillError(f"manifest_format must be 'csv' or 'inventory', got {form!r}")
    manifest: JobManifestTypeDef = {
        "Spec": {"Format": "S3BatchOperations_CSV_20180820"},
        "Location": {"ObjectArn": object_arn(location, partition), "ETag": etag},
    }
    if form == "inventory":
        if not location.key.endswith("manifest.json"):
            raise BackfillError(
                f"manifest_uri {location} is not an S3 Inventory manifest.json: with"
                " manifest_format='inventory' name the report's manifest.json"
            )
        manifest["Spec"] = {"Format": "S3InventoryReport_CSV_20161130"}
    else:
        manifest["Spec"]["Fields"] = (
            ["Bucket", "Key", "VersionId"] if versions else ["Bucket", "Key"]
        )
    return manifest


def manifest_objects(location: S3Location, form: ManifestFormat) -> S3Location:
    if form == "csv":
        return location
    # An inventory report: PREFIX/SOURCE-BUCKET/CONFIG-ID/DATE/manifest.json, with its
    # data files in PREFIX/SOURCE-BUCKET/CONFIG-ID/data/: the job reads both.
    parts = location.key.split("/")
    return S3Location(location.bucket, "/".join(parts[:-2]) + "/" if len(parts) > 2 else "")


def storage_class_filter(values: Iterable[str]) -> list[S3StorageClassType]:
    chosen = list(values)
    for value in chosen:
        if value not in _STORAGE_CLASSES:
            raise BackfillError(
                f"plan_backfill: storage class {value!r} is not one a manifest generator"
                f" filters on ({', '.join(_STORAGE_CLASSES)})"
            )
    return cast("list[S3StorageClassType]", chosen)


def generator_spec(
    bucket: str,
    partition: str,
    output: S3Location,
    scope: KeyScope,
    created_before: str,
    created_after: str | None,
    larger_than: int | None,
    smaller_than: int | None,
    storage_classes: list[S3StorageClassType],
) -> S3JobManifestGeneratorTypeDef:
    found: JobManifestGeneratorFilterTypeDef = {"CreatedBefore": created_before}
    if created_after is not None:
        found["CreatedAfter"] = created_after
    constraint: KeyNameConstraintTypeDef = {}
    if scope.prefixes:
        constraint["MatchAnyPrefix"] = list(scope.prefixes)
    if scope.suffixes:
        constraint["MatchAnySuffix"] = list(scope.suffixes)
    if constraint:
        found["KeyNameConstraint"] = constraint
    if larger_than is not None:
        found["ObjectSizeGreaterThanBytes"] = larger_than
    if smaller_than is not None:
        found["ObjectSizeLessThanBytes"] = smaller_than
    if storage_classes:
        found["MatchAnyStorageClass"] = storage_classes
    generator: S3JobManifestGeneratorTypeDef = {
        "SourceBucket": bucket_arn(bucket, partition),
        "EnableManifestOutput": True,
        "ManifestOutputLocation": {
            "Bucket": bucket_arn(output.bucket, partition),
            "ManifestFormat": "S3InventoryReport_CSV_20211130",
        },
        "Filter": found,
    }
    if output.key:
        generator["ManifestOutputLocation"]["ManifestPrefix"] = output.key.rstrip("/")
    return generator


def checked_user_arguments(arguments: Mapping[str, str] | None) -> dict[str, str]:
    """The job's ``UserArguments``, refused past S3 Control's limits (10 entries, 64, 1,024).

    >>> checked_user_arguments({"label": "v2"})
    {'label': 'v2'}
    """
    found = dict(arguments or {})
    if len(found) > MAX_USER_ARGUMENTS:
        raise BackfillError(
            f"plan_backfill: {len(found)} user_arguments, and a job takes at most"
            f" {MAX_USER_ARGUMENTS}: pass one JSON value instead of many"
        )
    for key, value in found.items():
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_USER_ARGUMENT_KEY:
            raise BackfillError(
                f"plan_backfill: user_arguments key {key!r} must be 1 to"
                f" {MAX_USER_ARGUMENT_KEY} characters"
            )
        if not isinstance(value, str) or len(value) > MAX_USER_ARGUMENT_VALUE:
            raise BackfillError(
                f"plan_backfill: user_arguments[{key!r}] must be text of at most"
                f" {MAX_USER_ARGUMENT_VALUE} characters"
            )
    return found
