"""@s3_object_lambda_handler end to end: a local origin, and botocore's real answer recorded."""

from __future__ import annotations

import gc
import hashlib
import logging
import tracemalloc
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from examples import object_lambda_redact
from s3types.object_lambda import (
    ObjectLambdaError,
    ObjectLambdaEvent,
    ObjectLambdaResponse,
    OriginalObject,
)
from s3types.testing import LocalLambdaContext, make_object_lambda_event
from s3types_lambda import LambdaContext, s3_object_lambda_handler
from tests.object_lambda.object_lambda_endpoints import (
    LINE,
    PART_SIZE,
    Origin,
    Recorded,
    Recorder,
    object_bytes,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

CONTEXT = LocalLambdaContext(function_name="redact")
REDACTED = LINE.replace(b"4111-1111-1111-1111", b"****-****-****-****")


def _event(url: str, **options: Any) -> dict[str, Any]:
    return make_object_lambda_event(
        input_s3_url=url, output_route="io-use1-042", output_token="token-42", **options
    )


def _last(recorder: Recorder) -> Recorded:
    return recorder.requests[-1]


def _redacted_digest(size: int) -> str:
    digest = hashlib.sha256()
    for chunk in object_lambda_redact.redact(object_bytes(size)):
        digest.update(chunk)
    return digest.hexdigest()


@pytest.fixture
def client(recorder: Recorder) -> Iterator[S3Client]:
    made = recorder.client()
    yield made
    made.close()


@pytest.fixture
def redact_handler(client: S3Client) -> Any:
    return s3_object_lambda_handler(client=client)(object_lambda_redact.handler.__wrapped__)  # type: ignore[attr-defined]


def test_the_answer_goes_to_the_route_with_the_token(
    origin: Origin, recorder: Recorder, redact_handler: Any
) -> None:
    assert redact_handler(_event(origin.url(10 * len(LINE))), CONTEXT) == {"statusCode": 200}
    sent = _last(recorder)
    # botocore's host prefix "{RequestRoute}." on S3's Object Lambda endpoint.
    assert sent.connect_target == "io-use1-042.s3-object-lambda.us-east-1.amazonaws.com:443"
    assert sent.headers["Host"] == "io-use1-042.s3-object-lambda.us-east-1.amazonaws.com"
    assert sent.request_line == "POST /WriteGetObjectResponse HTTP/1.1"
    assert sent.headers["x-amz-request-route"] == "io-use1-042"
    assert sent.headers["x-amz-request-token"] == "token-42"
    assert sent.headers["x-amz-fwd-status"] == "200"
    assert sent.headers["x-amz-fwd-header-Content-Type"] == "text/plain"
    assert sent.headers["X-Amz-Content-SHA256"] == "UNSIGNED-PAYLOAD"
    assert "x-amz-request-token" in sent.headers["Authorization"]  # signed
    assert sent.body_start.startswith(REDACTED)
    assert sent.body_sha256 == hashlib.sha256(REDACTED * 10).hexdigest()


def test_a_range_is_passed_on_and_answered_206(
    origin: Origin, recorder: Recorder, redact_handler: Any
) -> None:
    event = _event(origin.url(1000), user_request_headers={"Range": "bytes=53-105"})
    redact_handler(event, CONTEXT)
    assert origin.requests[-1]["headers"]["Range"] == "bytes=53-105"
    sent = _last(recorder)
    assert sent.headers["x-amz-fwd-status"] == "206"
    assert sent.headers["x-amz-fwd-header-Content-Range"] == "bytes 53-105/1000"
    assert sent.body_sha256 == hashlib.sha256(REDACTED).hexdigest()


def test_a_part_number_is_passed_on(origin: Origin, recorder: Recorder, client: S3Client) -> None:
    @s3_object_lambda_handler(client=client)
    def passthrough(
        event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext
    ) -> object:
        return original

    event = _event(
        origin.url(2500),
        user_request_url="https://olap.s3-object-lambda.us-east-1.amazonaws.com/k?partNumber=2",
    )
    passthrough(event, CONTEXT)
    assert origin.requests[-1]["query"]["partNumber"] == ["2"]
    sent = _last(recorder)
    assert sent.headers["x-amz-fwd-header-Content-Range"] == f"bytes {PART_SIZE}-1999/2500"
    assert sent.body_size == PART_SIZE


def test_headers_the_url_is_signed_with_are_sent_from_the_callers_request(
    origin: Origin, client: S3Client
) -> None:
    @s3_object_lambda_handler(client=client)
    def passthrough(
        event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext
    ) -> object:
        return original.read()  # asked for whole

    url = origin.url(100, signed_headers="host;x-amz-checksum-mode")
    passthrough(_event(url, user_request_headers={"x-amz-checksum-mode": "ENABLED"}), CONTEXT)
    received = {name.lower(): value for name, value in origin.requests[-1]["headers"].items()}
    assert received["x-amz-checksum-mode"] == "ENABLED"


def test_a_typed_response_sends_its_status_headers_and_metadata(
    origin: Origin, recorder: Recorder, client: S3Client
) -> None:
    @s3_object_lambda_handler(client=client)
    def summary(
        event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext
    ) -> object:
        lines = sum(chunk.count(b"\n") for chunk in original)
        return ObjectLambdaResponse(
            f"{lines} lines\n",
            content_type="text/plain; charset=utf-8",
            cache_control="no-store",
            metadata={"lines": str(lines)},
        )

    summary(_event(origin.url(7 * len(LINE))), CONTEXT)
    sent = _last(recorder)
    assert sent.headers["x-amz-fwd-header-Content-Type"] == "text/plain; charset=utf-8"
    assert sent.headers["x-amz-fwd-header-Cache-Control"] == "no-store"
    assert sent.headers["x-amz-meta-lines"] == "7"
    assert sent.body_start == b"7 lines\n"


def test_an_exception_sends_500_and_is_raised_again(
    origin: Origin, recorder: Recorder, client: S3Client, caplog: pytest.LogCaptureFixture
) -> None:
    @s3_object_lambda_handler(client=client)
    def broken(
        event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext
    ) -> object:
        raise KeyError("secret detail")

    with caplog.at_level(logging.ERROR, "s3types_lambda"), pytest.raises(KeyError):
        broken(_event(origin.url(10), request_id="req-7"), CONTEXT)
    sent = _last(recorder)
    assert sent.headers["x-amz-fwd-status"] == "500"
    assert sent.headers["x-amz-fwd-error-code"] == "InternalError"
    message = sent.headers["x-amz-fwd-error-message"]
    assert message == "the Object Lambda function failed (request req-7)"
    assert "secret" not in message
    assert "Object Lambda request req-7 failed: answering 500 InternalError" in caplog.text


def test_a_chosen_error_is_sent_with_its_status(
    origin: Origin, recorder: Recorder, redact_handler: Any
) -> None:
    event = _event(origin.url(10), payload='{"mask": "xx"}')
    with pytest.raises(ObjectLambdaError):
        redact_handler(event, CONTEXT)
    sent = _last(recorder)
    assert (sent.headers["x-amz-fwd-status"], sent.headers["x-amz-fwd-error-code"]) == (
        "500",
        "BadConfiguration",
    )


def test_an_error_reading_the_original_is_forwarded(
    origin: Origin, recorder: Recorder, redact_handler: Any
) -> None:
    with pytest.raises(ObjectLambdaError, match="Access Denied"):
        redact_handler(_event(origin.url(10, status=403)), CONTEXT)
    sent = _last(recorder)
    assert (sent.headers["x-amz-fwd-status"], sent.headers["x-amz-fwd-error-code"]) == (
        "403",
        "AccessDenied",
    )


def test_head_object_is_answered_with_the_functions_dict(origin: Origin, client: S3Client) -> None:
    @s3_object_lambda_handler(client=client)
    def head(event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext) -> object:
        return {"statusCode": 200, "headers": {"Content-Type": "text/plain"}}

    event = make_object_lambda_event("HeadObject", input_s3_url=origin.url(10))
    assert head(event, CONTEXT) == {"statusCode": 200, "headers": {"Content-Type": "text/plain"}}


def test_list_objects_must_return_a_dict(origin: Origin, client: S3Client) -> None:
    @s3_object_lambda_handler(client=client)
    def listing(
        event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext
    ) -> object:
        return b"<ListBucketResult/>"

    event = make_object_lambda_event("ListObjectsV2", input_s3_url=origin.url(10))
    with pytest.raises(TypeError, match="answered with a dict"):
        listing(event, CONTEXT)


def test_returning_none_is_an_error_answer(
    origin: Origin, recorder: Recorder, client: S3Client
) -> None:
    @s3_object_lambda_handler(client=client)
    def forgot(
        event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext
    ) -> object:
        return None

    with pytest.raises(TypeError, match="returned None"):
        forgot(_event(origin.url(10)), CONTEXT)
    assert _last(recorder).headers["x-amz-fwd-status"] == "500"


def test_a_100_mb_object_streams_in_chunks_under_32_mb(
    origin: Origin, recorder: Recorder, redact_handler: Any
) -> None:
    size = 100 * 1024 * 1024
    event = _event(origin.url(size))
    gc.collect()
    tracemalloc.start()
    try:
        redact_handler(event, CONTEXT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    sent = _last(recorder)
    assert sent.headers["Transfer-Encoding"] == "chunked"
    assert sent.body_size == size
    assert sent.chunks > 100
    assert sent.body_sha256 == _redacted_digest(size)
    print(f"100 MB streamed in {sent.chunks} chunks, peak traced memory {peak / 2**20:.1f} MB")
    assert peak < 32 * 1024 * 1024
