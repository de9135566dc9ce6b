"""Presigned URLs typed like the operations they sign: ``presign_get`` and ``presign_put``."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

from contextvars import ContextVar
from datetime import datetime, timedelta, timezone
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast, overload
from urllib.parse import parse_qs, urlsplit

from s3types.ops._choices import check_acl, check_sse
from s3types.ops._metadata import check_metadata
from s3types.ops._names import check_bucket, check_key, object_of
from s3types.ops._results import PresignedRequest
from s3types.ops._tags import encode_tags

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.literals import ObjectCannedACLType, ServerSideEncryptionType

    from s3types import S3EventRecord

__all__ = ["MAX_EXPIRY", "presign_get", "presign_put"]

MAX_EXPIRY = timedelta(days=7)  # the longest SigV4 lets a presigned URL live
_KMS = ("aws:kms", "aws:kms:dsse")


def _expiry_seconds(expires_in: int | timedelta) -> int:
    if isinstance(expires_in, timedelta):
        seconds = expires_in.total_seconds()
    elif isinstance(expires_in, int) and not isinstance(expires_in, bool):
        seconds = expires_in
    else:
        raise TypeError(
            f"expires_in must be seconds (int) or a timedelta, got {type(expires_in).__name__}"
        )
    if seconds != int(seconds) or not 1 <= seconds <= MAX_EXPIRY.total_seconds():
        raise ValueError(
            f"expires_in={expires_in!r}: SigV4 presigned URLs live 1 second to 7 days "
            f"(604800 seconds); give a whole number of seconds in that range"
        )
    return int(seconds)


# botocore presigns S3 URLs with SigV2 in regions that still accept it
# (us-east-1 among them) unless the client's config names a signature
# version: a choose-signer handler it registers on every such client. SigV2
# URLs live as long as they like and carry the headers in the query string,
# so they could not keep the bounds and headers promised here. This handler,
# first in line, makes the choice botocore makes in SigV4-only regions
# (``s3v4`` for S3 operations), and only while presign_get or presign_put
# signs in this context: for everything else the client is unchanged.
_SIGNING_HERE: ContextVar[bool] = ContextVar("s3types_presigning", default=False)
_HANDLER_ID = "s3types.ops.presign.sigv4"


def _choose_sigv4(context: Any, signing_name: str, **kwargs: Any) -> str | None:
    if not _SIGNING_HERE.get():
        return None
    from botocore.handlers import set_operation_specific_signer  # a client means botocore is here

    chosen: str | None = set_operation_specific_signer(context=context, signing_name=signing_name)
    return chosen


def _presigned(
    client: S3Client,
    operation: str,
    method: str,
    params: Mapping[str, Any],
    headers: Mapping[str, str],
    seconds: int,
) -> PresignedRequest:
    handler = cast("Callable[..., None]", _choose_sigv4)  # the stubs say handlers return None
    client.meta.events.register_first("choose-signer.s3", handler, unique_id=_HANDLER_ID)
    signed_at = datetime.now(timezone.utc).replace(microsecond=0)
    token = _SIGNING_HERE.set(True)
    try:
        url = client.generate_presigned_url(
            operation, Params=dict(params), ExpiresIn=seconds, HttpMethod=method
        )
    finally:
        _SIGNING_HERE.reset(token)
    if "X-Amz-Signature=" not in url:
        raise ValueError(
            "the client signed the URL with a signature version other than SigV4, so its "
            "expiry and headers would not be the ones asked for; make the client with "
            "botocore.config.Config(signature_version='s3v4')"
        )
    # Every header botocore signed must reach S3 as signed: name them all, so
    # a change in what botocore signs shows here instead of as a 403 later.
    query = parse_qs(urlsplit(url).query)
    signed = set(query.get("X-Amz-SignedHeaders", ["host"])[0].split(";")) - {"host"}
    unknown = signed - {name.lower() for name in headers}
    if unknown:  # pragma: no cover - botocore signs only the headers given to it
        raise RuntimeError(f"botocore signed headers s3types did not set: {sorted(unknown)}")
    return PresignedRequest(
        method=method,
        url=url,
        headers=MappingProxyType(dict(headers)),
        expires_at=signed_at + timedelta(seconds=seconds),
    )


@overload
def presign_get(
    client: S3Client,
    bucket: str,
    key: str,
    *,
    version_id: str | None = None,
    expires_in: int | timedelta = 3600,
    response_content_type: str | None = None,
    response_content_disposition: str | None = None,
) -> PresignedRequest: ...
@overload
def presign_get(
    client: S3Client,
    record: S3EventRecord,
    /,
    *,
    version_id: str | None = None,
    expires_in: int | timedelta = 3600,
    response_content_type: str | None = None,
    response_content_disposition: str | None = None,
) -> PresignedRequest: ...
def presign_get(
    client: S3Client,
    bucket: str | S3EventRecord,
    key: str | None = None,
    *,
    version_id: str | None = None,
    expires_in: int | timedelta = 3600,
    response_content_type: str | None = None,
    response_content_disposition: str | None = None,
) -> PresignedRequest:
    """A URL anyone can GET the object with, until it expires (1 second to 7 days).

    Takes a bucket and key, or a record (its decoded key and version id, so
    the URL serves the version the event is about). ``response_content_type``
    and ``response_content_disposition`` make S3 answer with those headers
    (e.g. ``'attachment; filename="report.csv"'`` for a download). No
    request is sent: signing is local.

    >>> request = presign_get(client, "my-bucket", "notes/today.txt", expires_in=600)
    >>> import urllib.request
    >>> urllib.request.urlopen(request.url).read()
    b'hello'
    """
    bucket, key, version_id = object_of("presign_get", bucket, key, version_id)
    seconds = _expiry_seconds(expires_in)
    params: dict[str, str] = {"Bucket": bucket, "Key": key}
    if version_id is not None:
        params["VersionId"] = version_id
    if response_content_type is not None:
        params["ResponseContentType"] = response_content_type
    if response_content_disposition is not None:
        params["ResponseContentDisposition"] = response_content_disposition
    return _presigned(client, "get_object", "GET", params, {}, seconds)


def presign_put(
    client: S3Client,
    bucket: str,
    key: str,
    *,
    expires_in: int | timedelta = 3600,
    tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, str] | None = None,
    sse: ServerSideEncryptionType | None = None,
    kms_key_id: str | None = None,
    acl: ObjectCannedACLType | None = None,
    content_type: str | None = None,
) -> PresignedRequest:
    """A URL that lets whoever holds it PUT one object at ``key``, with these options.

    The options are ``put_object``'s, checked the same way before signing;
    each becomes a signed header, and ``headers`` of the result lists them:
    the uploader must send every one with exactly that value (S3 answers 403
    otherwise), so the URL cannot store other metadata, ACL, tags or
    encryption than the ones chosen here. Like ``put_object``, there is no
    form taking a record. No request is sent: signing is local.

    >>> request = presign_put(client, "my-bucket", "uploads/scan.pdf",
    ...                       content_type="application/pdf", acl="private",
    ...                       metadata={"uploaded-by": "form"}, expires_in=900)
    >>> for name, value in sorted(request.headers.items()):
    ...     print(f"{name}: {value}")
    Content-Type: application/pdf
    x-amz-acl: private
    x-amz-meta-uploaded-by: form
    """
    check_bucket(bucket)
    check_key(key)
    seconds = _expiry_seconds(expires_in)
    # A URL signed with a value S3 does not know could never be used.
    check_acl(acl)
    check_sse(sse)
    params: dict[str, Any] = {"Bucket": bucket, "Key": key}
    headers: dict[str, str] = {}
    if tags:
        params["Tagging"] = headers["x-amz-tagging"] = encode_tags(tags)
    if metadata:
        params["Metadata"] = check_metadata(metadata)
        headers.update({f"x-amz-meta-{name}": value for name, value in params["Metadata"].items()})
    if kms_key_id is not None:
        if sse not in _KMS:
            raise ValueError(
                f"kms_key_id is given but sse={sse!r}: a KMS key is used only with "
                "sse='aws:kms' or sse='aws:kms:dsse'; pass one of those, or drop kms_key_id"
            )
        params["SSEKMSKeyId"] = headers["x-amz-server-side-encryption-aws-kms-key-id"] = kms_key_id
    if sse is not None:
        params["ServerSideEncryption"] = headers["x-amz-server-side-encryption"] = sse
    if acl is not None:
        params["ACL"] = headers["x-amz-acl"] = acl
    if content_type is not None:
        params["ContentType"] = headers["Content-Type"] = content_type
    return _presigned(client, "put_object", "PUT", params, headers, seconds)
