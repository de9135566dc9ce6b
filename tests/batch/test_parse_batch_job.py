"""parse_batch_job on every Batch Operations fixture of the corpus, and on bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from s3types import S3EventError, parse_event
from s3types.batch import BatchJob, BatchTask, parse_batch_job
from s3types.testing import make_batch_job, make_event, make_object_lambda_event

FIXTURES = Path(__file__).parent.parent / "events" / "batch-operations"

# (schema, invocation id, job id, user arguments, [(task id, bucket, key, raw key, version)])
EXPECTED: dict[str, Any] = {
    "aws-lambda-go/s3-batch-job-request-1.0.json": (
        "1.0",
        "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
        "f3cc4f60-61f6-4a2b-8a21-d07600c373ce",
        {},
        # An ARN with region and account: Powertools' split(":::") gets this wrong.
        [
            (
                "dGFza2lkZ29lc2hlcmUK",
                "awsexamplebucket",
                "customerImage1.jpg",
                "customerImage1.jpg",
                "1",
            )
        ],
    ),
    "aws-lambda-go/s3-batch-job-request-2.0.json": (
        "2.0",
        "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
        "f3cc4f60-61f6-4a2b-8a21-d07600c373ce",
        {"k1": "v1", "k2": "v2"},
        [
            (
                "dGFza2lkZ29lc2hlcmUK",
                "awsexamplebucket",
                "customerImage1.jpg",
                "customerImage1.jpg",
                "jbo9_jhdPEyB4RrmOxWS0kU0EoNrU_oI",
            )
        ],
    ),
    "definitelytyped/s3-batch-two-tasks-null-versionid.json": (
        "1.0",
        "foo_invocation_id",
        "foo_job_id",
        {},
        [
            ("11111", "foo-bucket", "example.json", "example.json", None),
            ("11111", "foo-bucket", "example.json", "example.json", "asdf"),
        ],
    ),
    "java-events/s3_batch_event.json": (
        "1.0",
        "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
        "f3cc4f60-61f6-4a2b-8a21-d07600c373ce",
        {},
        [
            (
                "dGFza2lkZ29lc2hlcmUK",
                "amzn-s3-demo-bucket",
                "customerImage1.jpg",
                "customerImage1.jpg",
                "1",
            )
        ],
    ),
    "powertools/s3-batch-schema-v1.json": (
        "1.0",
        "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
        "f3cc4f60-61f6-4a2b-8a21-d07600c373ce",
        {},
        [
            (
                "dGFza2lkZ29lc2hlcmUK",
                "powertools-dataset",
                "prefix/dataset/dataset.20231222.json.gz",
                "prefix/dataset/dataset.20231222.json.gz",
                "1",
            )
        ],
    ),
    "powertools/s3-batch-schema-v2.json": (
        "2.0",
        "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
        "f3cc4f60-61f6-4a2b-8a21-d07600c373ce",
        {"k1": "v1", "k2": "v2"},
        [
            (
                "dGFza2lkZ29lc2hlcmUK",
                "powertools-dataset",
                "prefix/dataset/dataset.20231222.json.gz",
                "prefix/dataset/dataset.20231222.json.gz",
                None,
            )
        ],
    ),
}


def _summary(job: BatchJob) -> Any:
    return (
        job.schema_version,
        job.invocation_id,
        job.job_id,
        dict(job.user_arguments),
        [(t.task_id, t.bucket_name, t.key, t.raw_key, t.version_id) for t in job.tasks],
    )


def test_every_batch_fixture_has_an_expectation() -> None:
    names = {
        p.relative_to(FIXTURES).as_posix()
        for p in FIXTURES.rglob("*.json")
        if not p.name.endswith(".template.json")
    }
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_batch_fixture_parses_to_the_right_values(name: str) -> None:
    text = (FIXTURES / name).read_text()
    assert _summary(parse_batch_job(json.loads(text))) == EXPECTED[name]
    assert _summary(parse_batch_job(text)) == EXPECTED[name]


def test_sam_template_renders_and_parses() -> None:
    text = (FIXTURES / "sam-cli-templates" / "S3BatchInvocation.template.json").read_text()
    rendered = text.replace("{{{key}}}", "2024/red+flower%2B1.jpg").replace(
        "{{{bucket_arn}}}", "arn:aws:s3:::photos"
    )
    task = parse_batch_job(rendered).tasks[0]
    assert (task.bucket_name, task.key, task.raw_key) == (
        "photos",
        "2024/red flower+1.jpg",
        "2024/red+flower%2B1.jpg",
    )


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.json")), ids=lambda p: p.name)
def test_parse_event_rejects_batch_jobs(path: Path) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(path.read_text())
    assert caught.value.looks_like is not None
    assert "Batch Operations" in caught.value.looks_like


def test_nothing_of_the_wire_is_lost() -> None:
    wire = json.loads((FIXTURES / "aws-lambda-go/s3-batch-job-request-2.0.json").read_text())
    wire["tasks"][0]["s3Key"] = "a+b%2Bc.txt"
    wire["extraField"] = {"kept": True}
    job = parse_batch_job(wire)
    assert job.tasks[0].key == "a b+c.txt"
    assert job.raw == wire
    assert job.tasks[0].raw == wire["tasks"][0]
    assert TypeAdapter(BatchJob).dump_python(job) == wire


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("red+flower.jpg", "red flower.jpg"),
        ("a%2Bb.txt", "a+b.txt"),
        ("%C3%A4%20x", "ä x"),
        ("plain/key", "plain/key"),
    ],
)
def test_keys_are_decoded_with_unquote_plus(raw: str, decoded: str) -> None:
    job = make_batch_job(bucket="b", keys=["x"])
    job["tasks"][0]["s3Key"] = raw
    task = parse_batch_job(job).tasks[0]
    assert (task.key, task.raw_key) == (decoded, raw)


@pytest.mark.parametrize(
    ("wire", "expected"), [(None, None), ("", None), ("null", None), ("3HL4", "3HL4")]
)
def test_version_id_is_normalized_like_a_records(wire: str | None, expected: str | None) -> None:
    job = make_batch_job(objects=[("b", "k", wire)])
    assert parse_batch_job(job).tasks[0].version_id == expected
    record = parse_event(make_event(bucket="b", key="k", version_id=wire)).records[0]
    assert record.version_id == expected


@pytest.mark.parametrize(
    ("arn", "bucket"),
    [
        ("arn:aws:s3:::photos", "photos"),
        ("arn:aws:s3:us-east-1:0123456788:awsexamplebucket", "awsexamplebucket"),
        ("arn:aws-cn:s3:::photos-cn", "photos-cn"),
    ],
)
def test_bucket_name_comes_from_the_arn_in_1_0(arn: str, bucket: str) -> None:
    job = make_batch_job(bucket="x", keys=["k"], schema_version="1.0")
    job["tasks"][0]["s3BucketArn"] = arn
    assert parse_batch_job(job).tasks[0].bucket_name == bucket


def _error(event: object) -> S3EventError:
    with pytest.raises(S3EventError) as caught:
        parse_batch_job(event)  # type: ignore[arg-type]
    return caught.value


def test_a_missing_task_field_is_named_with_its_path() -> None:
    job = make_batch_job(bucket="b", keys=["k"])
    del job["tasks"][0]["taskId"]
    err = _error(job)
    assert err.path == "tasks[0].taskId"
    assert "tasks[0].taskId: required field is missing" in str(err)


def test_a_task_without_a_bucket_says_which_field_to_send() -> None:
    job = make_batch_job(bucket="b", keys=["k"])
    del job["tasks"][0]["s3Bucket"]
    err = _error(job)
    assert err.path == "tasks[0]"
    assert "s3BucketArn" in str(err)
    assert "s3Bucket" in str(err)


def test_a_bad_bucket_arn_is_named() -> None:
    job = make_batch_job(bucket="b", keys=["k"], schema_version="1.0")
    job["tasks"][0]["s3BucketArn"] = "photos"
    err = _error(job)
    assert err.path == "tasks[0].s3BucketArn"
    assert "not an S3 bucket ARN" in str(err)


def test_disagreeing_bucket_and_arn_are_an_error() -> None:
    job = make_batch_job(bucket="b", keys=["k"])
    job["tasks"][0]["s3BucketArn"] = "arn:aws:s3:::other"
    assert "name different buckets" in str(_error(job))


def test_an_unknown_schema_version_is_named() -> None:
    job = make_batch_job(bucket="b", keys=["k"])
    job["invocationSchemaVersion"] = "3.0"
    err = _error(job)
    assert err.path == "invocationSchemaVersion"
    assert "'1.0'" in str(err)
    assert "'2.0'" in str(err)


def test_a_job_without_tasks_is_an_error() -> None:
    job = make_batch_job(bucket="b", keys=["k"])
    job["tasks"] = []
    assert _error(job).path == "tasks"


@pytest.mark.parametrize(
    ("event", "named"),
    [
        (make_event(bucket="b", key="k"), "s3types.parse_event"),
        (make_object_lambda_event(), "parse_object_lambda_event"),
    ],
)
def test_other_s3_inputs_are_named_with_their_parser(event: dict[str, Any], named: str) -> None:
    err = _error(event)
    assert named in str(err)
    assert err.looks_like is not None


@pytest.mark.parametrize("event", [[1], "not json", b"[]", 3])
def test_non_objects_are_refused_clearly(event: object) -> None:
    assert "parse_batch_job" in str(_error(event))


def test_tasks_are_frozen() -> None:
    task = parse_batch_job(make_batch_job(bucket="b", keys=["k"])).tasks[0]
    assert isinstance(task, BatchTask)
    with pytest.raises(AttributeError):
        task.task_id = "other"  # type: ignore[misc]


def test_user_arguments_are_read_only_and_empty_in_1_0() -> None:
    job = parse_batch_job(make_batch_job(bucket="b", keys=["k"], user_arguments={"a": "1"}))
    with pytest.raises(TypeError):
        job.user_arguments["a"] = "2"  # type: ignore[index]
    one = parse_batch_job(make_batch_job(bucket="b", keys=["k"], schema_version="1.0"))
    assert dict(one.user_arguments) == {}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda job: job.update(invocationId=7), "invocationId", "expected a string, got int 7"),
        (lambda job: job.pop("job"), "job", "required field is missing"),
        (lambda job: job.update(job=[]), "job", "expected an object"),
        (lambda job: job["job"].update(userArguments={"a": 1}), "job.userArguments.a", "got 1"),
        (lambda job: job["job"].update(userArguments="a=1"), "job.userArguments", "object"),
        (lambda job: job.update(tasks={"taskId": "t"}), "tasks", "a list of at least one task"),
        (lambda job: job.update(tasks=["t"]), "tasks[0]", "expected a task object, got str"),
        (lambda job: job["tasks"][0].update(s3VersionId=3), "tasks[0].s3VersionId", "or null"),
        (lambda job: job["tasks"][0].update(s3Key="%41" * 1100), "tasks[0].s3Key", "1024 bytes"),
        (lambda job: job.pop("invocationSchemaVersion"), "invocationSchemaVersion", "missing"),
    ],
)
def test_each_bad_field_is_named(change: Any, path: str, message: str) -> None:
    job = make_batch_job(bucket="b", keys=["k"], user_arguments={"x": "y"})
    change(job)
    err = _error(job)
    assert err.path == path
    assert message in str(err)
    assert str(err).startswith(f"not a valid S3 Batch Operations job: {path}: ")


def test_a_job_validated_by_pydantic_is_the_same_job() -> None:
    wire = make_batch_job(bucket="b", keys=["a b"])
    assert TypeAdapter(BatchJob).validate_python(wire) == parse_batch_job(wire)
    job = parse_batch_job(wire)
    assert TypeAdapter(BatchJob).validate_python(job) is job
