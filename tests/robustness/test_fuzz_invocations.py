"""The Batch Operations and Object Lambda parsers: a valid result or S3EventError, nothing else.

The seeds are the real jobs and requests under tests/events/batch-operations
and tests/events/object-lambda. Hypothesis mutates them (fields dropped,
retyped, huge, nested; the JSON text truncated or corrupted), nests values
far deeper than the depth rule allows, and makes JSON-ish values of its
own with the parsers' field names. Each input goes to both parsers, as a
dict, JSON text or bytes. The only exception allowed is
:class:`s3types.S3EventError` with a message, raised by our own checks
(no cause, no RecursionError behind it); what parses keeps the promises
the handlers rely on. ``S3TYPES_FUZZ_EXAMPLES`` sets the number of inputs
per test, as for tests/robustness/test_fuzz.py (``nox -s fuzz``).
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s3types import S3EventError
from s3types._limits import MAX_DEPTH
from s3types.batch import BatchJob, parse_batch_job
from s3types.object_lambda import ObjectLambdaEvent, parse_object_lambda_event
from s3types.testing import make_batch_job, make_object_lambda_event
from s3types.testing.strategies import mutated

EVENTS = Path(__file__).resolve().parent.parent / "events"
SEEDS: list[tuple[str, Any]] = [
    (path.relative_to(EVENTS).as_posix(), json.loads(path.read_bytes()))
    for folder in ("batch-operations", "object-lambda")
    for path in sorted((EVENTS / folder).rglob("*.json"))
    if not path.name.endswith(".template.json")
] + [
    ("make_batch_job", make_batch_job(bucket="b", keys=["a", "b c"], user_arguments={"k": "v"})),
    ("make_object_lambda_event", make_object_lambda_event()),
]
PARSERS: dict[str, Callable[[Any], object]] = {
    "parse_batch_job": parse_batch_job,
    "parse_object_lambda_event": parse_object_lambda_event,
}


def _fuzz(examples: int, *, share: int = 1) -> settings:
    # The default is the short form CI runs (a few seconds in all);
    # S3TYPES_FUZZ_EXAMPLES=N runs N // share inputs per test (`nox -s fuzz`):
    # the shares keep the long run of this file near five minutes on 2 cores.
    override = os.environ.get("S3TYPES_FUZZ_EXAMPLES")
    return settings(
        max_examples=int(override) // share if override else examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


FUZZ = _fuzz(150)
FUZZ_HALF = _fuzz(150, share=2)
FUZZ_QUARTER = _fuzz(150, share=4)
# Deep inputs cost the most to build (a deep copy, thousands of levels of text).
FUZZ_DEEP = _fuzz(100, share=10)


def check_parsers(wire: object) -> list[object]:
    """Give ``wire`` to both parsers; each returns its result or our own S3EventError."""
    outcomes: list[object] = []
    for name, parse in PARSERS.items():
        try:
            parsed = parse(wire)
        except S3EventError as err:
            assert str(err).strip(), f"{name}: S3EventError without a message"
            assert err.__cause__ is None, f"{name}: raised from {err.__cause__!r}"
            assert not isinstance(err.__context__, RecursionError), f"{name}: recursion limit"
            outcomes.append(S3EventError)
            continue
        if isinstance(parsed, BatchJob):
            _check_job(parsed)
        else:
            assert isinstance(parsed, ObjectLambdaEvent)
            _check_request(parsed)
        outcomes.append(type(parsed))
    return outcomes


def _check_job(job: BatchJob) -> None:
    assert job.schema_version in ("1.0", "2.0")
    assert job.tasks
    for task in job.tasks:
        assert type(task.key) is str and type(task.task_id) is str
        assert task.bucket_name and "/" not in task.bucket_name
        assert task.version_id is None or task.version_id not in ("", "null")
    # Every parsed job can be answered, and its raw form written back as JSON.
    job.response([task.permanent_failure("fuzz") for task in job.tasks])
    json.dumps(job.raw)


def _check_request(request: ObjectLambdaEvent) -> None:
    assert request.operation in ("GetObject", "HeadObject", "ListObjects", "ListObjectsV2")
    assert request.input_s3_url.startswith(("https://", "http://"))
    assert (request.output_route is None) is (request.operation != "GetObject")
    json.dumps(request.raw)


@pytest.mark.parametrize(("name", "seed"), SEEDS, ids=[name for name, _ in SEEDS])
def test_every_seed_parses_alike_as_dict_text_and_bytes(name: str, seed: Any) -> None:
    outcomes = [
        check_parsers(wire)
        for wire in (copy.deepcopy(seed), json.dumps(seed), json.dumps(seed).encode())
    ]
    assert outcomes[0] == outcomes[1] == outcomes[2], name
    assert outcomes[0].count(S3EventError) == 1, f"{name}: exactly one parser reads it"


SEED_INDEX = st.integers(0, len(SEEDS) - 1)


@FUZZ_QUARTER
@given(data=st.data(), seed=SEED_INDEX)
def test_mutated_real_invocations_raise_only_s3_event_error(data: st.DataObject, seed: int) -> None:
    check_parsers(data.draw(mutated(SEEDS[seed][1], encode=True)))


@FUZZ_QUARTER
@given(data=st.data(), seed=SEED_INDEX)
def test_python_values_in_invocations_raise_only_s3_event_error(
    data: st.DataObject, seed: int
) -> None:
    check_parsers(data.draw(mutated(SEEDS[seed][1], max_mutations=3, python_values=True)))


def _nested(levels: int, leaf: object) -> object:
    value = leaf
    for level in range(levels):
        value = [value] if level % 2 else {"n": value}
    return value


def _places(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every container in ``value``, as the path of keys to it."""
    found: list[tuple[str | int, ...]] = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, (dict, list)):
                found += _places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, (dict, list)):
                found += _places(child, (*path, index))
    return found


def _at(value: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@FUZZ_DEEP
@given(
    data=st.data(),
    seed=SEED_INDEX,
    levels=st.one_of(st.integers(MAX_DEPTH - 8, MAX_DEPTH + 8), st.integers(0, 3000)),
    form=st.sampled_from(["dict", "str", "bytes"]),
)
def test_deep_nesting_anywhere_raises_only_s3_event_error(
    data: st.DataObject, seed: int, levels: int, form: str
) -> None:
    wire = copy.deepcopy(SEEDS[seed][1])
    place = data.draw(st.sampled_from(_places(wire)), label="place")
    target = _at(wire, place)
    deep = _nested(levels, data.draw(st.sampled_from(["leaf", 1, None]), label="leaf"))
    if isinstance(target, dict):
        key = data.draw(st.sampled_from([*target, "unknownField"]), label="key")
        target[key] = deep
    else:
        target.append(deep)
    if form == "dict":
        check_parsers(wire)
        return
    try:
        text = json.dumps(wire)
    except RecursionError:  # json.dumps has the limit json.loads has: build the text directly
        text = json.dumps({"tasks": "DEEP"}).replace('"DEEP"', "[" * levels + "]" * levels)
    check_parsers(text if form == "str" else text.encode())


_FIELD_NAMES = st.sampled_from(
    [
        "invocationSchemaVersion",
        "invocationId",
        "job",
        "id",
        "userArguments",
        "tasks",
        "taskId",
        "s3Key",
        "s3VersionId",
        "s3BucketArn",
        "s3Bucket",
        "xAmzRequestId",
        "getObjectContext",
        "headObjectContext",
        "listObjectsContext",
        "listObjectsV2Context",
        "inputS3Url",
        "outputRoute",
        "outputToken",
        "configuration",
        "userRequest",
        "headers",
        "url",
        "userIdentity",
        "sessionContext",
        "protocolVersion",
        "Records",
    ]
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["1.0", "2.0", "arn:aws:s3:::b", "arn:aws:s3:::b/k", "https://ap/k", ""]),
)


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(_FIELD_NAMES | st.text(max_size=6), inner, max_size=6),
    )


@FUZZ_HALF
@given(
    wire=st.recursive(_SCALARS, _containers, max_leaves=24),
    form=st.sampled_from(["value", "str", "bytes"]),
)
def test_json_like_values_raise_only_s3_event_error(wire: Any, form: str) -> None:
    if form == "value":
        check_parsers(wire)
        return
    text = json.dumps(wire)
    check_parsers(text if form == "str" else text.encode())


@FUZZ
@given(wire=st.one_of(st.binary(max_size=64), st.text(max_size=64)))
def test_arbitrary_text_and_bytes_raise_only_s3_event_error(wire: bytes | str) -> None:
    check_parsers(wire)
