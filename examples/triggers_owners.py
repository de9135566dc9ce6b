"""Two functions send one bucket's events to one queue: each apply keeps the other's rule.

Run it: ``python examples/triggers_owners.py`` (needs the ``server`` extra).
"""

from __future__ import annotations

from s3types.testing import LocalS3Server
from s3types.triggers import Trigger, apply_triggers


def main() -> None:
    """Apply the images function's trigger, then the videos function's: print the second plan."""
    with LocalS3Server() as server:
        s3 = server.s3_client()
        sqs = server.sqs_client()
        s3.create_bucket(Bucket="media")
        queue_url = sqs.create_queue(QueueName="media-events")["QueueUrl"]
        attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
        queue_arn = attributes["Attributes"]["QueueArn"]
        # --8<-- [start:owners]
        images = Trigger("media", prefix="images/")
        apply_triggers(s3, [images], queue_arn, owner="media_app:on_image")
        videos = Trigger("media", prefix="videos/")
        plan = apply_triggers(s3, [videos], queue_arn, owner="media_app:on_video")
        print(plan)  # + added the videos rule, = kept the images rule: another owner's
        # --8<-- [end:owners]


if __name__ == "__main__":
    main()
