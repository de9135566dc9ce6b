"""examples/operations.py works on the local S3 server, versioned or not."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types import parse_event
from s3types.ops import get_object, list_objects
from s3types.testing import make_event

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from mypy_boto3_s3 import S3Client

EXAMPLE = Path(__file__).parents[2] / "examples" / "operations.py"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("s3types_example_operations", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)  # no side effects at import
    return module


@pytest.mark.parametrize("versioned", [False, True], ids=["unversioned", "versioned"])
def test_archive_upload(
    example: ModuleType, s3: S3Client, bucket_name: Callable[[], str], versioned: bool
) -> None:
    uploads, archive = bucket_name(), bucket_name()
    for name in (uploads, archive):
        s3.create_bucket(Bucket=name)
        if versioned:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    key = "inbox/a b+c.txt"
    version_id = s3.put_object(Bucket=uploads, Key=key, Body=b"one two").get("VersionId")
    [record] = parse_event(make_event(bucket=uploads, key=key, version_id=version_id)).records

    done = example.archive_upload(s3, record, archive)

    assert (done.key, done.words, done.region) == (key, 2, "us-east-1")
    assert done.derived_so_far == (f"derived/{key}.summary.txt",)
    assert (done.archive_version_id is not None) is versioned
    assert get_object(s3, archive, key).body == b"one two"
    assert get_object(s3, uploads, done.derived_key).body == b"2 words\n"
    assert [s.key for s in list_objects(s3, uploads)] == [done.derived_key]
