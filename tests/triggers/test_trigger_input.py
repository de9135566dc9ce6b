"""Names no bucket can have and filters XML cannot carry are refused by Trigger, not by S3."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from s3types.triggers import Trigger, TriggerError, apply_triggers

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

QUEUE = "arn:aws:sqs:us-east-1:123456789012:uploads"


@pytest.mark.parametrize(
    ("bucket", "message"),
    [
        ("my bucket", "it contains ' '"),
        ("bücket", "it contains 'ü'"),
        ("photos\n", "it contains '\\n'"),
        ("x" * 256, "it is 256 characters long"),
        ("arn:aws:s3:::photos", "is an ARN: a trigger names its bucket by name; write 'photos'"),
        ("arn:aws:s3:::photos/in/", "write 'photos'"),
        ("arn:aws:s3:us-east-1:123456789012:accesspoint/ap", "no ARN"),
        (
            "media--usw2-az1--x-s3",
            "directory bucket (S3 Express One Zone), and directory buckets send no event"
            " notifications; to run a function over its objects use S3 Batch Operations"
            " (`s3types backfill`)",
        ),
    ],
)
def test_a_name_no_bucket_can_have_is_refused(bucket: str, message: str) -> None:
    with pytest.raises(TriggerError) as caught:
        Trigger(bucket)
    assert message in str(caught.value)


@pytest.mark.parametrize("bucket", ["photos", "Legacy_Bucket", "ab", "a.b-c_D"])
def test_names_existing_buckets_can_have_are_accepted(bucket: str) -> None:
    assert Trigger(bucket).bucket == bucket


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("in/\x00", "U+0000 at position 3"),
        ("\x1fx", "U+001F at position 0"),
        ("a\x7f\x0b", "U+000B at position 2"),  # DEL is XML, VT is not
        ("ab\ufffe", "U+FFFE at position 2"),
        ("\uffff", "U+FFFF at position 0"),
        ("x\ud800", "U+D800 at position 1"),
        ("\udfff", "U+DFFF at position 0"),
    ],
)
@pytest.mark.parametrize("field", ["prefix", "suffix"])
def test_a_filter_xml_cannot_carry_is_refused_naming_the_character(
    field: str, value: str, shown: str
) -> None:
    with pytest.raises(TriggerError) as caught:
        Trigger("photos", **{field: value})
    assert f"{field} holds {shown}" in str(caught.value)


@pytest.mark.parametrize("value", ["a\tb", "a\nb\r", "\ud7ff\ue000\ufffd", "😀/", " "])
def test_every_character_xml_carries_is_accepted(value: str) -> None:
    assert Trigger("photos", prefix=value).prefix == value


@pytest.mark.server
def test_a_dry_run_that_would_create_a_bucket_applies_the_creation_rules(s3: S3Client) -> None:
    # "ab" can name an existing legacy bucket, but no bucket can be created with it.
    with pytest.raises(TriggerError, match="cannot create bucket 'ab': it must be 3 to 63"):
        apply_triggers(s3, [Trigger("ab")], QUEUE, create_bucket=True, dry_run=True)
    with pytest.raises(TriggerError, match="cannot create bucket 'No_Such'"):
        apply_triggers(s3, [Trigger("No_Such")], QUEUE, create_bucket=True, dry_run=True)
