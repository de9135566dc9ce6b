"""parse_object_lambda_event on every Object Lambda fixture of the corpus, and on bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from s3types import S3EventError, parse_event
from s3types.object_lambda import ObjectLambdaEvent, UserRequest, parse_object_lambda_event
from s3types.testing import make_batch_job, make_event, make_object_lambda_event

FIXTURES = Path(__file__).parent.parent / "events" / "object-lambda"
GO_URL = (
    "https://my-s3-ap-111122223333.s3-accesspoint.us-east-1.amazonaws.com/example"
    "?X-Amz-Security-Token=<snip>"
)
GO_AP = "arn:aws:s3-object-lambda:us-east-1:111122223333:accesspoint/example-object-lambda-ap"

# operation, input URL, route, token, payload, access point, user url, identity type, protocol
EXPECTED: dict[str, Any] = {
    "aws-lambda-go/s3-object-lambda-get-object-assumed-role.json": (
        "GetObject", GO_URL, "io-use1-001", "OutputToken", "{}", GO_AP,
        "https://object-lambda-111122223333.s3-object-lambda.us-east-1.amazonaws.com/example",
        "AssumedRole", "1.00",
    ),
    "aws-lambda-go/s3-object-lambda-get-object-iam.json": (
        "GetObject", GO_URL, "io-use1-001", "OutputToken", "{}", GO_AP,
        "https://object-lambda-111122223333.s3-object-lambda.us-east-1.amazonaws.com/example",
        "IAMUser", "1.00",
    ),
    "aws-lambda-go/s3-object-lambda-head-object-iam.json": (
        "HeadObject", GO_URL, None, None, "{}", GO_AP,
        "https://object-lambda-111122223333.s3-object-lambda.us-east-1.amazonaws.com/example",
        "IAMUser", "1.01",
    ),
    "aws-lambda-go/s3-object-lambda-list-objects-iam.json": (
        "ListObjects", GO_URL, None, None, "{}", GO_AP,
        "https://object-lambda-111122223333.s3-object-lambda.us-east-1.amazonaws.com/example",
        "IAMUser", "1.01",
    ),
    "aws-lambda-go/s3-object-lambda-list-objects-v2-iam.json": (
        "ListObjectsV2", GO_URL, None, None, "{}", GO_AP,
        "https://object-lambda-111122223333.s3-object-lambda.us-east-1.amazonaws.com/example",
        "IAMUser", "1.01",
    ),
    "java-events/s3_object_lambda_event.json": (
        "GetObject", GO_URL.replace("<snip>", "snip"), "io-use1-001", "OutputToken", "{}", GO_AP,
        "https://object-lambda-111122223333.s3-object-lambda.us-east-1.amazonaws.com/example",
        "AssumedRole", "1.00",
    ),
    "powertools/s3-object-lambda-iam-user.json": (
        "GetObject",
        "https://myap-123412341234.s3-accesspoint.us-east-1.amazonaws.com/s3.txt?X-Amz-Security-Token=...",
        "io-iad-cell001", "...", "test",
        "arn:aws:s3-object-lambda:us-east-1:123412341234:accesspoint/myolap",
        "/s3.txt", "IAMUser", "1.00",
    ),
}  # fmt: skip


def _summary(event: ObjectLambdaEvent) -> Any:
    return (
        event.operation,
        event.input_s3_url,
        event.output_route,
        event.output_token,
        event.configuration.payload,
        event.configuration.access_point_arn,
        event.user_request.url,
        event.user_identity.type,
        event.protocol_version,
    )


def test_every_object_lambda_fixture_has_an_expectation() -> None:
    assert {p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.json")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_object_lambda_fixture_parses_to_the_right_values(name: str) -> None:
    text = (FIXTURES / name).read_text()
    assert _summary(parse_object_lambda_event(json.loads(text))) == EXPECTED[name]
    assert _summary(parse_object_lambda_event(text)) == EXPECTED[name]


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.json")), ids=lambda p: p.name)
def test_parse_event_rejects_object_lambda_requests(path: Path) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(path.read_text())
    assert caught.value.looks_like is not None
    assert "Object Lambda" in caught.value.looks_like


def test_the_session_context_of_an_assumed_role_is_read() -> None:
    path = FIXTURES / "aws-lambda-go/s3-object-lambda-get-object-assumed-role.json"
    identity = parse_object_lambda_event(path.read_text()).user_identity
    assert identity.session_context is not None
    issuer = identity.session_context.session_issuer
    assert issuer is not None
    assert (issuer.type, issuer.user_name, issuer.arn) == (
        "Role",
        "Admin",
        "arn:aws:iam::111122223333:role/Admin",
    )
    assert identity.session_context.attributes["mfaAuthenticated"] == "false"


def test_user_request_headers_are_looked_up_in_any_case() -> None:
    path = FIXTURES / "powertools/s3-object-lambda-iam-user.json"
    request = parse_object_lambda_event(path.read_text()).user_request
    assert request.header("accept-encoding") == "identity"
    assert request.header("x-amz-content-sha256") == request.headers["X-Amz-Content-SHA256"]
    assert request.header("Range") is None
    assert UserRequest.from_wire({"url": "/k"}).headers == {}


def test_the_user_name_of_the_powertools_fixture_is_kept() -> None:
    path = FIXTURES / "powertools/s3-object-lambda-iam-user.json"
    assert parse_object_lambda_event(path.read_text()).user_identity.user_name == "Alice"


def test_nothing_of_the_wire_is_lost() -> None:
    wire = json.loads(
        (FIXTURES / "aws-lambda-go/s3-object-lambda-head-object-iam.json").read_text()
    )
    wire["newField"] = [1, 2]
    event = parse_object_lambda_event(wire)
    assert event.raw == wire
    assert event.user_identity.raw == wire["userIdentity"]
    assert TypeAdapter(ObjectLambdaEvent).dump_python(event) == wire
    assert TypeAdapter(ObjectLambdaEvent).validate_python(wire) == event


def _error(event: object) -> S3EventError:
    with pytest.raises(S3EventError) as caught:
        parse_object_lambda_event(event)  # type: ignore[arg-type]
    return caught.value


def test_two_contexts_are_an_error() -> None:
    event = make_object_lambda_event()
    event["headObjectContext"] = {"inputS3Url": "https://ap/k"}
    message = str(_error(event))
    assert "exactly one of getObjectContext" in message
    assert "got GetObject, HeadObject" in message


def test_a_get_object_context_without_its_token_is_named() -> None:
    event = make_object_lambda_event()
    del event["getObjectContext"]["outputToken"]
    err = _error(event)
    assert err.path == "getObjectContext.outputToken"
    assert "required field is missing" in str(err)


def test_a_missing_user_identity_is_named() -> None:
    event = make_object_lambda_event()
    del event["userIdentity"]
    assert _error(event).path == "userIdentity"


@pytest.mark.parametrize(
    ("event", "named"),
    [
        (make_event(bucket="b", key="k"), "s3types.parse_event"),
        (make_batch_job(bucket="b", keys=["k"]), "parse_batch_job"),
    ],
)
def test_other_s3_inputs_are_named_with_their_parser(event: dict[str, Any], named: str) -> None:
    assert named in str(_error(event))


@pytest.mark.parametrize("operation", ["GetObject", "HeadObject", "ListObjects", "ListObjectsV2"])
def test_made_events_parse(operation: Any) -> None:
    assert parse_object_lambda_event(make_object_lambda_event(operation)).operation == operation
