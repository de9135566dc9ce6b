"""Apply a trigger to a bucket on a local moto server: the plan, then "no changes".

Run it: ``python examples/triggers_apply.py`` (needs the ``server`` extra).
"""

from __future__ import annotations

from s3types.testing import LocalS3Server
from s3types.triggers import Trigger, apply_triggers


def main() -> None:
    """Make a bucket and a queue, apply one trigger twice, print both plans."""
    with LocalS3Server() as server:
        s3 = server.s3_client()
        sqs = server.sqs_client()
        s3.create_bucket(Bucket="photo-uploads")
        queue_url = sqs.create_queue(QueueName="uploads")["QueueUrl"]
        attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
        queue_arn = attributes["Attributes"]["QueueArn"]
        # --8<-- [start:apply]
        trigger = Trigger("photo-uploads", prefix="incoming/", suffix=".jpg", id="thumbnails")
        plan = apply_triggers(s3, [trigger], queue_arn)
        print(plan)
        again = apply_triggers(s3, [trigger], queue_arn)
        print(again.changed)  # False: nothing written the second time
        # --8<-- [end:apply]


if __name__ == "__main__":
    main()
