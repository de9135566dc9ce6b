"""Regression tests for the registry walk's own shortcuts (s3types/_deliveries/_walk.py)."""

from __future__ import annotations

from s3types import S3Event, parse_event
from s3types._deliveries import construct_event
from s3types.testing import make_event, via_sqs


def test_construct_event_sets_what_model_construct_sets() -> None:
    records = S3Event.model_validate(make_event(bucket="b", key="k")).records
    fast, slow = construct_event(records), S3Event.model_construct(records=records)
    # The shortcut is only right while S3Event keeps one field and no post-init.
    assert list(S3Event.model_fields) == ["records"]
    assert not S3Event.__pydantic_post_init__
    assert fast.__dict__ == slow.__dict__
    assert fast.__pydantic_fields_set__ == slow.__pydantic_fields_set__
    assert fast.__pydantic_extra__ == slow.__pydantic_extra__
    assert fast.__pydantic_private__ == slow.__pydantic_private__
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()


def test_an_event_built_from_an_sqs_batch_dumps_and_validates_back() -> None:
    event = parse_event(via_sqs(make_event(bucket="b", key="a+b.txt")))
    again = S3Event.model_validate(event.model_dump(by_alias=True, mode="json"))
    assert [r.key for r in again.records] == ["a+b.txt"]
    assert event.model_fields_set == {"records"}
    assert not event.is_test_event
