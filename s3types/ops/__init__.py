"""Typed S3 operations over a boto3 client: read, stream, write, copy, delete, presign.

Each function takes a boto3 S3 client first and its options by keyword,
checks bucket names, keys, tags and metadata before any request is sent
(``ValueError`` saying what is wrong and what to do), and returns a small
frozen result instead of a response dict. Where a bucket and key are
expected, an ``S3EventRecord`` can be passed instead. Objects of any size:
``open_object`` streams a read, ``create_object`` a write (a file whose parts
are uploaded as they fill), ``put_object`` and ``copy_object`` switch to
managed multipart transfers for large objects. Only the type checker sees
boto3 here: the client is yours.

>>> from s3types.ops import get_object, put_object, s3_client
>>> client = s3_client()
>>> put_object(client, "my-bucket", "hello.txt", "hello", tags={"kind": "greeting"})
PutResult(etag='5d41402abc4b2a76b9719d911017c592', version_id=None)
>>> get_object(client, "my-bucket", "hello.txt").body
b'hello'
"""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports
from s3types.ops._client import s3_client
from s3types.ops._current import get_current_object
from s3types.ops._errors import ObjectTooLargeError
from s3types.ops._object_lambda import write_get_object_response
from s3types.ops._presign import MAX_EXPIRY, presign_get, presign_put
from s3types.ops._read import get_bucket_location, get_object, head_object, list_objects
from s3types.ops._results import (
    CopyResult,
    DeleteResult,
    ObjectContent,
    ObjectHead,
    ObjectSummary,
    PresignedRequest,
    PutResult,
)
from s3types.ops._stream import DEFAULT_CHUNK_SIZE, ObjectStream, open_object
from s3types.ops._transfer import MULTIPART_COPY_THRESHOLD, MULTIPART_UPLOAD_THRESHOLD
from s3types.ops._write import copy_object, delete_object, put_object

if TYPE_CHECKING:
    from s3types.ops._checksums import WriterChecksumAlgorithm
    from s3types.ops._writer import ObjectWriter, create_object

# The streaming writer (and the thread pool it may start) loads on first use.
__getattr__ = lazy_exports(
    globals(),
    {
        "ObjectWriter": "._writer",
        "WriterChecksumAlgorithm": "._checksums",
        "create_object": "._writer",
    },
)

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "MAX_EXPIRY",
    "MULTIPART_COPY_THRESHOLD",
    "MULTIPART_UPLOAD_THRESHOLD",
    "CopyResult",
    "DeleteResult",
    "ObjectContent",
    "ObjectHead",
    "ObjectStream",
    "ObjectSummary",
    "ObjectTooLargeError",
    "ObjectWriter",
    "PresignedRequest",
    "PutResult",
    "WriterChecksumAlgorithm",
    "copy_object",
    "create_object",
    "delete_object",
    "get_bucket_location",
    "get_current_object",
    "get_object",
    "head_object",
    "list_objects",
    "open_object",
    "presign_get",
    "presign_put",
    "put_object",
    "s3_client",
    "write_get_object_response",
]
