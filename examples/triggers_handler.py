"""A thumbnail function that declares its trigger in code, and what s3types does with it.

The decorator's arguments are the trigger: the runtime filter, and what
``s3types trigger apply|export`` writes to the bucket or to IaC.

    s3types trigger check examples/triggers_handler.py:thumbnail
    s3types trigger export examples/triggers_handler.py:thumbnail --format sam
    s3types trigger apply examples/triggers_handler.py:thumbnail \
        --target arn:aws:lambda:us-east-1:123456789012:function:thumbnail --yes
"""

from __future__ import annotations

from s3types import S3EventRecord
from s3types.triggers import Trigger, TriggerError, check_triggers, export_triggers
from s3types_lambda import LambdaContext, s3_record_handler


# --8<-- [start:handler]
@s3_record_handler(
    bucket="photo-uploads",
    events=["s3:ObjectCreated:*"],
    prefix="incoming/",
    suffix=".jpg",
    writes_to=["thumbnails/"],  # outside the trigger: no loop
)
def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
    """Make a thumbnail of each uploaded JPEG (S3 only sends those; the filter agrees)."""
    print("thumbnail for", record.key)


# --8<-- [end:handler]


def show() -> None:
    """Print the declared trigger, an overlap S3 would reject, and the Terraform export."""
    # --8<-- [start:triggers]
    (trigger,) = thumbnail.s3_triggers
    print(trigger)
    archive = Trigger("photo-uploads", ["s3:ObjectCreated:Put"], prefix="incoming/2024/")
    try:
        check_triggers([trigger, archive])
    except TriggerError as err:
        print("refused:", str(err)[:60], "...")
    print(
        export_triggers(
            [trigger],
            "terraform",
            target_arn="arn:aws:lambda:us-east-1:123456789012:function:thumbnail",
        )
    )
    # --8<-- [end:triggers]


if __name__ == "__main__":
    show()
