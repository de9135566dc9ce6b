"""Two functions on the same uploads: refused as notification rules, delivered through EventBridge.

S3 allows one notification rule per event type and key range, so a
thumbnail function for ``incoming/*.jpg`` and an audit function for all of
``incoming/`` cannot both be notification rules on one bucket. Through the
bucket's EventBridge delivery, each gets its own EventBridge rule:

    s3types trigger check examples/triggers_eventbridge.py:thumbnail --via eventbridge
    s3types trigger plan examples/triggers_eventbridge.py:thumbnail --via eventbridge \
        --target arn:aws:lambda:us-east-1:123456789012:function:thumbnail
    s3types trigger export examples/triggers_eventbridge.py:audit --via eventbridge \
        --format cloudformation --target arn:aws:sqs:us-east-1:123456789012:audit
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from s3types import S3EventRecord
from s3types.triggers import (
    TriggerError,
    TriggerPlan,
    apply_triggers,
    check_triggers,
    event_pattern,
    export_triggers,
)
from s3types_lambda import LambdaContext, s3_record_handler

if TYPE_CHECKING:
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_lambda import LambdaClient
    from mypy_boto3_s3 import S3Client


# --8<-- [start:handlers]
@s3_record_handler(
    bucket="photo-uploads", events=["s3:ObjectCreated:*"], prefix="incoming/", suffix=".jpg"
)
def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
    """Make a thumbnail of each uploaded JPEG."""
    print("thumbnail for", record.key)


@s3_record_handler(bucket="photo-uploads", events=["s3:ObjectCreated:*"], prefix="incoming/")
def audit(record: S3EventRecord, context: LambdaContext) -> None:
    """Record every upload."""
    print("audit", record.key)


# --8<-- [end:handlers]


def show() -> None:
    """Print S3's refusal, the thumbnail rule's pattern, and the audit rule for CloudFormation."""
    # --8<-- [start:show]
    triggers = [*thumbnail.s3_triggers, *audit.s3_triggers]
    try:
        check_triggers(triggers)  # as notification rules: S3 refuses the overlap
    except TriggerError as err:
        print("refused:", str(err).rpartition("; or ")[2])
    check_triggers(triggers, via="eventbridge")  # EventBridge rules may overlap
    print(json.dumps(event_pattern(thumbnail.s3_triggers[0]), indent=2))
    template = export_triggers(
        audit.s3_triggers,
        "cloudformation",
        target_arn="arn:aws:sqs:us-east-1:123456789012:audit",
        via="eventbridge",
    )
    print(sorted(resource["Type"] for resource in json.loads(template)["Resources"].values()))
    # --8<-- [end:show]


def apply_thumbnail(
    s3: S3Client, events: EventBridgeClient, lambda_client: LambdaClient
) -> TriggerPlan:
    """Deliver the thumbnail trigger through EventBridge to its Lambda function."""
    # --8<-- [start:apply]
    plan = apply_triggers(
        s3,
        thumbnail.s3_triggers,
        "arn:aws:lambda:us-east-1:123456789012:function:thumbnail",
        via="eventbridge",
        events_client=events,
        lambda_client=lambda_client,
    )
    print(plan)
    # --8<-- [end:apply]
    return plan


if __name__ == "__main__":
    show()
