"""One large object into another, in bounded memory: filter the rows of a gzipped CSV.

S3 invokes the function when an export lands under ``exports/`` (a
``.csv.gz`` of request logs of any size). The function streams it with
``open_object`` (ranged GETs of the version it first read), keeps the rows
of server errors (status 5xx), and streams them, gzipped again, to
``errors/<key>`` with ``create_object`` (a multipart upload whose parts are
sent as they fill). Memory holds a part (8 MiB) and a few buffers whatever
the export's size; nothing touches ``/tmp``. If anything fails half-way,
the upload is aborted: no partial ``errors/`` object, no orphaned parts.

S3 delivers at least once and in any order, so ``latest_only=True`` runs a
burst of uploads of one key once, for the last, and an event whose object
was overwritten since (its notification came late) is skipped.

Run it (needs ``pip install 's3types[server]'``):

    python -m examples.streaming_pipeline
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
from typing import IO, TYPE_CHECKING, Any

from s3types.ops import create_object, open_object
from s3types_lambda import s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mypy_boto3_s3 import S3Client

    from s3types import S3EventRecord
    from s3types.ops import ObjectHead
    from s3types_lambda import LambdaContext, SqsBatchResponseDict

    Handler = Callable[[Mapping[str, Any], LambdaContext], SqsBatchResponseDict | None]

logger = logging.getLogger("server_errors")

OUTPUT_PREFIX = "errors/"


def is_server_error(row: Mapping[str, str]) -> bool:
    """The rows to keep: requests answered with a 5xx status."""
    return row.get("status", "").startswith("5")


# --8<-- [start:filter]
def filter_rows(
    source: IO[bytes], target: IO[bytes], keep: Callable[[Mapping[str, str]], bool]
) -> tuple[int, int]:
    """Copy the rows of the gzipped CSV in ``source`` that ``keep`` accepts to ``target``, gzipped.

    One row at a time: memory does not depend on the file's size. Returns
    (rows read, rows kept).
    """
    read = kept = 0
    with (
        gzip.GzipFile(fileobj=source, mode="rb") as unzipped,
        io.TextIOWrapper(unzipped, encoding="utf-8", newline="") as text_in,
        gzip.GzipFile(fileobj=target, mode="wb", compresslevel=6) as zipped,
        io.TextIOWrapper(zipped, encoding="utf-8", newline="") as text_out,
    ):
        rows = csv.DictReader(text_in)
        writer = csv.DictWriter(text_out, fieldnames=rows.fieldnames or ())
        writer.writeheader()
        for row in rows:
            read += 1
            if keep(row):
                writer.writerow(row)
                kept += 1
    return read, kept


# --8<-- [end:filter]


def is_current(head: ObjectHead, record: S3EventRecord) -> bool:
    """True if the object a stream reads is the one the event is about, not a later one."""
    if record.version_id is not None and head.version_id != record.version_id:
        return False
    return not record.etag or head.etag == record.etag


# --8<-- [start:handler]
def make_handler(s3: S3Client) -> Handler:
    """The Lambda handler: each new export's server errors, written beside it under errors/."""

    @s3_record_handler(
        events=["s3:ObjectCreated:*"],
        prefix="exports/",
        suffix=".csv.gz",
        writes_to=[OUTPUT_PREFIX],
        latest_only=True,
    )
    def keep_server_errors(record: S3EventRecord, context: LambdaContext) -> None:
        # The key's current object: the stream pins what this GET returned
        # (version id or ETag), so checking it is checking what is read.
        with open_object(s3, record.bucket_name, record.key) as source:
            if not is_current(source.head, record):
                logger.info("skipped %s: overwritten since the event", record.key)
                return
            with create_object(
                s3,
                record.bucket_name,
                OUTPUT_PREFIX + record.key,
                content_type="text/csv",
                metadata={"source-etag": source.head.etag},
            ) as target:
                read, kept = filter_rows(source, target, is_server_error)
        logger.info("%s: kept %d of %d rows, %s", record.key, kept, read, target.result)

    return keep_server_errors


# --8<-- [end:handler]


def main() -> None:
    """Run the handler on a local S3 server, for an export and a late event for it."""
    import sys

    from s3types.testing import LocalLambdaContext, make_event
    from s3types.testing._server import LocalS3Server

    logging.basicConfig(level=logging.INFO, format="  %(name)s: %(message)s", stream=sys.stdout)
    with LocalS3Server() as server:
        s3 = server.s3_client()
        s3.create_bucket(Bucket="logs")
        export = io.BytesIO()
        with gzip.GzipFile(fileobj=export, mode="wb") as zipped:
            zipped.write(b"time,method,path,status\n")
            for second in range(10_000):
                status = "503" if second % 1000 == 0 else "200"
                zipped.write(f"{second},GET,/items/{second},{status}\n".encode())
        etags: list[str] = []
        for body in (b"stale", export.getvalue()):
            answer = s3.put_object(Bucket="logs", Key="exports/day.csv.gz", Body=body)
            etags.append(answer["ETag"].strip('"'))
        handler = make_handler(s3)
        context = LocalLambdaContext(function_name="server-errors")
        for etag in etags:  # the late event for the first upload, then the current one
            event = make_event(bucket="logs", key="exports/day.csv.gz", etag=etag)
            handler(event, context)
        output = s3.get_object(Bucket="logs", Key="errors/exports/day.csv.gz")["Body"].read()
        print(gzip.decompress(output).decode(), end="")


if __name__ == "__main__":
    main()
