"""The one catalog of S3 event types, and everything that reads it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from s3types import EventName, EventVersion, parse_event
from s3types._catalog import (
    ALL_EVENT_TYPES,
    EVENT_NAMES,
    EVENT_TYPES,
    EVENTBRIDGE_FORMS,
    WILDCARD_CATEGORIES,
    EventBridgeRoute,
    eventbridge_routes,
    family_event_version,
)
from s3types._eventbridge import detail_type_of, event_name_of
from s3types.testing import make_event, via_eventbridge

NEW_TYPES = (
    "MultipartUpload:PartUploaded",
    "MultipartUpload:PartCopied",
    "MultipartUpload:Aborted",
    "ObjectAnnotation:Put",
    "ObjectAnnotation:Delete",
    "ObjectRetention:Put",
)


def _member_name(value: str) -> str:
    return "_".join(re.sub(r"(?<!^)(?=[A-Z])", "_", part).upper() for part in value.split(":"))


def test_event_name_has_a_member_for_each_concrete_type_and_no_other() -> None:
    assert {member.value for member in EventName} == set(EVENT_NAMES)
    for member in EventName:
        assert member.name == _member_name(member.value)
        assert member.is_known


def test_configuration_types_are_the_names_and_the_wildcards() -> None:
    assert len(set(EVENT_TYPES)) == len(EVENT_TYPES) == len(EVENT_NAMES) + len(WILDCARD_CATEGORIES)
    assert list(EVENT_TYPES) == sorted(EVENT_TYPES)
    every_category = {name.partition(":")[0] for name in EVENT_NAMES}
    assert {t[3:].partition(":")[0] for t in ALL_EVENT_TYPES} == every_category
    assert set(ALL_EVENT_TYPES) <= set(EVENT_TYPES)


@pytest.mark.parametrize("name", NEW_TYPES)
def test_the_new_types_are_members_and_keep_every_field(name: str) -> None:
    event = make_event(name, bucket="acme-b", key="uploads/part 1.bin", size=5)
    wire = event["Records"][0]
    wire["s3"]["object"]["uploadId"] = "VXBsb2FkIElE"  # type: ignore[typeddict-unknown-key]
    wire["multipartUploadEventData"] = {"partNumber": 3}  # type: ignore[typeddict-unknown-key]
    record = parse_event(event).records[0]
    assert record.event_name is EventName(name)
    assert record.event_name.is_known
    dumped = parse_event(event).model_dump(mode="json", by_alias=True)["Records"][0]
    assert dumped["s3"]["object"]["uploadId"] == "VXBsb2FkIElE"
    assert dumped["multipartUploadEventData"] == {"partNumber": 3}


def test_family_versions_follow_the_user_guide() -> None:
    assert family_event_version("s3:ObjectCreated:Put") == "2.1"
    assert family_event_version("Replication:OperationNotTracked") == "2.2"
    for name in ("LifecycleTransition", "IntelligentTiering", "ObjectTagging:Put", "ObjectAcl:Put"):
        assert family_event_version(name) == "2.3"
    assert family_event_version("MultipartUpload:Aborted") is None
    assert family_event_version("Teleport:Now") is None


@pytest.mark.parametrize("name", sorted(EVENTBRIDGE_FORMS))
def test_eventbridge_forms_round_trip_through_the_generator_and_the_parser(name: str) -> None:
    member = EventName(name)
    detail_type, fields = detail_type_of(member)
    assert event_name_of(detail_type, fields) == name
    record = parse_event(via_eventbridge(make_event(name, bucket="b", key="k"))).records[0]
    assert record.event_name is member


def test_every_concrete_type_sent_to_eventbridge_has_one_exact_route() -> None:
    for name, (detail_type, reason, deletion) in EVENTBRIDGE_FORMS.items():
        [route] = eventbridge_routes("s3:" + name)
        assert route.detail_type == detail_type
        assert route.reasons in (None, (reason,))
        assert route.deletion_types in (None, (deletion,))


def test_wildcard_routes() -> None:
    assert eventbridge_routes("s3:ObjectRemoved:*") == (
        EventBridgeRoute("Object Deleted", ("DeleteObject",), None),
    )
    assert eventbridge_routes("s3:ObjectRestore:*") == (
        EventBridgeRoute("Object Restore Initiated", None, None),
        EventBridgeRoute("Object Restore Completed", None, None),
        EventBridgeRoute("Object Restore Expired", None, None),
    )
    assert eventbridge_routes("s3:ObjectCreated:Put") == (
        EventBridgeRoute("Object Created", ("PutObject",), None),
    )
    for silent in ("s3:Replication:*", "s3:ReducedRedundancyLostObject", "s3:MultipartUpload:*"):
        assert eventbridge_routes(silent) == ()


def test_eventbridge_event_version_is_taken_from_detail_event_version() -> None:
    event: dict[str, Any] = dict(
        via_eventbridge(make_event("ObjectCreated:Put", bucket="b", key="k"))
    )
    assert event["detail"]["event-version"] == "1.0"  # as AWS sends it today
    record = parse_event(event).records[0]
    assert record.event_version == EventVersion(1, 0)
    kept = record.model_dump(mode="json", by_alias=True)["eventBridge"]["detail"]
    assert kept["version"] == "0"
    assert kept["event-version"] == "1.0"
    # Older events have only the envelope's detail.version, read as before.
    del event["detail"]["event-version"]
    assert parse_event(event).records[0].event_version == EventVersion(0, 0)


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("s3:ObjectCreated:CompleteMultipartUpload", "ObjectCreated:CompleteMultipartUpload"),
        ("s3:ObjectCreated:Put", "ObjectCreated:Put"),
        ("ObjectCreated:Copy", "ObjectCreated:Copy"),
        ("s3:ObjectCreated:Teleport", "ObjectCreated"),
    ],
)
def test_localstacks_prefixed_reason_maps_to_the_action(reason: str, expected: str) -> None:
    event: dict[str, Any] = dict(
        via_eventbridge(make_event("ObjectCreated:Put", bucket="b", key="k"))
    )
    event["detail"] = {**event["detail"], "reason": reason}
    assert parse_event(event).records[0].event_name == expected
