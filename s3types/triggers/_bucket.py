"""S3's rules for the name of a new general purpose bucket, and creating one in the right region."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from s3types._bucket_names import broken_rule, is_new_bucket_name
from s3types._problems import aws_error_code as error_code
from s3types.triggers._events import TriggerError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["bucket_exists", "check_new_bucket_name", "create_bucket", "error_code"]


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
    s3types.triggers.TriggerError: cannot create bucket 'Photo_Uploads': it may contain only ...
    """
    if not is_new_bucket_name(name):
        raise TriggerError(f"cannot create bucket {name[:100]!r}: {broken_rule(name)}")


def create_bucket(s3_client: S3Client, name: str) -> None:
    """Create ``name`` in the client's region (none given in us-east-1)."""
    check_new_bucket_name(name)
    region = s3_client.meta.region_name or "us-east-1"
    if region == "us-east-1":
        s3_client.create_bucket(Bucket=name)
    else:
        configuration: Any = {"LocationConstraint": region}
        s3_client.create_bucket(Bucket=name, CreateBucketConfiguration=configuration)


def bucket_exists(s3_client: S3Client, bucket: str) -> bool:
    """Whether ``bucket`` exists (HeadBucket: not found is False, any other error is raised)."""
    try:
        s3_client.head_bucket(Bucket=bucket)
    except Exception as err:
        if error_code(err) in ("404", "NoSuchBucket", "NotFound"):
            return False
        raise
    return True
