"""create_object's plan before any request: part sizes, checks of its options, the loop guard."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from botocore.parsers import create_parser
from hypothesis import given
from hypothesis import strategies as st

from s3types import S3EventRecord
from s3types._limits import MAX_OBJECT_SIZE, MAX_PART_SIZE, MAX_PARTS, MIN_PART_SIZE
from s3types.ops import create_object
from s3types.ops._checksums import answered_checksum as _answered_checksum
from s3types.ops._parts import DEFAULT_PART_SIZE, part_sizes
from s3types.testing import LocalLambdaContext, make_event
from s3types_lambda import LambdaContext, s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Callable

    from mypy_boto3_s3 import S3Client

MIB = 1024**2
TIB = 1024**4
FIVE_TIB = 5 * TIB  # S3's largest object until December 2025, which the brief asks for


def test_the_growing_schedule_reaches_5_tib_in_10000_parts() -> None:
    schedule = part_sizes(None, None)
    sizes = [schedule.size_of(number) for number in range(1, MAX_PARTS + 1)]
    assert sizes[0] == DEFAULT_PART_SIZE == 8 * MIB
    assert sizes[999] == 8 * MIB
    assert sizes[1000] == 16 * MIB
    assert sizes[-1] == 4 * 1024**3
    assert all(MIN_PART_SIZE <= size <= MAX_PART_SIZE for size in sizes)
    assert sizes == sorted(sizes)
    assert sum(sizes) == schedule.capacity == 8000 * MIB * 1023  # 7.8 TiB
    assert schedule.capacity >= FIVE_TIB
    # 9,000 parts hold 8000 MiB * 511; the rest, 1,154,880 MiB, is 282 parts of 4 GiB.
    assert schedule.parts_for(FIVE_TIB) == 9_282
    # The memory the table in the docs promises: one part of this size.
    assert schedule.size_of(schedule.parts_for(7 * 1024**3)) == 8 * MIB
    assert schedule.size_of(schedule.parts_for(100 * 1024**3)) == 64 * MIB


@given(st.integers(min_value=0, max_value=FIVE_TIB))
def test_any_object_up_to_5_tib_fits_the_growing_schedule(size: int) -> None:
    schedule = part_sizes(None, None)
    parts = schedule.parts_for(size)
    assert parts <= MAX_PARTS
    held = sum(schedule.size_of(number) for number in range(1, parts + 1))
    assert held >= size
    assert parts == 1 or held - schedule.size_of(parts) < size  # no part more than needed


@given(st.integers(min_value=0, max_value=MAX_OBJECT_SIZE))
def test_an_expected_size_gets_the_smallest_fixed_part_that_fits(size: int) -> None:
    schedule = part_sizes(None, size)
    assert not schedule.growing
    assert MIN_PART_SIZE <= schedule.first <= MAX_PART_SIZE
    assert schedule.capacity >= size
    assert schedule.parts_for(size) <= MAX_PARTS
    smaller = schedule.first - MIB
    assert schedule.first == DEFAULT_PART_SIZE or smaller * MAX_PARTS < size


def test_a_part_size_is_used_as_given_and_must_hold_the_expected_size() -> None:
    assert part_sizes(MIN_PART_SIZE, None).size_of(10_000) == MIN_PART_SIZE
    assert part_sizes(64 * MIB, 600 * 1024**3).capacity == 64 * MIB * MAX_PARTS
    with pytest.raises(ValueError, match="does not fit in 10000 parts of part_size=5242880: give"):
        part_sizes(MIN_PART_SIZE, 100 * 1024**3)


BAD_CALLS: list[tuple[str, Callable[[S3Client], object], type[Exception], str]] = [
    (
        "part too small",
        lambda c: create_object(c, "b-1", "k", part_size=MIN_PART_SIZE - 1),
        ValueError,
        "part_size=5242879: give a number of bytes from 5242880 \\(5 MiB\\)",
    ),
    (
        "part too large",
        lambda c: create_object(c, "b-1", "k", part_size=MAX_PART_SIZE + 1),
        ValueError,
        "to 5368709120 \\(5 GiB\\), S3's part sizes",
    ),
    (
        "expected size over S3's largest object",
        lambda c: create_object(c, "b-1", "k", expected_size=MAX_OBJECT_SIZE + 1),
        ValueError,
        "expected_size=50000000000001: give the object's size in bytes, from 0 to",
    ),
    (
        "checksum S3 has but the writer does not compute",
        lambda c: create_object(c, "b-1", "k", checksum_algorithm="MD5"),  # type: ignore[arg-type]
        ValueError,
        "checksum_algorithm='MD5': give 'CRC32' \\(fast, the default\\) or 'SHA256'",
    ),
    (
        "no concurrency",
        lambda c: create_object(c, "b-1", "k", max_concurrency=0),
        ValueError,
        "max_concurrency=0: give a number of parts, 1 or more",
    ),
    (
        "concurrency of a wrong type",
        lambda c: create_object(c, "b-1", "k", max_concurrency=True),
        TypeError,
        "max_concurrency=True",
    ),
    (
        "bad tag",
        lambda c: create_object(c, "b-1", "k", tags={"aws:owner": "x"}),
        ValueError,
        "aws:",
    ),
    (
        "bad metadata",
        lambda c: create_object(c, "b-1", "k", metadata={"a b": "x"}),
        ValueError,
        "metadata",
    ),
    (
        "kms key without kms",
        lambda c: create_object(c, "b-1", "k", kms_key_id="alias/x"),
        ValueError,
        "kms_key_id is given but sse=None",
    ),
    (
        "bad bucket",
        lambda c: create_object(c, "bad bucket!", "k"),
        ValueError,
        "names no S3 bucket",
    ),
    ("empty key", lambda c: create_object(c, "b-1", ""), ValueError, "key is empty"),
]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [case[1:] for case in BAD_CALLS],
    ids=[case[0] for case in BAD_CALLS],
)
def test_bad_options_fail_before_anything_is_sent(
    offline: S3Client,
    sent: list[str],
    call: Callable[[S3Client], object],
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        call(offline)
    assert sent == []


def test_the_loop_guard_refuses_to_create_where_the_handler_fires(
    offline: S3Client, sent: list[str]
) -> None:
    refused: list[str] = []

    @s3_record_handler(bucket="photos", prefix="in/", suffix=".jpg")
    def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
        try:
            create_object(offline, "photos", "in/again.jpg")
        except ValueError as err:
            refused.append(str(err))
        create_object(offline, "photos", "in/meant.jpg", allow_retrigger=True).abort()
        create_object(offline, "photos", "thumbs/" + record.key).abort()

    thumbnail(make_event(bucket="photos", key="in/a.jpg"), LocalLambdaContext())
    (message,) = refused
    assert message.startswith("create_object() would write s3://photos/in/again.jpg, where trigger")
    assert sent == []  # nothing written: aborting an upload never started sends nothing


def test_the_checksum_aws_answers_is_the_result(offline: S3Client) -> None:
    # AWS answers CompleteMultipartUpload with the composite checksum (moto
    # 5.2.6 leaves it out): its XML, parsed by botocore's own parser.
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        b"<Location>https://b-1.s3.amazonaws.com/k</Location><Bucket>b-1</Bucket><Key>k</Key>"
        b'<ETag>"3858f62230ac3c915f300c664312c11f-3"</ETag>'
        b"<ChecksumCRC32>pKNgKw==-3</ChecksumCRC32><ChecksumType>COMPOSITE</ChecksumType>"
        b"</CompleteMultipartUploadResult>"
    )
    shape = offline.meta.service_model.operation_model("CompleteMultipartUpload").output_shape
    assert shape is not None
    answer: dict[str, Any] = create_parser("rest-xml").parse(
        {"status_code": 200, "headers": {}, "body": body}, shape
    )
    assert _answered_checksum(answer, "CRC32") == "pKNgKw==-3"
    assert _answered_checksum(answer, "SHA256") is None
    assert _answered_checksum({"ETag": '"x"'}, "CRC32") is None  # moto's answer


def test_the_writer_loads_on_first_use() -> None:
    program = (
        "import sys, s3types.ops as ops;"
        "before = 's3types.ops._writer' in sys.modules;"
        "ops.create_object;"
        "print(before, 's3types.ops._writer' in sys.modules, 'create_object' in ops.__all__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "True", "True"]
