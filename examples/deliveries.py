"""Every delivery gives the same records, each with where it came from."""

from __future__ import annotations

from s3types import S3Event, parse_event
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs

# --8<-- [start:parse]
notification = make_event(bucket="photos", key="red flower.jpg", size=7)
for delivery in (
    notification,
    via_sqs(notification),
    via_sns(notification),
    via_sqs(notification, through_sns=True),
    via_eventbridge(notification),
):
    (record,) = parse_event(delivery).records
    assert (record.bucket_name, record.key) == ("photos", "red flower.jpg")
    print(record.origin.service, record.origin.message_id)
# --8<-- [end:parse]

# --8<-- [start:test-event]
event = parse_event(via_sqs(test_event("photos")))
assert event.is_test_event and event.records == ()
# A dump validates back to a test event (Powertools' Parser relies on it).
assert S3Event.model_validate(event.model_dump(by_alias=True)).is_test_event
# --8<-- [end:test-event]

# --8<-- [start:envelope]
batch = via_sqs(notification)
(record,) = parse_event(batch).records
assert record.origin.envelope is batch["Records"][0]  # the SQS message as it came
# --8<-- [end:envelope]
