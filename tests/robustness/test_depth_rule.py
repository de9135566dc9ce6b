"""One depth rule for every parser: 128 levels, as a dict or as text, then the same S3EventError."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from s3types import S3EventError, parse_event
from s3types._limits import MAX_DEPTH
from s3types.batch import parse_batch_job
from s3types.object_lambda import parse_object_lambda_event
from s3types.testing import make_batch_job, make_event, make_object_lambda_event

Parser = Callable[[Any], object]

# Each parser, a valid input, and where an unknown field may hold anything
# (a path of keys from the top; the field sits at the level after it).
PARSERS: dict[str, tuple[Parser, Callable[[], dict[str, Any]], list[tuple[str | int, ...]]]] = {
    "parse_event": (parse_event, lambda: dict(make_event(bucket="b", key="k")), [()]),
    "parse_batch_job": (
        parse_batch_job,
        lambda: make_batch_job(bucket="b", keys=["k"]),
        [(), ("job",), ("tasks", 0)],
    ),
    "parse_object_lambda_event": (
        parse_object_lambda_event,
        make_object_lambda_event,
        [(), ("getObjectContext",), ("userRequest",), ("userIdentity",), ("configuration",)],
    ),
}
CASES = [
    pytest.param(name, place, id=f"{name}-{'.'.join(map(str, place)) or 'top'}")
    for name, (_, _, places) in PARSERS.items()
    for place in places
]


def _nested(levels: int) -> object:
    """``levels`` lists, one in another, around a string."""
    value: object = "leaf"
    for _ in range(levels):
        value = [value]
    return value


def _with_unknown_field(name: str, place: tuple[str | int, ...], field_level: int) -> Any:
    """A valid input of ``name`` with an unknown field, its innermost list at ``field_level``."""
    _, make, _ = PARSERS[name]
    wire = make()
    target: Any = wire
    for step in place:
        target = target[step]
    level_of_target = 1 + sum(1 for _ in place)  # the top object is level 1
    target["unknownField"] = _nested(field_level - level_of_target)
    return wire


@pytest.mark.parametrize(("name", "place"), CASES)
@pytest.mark.parametrize("form", ["dict", "str", "bytes"])
def test_every_parser_keeps_128_levels_and_refuses_129(
    name: str, place: tuple[str | int, ...], form: str
) -> None:
    parse = PARSERS[name][0]

    def given(wire: Any) -> Any:
        if form == "dict":
            return wire
        text = json.dumps(wire)
        return text if form == "str" else text.encode()

    parse(given(_with_unknown_field(name, place, MAX_DEPTH)))
    with pytest.raises(S3EventError, match=r"more than 128 levels deep") as caught:
        parse(given(_with_unknown_field(name, place, MAX_DEPTH + 1)))
    assert caught.value.path == ""


@pytest.mark.parametrize("name", list(PARSERS))
@pytest.mark.parametrize("form", ["str", "bytes"])
def test_text_too_deep_for_the_json_parser_is_refused_by_every_parser(name: str, form: str) -> None:
    # json.loads raises RecursionError past ~1000 levels: it must not escape.
    text = '{"invocationSchemaVersion": "2.0", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    wire: str | bytes = text if form == "str" else text.encode()
    with pytest.raises(S3EventError, match=r"more than 128 levels deep"):
        PARSERS[name][0](wire)


@pytest.mark.parametrize("name", list(PARSERS))
def test_a_dict_100000_levels_deep_is_refused_by_every_parser(name: str) -> None:
    wire = _with_unknown_field(name, (), 100_000)
    with pytest.raises(S3EventError, match=r"more than 128 levels deep"):
        PARSERS[name][0](wire)
