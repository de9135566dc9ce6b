"""CSV manifests: the objects a job runs over, written to S3 in Batch Operations' format.

A manifest row is ``bucket,key`` or ``bucket,key,version_id`` with the
key URL-encoded ("Specifying a manifest" in the S3 User Guide): written
here with ``quote_plus(key, safe="/")``, the encoding S3 uses in
notifications and that :func:`s3types.batch.parse_batch_job` decodes,
so any key (spaces, commas, quotes, newlines, non-ASCII) survives the
CSV. A retry writes the failed tasks of a report, temporary failures first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol
from urllib.parse import quote_plus

from s3types.backfill._arns import BackfillError, is_directory_bucket, parse_s3_uri
from s3types.batch import BatchResultCode

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = [
    "FailedTask",
    "ManifestObject",
    "WrittenManifest",
    "encode_manifest",
    "retry_objects",
    "write_manifest",
]


class ManifestObject(NamedTuple):
    """One object of a manifest: bucket, decoded key, version id (None: the current one)."""

    bucket: str
    key: str
    version_id: str | None = None


class WrittenManifest(NamedTuple):
    """A manifest written to S3: where, its ETag (CreateJob wants it), its rows, and versions."""

    uri: str
    etag: str
    objects: int
    with_versions: bool


class FailedTask(Protocol):
    """What a retry reads of a report's task (``s3types.backfill.TaskOutcome`` has it)."""

    @property
    def bucket_name(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def version_id(self) -> str | None: ...
    @property
    def result_code(self) -> BatchResultCode: ...


def encode_manifest(objects: Iterable[ManifestObject]) -> tuple[str, int, bool]:
    """The CSV text of a manifest, its row count and whether it has the version column.

    Every row gets a version column when any object has a version id
    (a manifest's rows all have the same fields); empty for the others.

    >>> text, rows, versions = encode_manifest([ManifestObject("photos", "red flower+1.jpg")])
    >>> text
    'photos,red+flower%2B1.jpg\\r\\n'
    """
    rows = list(objects)
    with_versions = any(obj.version_id is not None for obj in rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for obj in rows:
        encoded = quote_plus(obj.key, safe="/")
        writer.writerow(
            (obj.bucket, encoded, obj.version_id or "") if with_versions else (obj.bucket, encoded)
        )
    return buffer.getvalue(), len(rows), with_versions


def write_manifest(
    s3_client: S3Client, manifest_uri: str, objects: Iterable[ManifestObject]
) -> WrittenManifest:
    """Write a CSV manifest of ``objects`` to ``manifest_uri`` (a general purpose bucket).

    Returns where, the ETag (``plan_backfill(manifest_etag=...)``), the
    row count and whether rows carry version ids
    (``plan_backfill(manifest_with_versions=...)``).
    """
    location = parse_s3_uri(manifest_uri, "manifest_uri")
    if is_directory_bucket(location.bucket):
        raise BackfillError(
            f"manifest_uri {location} is in a directory bucket: S3 Batch Operations reads"
            " manifests from general purpose buckets only; name one"
        )
    if not location.key or location.key.endswith("/"):
        raise BackfillError(f"manifest_uri {location} names no object: end it with a file name")
    text, count, with_versions = encode_manifest(objects)
    if count == 0:
        raise BackfillError(f"no objects to write to the manifest {location}: nothing to run")
    response = s3_client.put_object(
        Bucket=location.bucket, Key=location.key, Body=text.encode("utf-8"), ContentType="text/csv"
    )
    return WrittenManifest(str(location), response["ETag"], count, with_versions)


def retry_objects(
    outcomes: Iterable[FailedTask], *, temporary_only: bool = False
) -> Sequence[ManifestObject]:
    """The failed tasks' objects, temporary failures first (in report order within each kind).

    A temporary failure (throttling, a timeout) is likely to pass on a
    second try; a permanent one is retried only when ``temporary_only``
    is False, after them. Each object appears once.
    """
    temporary: list[ManifestObject] = []
    permanent: list[ManifestObject] = []
    seen: set[ManifestObject] = set()
    for outcome in outcomes:
        if outcome.result_code == BatchResultCode.SUCCEEDED:
            continue
        obj = ManifestObject(outcome.bucket_name, outcome.key, outcome.version_id)
        if obj in seen:
            continue
        seen.add(obj)
        if outcome.result_code == BatchResultCode.TEMPORARY_FAILURE:
            temporary.append(obj)
        elif not temporary_only:
            permanent.append(obj)
    return [*temporary, *permanent]
