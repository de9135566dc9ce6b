"""``get_current_object``: read the object an event is about, only if it is still current."""

from __future__ import annotations

from typing import TYPE_CHECKING

from s3types._values import version_id_or_none
from s3types.ops._names import object_of
from s3types.ops._results import ObjectContent, object_content

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import GetObjectRequestTypeDef

    from s3types import S3EventRecord

__all__ = ["get_current_object"]

# What S3 says when the object is not the one the event names: the ETag
# precondition failed (412), or the key has no current object (404, also
# when its current version is a delete marker).
_CHANGED_OR_GONE = frozenset({"PreconditionFailed", "NoSuchKey"})
_REMOVALS = ("ObjectRemoved", "LifecycleExpiration")


def get_current_object(client: S3Client, record: S3EventRecord) -> ObjectContent | None:
    """The object a record is about, read only if it is still the key's current object.

    One conditional ``GetObject`` of the key's current object: ``IfMatch``
    with the record's ETag, so S3 itself answers 412 when the object was
    overwritten since the event, and 404 when it was deleted (a delete
    marker included); both give None. With a version id in the record, the
    version S3 returned must be that one too, or None: on a versioned
    bucket an overwrite with the same bytes keeps the ETag but is a new
    version, with a notification of its own.

    The check and the read are one request, so nothing can change between
    them (a HEAD then a GET, or a GET then comparing ETags, races with the
    next write). None means "a later event describes this key": skip the
    record, do not fail it. Otherwise the result is what
    :func:`~s3types.ops.get_object` returns. To read the event's version
    whatever happened since, use ``get_object(client, record)``.

    Works with records of events that leave an object behind (created,
    restored, tagged, ...). A removal record, or one with neither ETag nor
    version id, raises ``ValueError``: there is nothing to compare.
    Other S3 errors (``NoSuchBucket``, ``AccessDenied``) come as botocore's
    ``ClientError``.

    >>> content = get_current_object(client, record)
    >>> content.body if content else "changed or gone since"
    b'hello'
    """
    name = record.event_name
    if name.category in _REMOVALS:
        raise ValueError(
            f"get_current_object(): the record is {name.value} for {record.key!r}: a removal"
            " leaves no object to read; handle removals without reading the object"
        )
    bucket, key, version_id = object_of("get_current_object", record, None, None)
    etag = record.etag
    if not etag and version_id is None:
        raise ValueError(
            f"get_current_object(): the {name.value} record for {record.key!r} has neither"
            " an ETag nor a version id, so whether the object changed cannot be told;"
            " use get_object(client, record) to read whatever is there now"
        )
    request: GetObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
    if etag:
        request["IfMatch"] = etag if etag.startswith('"') else f'"{etag}"'
    from botocore.exceptions import ClientError  # boto3 is the caller's: botocore is there

    try:
        response = client.get_object(**request)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") in _CHANGED_OR_GONE:
            return None
        raise
    stream = response["Body"]
    try:
        current_version = version_id_or_none(response.get("VersionId"))
        if version_id is not None and current_version != version_id:
            return None
        body = stream.read()
    finally:
        stream.close()
    return object_content(response, body)
