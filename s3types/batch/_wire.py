"""Reading the fields of a Batch Operations job's wire, each failure naming its path."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NoReturn, cast

from s3types._errors import S3EventError
from s3types._invocation_input import short

__all__ = ["EMPTY", "MISSING", "bucket_from_arn", "fail", "optional_text", "text", "user_arguments"]

EMPTY: Mapping[str, str] = MappingProxyType({})
MISSING: Any = object()


def fail(path: str, message: str) -> NoReturn:
    """Raise the S3EventError for the field at ``path``."""
    raise S3EventError(f"not a valid S3 Batch Operations job: {path}: {message}", path=path)


def text(wire: Mapping[str, Any], name: str, path: str) -> str:
    value = wire.get(name, MISSING)
    if type(value) is str:
        return value
    where = f"{path}.{name}" if path else name
    if value is MISSING:
        fail(where, "required field is missing")
    fail(where, f"expected a string, got {type(value).__name__} {short(value)}")


def optional_text(wire: Mapping[str, Any], name: str, path: str) -> str | None:
    value = wire.get(name)
    if value is None or type(value) is str:
        return value
    fail(f"{path}.{name}", f"expected a string or null, got {type(value).__name__} {short(value)}")


def bucket_from_arn(arn: str, path: str) -> str:
    """The bucket name in a bucket ARN; the error names ``path.s3BucketArn``.

    ``arn:PARTITION:s3:REGION:ACCOUNT:BUCKET``: region and account are
    empty for general purpose buckets (``arn:aws:s3:::photos``). A
    directory bucket's is ``arn:PARTITION:s3express:REGION:ACCOUNT:bucket/BUCKET``.
    An object ARN (``arn:aws:s3:::photos/key``) names no bucket alone.
    """
    parts = arn.split(":", 5)
    resource = parts[5] if len(parts) == 6 else ""
    if len(parts) == 6 and parts[0] == "arn" and parts[2] == "s3express":
        resource = resource.removeprefix("bucket/") if resource.startswith("bucket/") else ""
    if (
        len(parts) != 6
        or parts[0] != "arn"
        or parts[2] not in ("s3", "s3express")
        or not resource
        or "/" in resource
    ):
        shown = repr(arn) if len(arn) <= 200 else short(arn)  # an ARN is read whole
        fail(
            f"{path}.s3BucketArn",
            f"{shown} is not an S3 bucket ARN: expected arn:aws:s3:::BUCKET (or"
            " arn:PARTITION:s3:REGION:ACCOUNT:BUCKET, or for a directory bucket"
            " arn:PARTITION:s3express:REGION:ACCOUNT:bucket/BUCKET), with no key after the bucket",
        )
    return resource


def user_arguments(job: Mapping[str, Any]) -> Mapping[str, str]:
    wire: object = job.get("userArguments")
    if wire is None:
        return EMPTY
    if type(wire) is not dict and not isinstance(wire, Mapping):
        fail("job.userArguments", f"expected an object of strings, got {short(wire)}")
    if not wire:
        return EMPTY
    arguments = cast("Mapping[object, object]", wire)
    for name, value in arguments.items():
        if type(name) is not str or type(value) is not str:
            fail(
                f"job.userArguments.{name}",
                f"user arguments map strings to strings, got {short(value)}",
            )
    return MappingProxyType(cast("dict[str, str]", arguments))
