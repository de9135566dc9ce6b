"""Storing a streamed object on S3: one PutObject, or a multipart upload session.

``ObjectWriter`` decides what is a part and when it is full; this module
sends it. ``put_whole`` stores an object that ended within its first part
in one PutObject. A ``MultipartUpload`` is the session of a larger one on
S3's side: it starts the upload with the first part, uploads each part
with its checksum (in the caller's thread, or on up to
``max_concurrency`` threads, waiting for the oldest part in flight before
more are sent), completes the upload with the parts in order, or aborts
it, after the parts in flight end, so that S3 keeps no part.
"""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, cast

from s3types._values import version_id_or_none
from s3types.ops._checksums import (
    WriterChecksumAlgorithm,
    answered_checksum,
    composite_checksum,
    encode,
    part_checksum,
)
from s3types.ops._results import PutResult, unquote_etag

if TYPE_CHECKING:
    from collections.abc import Sequence
    from concurrent.futures import Future, ThreadPoolExecutor

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import (
        CompletedPartTypeDef,
        CreateMultipartUploadRequestTypeDef,
        PutObjectRequestTypeDef,
        UploadPartRequestTypeDef,
    )

__all__ = ["MultipartUpload", "put_whole"]


def put_whole(
    client: S3Client,
    options: PutObjectRequestTypeDef,
    algorithm: WriterChecksumAlgorithm,
    data: bytearray,
) -> PutResult:
    """Store ``data`` as the object in one PutObject, with its ``algorithm`` checksum."""
    checksum = encode(part_checksum(algorithm, data))
    response = client.put_object(**_put_request(options, algorithm, data, checksum))
    return PutResult(
        etag=unquote_etag(response.get("ETag")),
        version_id=version_id_or_none(response.get("VersionId")),
        checksum=answered_checksum(response, algorithm) or checksum,
    )


def _put_request(
    options: PutObjectRequestTypeDef,
    algorithm: WriterChecksumAlgorithm,
    data: bytearray,
    checksum: str,
) -> PutObjectRequestTypeDef:
    request = options.copy()
    request["Body"] = cast("bytes", data)  # botocore sends a bytearray as it is, uncopied
    request["ChecksumAlgorithm"] = algorithm
    if algorithm == "CRC32":
        request["ChecksumCRC32"] = checksum
    else:
        request["ChecksumSHA256"] = checksum
    return request


class MultipartUpload:
    """One multipart upload of ``options``' bucket and key, with parts sent at most ``max_concurrency`` at once."""  # noqa: E501

    def __init__(
        self,
        client: S3Client,
        options: PutObjectRequestTypeDef,
        algorithm: WriterChecksumAlgorithm,
        max_concurrency: int,
    ) -> None:
        self._client = client
        self._options = options
        self._algorithm: WriterChecksumAlgorithm = algorithm
        self._max_concurrency = max_concurrency
        #: The upload's id while it is started and neither completed nor aborted.
        self.upload_id: str | None = None
        self._parts: list[CompletedPartTypeDef] = []
        self._pending: deque[Future[CompletedPartTypeDef]] = deque()
        self._executor: ThreadPoolExecutor | None = None

    def start(self) -> None:
        """Create the multipart upload, unless it is already started."""
        if self.upload_id is None:
            request = cast("CreateMultipartUploadRequestTypeDef", dict(self._options))
            request["ChecksumAlgorithm"] = self._algorithm
            self.upload_id = self._client.create_multipart_upload(**request)["UploadId"]

    def send(self, number: int, data: bytearray, checksum: bytes) -> None:
        """Upload part ``number``: now, or on a thread once fewer than ``max_concurrency`` are."""
        if self._max_concurrency == 1:
            self._parts.append(self._upload_part(number, data, checksum))
            return
        while len(self._pending) >= self._max_concurrency:
            self._parts.append(self._pending.popleft().result())
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(
                self._max_concurrency, thread_name_prefix="s3types-create-object"
            )
        self._pending.append(self._executor.submit(self._upload_part, number, data, checksum))

    def complete(self, checksums: Sequence[bytes]) -> PutResult:
        """Wait for the parts in flight and complete the upload; ``checksums``: each part's, raw."""
        while self._pending:
            self._parts.append(self._pending.popleft().result())
        self._shut_down_threads()
        parts = sorted(self._parts, key=lambda part: part.get("PartNumber", 0))
        assert self.upload_id is not None
        response = self._client.complete_multipart_upload(
            Bucket=self._options["Bucket"],
            Key=self._options["Key"],
            UploadId=self.upload_id,
            MultipartUpload={"Parts": parts},
        )
        self.upload_id = None  # completed: nothing to abort any more
        # AWS answers with the composite checksum; moto 5.2.6 leaves it out,
        # so the one computed from the parts' checksums stands in.
        return PutResult(
            etag=unquote_etag(response.get("ETag")),
            version_id=version_id_or_none(response.get("VersionId")),
            checksum=answered_checksum(response, self._algorithm)
            or composite_checksum(self._algorithm, checksums),
        )

    def abort(self) -> None:
        """Abort the upload, if started, after the parts in flight end: S3 keeps no part."""
        upload_id, self.upload_id = self.upload_id, None
        self._shut_down_threads()
        self._pending.clear()
        if upload_id is not None:
            self._client.abort_multipart_upload(
                Bucket=self._options["Bucket"], Key=self._options["Key"], UploadId=upload_id
            )

    def _upload_part(self, number: int, data: bytearray, checksum: bytes) -> CompletedPartTypeDef:
        encoded = encode(checksum)
        response = self._client.upload_part(**self._part_request(number, data, encoded))
        part: CompletedPartTypeDef = {"PartNumber": number, "ETag": response["ETag"]}
        if self._algorithm == "CRC32":
            part["ChecksumCRC32"] = encoded
        else:
            part["ChecksumSHA256"] = encoded
        return part

    def _part_request(
        self, number: int, data: bytearray, checksum: str
    ) -> UploadPartRequestTypeDef:
        assert self.upload_id is not None
        request: UploadPartRequestTypeDef = {
            "Bucket": self._options["Bucket"],
            "Key": self._options["Key"],
            "UploadId": self.upload_id,
            "PartNumber": number,
            "Body": cast("bytes", data),  # botocore sends a bytearray as it is, uncopied
            "ChecksumAlgorithm": self._algorithm,
        }
        if self._algorithm == "CRC32":
            request["ChecksumCRC32"] = checksum
        else:
            request["ChecksumSHA256"] = checksum
        return request

    def _shut_down_threads(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
