"""``plan_backfill``: the S3 Batch Operations job that runs a function over a bucket's objects.

The plan is values only (nothing is read or written): the ``CreateJob``
request, the role's two policy documents, what the job covers, and notes
where it covers more than the triggers (the handler's filter skips the
rest). :func:`~s3types.backfill.submit_backfill` sends the request.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, cast

from s3types.backfill._arns import (
    BackfillError,
    S3Location,
    account_of,
    bucket_arn,
    is_directory_bucket,
    object_arn,
    parse_s3_uri,
)
from s3types.backfill._policy import permissions_policy, trust_policy
from s3types.backfill._prices import BackfillFees, backfill_fees
from s3types.backfill._scope import KeyScope, key_scope
from s3types.triggers import Trigger

if TYPE_CHECKING:
    from mypy_boto3_s3control.literals import S3StorageClassType
    from mypy_boto3_s3control.type_defs import (
        CreateJobRequestTypeDef,
        JobManifestGeneratorFilterTypeDef,
        JobManifestTypeDef,
        JobReportTypeDef,
        KeyNameConstraintTypeDef,
        S3JobManifestGeneratorTypeDef,
    )

    from s3types.backfill._estimate import ObjectEstimate

__all__ = [
    "BackfillPlan",
    "ManifestFormat",
    "ReportScope",
    "generator_filter",
    "plan_backfill",
    "request_token",
]

ManifestFormat = Literal["csv", "inventory"]
ReportScope = Literal["AllTasks", "FailedTasksOnly"]

_FORMATS = {"csv": "S3BatchOperations_CSV_20180820", "inventory": "S3InventoryReport_CSV_20161130"}
_STORAGE_CLASSES = (
    "DEEP_ARCHIVE",
    "GLACIER",
    "GLACIER_IR",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "STANDARD",
    "STANDARD_IA",
)
#: The invocation schema with ``userArguments`` and bucket names; the only one
#: directory buckets accept, and the one s3types.batch reads best.
INVOCATION_SCHEMA_VERSION = "2.0"


@dataclass(frozen=True)
class BackfillPlan:
    """An S3 Batch Operations job that invokes a function over a bucket's stored objects.

    ``create_job_request`` is the keyword arguments of
    ``s3control.create_job`` (typed ``CreateJobRequestTypeDef``), its
    ``ClientRequestToken`` a hash of the rest, so submitting the same plan
    twice makes one job. ``trust_policy`` and ``permissions_policy`` are
    the role's documents. ``scope`` is the key filter of a generated
    manifest (None for a manifest given); ``notes`` say where the job
    covers more or less than the triggers; ``estimate`` (from
    :func:`~s3types.backfill.estimate_backfill`) counts the objects when
    a listing was cheap enough, and ``fees`` prices them. ``str(plan)`` is
    the plan in words.
    """

    bucket: str
    function_arn: str
    create_job_request: CreateJobRequestTypeDef
    trust_policy: dict[str, Any]
    permissions_policy: dict[str, Any]
    scope: KeyScope | None
    notes: tuple[str, ...]
    estimate: ObjectEstimate | None = None

    @property
    def account_id(self) -> str:
        """The account the job is created in (``AccountId``)."""
        return self.create_job_request["AccountId"]

    @property
    def client_request_token(self) -> str:
        """The job's idempotency token: the same request gives the same token."""
        return self.create_job_request["ClientRequestToken"]

    @property
    def fees(self) -> BackfillFees | None:
        """The job's fees for the estimated objects, or None without an estimate."""
        return None if self.estimate is None else backfill_fees(self.estimate.objects)

    def with_estimate(self, estimate: ObjectEstimate) -> BackfillPlan:
        """This plan with an object count (the request is unchanged)."""
        return dataclasses.replace(self, estimate=estimate)

    def __str__(self) -> str:
        request = self.create_job_request
        lines = [
            f"S3 Batch Operations job in account {self.account_id}: invoke"
            f" {self.function_arn} once per object of bucket {self.bucket}",
        ]
        generator = generator_filter(request)
        if generator is not None and self.scope is not None:
            lines.append(f"  objects: {self.scope.describe()}, listed by S3 when the job starts")
            lines += [
                f"  filter: {name} {json.dumps(value, default=str)}"
                for name, value in generator.items()
            ]
        manifest = request.get("Manifest")
        if manifest is not None:
            lines.append(
                f"  objects: the manifest {manifest['Location']['ObjectArn']}"
                f" ({manifest['Spec']['Format']})"
            )
        report = request["Report"]
        lines.append(
            f"  report: {report.get('ReportScope', 'AllTasks')} to"
            f" {report.get('Bucket')}/{report.get('Prefix', '')}"
        )
        lines.append(
            f"  priority {request['Priority']}, confirmation"
            f" {'required' if request.get('ConfirmationRequired') else 'not required'},"
            f" token {self.client_request_token[:12]}…"
        )
        if self.estimate is not None:
            lines.append(f"  estimate: {self.estimate}")
            lines.append(f"  fees: {self.fees}")
        else:
            lines.append(
                "  fees: $0.25 per job + $1.00 per million objects + $0.20 per million Lambda"
                " requests (no object count: estimate_backfill, or plan --estimate)"
            )
        for statement in self.permissions_policy["Statement"]:
            actions = statement["Action"]
            named = ", ".join(actions) if isinstance(actions, list) else actions
            lines.append(f"  role may: {named} on {statement['Resource']}")
        lines.append("  role trusts: batchoperations.s3.amazonaws.com (sts:AssumeRole)")
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def generator_filter(request: CreateJobRequestTypeDef) -> Mapping[str, Any] | None:
    """The manifest generator's ``Filter`` of a request, or None for a job over a manifest."""
    generator: Mapping[str, Any] | None = cast("Mapping[str, Any]", request).get(
        "ManifestGenerator"
    )
    if generator is None:
        return None
    return cast("Mapping[str, Any]", generator["S3JobManifestGenerator"].get("Filter", {}))


def request_token(request: Mapping[str, Any]) -> str:
    """The ``ClientRequestToken`` for a request: SHA-256 of its JSON, the token left out.

    64 hex digits, S3 Control's maximum length.

    >>> token = request_token({"Priority": 10})
    >>> token == request_token({"Priority": 10, "ClientRequestToken": "x"}), len(token)
    (True, 64)
    """
    body = {name: value for name, value in request.items() if name != "ClientRequestToken"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _triggers_of(source: object) -> list[Trigger]:
    kind = type(source).__name__
    declared = getattr(source, "s3_triggers", None)
    if isinstance(declared, tuple):
        return list(cast("tuple[Trigger, ...]", declared))
    if isinstance(source, Iterable) and not isinstance(source, (str, bytes, Mapping)):
        triggers = list(cast("Iterable[object]", source))
        for index, trigger in enumerate(triggers):
            if not isinstance(trigger, Trigger):
                raise BackfillError(
                    f"plan_backfill: source[{index}] is a {type(trigger).__name__}, not a"
                    " Trigger: pass a handler with s3_triggers or a list of Trigger"
                )
        return cast("list[Trigger]", triggers)
    raise BackfillError(
        f"plan_backfill: source is a {kind}: pass a handler made by"
        " @s3_record_handler or @on_s3_change (it has s3_triggers) or a list of Trigger"
    )


def _one_bucket(triggers: list[Trigger], bucket: str | None) -> tuple[str, list[Trigger]]:
    named = sorted({t.bucket for t in triggers if t.bucket is not None})
    if bucket is not None:
        if bucket in named or len(named) != 1:
            # The bucket's own triggers (and those declared without a bucket).
            return bucket, [t for t in triggers if t.bucket in (None, bucket)]
        # Every trigger names one other bucket: the same function on another bucket
        # (a staging copy), as `s3types trigger --bucket` does.
        return bucket, [t.replace(bucket=bucket) for t in triggers]
    if len(named) == 1:
        return named[0], triggers
    if not named:
        raise BackfillError(
            "plan_backfill: the triggers name no bucket (declared without bucket=):"
            " pass bucket='...' for the bucket to backfill"
        )
    raise BackfillError(
        f"plan_backfill: the triggers name {len(named)} buckets ({', '.join(named)}) and one"
        " job covers one bucket: plan one backfill per bucket, with bucket='...'"
    )


def _prefix_key(location: S3Location) -> S3Location:
    """A report or output location as a prefix (``backfills/``, or the bucket's top)."""
    key = location.key
    return S3Location(location.bucket, key if not key or key.endswith("/") else key + "/")


def _general_purpose(location: S3Location, what: str) -> S3Location:
    if is_directory_bucket(location.bucket):
        raise BackfillError(
            f"{what} {location} is in a directory bucket: S3 Batch Operations reads"
            " manifests from and writes reports to general purpose buckets only; name one"
        )
    return location


def _size(value: int | None, what: str) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise BackfillError(f"plan_backfill: {what} must be a whole number of bytes, got {value!r}")
    return value


def _iso(moment: datetime, what: str) -> str:
    if moment.tzinfo is None:
        raise BackfillError(
            f"plan_backfill: {what} {moment.isoformat()} has no time zone:"
            " pass an aware datetime, e.g. datetime.now(timezone.utc)"
        )
    # Milliseconds, as S3 keeps LastModified: an object written a moment before
    # the plan is in it, one written after is not (whole seconds would drop the former).
    utc = moment.astimezone(timezone.utc)
    if utc.microsecond == 0:
        return utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


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
    triggers = _triggers_of(source)
    if manifest_uri is None and not triggers:
        raise BackfillError(
            "plan_backfill: no triggers and no manifest: pass a handler with s3_triggers,"
            " a list of Trigger, or manifest_uri"
        )
    if triggers or bucket is not None:
        chosen, triggers = _one_bucket(triggers, bucket)
    else:
        chosen = ""
    report = _general_purpose(_prefix_key(parse_s3_uri(report_uri, "report_uri")), "report_uri")
    report_request: JobReportTypeDef = {
        "Enabled": True,
        "Bucket": bucket_arn(report.bucket, partition),
        "Format": "Report_CSV_20180820",
        "ReportScope": report_scope,
    }
    if report.key:
        report_request["Prefix"] = report.key.rstrip("/")
    operation_arguments: dict[str, str] = dict(user_arguments or {})
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
        manifest = _general_purpose(parse_s3_uri(manifest_uri, "manifest_uri"), "manifest_uri")
        if not manifest_etag:
            raise BackfillError(
                f"plan_backfill: manifest_uri {manifest} needs manifest_etag (head_object's"
                " ETag of it): S3 Batch Operations checks that the manifest has not changed"
            )
        request["Manifest"] = _manifest(
            manifest, manifest_etag, manifest_format, partition, manifest_with_versions
        )
        policy_parts["manifest_objects"] = _manifest_objects(manifest, manifest_format)
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
        output = _general_purpose(
            _prefix_key(parse_s3_uri(manifest_output_uri or report_uri, "manifest_output_uri")),
            "manifest_output_uri",
        )
        moment = created_before or datetime.now(timezone.utc)
        request["ManifestGenerator"] = {
            "S3JobManifestGenerator": _generator(
                chosen,
                partition,
                output,
                scope,
                _iso(moment, "created_before"),
                None if created_after is None else _iso(created_after, "created_after"),
                _size(larger_than, "larger_than"),
                _size(smaller_than, "smaller_than"),
                _storage_classes(storage_classes),
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


def _manifest(
    location: S3Location, etag: str, form: ManifestFormat, partition: str, versions: bool
) -> JobManifestTypeDef:
    if form not in _FORMATS:
        raise BackfillError(f"manifest_format must be 'csv' or 'inventory', got {form!r}")
    manifest: JobManifestTypeDef = {
        "Spec": {"Format": "S3BatchOperations_CSV_20180820"},
        "Location": {"ObjectArn": object_arn(location, partition), "ETag": etag},
    }
    if form == "inventory":
        if not location.key.endswith("manifest.json"):
            raise BackfillError(
                f"manifest_uri {location} is not an S3 Inventory manifest.json: with"
                " manifest_format='inventory' name the report's manifest.json"
            )
        manifest["Spec"] = {"Format": "S3InventoryReport_CSV_20161130"}
    else:
        manifest["Spec"]["Fields"] = (
            ["Bucket", "Key", "VersionId"] if versions else ["Bucket", "Key"]
        )
    return manifest


def _manifest_objects(location: S3Location, form: ManifestFormat) -> S3Location:
    if form == "csv":
        return location
    # An inventory report: PREFIX/SOURCE-BUCKET/CONFIG-ID/DATE/manifest.json, with its
    # data files in PREFIX/SOURCE-BUCKET/CONFIG-ID/data/: the job reads both.
    parts = location.key.split("/")
    return S3Location(location.bucket, "/".join(parts[:-2]) + "/" if len(parts) > 2 else "")


def _storage_classes(values: Iterable[str]) -> list[S3StorageClassType]:
    chosen = list(values)
    for value in chosen:
        if value not in _STORAGE_CLASSES:
            raise BackfillError(
                f"plan_backfill: storage class {value!r} is not one a manifest generator"
                f" filters on ({', '.join(_STORAGE_CLASSES)})"
            )
    return cast("list[S3StorageClassType]", chosen)


def _generator(
    bucket: str,
    partition: str,
    output: S3Location,
    scope: KeyScope,
    created_before: str,
    created_after: str | None,
    larger_than: int | None,
    smaller_than: int | None,
    storage_classes: list[S3StorageClassType],
) -> S3JobManifestGeneratorTypeDef:
    found: JobManifestGeneratorFilterTypeDef = {"CreatedBefore": created_before}
    if created_after is not None:
        found["CreatedAfter"] = created_after
    constraint: KeyNameConstraintTypeDef = {}
    if scope.prefixes:
        constraint["MatchAnyPrefix"] = list(scope.prefixes)
    if scope.suffixes:
        constraint["MatchAnySuffix"] = list(scope.suffixes)
    if constraint:
        found["KeyNameConstraint"] = constraint
    if larger_than is not None:
        found["ObjectSizeGreaterThanBytes"] = larger_than
    if smaller_than is not None:
        found["ObjectSizeLessThanBytes"] = smaller_than
    if storage_classes:
        found["MatchAnyStorageClass"] = storage_classes
    generator: S3JobManifestGeneratorTypeDef = {
        "SourceBucket": bucket_arn(bucket, partition),
        "EnableManifestOutput": True,
        "ManifestOutputLocation": {
            "Bucket": bucket_arn(output.bucket, partition),
            "ManifestFormat": "S3InventoryReport_CSV_20211130",
        },
        "Filter": found,
    }
    if output.key:
        generator["ManifestOutputLocation"]["ManifestPrefix"] = output.key.rstrip("/")
    return generator
