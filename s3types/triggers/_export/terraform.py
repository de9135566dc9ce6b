"""Triggers as Terraform: ``aws_s3_bucket_notification`` and ``aws_lambda_permission``."""

from __future__ import annotations

import json
from collections.abc import Mapping

from s3types.triggers._configuration import Target
from s3types.triggers._logical_ids import terraform_names
from s3types.triggers._trigger import Trigger

__all__ = ["hcl", "terraform_config"]

_TF_BLOCKS = {
    "lambda": ("lambda_function", "lambda_function_arn"),
    "sqs": ("queue", "queue_arn"),
    "sns": ("topic", "topic_arn"),
}


def hcl(value: str) -> str:
    """A string as an HCL literal: JSON's form, with ``${`` and ``%{`` escaped (not templates).

    >>> print(hcl("a${b}"))
    "a$${b}"
    """
    # HCL strings are JSON strings, except that "${" and "%{" start templates.
    return json.dumps(value, ensure_ascii=False).replace("${", "$${").replace("%{", "%%{")


def terraform_config(buckets: Mapping[str, list[Trigger]], target: Target) -> str:
    """Each bucket's ``aws_s3_bucket_notification``, with a Lambda target's permission.

    An example: :func:`s3types.triggers.export_triggers`.
    """
    block, arn_key = _TF_BLOCKS[target.kind]
    names = terraform_names(buckets)
    out: list[str] = []
    for bucket, triggers in buckets.items():
        name = names[bucket]
        depends = ""
        if target.kind == "lambda":
            out += [
                f'resource "aws_lambda_permission" "s3_{name}" {{',
                f"  statement_id   = {hcl('s3types-' + bucket)}",
                '  action         = "lambda:InvokeFunction"',
                f"  function_name  = {hcl(target.arn)}",
                '  principal      = "s3.amazonaws.com"',
                f"  source_arn     = {hcl(f'arn:{target.partition}:s3:::{bucket}')}",
                f"  source_account = {hcl(target.account)}",
                "}",
                "",
            ]
            depends = f"  depends_on = [aws_lambda_permission.s3_{name}]"
        out += [f'resource "aws_s3_bucket_notification" "{name}" {{', f"  bucket = {hcl(bucket)}"]
        for trigger in triggers:
            out += [
                f"  {block} {{",
                f"    id     = {hcl(trigger.rule_id)}",
                f"    {arn_key} = {hcl(target.arn)}",
                f"    events = [{', '.join(hcl(event) for event in trigger.events)}]",
            ]
            # URL-encoded: the provider passes them to S3 as they are.
            if trigger.encoded_prefix is not None:
                out.append(f"    filter_prefix = {hcl(trigger.encoded_prefix)}")
            if trigger.encoded_suffix is not None:
                out.append(f"    filter_suffix = {hcl(trigger.encoded_suffix)}")
            out.append("  }")
        if depends:
            out.append(depends)
        out += ["}", ""]
    return "\n".join(out)
