"""``BackfillPlan``: the S3 Batch Operations job a backfill plans, and the plan in words.

The plan is values only: the ``CreateJob`` request, the role's two policy
documents, the key scope of a generated manifest, notes, and optionally an
object count (:func:`~s3types.backfill.estimate_backfill`) and its fees.
:func:`~s3types.backfill.plan_backfill` makes one.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from s3types.backfill._prices import BackfillFees, backfill_fees, unit_prices
from s3types.backfill._request import generator_filter
from s3types.backfill._scope import KeyScope

if TYPE_CHECKING:
    from mypy_boto3_s3control.type_defs import CreateJobRequestTypeDef

    from s3types.backfill._estimate import ObjectEstimate

__all__ = ["BackfillPlan"]


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
            f" {self.function_arn} once per object of "
            + (f"bucket {self.bucket}" if self.bucket else "the manifest"),
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
            lines.append(f"  fees: {unit_prices()} (no object count: plan --estimate)")
        for statement in self.permissions_policy["Statement"]:
            actions: object = statement["Action"]
            named = (
                ", ".join(cast("list[str]", actions)) if isinstance(actions, list) else str(actions)
            )
            lines.append(f"  role may: {named} on {statement['Resource']}")
        lines.append("  role trusts: batchoperations.s3.amazonaws.com (sts:AssumeRole)")
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)
