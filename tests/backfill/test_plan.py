"""plan_backfill: the CreateJob request from triggers, checked by botocore's S3 Control model."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import botocore.session
import pytest
from botocore.exceptions import ParamValidationError
from botocore.validate import validate_parameters

from s3types.backfill import BackfillError, BackfillPlan, plan_backfill
from s3types.triggers import Trigger
from tests.backfill.control_endpoint import ACCOUNT, FUNCTION_ARN, ROLE_ARN
from tests.backfill.model_check import check_against_model

WHEN = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
DIRECTORY_BUCKET = "photos--use1-az4--x-s3"


def _model_input(operation: str) -> Any:
    model = botocore.session.get_session().get_service_model("s3control")
    return model.operation_model(operation).input_shape


def valid(plan: BackfillPlan) -> dict[str, Any]:
    """The request, after botocore's validation and the bounds of S3 Control's model."""
    request = dict(plan.create_job_request)
    check_against_model("CreateJob", request)
    return request


def _plan(source: Any, **options: Any) -> BackfillPlan:
    options.setdefault("created_before", WHEN)
    return plan_backfill(
        source, FUNCTION_ARN, role_arn=ROLE_ARN, report_uri="s3://reports/backfills/", **options
    )


def test_the_validation_catches_what_s3_control_refuses() -> None:
    request = valid(_plan([Trigger("photos")]))
    request["Priority"] = "high"
    with pytest.raises(ParamValidationError, match="Priority"):
        validate_parameters(request, _model_input("CreateJob"))


def test_one_trigger_with_prefix_and_suffix_is_exact() -> None:
    plan = _plan([Trigger("photos", prefix="raw/", suffix=".jpg")])
    request = valid(plan)
    generator = request["ManifestGenerator"]["S3JobManifestGenerator"]
    assert generator["SourceBucket"] == "arn:aws:s3:::photos"
    assert generator["EnableManifestOutput"] is True
    assert generator["ManifestOutputLocation"] == {
        "Bucket": "arn:aws:s3:::reports",
        "ManifestFormat": "S3InventoryReport_CSV_20211130",
        "ManifestPrefix": "backfills",
    }
    assert generator["Filter"] == {
        "CreatedBefore": "2026-12-01T12:00:00Z",
        "KeyNameConstraint": {"MatchAnyPrefix": ["raw/"], "MatchAnySuffix": [".jpg"]},
    }
    assert request["Operation"] == {
        "LambdaInvoke": {"FunctionArn": FUNCTION_ARN, "InvocationSchemaVersion": "2.0"}
    }
    assert request["Report"] == {
        "Enabled": True,
        "Bucket": "arn:aws:s3:::reports",
        "Format": "Report_CSV_20180820",
        "ReportScope": "AllTasks",
        "Prefix": "backfills",
    }
    assert (request["AccountId"], request["RoleArn"], request["Priority"]) == (
        ACCOUNT,
        ROLE_ARN,
        10,
    )
    assert "Manifest" not in request
    assert plan.notes == ()
    assert plan.scope is not None and plan.scope.exact


def test_several_triggers_get_the_smallest_superset_and_a_note() -> None:
    plan = _plan(
        [
            Trigger("photos", prefix="raw/a/", suffix=".jpg"),
            Trigger("photos", prefix="raw/b/", suffix=".png"),
            Trigger("photos", prefix="raw/a/deep/", suffix=".jpg"),  # inside the first
        ]
    )
    constraint = valid(plan)["ManifestGenerator"]["S3JobManifestGenerator"]["Filter"][
        "KeyNameConstraint"
    ]
    # S3 takes one string per list: what the prefixes share, what the suffixes share.
    assert constraint == {"MatchAnyPrefix": ["raw/"], "MatchAnySuffix": ["g"]}
    assert plan.scope is not None and not plan.scope.exact
    assert plan.scope.covers("raw/a/x.png") and not plan.scope.covers("raw/a/x.gif")
    [note] = plan.notes
    assert "smallest filter" in note and "handler's own filter skips" in note
    assert f"note: {note}" in str(plan)


def test_nothing_shared_is_no_key_constraint() -> None:
    plan = _plan([Trigger("photos", prefix="a/", suffix=".jpg"), Trigger("photos", prefix="b/")])
    found = valid(plan)["ManifestGenerator"]["S3JobManifestGenerator"]["Filter"]
    assert "KeyNameConstraint" not in found
    assert plan.scope is not None and not plan.scope.exact and len(plan.notes) == 1


def test_s3_takes_one_string_per_key_name_list() -> None:
    # botocore's model says so; a newer one that lifts it shows here, and
    # GENERATOR_KEY_STRINGS (s3types._limits) is the one place to follow it.
    from s3types._limits import GENERATOR_KEY_STRINGS

    model = botocore.session.get_session().get_service_model("s3control")
    shape: Any = model.shape_for("KeyNameConstraint")
    for name in ("MatchAnyPrefix", "MatchAnySuffix", "MatchAnySubstring"):
        assert "with a length of 1 string" in shape.members[name].documentation
    assert GENERATOR_KEY_STRINGS == 1


def test_a_trigger_without_prefix_widens_the_filter_to_every_key() -> None:
    plan = _plan([Trigger("photos", suffix=".jpg"), Trigger("photos", prefix="raw/")])
    found = valid(plan)["ManifestGenerator"]["S3JobManifestGenerator"]["Filter"]
    assert "KeyNameConstraint" not in found  # one has no prefix, the other no suffix
    assert plan.scope is not None and not plan.scope.exact  # x.png is neither trigger's
    assert len(plan.notes) == 1


def test_several_triggers_one_of_which_holds_the_rest_get_no_note() -> None:
    plan = _plan(
        [
            Trigger("photos", prefix="raw/", suffix=".jpg"),
            Trigger("photos", prefix="raw/deep/", suffix=".jpg"),
        ]
    )
    constraint = valid(plan)["ManifestGenerator"]["S3JobManifestGenerator"]["Filter"][
        "KeyNameConstraint"
    ]
    assert constraint == {"MatchAnyPrefix": ["raw/"], "MatchAnySuffix": [".jpg"]}
    assert plan.scope is not None and plan.scope.exact
    assert plan.notes == ()


def test_event_types_the_job_cannot_tell_apart_are_noted_and_removals_left_out() -> None:
    plan = _plan(
        [
            Trigger("photos", ["s3:ObjectCreated:Put"], prefix="raw/"),
            Trigger("photos", ["s3:ObjectRemoved:*"], prefix="trash/"),
        ]
    )
    valid(plan)
    assert plan.scope is not None and plan.scope.prefixes == ("raw/",)
    assert any("left out" in n and "ObjectRemoved" in n for n in plan.notes)
    assert any("s3:ObjectCreated:Put only" in n for n in plan.notes)


def test_only_removal_triggers_is_a_clear_error() -> None:
    with pytest.raises(BackfillError, match="none of the triggers fires on s3:ObjectCreated"):
        _plan([Trigger("photos", ["s3:ObjectRemoved:*"])])


def test_an_explicit_csv_manifest() -> None:
    plan = _plan(
        [Trigger("photos", prefix="raw/")],
        manifest_uri="s3://manifests/backfill/photos.csv",
        manifest_etag='"9b2cf535f27731c974343645a3985328"',
        manifest_with_versions=True,
    )
    request = valid(plan)
    assert "ManifestGenerator" not in request
    assert request["Manifest"] == {
        "Spec": {
            "Format": "S3BatchOperations_CSV_20180820",
            "Fields": ["Bucket", "Key", "VersionId"],
        },
        "Location": {
            "ObjectArn": "arn:aws:s3:::manifests/backfill/photos.csv",
            "ETag": '"9b2cf535f27731c974343645a3985328"',
        },
    }
    sids = {s["Sid"]: s for s in plan.permissions_policy["Statement"]}
    assert sids["ReadManifest"]["Resource"] == "arn:aws:s3:::manifests/backfill/photos.csv"
    assert "ListSourceBucket" not in sids


def test_an_inventory_report_manifest() -> None:
    manifest = "s3://inventory/photos/daily/2026-12-01T01-00Z/manifest.json"
    plan = _plan(
        [Trigger("photos")], manifest_uri=manifest, manifest_etag="abc", manifest_format="inventory"
    )
    request = valid(plan)
    assert request["Manifest"]["Spec"] == {"Format": "S3InventoryReport_CSV_20161130"}
    assert request["Manifest"]["Location"]["ObjectArn"] == (
        "arn:aws:s3:::inventory/photos/daily/2026-12-01T01-00Z/manifest.json"
    )
    read = next(s for s in plan.permissions_policy["Statement"] if s["Sid"] == "ReadManifest")
    # manifest.json and the data files beside its date folder (photos/daily/data/...)
    assert read["Resource"] == "arn:aws:s3:::inventory/photos/daily/*"


def test_a_directory_bucket_needs_a_manifest_and_gets_one() -> None:
    # A trigger cannot name a directory bucket (they send no notifications), so
    # the function's triggers are declared for any bucket and the plan names it.
    any_bucket = [Trigger(None, prefix="raw/")]
    with pytest.raises(BackfillError, match="cannot generate a manifest from one"):
        _plan(any_bucket, bucket=DIRECTORY_BUCKET)
    plan = _plan(
        any_bucket,
        bucket=DIRECTORY_BUCKET,
        manifest_uri="s3://manifests/photos-express.csv",
        manifest_etag="abc",
    )
    request = valid(plan)
    assert request["Operation"]["LambdaInvoke"]["InvocationSchemaVersion"] == "2.0"
    assert plan.bucket == DIRECTORY_BUCKET
    assert any("directory bucket" in n and "no event notifications" in n for n in plan.notes)
    with pytest.raises(BackfillError, match="general purpose buckets only"):
        _plan(
            [Trigger(None)],
            bucket=DIRECTORY_BUCKET,
            manifest_uri=f"s3://{DIRECTORY_BUCKET}/m.csv",
            manifest_etag="abc",
        )
    # Triggers that name another bucket would skip every task of this one.
    with pytest.raises(BackfillError, match="declare the function's triggers without bucket="):
        _plan([Trigger("photos", prefix="raw/")], bucket=DIRECTORY_BUCKET)


def test_the_token_is_stable_and_follows_the_request() -> None:
    triggers = [Trigger("photos", prefix="raw/", suffix=".jpg")]
    first, again = _plan(triggers), _plan(triggers)
    assert first.client_request_token == again.client_request_token
    assert len(first.client_request_token) == 64
    changes: list[dict[str, Any]] = [
        {"priority": 20},
        {"created_before": WHEN + timedelta(seconds=1)},
        {"user_arguments": {"label": "v3"}},
        {"report_scope": "FailedTasksOnly"},
        {"larger_than": 0},
    ]
    tokens = {_plan(triggers, **change).client_request_token for change in changes}
    assert first.client_request_token not in tokens
    assert len(tokens) == len(changes)
    assert _plan([Trigger("photos", prefix="raw/", suffix=".png")]).client_request_token != (
        first.client_request_token
    )


def test_created_before_defaults_to_now() -> None:
    before = datetime.now(timezone.utc).replace(microsecond=0)  # the request has milliseconds
    plan = plan_backfill(
        [Trigger("photos")], FUNCTION_ARN, role_arn=ROLE_ARN, report_uri="s3://reports/"
    )
    found = valid(plan)["ManifestGenerator"]["S3JobManifestGenerator"]["Filter"]
    moment = datetime.fromisoformat(found["CreatedBefore"].replace("Z", "+00:00"))
    assert before <= moment <= datetime.now(timezone.utc)


def test_size_storage_class_and_options_reach_the_request() -> None:
    plan = _plan(
        [Trigger("photos")],
        larger_than=1024,
        smaller_than=10_000_000,
        storage_classes=["STANDARD", "INTELLIGENT_TIERING"],
        report_scope="FailedTasksOnly",
        priority=42,
        confirmation_required=True,
        account_id="210987654321",
        description="relabel",
    )
    request = valid(plan)
    found = request["ManifestGenerator"]["S3JobManifestGenerator"]["Filter"]
    assert found["ObjectSizeGreaterThanBytes"] == 1024
    assert found["ObjectSizeLessThanBytes"] == 10_000_000
    assert found["MatchAnyStorageClass"] == ["STANDARD", "INTELLIGENT_TIERING"]
    assert request["Report"]["ReportScope"] == "FailedTasksOnly"
    assert (request["Priority"], request["ConfirmationRequired"]) == (42, True)
    assert (request["AccountId"], request["Description"]) == ("210987654321", "relabel")


def test_a_handler_with_s3_triggers_is_a_source() -> None:
    from s3types import S3EventRecord
    from s3types_lambda import LambdaContext, s3_record_handler

    @s3_record_handler(bucket="photos", prefix="raw/", suffix=".jpg")
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        del record, context

    request = valid(_plan(handler))
    generator = request["ManifestGenerator"]["S3JobManifestGenerator"]
    assert generator["Filter"]["KeyNameConstraint"]["MatchAnyPrefix"] == ["raw/"]


@pytest.mark.parametrize(
    ("source", "options", "message"),
    [
        ([Trigger("a"), Trigger("b")], {}, r"2 buckets \(a, b\).*one backfill per bucket"),
        ([Trigger(None)], {}, "name no bucket"),
        (["photos"], {}, r"source\[0\] is a str, not a Trigger"),
        (42, {}, "source is a int"),
        ([Trigger("p")], {"manifest_uri": "s3://m/x.csv"}, "needs manifest_etag"),
        ([Trigger("p")], {"report_uri": "reports/x"}, "report_uri must be an s3://"),
        ([Trigger("p")], {"storage_classes": ["GLACIER_DEEP"]}, "storage class 'GLACIER_DEEP'"),
        ([Trigger("p")], {"larger_than": -1}, "larger_than must be a whole number"),
        ([Trigger("p")], {"created_before": datetime(2026, 1, 1)}, "has no time zone"),
        ([Trigger("p")], {"role_arn": "backfill-role"}, "not an IAM role ARN"),
        ([Trigger("p")], {"account_id": "12"}, "account_id must be 12 digits"),
        ([Trigger("p")], {"priority": -1}, "priority must be a whole number"),
        (
            [Trigger("p")],
            {"user_arguments": {f"k{i}": "v" for i in range(11)}},
            "11 user_arguments, and a job takes at most 10",
        ),
        ([Trigger("p")], {"user_arguments": {"k" * 65: "v"}}, "must be 1 to 64 characters"),
        ([Trigger("p")], {"user_arguments": {"k": "v" * 1025}}, "at most 1024 characters"),
    ],
)
def test_bad_input_is_a_clear_error(source: Any, options: dict[str, Any], message: str) -> None:
    arguments: dict[str, Any] = {"role_arn": ROLE_ARN, "report_uri": "s3://reports/"}
    arguments.update(options)
    with pytest.raises(BackfillError, match=message):
        plan_backfill(source, FUNCTION_ARN, **arguments)


def test_a_bucket_chooses_among_triggers_of_several() -> None:
    plan = _plan([Trigger("a", prefix="x/"), Trigger("b", prefix="y/")], bucket="b")
    assert plan.scope is not None and plan.scope.prefixes == ("y/",)


def test_a_bucket_none_of_them_names_moves_the_triggers_of_one() -> None:
    plan = _plan([Trigger("photos", prefix="raw/")], bucket="staging-photos")
    generator = valid(plan)["ManifestGenerator"]["S3JobManifestGenerator"]
    assert generator["SourceBucket"] == "arn:aws:s3:::staging-photos"
    assert generator["Filter"]["KeyNameConstraint"] == {"MatchAnyPrefix": ["raw/"]}


def test_the_plan_in_words_and_as_json() -> None:
    plan = _plan([Trigger("photos", prefix="raw/")])
    text = str(plan)
    assert "invoke " + FUNCTION_ARN in text and "bucket photos" in text
    assert "keys starting with 'raw/'" in text
    assert "$0.25 per job" in text
    json.dumps(plan.create_job_request)  # the request is JSON as it is (a saved plan)


def test_the_model_bounds_catch_what_validate_parameters_lets_through() -> None:
    request = valid(_plan([Trigger("photos")]))
    request["Description"] = "x" * 257
    validate_parameters(request, _model_input("CreateJob"))  # botocore: no max length
    with pytest.raises(AssertionError, match="Description: 257 over the model's max 256"):
        check_against_model("CreateJob", request)


def test_the_user_argument_limits_are_the_models() -> None:
    from s3types._limits import MAX_USER_ARGUMENT_KEY, MAX_USER_ARGUMENT_VALUE, MAX_USER_ARGUMENTS

    shape: Any = (
        botocore.session.get_session().get_service_model("s3control").shape_for("UserArguments")
    )
    assert shape.metadata["max"] == MAX_USER_ARGUMENTS
    assert shape.key.metadata == {"min": 1, "max": MAX_USER_ARGUMENT_KEY}
    assert shape.value.metadata["max"] == MAX_USER_ARGUMENT_VALUE
    at_limits = {"k" * 64: "v" * 1024, **{f"k{i}": "" for i in range(9)}}
    valid(_plan([Trigger("photos")], user_arguments=at_limits))
