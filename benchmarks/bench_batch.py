"""Batch Operations jobs and Object Lambda requests: s3types against Powertools, as ratios.

For the same events (the corpus fixtures Powertools itself ships, and a
2.0 job with a key that needs decoding), each reader is timed doing what
a handler does: validate, then read every value a handler needs, keys
decoded (Powertools' Parser models leave ``s3Key`` encoded, so that
reader calls ``unquote_plus`` as its users must). Prints the median time
per event and s3types' speed-up over each peer; the target is at least
1.5x Powertools' Parser. Interleaved rounds, as in ``run.py``.

    python benchmarks/bench_batch.py           # about half a minute
    python benchmarks/bench_batch.py --quick   # fewer rounds
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aws_lambda_powertools.utilities.data_classes import S3BatchOperationEvent
from aws_lambda_powertools.utilities.data_classes.s3_object_event import (
    S3ObjectLambdaEvent as ObjectLambdaDataClass,
)
from aws_lambda_powertools.utilities.parser.models import S3BatchOperationModel
from aws_lambda_powertools.utilities.parser.models.s3_object_event import (
    S3ObjectLambdaEvent as ObjectLambdaParserModel,
)

from benchmarks.bench_timing import interleaved_medians
from s3types.batch import parse_batch_job
from s3types.object_lambda import parse_object_lambda_event

EVENTS = Path(__file__).resolve().parents[1] / "tests" / "events"
TARGET = 1.5


def _batch_events() -> dict[str, dict[str, Any]]:
    v1 = json.loads((EVENTS / "batch-operations/powertools/s3-batch-schema-v1.json").read_text())
    v2 = json.loads((EVENTS / "batch-operations/powertools/s3-batch-schema-v2.json").read_text())
    encoded = json.loads(json.dumps(v2))
    encoded["tasks"][0]["s3Key"] = "photos/2024/red+flower%2B1+%C3%A4.jpg"
    return {"job 1.0": v1, "job 2.0": v2, "job 2.0, encoded key": encoded}


def _object_lambda_event() -> dict[str, Any]:
    path = EVENTS / "object-lambda/powertools/s3-object-lambda-iam-user.json"
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


def _s3types_job(event: dict[str, Any]) -> object:
    job = parse_batch_job(event)
    return [
        (t.task_id, t.bucket_name, t.key, t.version_id, job.user_arguments.get("k1"))
        for t in job.tasks
    ]


def _parser_job(event: dict[str, Any]) -> object:
    model = S3BatchOperationModel.model_validate(event)
    arguments = model.job.userArguments or {}
    return [
        (t.taskId, t.s3Bucket, unquote_plus(t.s3Key), t.s3VersionId, arguments.get("k1"))
        for t in model.tasks
    ]


def _data_class_job(event: dict[str, Any]) -> object:
    job = S3BatchOperationEvent(event)
    arguments = job.job.user_arguments
    return [
        (t.task_id, t.s3_bucket, t.s3_key, t.s3_version_id, arguments.get("k1")) for t in job.tasks
    ]


def _s3types_object_lambda(event: dict[str, Any]) -> object:
    request = parse_object_lambda_event(event)
    return (
        request.input_s3_url,
        request.output_route,
        request.output_token,
        request.configuration.payload,
        request.user_request.header("Range"),
        request.user_identity.arn,
    )


def _parser_object_lambda(event: dict[str, Any]) -> object:
    request = ObjectLambdaParserModel.model_validate(event)
    context = request.getObjectContext
    headers = {k.lower(): v for k, v in request.userRequest.headers.items()}
    return (
        str(context.inputS3Url),
        context.outputRoute,
        context.outputToken,
        request.configuration.payload,
        headers.get("range"),
        request.userIdentity.arn,
    )


def _data_class_object_lambda(event: dict[str, Any]) -> object:
    request = ObjectLambdaDataClass(event)
    return (
        request.input_s3_url,
        request.request_route,
        request.request_token,
        request.configuration.payload,
        request.user_request.headers.get("Range"),
        request.user_identity.arn,
    )


Reader = Callable[[dict[str, Any]], object]
READERS: dict[str, tuple[Reader, Reader, Reader]] = {
    "batch": (_s3types_job, _parser_job, _data_class_job),
    "object-lambda": (_s3types_object_lambda, _parser_object_lambda, _data_class_object_lambda),
}


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print the table; exit 1 if a Parser ratio misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    args = parser.parse_args(argv)
    rounds, batch_seconds = (5, 0.05) if args.quick else (15, 0.2)
    cases = [("batch", label, event) for label, event in _batch_events().items()]
    cases.append(("object-lambda", "GetObject request", _object_lambda_event()))
    print(
        f"{'event':<28}{'s3types':>10}{'Parser':>10}{'data class':>12}{'vs Parser':>11}"
        f"{'vs data class':>15}  target"
    )
    missed = False
    for kind, label, event in cases:
        ours, parser_reader, data_class = READERS[kind]
        # Same values out of every reader (the Parser's URL is a str once converted).
        assert ours(event) == parser_reader(event) == data_class(event), label
        medians = interleaved_medians(
            [functools.partial(reader, event) for reader in (ours, parser_reader, data_class)],
            rounds=rounds,
            batch_seconds=batch_seconds,
        )
        mine, theirs, wrapped = (seconds * 1e6 for seconds in medians)
        ratio = theirs / mine
        missed = missed or ratio < TARGET
        print(
            f"{label:<28}{mine:>8.1f}us{theirs:>8.1f}us{wrapped:>10.1f}us{ratio:>10.2f}x"
            f"{wrapped / mine:>14.2f}x  {'PASS' if ratio >= TARGET else 'MISS'} (>= {TARGET}x)"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
