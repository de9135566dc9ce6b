"""``s3types event batch|object-lambda``: sample invocations that are not notifications.

``batch`` prints an S3 Batch Operations job, from ``--bucket``/``--key`` or
from a manifest CSV (``--manifest-csv``), so a backfill can be tried with
``s3types invoke``; ``object-lambda`` prints an S3 Object Lambda request.
``event.py`` hooks these in; ``invoke.py`` asks :func:`invocation_kind`
which parser checks an event it was given.
"""

from __future__ import annotations

import argparse
import base64
import csv
import json
import random
import secrets
import sys
import uuid
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from s3types._values import decode_key, version_id_or_none
from s3types.testing._invocations import make_batch_job, make_object_lambda_event

__all__ = [
    "JOB_KINDS",
    "MAX_MANIFEST_ROWS",
    "JobKind",
    "ManifestError",
    "add_arguments",
    "check_invocation",
    "invocation_kind",
    "one_task_job",
    "read_manifest",
    "run",
]

#: A local job is one invocation; S3 itself sends one task per invocation.
MAX_MANIFEST_ROWS = 10_000


class JobKind(str, Enum):
    """The invocations ``s3types event`` makes besides notifications."""

    BATCH = "batch"
    OBJECT_LAMBDA = "object-lambda"


JOB_KINDS = {kind.value: kind for kind in JobKind}


class ManifestError(ValueError):
    """A manifest CSV that cannot be read: says which line and why."""


def read_manifest(path: Path) -> list[tuple[str, str, str | None]]:
    """``(bucket, decoded key, version id)`` per row of a Batch Operations manifest CSV.

    Rows are ``bucket,key`` or ``bucket,key,version_id`` with the key
    URL-encoded, as S3 Inventory reports and Batch Operations manifests
    write them; a blank version id means none.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ManifestError(f"cannot read the manifest {path}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise ManifestError(f"the manifest {path} is not UTF-8 text: {err}") from None
    objects: list[tuple[str, str, str | None]] = []
    for line, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) not in (2, 3) or not row[0] or not row[1]:
            raise ManifestError(
                f"{path}:{line}: expected bucket,key or bucket,key,version_id"
                f" (key URL-encoded), got {len(row)} field(s): {','.join(row)[:80]!r}"
            )
        if len(objects) == MAX_MANIFEST_ROWS:
            raise ManifestError(
                f"{path} lists more than {MAX_MANIFEST_ROWS} objects: a local job is one"
                " invocation; try a slice of the manifest"
            )
        try:
            key = decode_key(row[1])
        except ValueError as err:
            raise ManifestError(f"{path}:{line}: {err}") from None
        version = version_id_or_none(row[2].strip()) if len(row) == 3 else None
        objects.append((row[0].strip(), key, version))
    if not objects:
        raise ManifestError(f"the manifest {path} lists no objects")
    return objects


def _user_argument(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name:
        raise argparse.ArgumentTypeError(f"{text!r}: write a user argument as KEY=VALUE")
    return name, value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``s3types event batch`` and ``s3types event object-lambda``."""
    jobs = parser.add_argument_group("batch (S3 Batch Operations job)")
    jobs.add_argument(
        "--manifest-csv",
        metavar="FILE",
        type=Path,
        help="one task per row of this manifest (bucket,key[,version_id], key URL-encoded)",
    )
    jobs.add_argument("--schema-version", choices=("1.0", "2.0"), default="2.0", help="default 2.0")
    jobs.add_argument(
        "--user-argument",
        metavar="KEY=VALUE",
        type=_user_argument,
        action="append",
        default=[],
        help="a job userArgument (schema 2.0), repeatable",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help=(
            "batch, object-lambda: derive the job, invocation and request ids from N, so the"
            " output is the same on every run (default: fresh random ids, as S3 sends)"
        ),
    )
    lambdas = parser.add_argument_group("object-lambda (S3 Object Lambda request)")
    lambdas.add_argument(
        "--operation",
        choices=("GetObject", "HeadObject", "ListObjects", "ListObjectsV2"),
        default="GetObject",
        help="the request the function answers (default GetObject)",
    )
    lambdas.add_argument("--input-url", help="inputS3Url: where the original object is read from")
    lambdas.add_argument("--payload", default="{}", help="the access point's payload string")
    lambdas.add_argument("--range", help="the caller's Range header, e.g. bytes=0-99")


def run(args: argparse.Namespace) -> int:
    """Print the batch job or Object Lambda request; returns the exit code."""
    if args.name is JobKind.BATCH:
        arguments = dict(args.user_argument)
        if arguments and args.schema_version == "1.0":
            print("error: --user-argument needs --schema-version 2.0", file=sys.stderr)
            return 2
        try:
            objects = (
                read_manifest(args.manifest_csv)
                if args.manifest_csv is not None
                else [(args.bucket, args.key, args.version_id)]
            )
        except ManifestError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        ids = _Ids(args.seed)
        event = make_batch_job(
            objects=objects,
            schema_version=args.schema_version,
            user_arguments=arguments,
            job_id=ids.uuid(),
            invocation_id=ids.opaque(),
        )
    else:
        headers = {"Range": args.range} if args.range else {}
        key_path = args.key.lstrip("/")
        ids = _Ids(args.seed)
        event = make_object_lambda_event(
            args.operation,
            request_id=ids.uuid(),
            output_token=ids.opaque(),
            input_s3_url=args.input_url
            or f"https://{args.bucket}-ap.s3-accesspoint.{args.region}.amazonaws.com/{key_path}",
            payload=args.payload,
            user_request_url=(
                f"https://example-olap.s3-object-lambda.{args.region}.amazonaws.com/{key_path}"
            ),
            user_request_headers=headers,
            region=args.region,
        )
    print(json.dumps(event, indent=2, ensure_ascii=False))
    return 0


class _Ids:
    """Ids for a made invocation: fresh per run, or derived from a seed (reproducible)."""

    def __init__(self, seed: int | None) -> None:
        self._random = random.Random(seed) if seed is not None else None

    def _bits(self, count: int) -> int:
        if self._random is None:
            return secrets.randbits(count)
        return self._random.getrandbits(count)

    def uuid(self) -> str:
        """A random (version 4) UUID, as S3 uses for job and request ids."""
        return str(uuid.UUID(int=self._bits(128), version=4))

    def opaque(self) -> str:
        """An opaque base64 token, as S3's invocation ids and output tokens are."""
        raw = self._bits(288).to_bytes(36, "big")
        return base64.b64encode(raw).decode("ascii").rstrip("=")


def one_task_job(bucket: str, key: str, *, seed: int | None = None) -> dict[str, Any]:
    """A schema 2.0 job with one task on ``s3://bucket/key`` (``s3types invoke --name batch``).

    Its ids are fresh on every call, unless ``seed`` fixes them.
    """
    ids = _Ids(seed)
    return make_batch_job(
        objects=[(bucket, key, None)], job_id=ids.uuid(), invocation_id=ids.opaque()
    )


def invocation_kind(event: object) -> JobKind | None:
    """Which non-notification invocation ``event`` is, told by its fields; None otherwise."""
    if not isinstance(event, Mapping):
        return None
    if "invocationSchemaVersion" in event and "tasks" in event:
        return JobKind.BATCH
    contexts = ("getObjectContext", "headObjectContext", "listObjectsContext")
    if any(name in event for name in (*contexts, "listObjectsV2Context")):
        return JobKind.OBJECT_LAMBDA
    return None


def check_invocation(event: Mapping[str, Any], kind: JobKind) -> None:
    """Validate ``event`` with the parser of its kind; raises :class:`s3types.S3EventError`."""
    if kind is JobKind.BATCH:
        from s3types.batch import parse_batch_job

        parse_batch_job(event)
    else:
        from s3types.object_lambda import parse_object_lambda_event

        parse_object_lambda_event(event)
