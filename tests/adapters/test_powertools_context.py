"""``powertools_context``: a local context where Powertools' ``LambdaContext`` is expected."""

from __future__ import annotations

import io
import json
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from s3types.testing import LocalLambdaContext
from s3types_powertools import powertools_context


def test_the_context_is_powertools_own_class_with_the_local_values() -> None:
    local = LocalLambdaContext(function_name="videos", memory_limit_in_mb="512", remaining_millis=7)
    context = powertools_context(local)

    assert isinstance(context, LambdaContext)
    assert context.function_name == "videos"
    assert context.memory_limit_in_mb == 512
    assert context.aws_request_id == local.aws_request_id
    assert context.invoked_function_arn == local.invoked_function_arn
    assert context.get_remaining_time_in_millis() == 7


def test_powertools_inject_lambda_context_logs_the_local_values() -> None:
    stream = io.StringIO()
    logger = Logger(service="videos", stream=stream)

    @logger.inject_lambda_context
    def handler(event: dict[str, Any], context: LambdaContext) -> str:
        logger.info("handled")
        return context.function_name

    local = LocalLambdaContext(function_name="videos")
    assert handler({}, powertools_context(local)) == "videos"
    logged = json.loads(stream.getvalue().splitlines()[-1])
    assert logged["function_name"] == "videos"
    assert logged["function_request_id"] == local.aws_request_id
