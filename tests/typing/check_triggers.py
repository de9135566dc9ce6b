"""Typing checks of s3types.triggers and the loop guard's keyword (mypy and pyright only)."""

from __future__ import annotations

from mypy_boto3_s3 import S3Client
from mypy_boto3_s3.type_defs import NotificationConfigurationTypeDef
from typing_extensions import assert_type

from s3types.ops import copy_object, put_object
from s3types.triggers import (
    Trigger,
    TriggerPlan,
    apply_triggers,
    check_triggers,
    export_triggers,
    notification_configuration,
    owner_of,
)


def triggers(client: S3Client) -> None:
    trigger = Trigger("photos", ["s3:ObjectCreated:*"], prefix="in/", suffix=".jpg", id="jpg")
    assert_type(trigger.bucket, str | None)
    assert_type(trigger.events, tuple[str, ...])
    assert_type(trigger.prefix, str | None)
    assert_type(trigger.rule_id, str)
    assert_type(trigger.fires_on("photos", "in/a.jpg", "ObjectCreated:Put"), bool)
    assert_type(check_triggers([trigger]), None)
    document = notification_configuration([trigger], "arn:aws:sqs:us-east-1:1:q")
    assert_type(document, NotificationConfigurationTypeDef)
    assert_type(export_triggers([trigger], "terraform", target_arn="arn"), str)
    plan = apply_triggers(client, [trigger], "arn:aws:sqs:us-east-1:1:q", dry_run=True)
    assert_type(plan, TriggerPlan)
    assert_type(plan.changed, bool)
    assert_type(plan.added, tuple[Trigger, ...])
    assert_type(plan.attempts, int)
    owned = Trigger("photos", owner=owner_of(triggers))
    assert_type(owned.owner, str | None)
    apply_triggers(client, [owned], "arn:aws:sqs:us-east-1:1:q", owner="app:f")
    export_triggers([trigger], "sam", functions={"app.f": [trigger]}, existing_buckets=["photos"])
    put_object(client, "photos", "in/a.jpg", b"x", allow_retrigger=True)
    copy_object(client, "photos", "a", "photos", target_key="in/b", allow_retrigger=True)

    Trigger("photos", prefix=3)  # type: ignore[arg-type]
    Trigger("photos", id=1)  # type: ignore[arg-type]
    Trigger("photos", owner=owner_of)  # type: ignore[arg-type]
    Trigger("photos", ["s3:ObjectCreated:*"], "in/")  # type: ignore[call-arg]
    export_triggers([trigger], "yaml")  # type: ignore[arg-type]
    put_object(client, "photos", "k", b"x", allow_retrigger="yes")  # type: ignore[arg-type]
