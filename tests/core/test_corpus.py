"""Every fixture of the shared corpus behaves as its folder's README says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from s3types import EventName, EventVersion, S3Event, S3EventError, parse_event
from s3types._deliveries import REGISTRY as SHAPES

EVENTS = Path(__file__).parent.parent / "events"

# (bucket, decoded key, size, version id, event name, event version, delivery)
# per record, read off each fixture by hand; "TEST" for the s3:TestEvent.
Expected = tuple[str, str, "int | None", "str | None", str, str, str]
EXPECTED: dict[str, Any] = {
    # detail.event-version is S3's schema version; detail.version "0" is EventBridge's envelope.
    "aws-docs/eventbridge-object-created-event-version.json": [
        (
            "amzn-s3-demo-bucket1",
            "example-key",
            5,
            "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
            "ObjectCreated:Put",
            "1.0",
            "eventbridge",
        )
    ],
    "aws-docs/s3-intelligent-tiering.json": [
        ("mybucket", "HappyFace.jpg", 1024, None, "IntelligentTiering", "2.3", "s3")
    ],
    "aws-docs/s3-lifecycle-expiration-delete.json": [
        ("mybucket", "expiration/delete", None, None, "LifecycleExpiration:Delete", "2.3", "s3")
    ],
    "aws-docs/s3-put-versionid.json": [
        (
            "mybucket",
            "HappyFace.jpg",
            1024,
            "096fKKXTRTtl3on89fVO.nfljtsv6qko",
            "ObjectCreated:Put",
            "2.1",
            "s3",
        )
    ],
    "aws-docs/s3-test-event.json": "TEST",
    "aws-lambda-dotnet/eventbridge-object-created-version-id.json": [
        (
            "DOC-EXAMPLE-BUCKET1",
            "example-key",
            5,
            "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
            "ObjectCreated:Put",
            "0.0",
            "eventbridge",
        )
    ],
    "aws-lambda-dotnet/eventbridge-object-deleted-delete-marker.json": [
        (
            "DOC-EXAMPLE-BUCKET1",
            "example-key",
            None,
            "1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF",
            "ObjectRemoved:DeleteMarkerCreated",
            "0.0",
            "eventbridge",
        )
    ],
    "aws-lambda-dotnet/eventbridge-object-restore-completed.json": [
        (
            "DOC-EXAMPLE-BUCKET1",
            "example-key",
            5,
            "KKsjUC1.6gIjqtvhfg5AdMI0eCePIiT3",
            "ObjectRestore:Completed",
            "0.0",
            "eventbridge",
        )
    ],
    "aws-lambda-dotnet/s3-two-records-plus-encoded-key.json": [
        ("sourcebucket", "HappyFace.jpg", 1024, None, "ObjectCreated:Put", "2.0", "s3"),
        ("sourcebucket", "New File.jpg", 1024, None, "ObjectCreated:Put", "2.0", "s3"),
    ],
    "aws-lambda-go/s3-intelligent-tiering.json": [
        (
            "example-bucket",
            "intelligent-tier-test.dat",
            5242880,
            "versionExample123",
            "IntelligentTiering:TransitionAccess",
            "2.3",
            "s3",
        )
    ],
    "aws-lambda-go/s3-lifecycle-transition.json": [
        (
            "example-bucket",
            "lifecycle-test.dat",
            10485760,
            "lifecycleVersion123",
            "LifecycleTransition",
            "2.3",
            "s3",
        )
    ],
    "aws-lambda-go/s3-put-urlencoded-key.json": [
        ("sourcebucket", "Happy Face.jpg", 1024, "version", "ObjectCreated:Put", "2.0", "s3")
    ],
    "aws-lambda-go/s3-put-with-urlDecodedKey.json": [
        ("sourcebucket", "Happy Face.jpg", 1024, "version", "ObjectCreated:Put", "2.0", "s3")
    ],
    "aws-lambda-go/s3-replication-failed.json": [
        (
            "amzn-s3-demo-bucket1",
            "replication-test.png",
            520080,
            "abcdeH0Xp66ep__QDjR76LK7Gc9X4wKO",
            "Replication:OperationFailedReplication",
            "2.2",
            "s3",
        )
    ],
    "aws-lambda-go/s3-restore-completed-glacierEventData.json": [
        (
            "example-bucket",
            "glacier-test.txt",
            1024,
            "abcdeH0Xp66ep__QDjR76LK7Gc9X4wKO",
            "ObjectRestore:Completed",
            "2.1",
            "s3",
        )
    ],
    "aws-lambda-go/s3-restore-completed-toplevel-restoreEventData.json": [
        (
            "example-bucket",
            "glacier-test.txt",
            1024,
            "abcdeH0Xp66ep__QDjR76LK7Gc9X4wKO",
            "ObjectRestore:Completed",
            "2.1",
            "s3",
        )
    ],
    "aws-sdk-java-v2/null-values-no-millis.json": [
        ("mybucket", "HappyFace.jpg", None, None, "ObjectCreated:Put", "2.1", "s3")
    ],
    "aws-sdk-java-v2/test-reader-all-eventdata-blocks.json": [
        (
            "mybucket",
            "HappyFace.jpg",
            1024,
            "096fKKXTRTtl3on89fVO.nfljtsv6qko",
            "ObjectCreated:Put",
            "2.1",
            "s3",
        )
    ],
    "aws-sdk-java-v2/validation-unknown-eventname-nonhex.json": [
        (
            "mybucket-test",
            "HappyFace-test.jpg",
            2048,
            "096fKKXTRTtl3on89fVO.nfljtsv6vid",
            "ObjectCreated:Get",
            "2.1",
            "s3",
        )
    ],
    "ceph/cloudevent-data-single-record.json": [
        ("fish", "test_img.JPEG", 156810, None, "ObjectCreated:Put", "2.2", "s3")
    ],
    "ceph/notifications-rst-put-size-string.json": [
        ("mybucket1", "myimage1.jpg", 1024, None, "ObjectCreated:Put", "2.1", "s3")
    ],
    "chalice/s3-put-zero-size-empty-etag.json": [
        ("mybucket", "hello-world.txt", 0, None, "ObjectCreated:Put", "2.0", "s3")
    ],
    "definitelytyped/eventbridge-object-access-tier-changed.json": [
        (
            "example-bucket",
            "example-key",
            5,
            "NX.DRp5klxcEVaJ5RC_fO0994Hl.JHOY",
            "IntelligentTiering",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/eventbridge-object-acl-updated.json": [
        (
            "example-bucket",
            "example-key",
            None,
            "Xd_29e0Da7c0h8APYtG8ZsGpnPtNDewu",
            "ObjectAcl:Put",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/eventbridge-object-deleted-lifecycle-expiration.json": [
        (
            "example-bucket",
            "example-key",
            None,
            "mtB0cV.jejK63XkRNceanNMC.qXPWLeK",
            "LifecycleExpiration:DeleteMarkerCreated",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/eventbridge-object-restore-expired.json": [
        (
            "example-bucket",
            "example-key",
            None,
            "_vgOnRkretlur2Szh189LnGKvP975qk4",
            "ObjectRestore:Delete",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/eventbridge-object-restore-initiated.json": [
        (
            "example-bucket",
            "example-key",
            5,
            "KKsjUC1.6gIjqtvhfg5AdMI0eCePIiT3",
            "ObjectRestore:Post",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/eventbridge-object-storage-class-changed.json": [
        (
            "example-bucket",
            "example-key",
            5,
            "J1BDI6bMR4RgWJsmT15166nv0HhDT7zo",
            "LifecycleTransition",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/eventbridge-object-tags-added.json": [
        (
            "example-bucket",
            "example-key",
            None,
            "Xd_29e0Da7c0h8APYtG8ZsGpnPtNDewu",
            "ObjectTagging:Put",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/eventbridge-object-tags-deleted.json": [
        (
            "example-bucket",
            "example-key",
            None,
            "Xd_29e0Da7c0h8APYtG8ZsGpnPtNDewu",
            "ObjectTagging:Delete",
            "0.0",
            "eventbridge",
        )
    ],
    "definitelytyped/s3-restore-completed-glacier-deep-archive.json": [
        (
            "mybucket",
            "HappyFace.jpg",
            1024,
            "096fKKXTRTtl3on89fVO.nfljtsv6qko",
            "ObjectRestore:Completed",
            "2.1",
            "s3",
        )
    ],
    "java-events/s3-put-empty-versionId.json": [
        ("example-bucket", "test/key", 1024, None, "ObjectCreated:Put", "2.0", "s3")
    ],
    "minio/kafka-put-multipart-etag-usermetadata.json": [
        ("images", "myphoto.jpg", 6474, "1", "ObjectCreated:Put", "2.0", "s3")
    ],
    "minio/nats-eventtype-key-log-fields.json": [
        ("images", "myphoto.jpg", 56060, None, "ObjectCreated:Put", "2.0", "s3")
    ],
    "minio/nats-streaming-userdefined-versionid.json": [
        ("images", "myphoto.jpg", 248682, "1", "ObjectCreated:Put", "2.0", "s3")
    ],
    "minio/postgresql-row-sorted-keys.json": [
        ("images", "myphoto.jpg", 56060, None, "ObjectCreated:Put", "2.0", "s3")
    ],
    "minio/redis-hset-2017-source.json": [
        ("images", "myphoto.jpg", 2586, None, "ObjectCreated:Put", "2.0", "s3")
    ],
    "powertools/eventbridge-object-created.json": [
        (
            "example-bucket",
            "IMG_m7fzo3.jpg",
            184662,
            None,
            "ObjectCreated:Put",
            "0.0",
            "eventbridge",
        )
    ],
    "powertools/eventbridge-object-deleted.json": [
        (
            "example-bucket",
            "IMG_m7fzo3.jpg",
            None,
            None,
            "ObjectRemoved:DeleteMarkerCreated",
            "0.0",
            "eventbridge",
        )
    ],
    "powertools/eventbridge-object-expired.json": [
        (
            "example-bucket",
            "IMG_m7fzo3.jpg",
            184662,
            None,
            "LifecycleExpiration:DeleteMarkerCreated",
            "0.0",
            "eventbridge",
        )
    ],
    "powertools/eventbridge-object-restore-completed.json": [
        (
            "example-bucket",
            "IMG_m7fzo3.jpg",
            184662,
            None,
            "ObjectRestore:Completed",
            "0.0",
            "eventbridge",
        )
    ],
    "powertools/s3-delete.json": [
        (
            "lambda-artifacts-deafc19498e3f2df",
            "b21b84d653bb07b05b1e6b33684dc11b",
            None,
            None,
            "ObjectRemoved:Delete",
            "2.1",
            "s3",
        )
    ],
    "powertools/s3-glacier-restore-data.json": [
        (
            "lambda-artifacts-deafc19498e3f2df",
            "b21b84d653bb07b05b1e6b33684dc11b",
            1305107,
            None,
            "ObjectCreated:Put",
            "2.1",
            "s3",
        )
    ],
    "powertools/s3-put.json": [
        (
            "lambda-artifacts-deafc19498e3f2df",
            "b21b84d653bb07b05b1e6b33684dc11b",
            1305107,
            None,
            "ObjectCreated:Put",
            "2.1",
            "s3",
        )
    ],
    "powertools/sqs-wrapped-s3-put.json": [
        (
            "xxx",
            "test.pdf",
            104681,
            "yd3d4HaWOT2zguDLvIQLU6ptDTwKBnQV",
            "ObjectCreated:Put",
            "2.1",
            "sqs",
        )
    ],
    "powertools-pr4069/sns-wrapped-s3-put.json": [
        (
            "s3-sns-unwrap-bucket-683517028648",
            "samconfig.toml",
            221,
            None,
            "ObjectCreated:Put",
            "2.1",
            "sns",
        )
    ],
    "powertools-pr4069/sqs-eventbridge-s3-object-created.json": [
        (
            "s3-eb-unwrap-sourcebucket-7mop1gqlyrzu",
            "__init__.py",
            0,
            None,
            "ObjectCreated:Put",
            "0.0",
            "sqs",
        )
    ],
    "powertools-pr4069/sqs-rawsns-s3-put.json": [
        (
            "unwraptestevents-bucket-683517028648",
            "samconfig.toml",
            221,
            None,
            "ObjectCreated:Put",
            "2.1",
            "sqs",
        )
    ],
    "powertools-pr4069/sqs-sns-s3-put.json": [
        (
            "unwraptestevents-bucket-683517028648",
            "firehose-s3-template.json",
            4314,
            None,
            "ObjectCreated:Put",
            "2.1",
            "sqs",
        )
    ],
    "sam-cli/S3Delete.rendered-defaults.json": [
        ("example-bucket", "test/key", None, None, "ObjectRemoved:Delete", "2.0", "s3")
    ],
    "sam-cli/S3Put.rendered-defaults.json": [
        ("example-bucket", "test/key", 1024, None, "ObjectCreated:Put", "2.0", "s3")
    ],
    "sekoia/sqs-body-s3-put-cloudtrail-delivery.json": [
        (
            "aws-cloudtrail-111111111111-3abc4c4f",
            "AWSLogs/111111111111/CloudTrail/eu-west-2/2022/02/21/111111111111_CloudTrail_eu-west-2_20220221T1020Z_nTGkKkyO0OcwEIvv.json.gz",
            9234,
            None,
            "ObjectCreated:Put",
            "2.1",
            "s3",
        )
    ],
    "sekoia/sqs-body-s3-test-event.json": "TEST",
    "serverless-event-mocks/s3-template.json": [
        ("service-1474780369352-1", "object", 11, None, "ObjectCreated:Put", "2.0", "s3")
    ],
}

# Templates hold placeholders: render them with SAM CLI's / the .NET tool's defaults.
TEMPLATE_VALUES = {
    "{{{region}}}": "us-east-1",
    "{{{partition}}}": "aws",
    "{{{bucket}}}": "example-bucket",
    "{{{key}}}": "test/key",
    "{region}": "us-east-1",
    "{partition}": "aws",
}
TEMPLATES = {
    "sam-cli-templates/S3Put.template.json": "sam-cli/S3Put.rendered-defaults.json",
    "sam-cli-templates/S3Delete.template.json": "sam-cli/S3Delete.rendered-defaults.json",
    "aws-lambda-dotnet-testtool-templates/s3-put.template.json": None,
}


def _files(folder: str, pattern: str = "*.json") -> list[Path]:
    return sorted((EVENTS / folder).rglob(pattern))


def _rel(path: Path, folder: str = "events") -> str:
    return path.relative_to(EVENTS / folder).as_posix()


def _render(text: str) -> str:
    for placeholder, value in TEMPLATE_VALUES.items():
        text = text.replace(placeholder, value)
    return text


def _summary(event: S3Event) -> Any:
    if event.is_test_event:
        return "TEST"
    return [
        (
            r.bucket_name,
            r.key,
            r.size,
            r.version_id,
            r.event_name.value,
            str(r.event_version),
            r.origin.service,
        )
        for r in event.records
    ]


def test_every_event_fixture_has_an_expectation() -> None:
    names = {_rel(p) for p in _files("events") if not p.name.endswith(".template.json")}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_event_fixture_parses_normalized(name: str) -> None:
    data = (EVENTS / "events" / name).read_bytes()
    event = parse_event(data)
    assert _summary(event) == EXPECTED[name]
    for record in event.records:
        assert record.event_time.utcoffset() is not None
        assert record.event_time.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
        assert isinstance(record.event_name, EventName)
        assert isinstance(record.event_version, EventVersion)
        assert record.size is None or type(record.size) is int
        assert record.version_id not in ("", "null")
    # The same input as a dict and as text gives the same records.
    assert _summary(parse_event(json.loads(data))) == EXPECTED[name]
    assert _summary(parse_event(data.decode())) == EXPECTED[name]


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_templates_render_and_parse(template: str) -> None:
    rendered = _render((EVENTS / "events" / template).read_text())
    assert "{{{" not in rendered and "{region}" not in rendered
    event = parse_event(rendered)
    twin = TEMPLATES[template]
    if twin is not None:
        assert _summary(event) == EXPECTED[twin]
    else:
        assert [r.key for r in event.records] == ["HappyFace.jpg"]
        assert event.records[0].s3.bucket.arn == "arn:aws:s3:::mybucket"


@pytest.mark.parametrize("path", _files("edge-cases"), ids=lambda p: _rel(p, "edge-cases"))
def test_edge_cases(path: Path) -> None:
    name = path.name
    if name == "records-empty-list.json":
        event = parse_event(path.read_bytes())
        assert event.records == ()
        assert not event.is_test_event
    elif name == "extra-top-level-field.json":
        event = parse_event(path.read_bytes())
        assert event.records == ()
        assert event.model_dump(mode="json", by_alias=True) == {"Records": [], "toto": 123}
    else:
        with pytest.raises(S3EventError) as caught:
            parse_event(path.read_bytes())
        assert str(caught.value)
        expected_path = {
            "empty-object.json": "",
            "records-null.json": "Records",
            "missing-eventName-and-responseElements.json": "Records[0].eventName",
            "structure-template-v2.2-size-as-string.json": "Records[0].eventTime",
        }[name]
        assert caught.value.path == expected_path


NOT_NOTIFICATIONS = {
    "batch-operations": "S3 Batch Operations",
    "object-lambda": "S3 Object Lambda",
}


@pytest.mark.parametrize(
    "path",
    [p for folder in NOT_NOTIFICATIONS for p in _files(folder)],
    ids=lambda p: p.relative_to(EVENTS).as_posix(),
)
def test_other_s3_events_are_named(path: Path) -> None:
    folder = path.relative_to(EVENTS).parts[0]
    with pytest.raises(S3EventError) as caught:
        parse_event(_render(path.read_text()))
    assert caught.value.looks_like is not None
    assert NOT_NOTIFICATIONS[folder] in caught.value.looks_like
    assert NOT_NOTIFICATIONS[folder] in str(caught.value)


@pytest.mark.parametrize("path", _files("negative", "*.*"), ids=lambda p: _rel(p, "negative"))
def test_negative_fixtures_are_rejected(path: Path) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(path.read_bytes())
    message = str(caught.value)
    assert message
    if path.suffix == ".json":
        assert caught.value.path.startswith("Records[0].")
    else:
        assert "not valid JSON" in message


@pytest.mark.parametrize("path", _files("other"), ids=lambda p: _rel(p, "other"))
def test_other_serializations_parse_or_fail_clearly(path: Path) -> None:
    try:
        event = parse_event(path.read_bytes())
    except S3EventError as err:
        assert str(err)
    else:
        assert all(record.key for record in event.records)


@pytest.mark.parametrize("path", _files("redacted"), ids=lambda p: _rel(p, "redacted"))
def test_redacted_shapes_are_recognized(path: Path) -> None:
    """Placeholders ("eventTime": "date") fail validation, but at a field, never as garbage."""
    data = json.loads(path.read_bytes())
    for item in data if isinstance(data, list) else [data]:
        try:
            parse_event(item)
        except S3EventError as err:
            assert err.path, str(err)
            assert err.looks_like is None


def _top_level_fixtures() -> list[Path]:
    return [p for p in _files("events") if not p.name.endswith(".template.json")]


@pytest.mark.parametrize("path", _top_level_fixtures(), ids=lambda p: _rel(p))
def test_exactly_one_detector_claims_each_fixture(path: Path) -> None:
    data = json.loads(path.read_bytes())
    claimed = [shape.name for shape in SHAPES if shape.claims(data)]
    assert len(claimed) == 1, claimed


@pytest.mark.parametrize(
    "path",
    [p for folder in ("batch-operations", "object-lambda") for p in _files(folder)],
    ids=lambda p: p.relative_to(EVENTS).as_posix(),
)
def test_no_detector_claims_other_events(path: Path) -> None:
    data = json.loads(_render(path.read_text()))
    assert [shape.name for shape in SHAPES if shape.claims(data)] == []
