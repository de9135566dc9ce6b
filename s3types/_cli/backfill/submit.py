"""``s3types backfill submit``: create the planned S3 Batch Operations job."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from s3types._cli.backfill._common import control_client, run_action
from s3types._cli.backfill.plan import add_plan_arguments, plan_from_args, show_plan
from s3types.backfill import BackfillError, submit_backfill

if TYPE_CHECKING:
    from mypy_boto3_s3control.type_defs import CreateJobRequestTypeDef

__all__ = ["add_parser", "saved_request"]


def saved_request(path: Path) -> CreateJobRequestTypeDef:
    """The ``CreateJob`` request of a plan saved with ``plan --out`` (or ``--format json``)."""
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise BackfillError(f"{path} is not JSON ({err}): save a plan with `plan --out`") from None
    request: object = (
        cast("dict[str, Any]", document).get("CreateJob") if isinstance(document, dict) else None
    )
    if not isinstance(request, dict):
        raise BackfillError(f"{path} has no CreateJob request: save a plan with `plan --out`")
    return cast("CreateJobRequestTypeDef", request)


def _submit(args: argparse.Namespace) -> int:
    source: str | None = args.source
    if source is not None and source.endswith(".json"):
        request = saved_request(Path(source))
        where = f"the plan in {args.source}"
    else:
        plan = plan_from_args(args)
        show_plan(plan, args)
        request = plan.create_job_request
        where = "the plan above"
    if not args.yes:
        print(
            f"s3types backfill submit: this creates an S3 Batch Operations job (billed); check"
            f" {where}, then pass --yes",
            file=sys.stderr,
        )
        return 2
    job_id = submit_backfill(control_client(args), request)
    print(f"submitted job {job_id} in account {request['AccountId']}")
    print(f"follow it: s3types backfill watch {job_id} --account-id {request['AccountId']}")
    return 0


def add_parser(actions: Any) -> None:
    """Register ``s3types backfill submit``."""
    parser = actions.add_parser(
        "submit",
        help="create the planned S3 Batch Operations job (from a saved plan or the options)",
        description=(
            "Create the S3 Batch Operations job: from a plan saved with `plan --out PLAN.json`"
            " (sent as it is) or from the same options as `plan`. The request carries a"
            " ClientRequestToken derived from it, so submitting the same plan again does not"
            " start a second job. Asks for --yes."
        ),
    )
    add_plan_arguments(parser)
    parser.add_argument("--yes", action="store_true", help="create the job without asking")
    parser.add_argument(
        "--control-endpoint-url", metavar="URL", help="the S3 Control endpoint (default: AWS's)"
    )
    parser.set_defaults(func=run_action("submit", _submit))
