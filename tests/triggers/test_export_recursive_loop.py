"""Exports declare a function's RecursiveLoop (Lambda's loop detection) explicitly."""

from __future__ import annotations

import json

import pytest
from cfnlint.api import ManualArgs, lint  # pyright: ignore[reportMissingTypeStubs]

from s3types.triggers import Trigger, TriggerError, export_triggers, sam_template

TRIGGERS = [Trigger("photo-uploads", prefix="in/", suffix=".jpg", id="jpg")]


def _cfn_lint(template: dict[str, object]) -> list[str]:
    config = ManualArgs(regions=["us-east-1"])
    return [str(match) for match in lint(json.dumps(template), config=config)]


def _as_lambda_function(properties: dict[str, object]) -> dict[str, object]:
    # cfn-lint checks SAM functions' properties only after SAM's transform; the
    # value must be one AWS::Lambda::Function (what SAM emits) accepts.
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
            "Function": {
                "Type": "AWS::Lambda::Function",
                "Properties": {
                    "Handler": properties["Handler"],
                    "Runtime": properties["Runtime"],
                    "Role": "arn:aws:iam::123456789012:role/lambda",
                    "Code": {"ZipFile": "def handler(event, context): pass"},
                    "RecursiveLoop": properties["RecursiveLoop"],
                },
            }
        },
    }


def test_a_sam_function_terminates_recursive_loops_by_default() -> None:
    template = json.loads(export_triggers(TRIGGERS, "sam", handler="app.on_upload"))
    function = template["Resources"]["FunctionAppOnUpload"]["Properties"]

    assert function["RecursiveLoop"] == "Terminate"
    assert _cfn_lint(template) == []
    assert _cfn_lint(_as_lambda_function(function)) == []


def test_a_function_that_re_triggers_on_purpose_is_allowed_by_name() -> None:
    template = sam_template(
        {"app.a": TRIGGERS, "app.b": [Trigger("other-bucket")]}, allow_recursive_loop={"app.b"}
    )
    a = template["Resources"]["FunctionAppA"]["Properties"]
    b = template["Resources"]["FunctionAppB"]["Properties"]

    assert (a["RecursiveLoop"], b["RecursiveLoop"]) == ("Terminate", "Allow")
    assert _cfn_lint(_as_lambda_function(b)) == []


def test_the_lambda_check_is_not_vacuous() -> None:
    properties = sam_template({"app.a": TRIGGERS})["Resources"]["FunctionAppA"]["Properties"]
    properties["RecursiveLoop"] = "Sometimes"

    assert any("Sometimes" in match for match in _cfn_lint(_as_lambda_function(properties)))


def test_allowing_a_function_that_is_not_exported_is_refused() -> None:
    with pytest.raises(TriggerError, match=r"names no exported function: \['app\.typo'\]"):
        sam_template({"app.a": TRIGGERS}, allow_recursive_loop={"app.typo"})
