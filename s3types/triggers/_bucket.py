"""S3's rules for the name of a new general purpose bucket, and creating one in the right region."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from s3types.triggers._events import TriggerError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["check_new_bucket_name", "create_bucket"]

_ALLOWED = re.compile(r"[a-z0-9][a-z0-9.-]*[a-z0-9]")
_IP_ADDRESS = re.compile(r"\d{1,3}(\.\d{1,3}){3}")
# Reserved by S3 for access points, Object Lambda, directory buckets, S3 Tables.
_RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
_RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")


def check_new_bucket_name(name: str) -> None:
    """Raise TriggerError unless ``name`` follows S3's naming rules for a new bucket.

    3 to 63 characters of lowercase letters, digits, dots and hyphens,
    beginning and ending with a letter or digit, no two adjacent dots, not an
    IP address, none of the prefixes and suffixes S3 reserves. (Existing
    legacy names with uppercase letters or underscores can still be used;
    they only cannot be created.)

    >>> check_new_bucket_name("photo-uploads")
    >>> check_new_bucket_name("Photo_Uploads")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: cannot create bucket 'Photo_Uploads': only lowercase ...
    """
    problem = None
    if not 3 <= len(name) <= 63:
        problem = f"a bucket name has 3 to 63 characters, this one {len(name)}"
    elif not _ALLOWED.fullmatch(name):
        problem = (
            "only lowercase letters, digits, dots and hyphens, beginning and ending with a"
            " letter or digit"
        )
    elif ".." in name:
        problem = "two dots may not be adjacent"
    elif _IP_ADDRESS.fullmatch(name):
        problem = "a bucket name may not look like an IP address"
    elif name.startswith(_RESERVED_PREFIXES) or name.endswith(_RESERVED_SUFFIXES):
        problem = "S3 reserves that prefix or suffix"
    if problem is not None:
        raise TriggerError(f"cannot create bucket {name[:100]!r}: {problem}")


def create_bucket(s3_client: S3Client, name: str) -> None:
    """Create ``name`` in the client's region (none given in us-east-1)."""
    check_new_bucket_name(name)
    region = s3_client.meta.region_name or "us-east-1"
    if region == "us-east-1":
        s3_client.create_bucket(Bucket=name)
    else:
        configuration: Any = {"LocationConstraint": region}
        s3_client.create_bucket(Bucket=name, CreateBucketConfiguration=configuration)
