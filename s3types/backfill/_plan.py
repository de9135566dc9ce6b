"""``plan_backfill``: the S3 Batch Operations job that runs a function over a bucket's objects.

The plan is values only (nothing is read or written): the ``CreateJob``
request, the role's two policy documents, what the job covers, and notes
where it covers more than the triggers (the handler's filter skips the
rest). :func:`~s3types.backfill.submit_backfill` sends the request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, cast

from s3types.backfill._arns import (
    BackfillError,
    account_of,
    bucket_arn,
    is_directory_bucket,
    parse_s3_uri,
)
from s3types.backfill._backfill_plan import BackfillPlan
from s3types.backfill._policy import permissions_policy, trust_policy
from s3types.backfill._request import (
    INVOCATION_SCHEMA_VERSION,
    ManifestFormat,
    as_prefix,
    byte_count,
    checked_user_arguments,
    general_purpose,
    generator_spec,
    iso_time,
    manifest_objects,
    manifest_spec,
    request_token,
    storage_class_filter,
)
from s3types.backfill._scope import KeyScope, key_scope
from s3types.backfill._source import one_bucket, triggers_of

if TYPE_CHECKING:
    from mypy_boto3_s3control.type_defs import (
        CreateJobRequestTypeDef,
        JobReportTypeDef,
    )

__all__ = [
    "BackfillPlan",
    "ManifestFormat",
    "ReportScope",
    "plan_backfill",
]

ReportScope = Literal["AllTasks", "FailedTasksOnly"]


def plan_backfill(
    source: object,
    function_arn: str,
    *,
    role_arn: str,
    report_uri: str,
    bucket: str | None = None,
    account_id: str | None = None,
    manifest_uri: str | None = None,
    manifest_etag: str | None = None,
    manifest_format: ManifestFormat = "csv",
    manifest_with_versions: bool = False,
    manifest_output_uri: str | None = None,
    created_before: datetime | None = None,
    created_after: datetime | None = None,
    larger_than: int | None = None,
    smaller_than: int | None = None,
    storage_classes: Iterable[str] = (),
    report_scope: ReportScope = "AllTasks",
    user_arguments: Mapping[str, str] | None = None,
    priority: int = 10,
    confirmation_required: bool = False,
    description: str | None = None,
) -> BackfillPlan:
    """Plan the S3 Batch Operations job that invokes ``function_arn`` over a bucket's objects.

    ``source`` is a handler with ``s3_triggers`` (``@s3_record_handler``,
    ``@on_s3_change``) or a list of :class:`~s3types.triggers.Trigger`;
    its triggers must name one bucket, or ``bucket=`` chooses one (the
    triggers naming it; when all name one other bucket, they are moved
    to ``bucket``, e.g. a staging copy of the same data). Without a
    manifest, S3 generates one when the job starts: the objects of the
    bucket whose keys match the triggers' prefixes and suffixes (the
    smallest superset when one filter cannot hold them exactly: see
    ``plan.notes``), created before ``created_before`` (default: now, so
    the job does not race the live trigger), optionally sized
    ``larger_than``/``smaller_than`` bytes or in ``storage_classes``; the
    generated manifest is kept under ``manifest_output_uri`` (default:
    ``report_uri``). With ``manifest_uri`` (and its ``manifest_etag``) the
    job reads that CSV manifest (``bucket,key[,version_id]``) or, with
    ``manifest_format="inventory"``, that S3 Inventory ``manifest.json``.
    Directory buckets (``--x-s3``) need a manifest: S3 cannot generate one
    from them. The completion report (``report_scope``) goes to
    ``report_uri``. The account is ``account_id`` or the role's.

    >>> from s3types.triggers import Trigger
    >>> plan = plan_backfill(
    ...     [Trigger("photos", prefix="raw/", suffix=".jpg")],
    ...     "arn:aws:lambda:us-east-1:123456789012:function:label",
    ...     role_arn="arn:aws:iam::123456789012:role/backfill",
    ...     report_uri="s3://reports/backfills/",
    ...     created_before=datetime(2026, 1, 1, tzinfo=timezone.utc))
    >>> generator = plan.create_job_request["ManifestGenerator"]["S3JobManifestGenerator"]
    >>> generator["Filter"]["KeyNameConstraint"]
    {'MatchAnyPrefix': ['raw/'], 'MatchAnySuffix': ['.jpg']}
    >>> plan.create_job_request["Operation"]["LambdaInvoke"]["InvocationSchemaVersion"]
    '2.0'
    """
    account, partition = account_of(role_arn, account_id)
    if not isinstance(function_arn, str) or ":lambda:" not in function_arn:
        raise BackfillError(
            f"plan_backfill: function_arn {function_arn!r} is not a Lambda function ARN"
            " (arn:aws:lambda:REGION:ACCOUNT:function:NAME)"
        )
    triggers = triggers_of(source)
    if manifest_uri is None and not triggers:
        raise BackfillError(
            "plan_backfill: no triggers and no manifest: pass a handler with s3_triggers,"
            " a list of Trigger, or manifest_uri"
        )
    if triggers or bucket is not None:
        chosen, triggers = one_bucket(triggers, bucket)
    else:
        chosen = ""
    report = general_purpose(as_prefix(parse_s3_uri(report_uri, "report_uri")), "report_uri")
    report_request: JobReportTypeDef = {
        "Enabled": True,
        "Bucket": bucket_arn(report.bucket, partition),
        "Format": "Report_CSV_20180820",
        "ReportScope": report_scope,
    }
    if report.key:
        report_request["Prefix"] = report.key.rstrip("/")
    operation_arguments = checked_user_arguments(user_arguments)
    if isinstance(priority, bool) or not isinstance(priority, int) or priority < 0:
        raise BackfillError(
            f"plan_backfill: priority must be a whole number 0 or more, got {priority!r}"
        )
    request: dict[str, Any] = {
        "AccountId": account,
        "Operation": {
            "LambdaInvoke": {
                "FunctionArn": function_arn,
                "InvocationSchemaVersion": INVOCATION_SCHEMA_VERSION,
                **({"UserArguments": operation_arguments} if operation_arguments else {}),
            }
        },
        "Report": report_request,
        "Priority": priority,
        "RoleArn": role_arn,
        "ConfirmationRequired": confirmation_required,
        "Description": (description or f"s3types backfill of {chosen or manifest_uri}")[:256],
    }
    notes: list[str] = []
    scope: KeyScope | None = None
    policy_parts: dict[str, Any] = {}
    if chosen and is_directory_bucket(chosen):
        notes.append(
            f"{chosen} is a directory bucket (S3 Express One Zone): it sends no event"
            " notifications, so only a job like this one runs the function over its objects;"
            " S3 cannot generate a manifest from it, so the job reads a CSV manifest"
        )
    if manifest_uri is not None:
        manifest = general_purpose(parse_s3_uri(manifest_uri, "manifest_uri"), "manifest_uri")
        if not manifest_etag:
            raise BackfillError(
                f"plan_backfill: manifest_uri {manifest} needs manifest_etag (head_object's"
                " ETag of it): S3 Batch Operations checks that the manifest has not changed"
            )
        request["Manifest"] = manifest_spec(
            manifest, manifest_etag, manifest_format, partition, manifest_with_versions
        )
        policy_parts["manifest_objects"] = manifest_objects(manifest, manifest_format)
        if triggers:
            notes.append(
                "the manifest decides which objects the job covers; the triggers name the"
                " bucket, and the handler's filter skips keys they do not match"
            )
    else:
        if is_directory_bucket(chosen):
            raise BackfillError(
                f"plan_backfill: {chosen} is a directory bucket, and S3 Batch Operations"
                " cannot generate a manifest from one: write a CSV manifest of its objects to"
                " a general purpose bucket (write_manifest, or `s3types backfill plan"
                " --write-manifest s3://BUCKET/KEY.csv`) and pass manifest_uri"
            )
        scope = key_scope(triggers)
        notes += scope.notes
        output = general_purpose(
            as_prefix(parse_s3_uri(manifest_output_uri or report_uri, "manifest_output_uri")),
            "manifest_output_uri",
        )
        moment = created_before or datetime.now(timezone.utc)
        request["ManifestGenerator"] = {
            "S3JobManifestGenerator": generator_spec(
                chosen,
                partition,
                output,
                scope,
                iso_time(moment, "created_before"),
                None if created_after is None else iso_time(created_after, "created_after"),
                byte_count(larger_than, "larger_than"),
                byte_count(smaller_than, "smaller_than"),
                storage_class_filter(storage_classes),
            )
        }
        policy_parts["source_bucket"] = chosen
        policy_parts["manifest_output"] = output
    request["ClientRequestToken"] = request_token(request)
    return BackfillPlan(
        bucket=chosen,
        function_arn=function_arn,
        create_job_request=cast("CreateJobRequestTypeDef", request),
        trust_policy=trust_policy(),
        permissions_policy=permissions_policy(
            function_arn=function_arn, report=report, partition=partition, **policy_parts
        ),
        scope=scope,
        notes=tuple(notes),
    )
