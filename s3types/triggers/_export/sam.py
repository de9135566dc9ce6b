"""Triggers as a SAM template: one function per handler, its triggers as S3 events."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from s3types.triggers._configuration import parse_target
from s3types.triggers._events import TriggerError
from s3types.triggers._export.buckets import by_bucket
from s3types.triggers._export.cloudformation import bucket_resource, cfn_rules
from s3types.triggers._logical_ids import cfn_stems
from s3types.triggers._overlap import check_triggers
from s3types.triggers._trigger import Trigger

__all__ = ["recursive_loop", "sam_export", "sam_function", "sam_template", "serverless_template"]


def sam_function(
    handler: str,
    runtime: str,
    code_uri: str,
    events: Mapping[str, Any],
    extra: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """An ``AWS::Serverless::Function`` resource: the handler, its code, its events (and ``extra``).

    >>> sam_function("app.f", "python3.12", ".", {})["Properties"]["Handler"]
    'app.f'
    """
    return {
        "Type": "AWS::Serverless::Function",
        "Properties": {
            "Handler": handler,
            "Runtime": runtime,
            "CodeUri": code_uri,
            "Events": events,
            **(extra or {}),
        },
    }


def serverless_template(description: str, resources: Mapping[str, Any]) -> dict[str, Any]:
    """A SAM template (the ``AWS::Serverless-2016-10-31`` transform) of these resources.

    >>> serverless_template("demo", {})["Transform"]
    'AWS::Serverless-2016-10-31'
    """
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Description": description,
        "Resources": resources,
    }


def recursive_loop(handler: str, allow_recursive_loop: Collection[str]) -> dict[str, str]:
    """The ``RecursiveLoop`` property of a declared function: ``Terminate`` unless allowed.

    Lambda's own loop detection covers S3 and stops a loop after about 16
    invocations; the exports set it explicitly rather than rely on the
    account's default. A function that writes where its trigger fires on
    purpose (its writes pass ``allow_retrigger=True`` to the loop guard, and
    it stops the loop itself) is named in ``allow_recursive_loop``.

    >>> recursive_loop("app.f", ()), recursive_loop("app.f", {"app.f"})
    ({'RecursiveLoop': 'Terminate'}, {'RecursiveLoop': 'Allow'})
    """
    return {"RecursiveLoop": "Allow" if handler in allow_recursive_loop else "Terminate"}


def sam_template(
    functions: Mapping[str, Sequence[Trigger]],
    *,
    runtime: str = "python3.12",
    code_uri: str = ".",
    existing_buckets: Collection[str] = (),
    allow_recursive_loop: Collection[str] = (),
) -> dict[str, Any]:
    """A SAM template: one ``AWS::Serverless::Function`` per handler, its triggers as S3 events.

    ``functions`` maps a Lambda handler string (``"app.on_upload"``) to its
    triggers. SAM's ``Type: S3`` event needs the bucket in the same template,
    so each bucket is a resource here; SAM adds the invoke permission. A
    bucket in ``existing_buckets`` is marked for import
    (:func:`existing_bucket_notice`). Logical ids are distinct whatever the
    names (``a.b`` and ``a-b`` get a hash suffix each). Each function's
    ``RecursiveLoop`` is ``Terminate``, or ``Allow`` for the handlers in
    ``allow_recursive_loop`` (see :func:`recursive_loop`).

    >>> sorted(sam_template({"app.f": [Trigger("bucket")]})["Resources"])
    ['BucketBucket', 'FunctionAppF']
    """
    unknown = sorted(set(allow_recursive_loop) - set(functions))
    if unknown:
        raise TriggerError(f"allow_recursive_loop names no exported function: {unknown}")
    resources: dict[str, Any] = {}
    function_stems = cfn_stems(functions)
    bucket_stems = cfn_stems(
        t.bucket for triggers in functions.values() for t in triggers if t.bucket is not None
    )
    for handler, triggers in functions.items():
        events: dict[str, Any] = {}
        for bucket, rules in by_bucket(triggers).items():
            bucket_id = "Bucket" + bucket_stems[bucket]
            resources[bucket_id] = bucket_resource(bucket, {}, bucket in existing_buckets)
            for trigger in rules:
                properties: dict[str, Any] = {
                    "Bucket": {"Ref": bucket_id},
                    "Events": list(trigger.events),
                }
                if cfn_rules(trigger):
                    properties["Filter"] = {"S3Key": {"Rules": cfn_rules(trigger)}}
                events[f"S3Rule{len(events) + 1}"] = {"Type": "S3", "Properties": properties}
        resources["Function" + function_stems[handler]] = sam_function(
            handler, runtime, code_uri, events, recursive_loop(handler, allow_recursive_loop)
        )
    return serverless_template("S3-triggered functions exported by s3types", resources)


def sam_export(
    rules: tuple[Trigger, ...],
    target_arn: str | None,
    handler: str | None,
    functions: Mapping[str, Sequence[Trigger]] | None,
    existing_buckets: Collection[str],
) -> str:
    """``export_triggers(..., "sam")``: the template as JSON text, overlaps and targets checked.

    A queue or topic as ``target_arn`` is refused: SAM's S3 events invoke the function.
    """
    if target_arn is not None and parse_target(target_arn).kind != "lambda":
        raise TriggerError(
            f"export to sam: the target {target_arn[:200]!r} is not a Lambda function; a SAM"
            " template's S3 events invoke the function it declares. For a queue or topic,"
            " export to cloudformation or terraform"
        )
    if functions is None:
        if handler is None:
            raise TriggerError("export to sam needs the function's handler, e.g. 'app.on_upload'")
        functions = {handler: rules}
    every = (trigger for triggers in functions.values() for trigger in triggers)
    for bucket_rules in by_bucket(every).values():
        check_triggers(bucket_rules)  # S3 refuses overlapping rules, whoever's they are
    template = sam_template(functions, existing_buckets=existing_buckets)
    return json.dumps(template, indent=2, ensure_ascii=False) + "\n"
