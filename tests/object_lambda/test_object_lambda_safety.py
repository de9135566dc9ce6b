"""Object Lambda reads originals only from https URLs, and lists what a function may return."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from s3types import S3EventError
from s3types.object_lambda import (
    ObjectLambdaError,
    ObjectLambdaEvent,
    ObjectLambdaResponse,
    OriginalObject,
    parse_object_lambda_event,
)
from s3types.ops import write_get_object_response
from s3types.testing import LocalLambdaContext, make_object_lambda_event
from s3types_lambda import LambdaContext, s3_object_lambda_handler
from tests.object_lambda.object_lambda_endpoints import Origin, Recorder

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

CONTEXT = LocalLambdaContext(function_name="redact")
CONTEXT_NAMES = {
    "GetObject": "getObjectContext",
    "HeadObject": "headObjectContext",
    "ListObjects": "listObjectsContext",
    "ListObjectsV2": "listObjectsV2Context",
}
REFUSED_URLS = [
    "",
    "file:///etc/hostname",
    "http://example.com/doc.txt",  # plain http, not to this machine
    "https:///doc.txt",  # no host
    "ftp://example.com/doc.txt",
    "/doc.txt",
]


@pytest.fixture
def client(recorder: Recorder) -> Iterator[S3Client]:
    made = recorder.client()
    yield made
    made.close()


@pytest.mark.parametrize("operation", list(CONTEXT_NAMES))
@pytest.mark.parametrize("url", REFUSED_URLS)
def test_an_input_url_that_is_not_https_is_refused_naming_it(operation: str, url: str) -> None:
    wire = make_object_lambda_event(operation, input_s3_url=url)  # type: ignore[arg-type]
    for given in (wire, dict(wire, **{"unknownField": 1})):  # both of the parser's paths
        with pytest.raises(S3EventError) as caught:
            parse_object_lambda_event(given)
        assert caught.value.path == f"{CONTEXT_NAMES[operation]}.inputS3Url"
        assert "https://" in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://ap-111122223333.s3-accesspoint.us-east-1.amazonaws.com/k?X-Amz-Signature=s",
        "https://[2001:db8::1]/k",
        "http://127.0.0.1:8080/k",
        "http://localhost:8080/k",
        "http://[::1]:8080/k",
    ],
)
def test_https_and_local_http_urls_are_read(url: str) -> None:
    assert parse_object_lambda_event(make_object_lambda_event(input_s3_url=url)).input_s3_url == url


def test_a_file_url_never_reaches_the_function_or_the_disk(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("local secret")
    called: list[str] = []

    @s3_object_lambda_handler(client=lambda: pytest.fail("nothing is answered"))
    def echo(event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext) -> object:
        called.append(original.read().decode())
        return b""

    with pytest.raises(S3EventError, match=r"getObjectContext\.inputS3Url"):
        echo(make_object_lambda_event(input_s3_url=secret.as_uri()), CONTEXT)
    assert called == []


def test_the_original_refuses_a_file_url_in_an_event_made_without_the_parser(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("local secret")
    event = parse_object_lambda_event(make_object_lambda_event("HeadObject"))
    assert event.head_object_context is not None
    made = event._replace(
        head_object_context=event.head_object_context._replace(input_s3_url=secret.as_uri())
    )
    with pytest.raises(S3EventError, match=r"headObjectContext\.inputS3Url"):
        OriginalObject(made).read()


@pytest.mark.parametrize("returned", [{"body": "text"}, 42, 4.2])
def test_a_get_object_function_returning_no_body_is_told_what_it_may_return(
    returned: object, origin: Origin, recorder: Recorder, client: S3Client
) -> None:
    @s3_object_lambda_handler(client=client)
    def wrong(event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext) -> object:
        return returned

    event = make_object_lambda_event(
        input_s3_url=origin.url(10), output_route="io-use1-042", output_token="token-42"
    )
    with pytest.raises(TypeError) as caught:
        wrong(event, CONTEXT)
    message = str(caught.value)
    assert f"is a {type(returned).__name__}, which is not a body" in message
    for accepted in ("bytes", "str", "file", "iterable of bytes chunks", "ObjectLambdaResponse"):
        assert accepted in message
    assert "encode text chunks" not in message
    assert recorder.requests[-1].headers["x-amz-fwd-status"] == "500"  # the caller is answered


@pytest.mark.parametrize("body", [{"a": b"x"}, 7])
def test_write_get_object_response_refuses_a_body_it_cannot_send(
    body: Any, origin: Origin, client: S3Client
) -> None:
    event = parse_object_lambda_event(make_object_lambda_event(input_s3_url=origin.url(10)))
    with pytest.raises(TypeError, match=r"not a body: give bytes, a str .* iterable of bytes"):
        write_get_object_response(client, event, body)
    with pytest.raises(TypeError, match=r"not a body"):
        write_get_object_response(client, event, ObjectLambdaResponse(body=body).body)


def test_a_memoryview_body_is_sent_as_its_bytes(
    origin: Origin, recorder: Recorder, client: S3Client
) -> None:
    event = parse_object_lambda_event(
        make_object_lambda_event(input_s3_url=origin.url(10), output_route="io-use1-042")
    )
    write_get_object_response(client, event, memoryview(b"redacted"))
    assert recorder.requests[-1].body_start == b"redacted"


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no text")


def test_a_chosen_error_with_a_message_that_is_no_text_still_answers_the_caller(
    origin: Origin, recorder: Recorder, client: S3Client
) -> None:
    class Refused(ObjectLambdaError):
        def __init__(self) -> None:
            super().__init__(403, "Refused", "x")
            self.message = _Unprintable()  # type: ignore[assignment]
            self.args = (self.message,)

    @s3_object_lambda_handler(client=client)
    def refuse(
        event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext
    ) -> object:
        raise Refused

    event = make_object_lambda_event(
        input_s3_url=origin.url(10), output_route="io-use1-042", output_token="token-42"
    )
    with pytest.raises(Refused):
        refuse(event, CONTEXT)
    sent = recorder.requests[-1].headers
    assert (sent["x-amz-fwd-status"], sent["x-amz-fwd-error-code"]) == ("403", "Refused")
    assert sent["x-amz-fwd-error-message"] == (
        "Refused (its message cannot be shown: str() raised RuntimeError)"
    )
