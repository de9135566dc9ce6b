"""``s3_record_handler`` on SQS batches with bodies it cannot parse: those fail alone.

SQS writes the envelope (messageId, eventSource, ...); the body is whatever
was sent to the queue. So only bodies are mutated: any body that is not a
readable S3 notification must come back in ``batchItemFailures``, and every
other message must still be handled.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s3types import S3EventError, S3EventRecord
from s3types.testing import LocalLambdaContext, make_event, test_event, via_sqs
from s3types.testing.strategies import s3_events
from s3types_lambda import s3_record_handler


def _broken_notification(event: dict[str, Any], damage: str) -> object:
    record = event["Records"][0]
    if damage == "no eventName":
        del record["eventName"]
    elif damage == "size is a word":
        record["s3"]["object"]["size"] = "large"
    elif damage == "key is a list":
        record["s3"]["object"]["key"] = [record["s3"]["object"]["key"]]
    elif damage == "s3 is a list":
        record["s3"] = [record["s3"]]
    elif damage == "Records is null":
        event["Records"] = None
    return event


BAD_BODIES = st.one_of(
    st.sampled_from(
        [
            "",
            "not json",
            '{"Records": [',
            "[]",
            "null",
            "42",
            '"\\ud800"',
            "{" * 10_000,
            '{"a": ' * 300 + "1" + "}" * 300,
            json.dumps({"httpMethod": "GET", "requestContext": {}}),
            json.dumps({"Records": [{"eventSource": "aws:dynamodb"}]}),
            json.dumps({"Type": "Notification", "Message": "not json"}),
            json.dumps({"source": "aws.s3", "detail-type": "Object Created", "detail": []}),
        ]
    ),
    st.text(max_size=30).filter(lambda text: text.strip()[:1] not in ("{", "[")),
    st.builds(
        lambda event, damage: json.dumps(_broken_notification(event, damage)),
        s3_events(max_records=1),
        st.sampled_from(
            ["no eventName", "size is a word", "key is a list", "s3 is a list", "Records is null"]
        ),
    ),
)

# One message of a batch: ("good", key), ("test", None) or ("bad", body).
MESSAGES = st.one_of(
    st.tuples(st.just("good"), st.text(min_size=1, max_size=20)),
    st.tuples(st.just("test"), st.none()),
    st.tuples(st.just("bad"), BAD_BODIES),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messages=st.lists(MESSAGES, min_size=1, max_size=8))
def test_unreadable_bodies_fail_alone(messages: list[tuple[str, Any]]) -> None:
    events: list[Any] = []
    for kind, value in messages:
        if kind == "good":
            events.append(make_event(bucket="photos", key=value))
        else:
            events.append(test_event("photos"))
    batch = via_sqs(*events)
    for message, (kind, value) in zip(batch["Records"], messages, strict=True):
        if kind == "bad":
            message["body"] = value
    handled: list[str] = []

    @s3_record_handler()
    def handler(record: S3EventRecord, context: LocalLambdaContext) -> None:
        handled.append(record.key)

    bad_ids = [
        message["messageId"]
        for message, (kind, _) in zip(batch["Records"], messages, strict=True)
        if kind == "bad"
    ]
    good_keys = [value for kind, value in messages if kind == "good"]
    if len(bad_ids) == len(messages):
        # Nothing could be read: the first error is raised so Lambda retries the batch.
        with pytest.raises(S3EventError):
            handler(batch, LocalLambdaContext(function_name="robustness"))
        return
    response = handler(batch, LocalLambdaContext(function_name="robustness"))
    assert response is not None  # an SQS batch
    assert [failure["itemIdentifier"] for failure in response["batchItemFailures"]] == bad_ids
    assert handled == good_keys
