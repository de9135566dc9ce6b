"""list_objects across pages: more than 1000 objects, max_results caps, prefixes."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

from s3types.ops import ObjectSummary, list_objects, put_object

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server

COUNT = 1105  # more than one 1000-object page
IN_A = 700  # keys under "a/"


@pytest.fixture(scope="module")
def big_bucket(s3_server: LocalS3Server) -> str:
    """A bucket with 1105 small objects: 700 under "a/", the rest under "b/"."""
    s3 = s3_server.s3_client()
    name = f"ops-list-{uuid.uuid4().hex[:16]}"
    s3.create_bucket(Bucket=name)
    keys = [f"{'a' if i < IN_A else 'b'}/{i:05d}.txt" for i in range(COUNT)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda key: s3.put_object(Bucket=name, Key=key, Body=key.encode()), keys))
    return name


def count_list_requests(s3: S3Client) -> list[dict[str, Any]]:
    """Record the parameters of every ListObjectsV2 request the client sends."""
    sent: list[dict[str, Any]] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        sent.append(params)

    s3.meta.events.register("before-parameter-build.s3.ListObjectsV2", record)
    return sent


def test_lists_every_object_across_pages(s3: S3Client, big_bucket: str) -> None:
    sent = count_list_requests(s3)
    summaries = list(list_objects(s3, big_bucket))
    assert len(summaries) == COUNT
    assert len(sent) == 2  # 1000 + 105
    keys = [summary.key for summary in summaries]
    assert keys == sorted(keys)
    assert len(set(keys)) == COUNT
    first = summaries[0]
    assert isinstance(first, ObjectSummary)
    assert first.key == "a/00000.txt"
    assert first.size == len(b"a/00000.txt")
    assert not first.etag.startswith('"')
    assert first.storage_class == "STANDARD"
    assert first.last_modified.tzinfo is not None


@pytest.mark.parametrize("cap", [0, 1, 1000, 1001, COUNT, COUNT + 1])
def test_never_more_than_max_results(s3: S3Client, big_bucket: str, cap: int) -> None:
    summaries = list(list_objects(s3, big_bucket, max_results=cap))
    assert len(summaries) == min(cap, COUNT)


def test_small_cap_asks_for_a_small_page(s3: S3Client, big_bucket: str) -> None:
    sent = count_list_requests(s3)
    assert len(list(list_objects(s3, big_bucket, max_results=5))) == 5
    assert [params["MaxKeys"] for params in sent] == [5]
    assert list(list_objects(s3, big_bucket, max_results=0)) == []
    assert len(sent) == 1  # max_results=0 sends nothing


def test_prefix_filters(s3: S3Client, big_bucket: str) -> None:
    under_a = list(list_objects(s3, big_bucket, prefix="a/"))
    assert len(under_a) == IN_A
    assert all(summary.key.startswith("a/") for summary in under_a)
    assert len(list(list_objects(s3, big_bucket, prefix="b/"))) == COUNT - IN_A
    assert [s.key for s in list_objects(s3, big_bucket, prefix="b/01104")] == ["b/01104.txt"]
    assert list(list_objects(s3, big_bucket, prefix="nothing/")) == []
    assert len(list(list_objects(s3, big_bucket, prefix="a/", max_results=650))) == 650


def test_is_lazy_but_checks_arguments_at_the_call(s3: S3Client, bucket: str) -> None:
    sent = count_list_requests(s3)
    listing = list_objects(s3, bucket)
    assert sent == []  # no page is fetched before the first next()
    assert list(listing) == []
    assert len(sent) == 1
    with pytest.raises(ValueError, match="max_results=-1 is negative"):
        list_objects(s3, bucket, max_results=-1)
    with pytest.raises(TypeError, match="max_results must be an int"):
        list_objects(s3, bucket, max_results=True)


def test_empty_and_one_object(s3: S3Client, bucket: str) -> None:
    assert list(list_objects(s3, bucket)) == []
    put = put_object(s3, bucket, "only", b"12345")
    [only] = list(list_objects(s3, bucket))
    assert (only.key, only.size, only.etag) == ("only", 5, put.etag)
