"""Count the words of uploaded text files, correctly although S3 repeats and reorders.

S3 notifies an SQS queue of each upload under ``notes/``; Lambda hands the
queue's batches to the handler, which writes ``counts/<key>.json``. S3
delivers each notification at least once and in no set order, so three
guards stand in front of the work, one per thing that can go wrong:

- ``latest_only=True``: a burst of uploads of one key in one batch runs
  once, for the last upload (by the sequencer, not by arrival);
- ``get_current_object``: an upload whose object changed since its event
  (its notification came late, in another batch) is skipped, by one
  conditional GET;
- ``idempotent_record``: a notification delivered twice, in two batches,
  runs once (Powertools' idempotency, in DynamoDB).

Run it (needs ``pip install 's3types[server,powertools]'``):

    python -m examples.at_least_once
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from s3types import S3EventRecord, dedupe, latest_per_key, records
from s3types.ops import get_current_object, put_object
from s3types_lambda import s3_record_handler
from s3types_powertools import idempotent_record

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from aws_lambda_powertools.utilities.idempotency import BasePersistenceLayer
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client

    from s3types import S3EventDict
    from s3types_lambda import LambdaContext, SqsBatchResponseDict

    Handler = Callable[[Mapping[str, Any], LambdaContext], SqsBatchResponseDict | None]

logger = logging.getLogger("word_counts")


# --8<-- [start:handler]
def make_handler(s3: S3Client, persistence: BasePersistenceLayer) -> Handler:
    """The Lambda handler: word counts of the uploads that are still current, each once."""

    @s3_record_handler(events=["s3:ObjectCreated:*"], prefix="notes/", latest_only=True)
    @idempotent_record(persistence_store=persistence)
    def count_words(record: S3EventRecord, context: LambdaContext) -> None:
        note = get_current_object(s3, record)
        if note is None:  # overwritten or deleted since: a later event tells of that
            logger.info("skipped %s (sequencer %s): changed since", record.key, record.sequencer)
            return
        words = len(note.body.decode("utf-8", errors="replace").split())
        counts = {"key": record.key, "etag": note.etag, "words": words}
        put_object(s3, record.bucket_name, f"counts/{record.key}.json", json.dumps(counts))
        logger.info("counted %s (sequencer %s): %d words", record.key, record.sequencer, words)

    return count_words


# --8<-- [end:handler]


# --8<-- [start:poller]
def uploads_to_handle(received: Mapping[str, Any]) -> list[S3EventRecord]:
    """For a worker polling the queue itself: the records of ``sqs.receive_message()`` to run.

    ``dedupe`` alone keeps every distinct notification (for work that must
    see each event); ``latest_per_key`` keeps, per object, only the last.
    """
    distinct = dedupe(records(received))
    return latest_per_key(r for r in distinct if r.event_name.matches("s3:ObjectCreated:*"))


# --8<-- [end:poller]


def main() -> None:
    """Deliver a burst of uploads the way S3 and SQS may: repeated, reordered, late."""
    import sys

    import boto3
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    from s3types.testing import LocalLambdaContext, make_event, via_sqs
    from s3types.testing._server import LocalS3Server

    logging.basicConfig(level=logging.INFO, format="  %(name)s: %(message)s", stream=sys.stdout)
    logging.getLogger("s3types_lambda").setLevel(logging.DEBUG)  # what latest_only skipped
    with LocalS3Server() as server:
        s3 = server.s3_client()
        s3.create_bucket(Bucket="notes")
        # The one local server speaks DynamoDB too: Powertools keeps its records there.
        dynamodb: DynamoDBClient = boto3.client(  # pyright: ignore[reportUnknownMemberType]
            "dynamodb",
            endpoint_url=server.endpoint_url,
            region_name=server.region,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        dynamodb.create_table(
            TableName="idempotency",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        handler = make_handler(
            s3, DynamoDBPersistenceLayer(table_name="idempotency", boto3_client=dynamodb)
        )
        context = LocalLambdaContext(function_name="word-counts")

        uploads: list[S3EventDict] = []
        for sequencer, text in (
            ("0055AED6DC01", "a first draft"),
            ("0055AED6DC02", "the final text, four"),
        ):
            etag = s3.put_object(Bucket="notes", Key="notes/plan.txt", Body=text.encode())["ETag"]
            uploads.append(
                make_event(
                    bucket="notes",
                    key="notes/plan.txt",
                    size=len(text),
                    etag=etag.strip('"'),
                    sequencer=sequencer,
                )
            )
        first, final = uploads

        batches = {
            "batch 1: both uploads, the last one first and twice": via_sqs(final, first, final),
            "batch 2: the last upload, delivered again": via_sqs(final),
            "batch 3: the first upload, late and alone": via_sqs(first),
        }
        for title, batch in batches.items():
            print(title)
            print("  response:", json.dumps(handler(batch, context)))

        counts = json.loads(
            s3.get_object(Bucket="notes", Key="counts/notes/plan.txt.json")["Body"].read()
        )
        print("counts/notes/plan.txt.json:", json.dumps(counts))


if __name__ == "__main__":
    main()
