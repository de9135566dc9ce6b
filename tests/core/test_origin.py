"""Origin: read-only, compared by service and message, picklable, as the dataclass it replaced."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import pytest

from s3types import Origin


def test_origins_compare_and_hash_by_service_and_message_not_envelope() -> None:
    one = Origin("sqs", "m-1", "rh", envelope={"body": "a"})
    same = Origin("sqs", "m-1", "rh", envelope={"body": "b"}, inner={"Type": "Notification"})
    assert one == same
    assert hash(one) == hash(same)
    assert one != Origin("sqs", "m-2", "rh")
    assert one != Origin("sns", "m-1", "rh")
    assert one != ("sqs", "m-1", "rh")


def test_an_origin_is_read_only() -> None:
    origin = Origin("s3")
    with pytest.raises(AttributeError):
        origin.service = "sqs"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del origin.message_id
    with pytest.raises(AttributeError):
        origin.extra = 1  # type: ignore[attr-defined]


def _pickled(origin: Origin) -> Origin:
    copied: Origin = pickle.loads(pickle.dumps(origin))
    return copied


@pytest.mark.parametrize("again", [_pickled, copy.copy, copy.deepcopy])
def test_an_origin_survives_pickle_and_copy_with_its_envelopes(
    again: Callable[[Origin], Origin],
) -> None:
    origin = Origin("sqs", "m-1", "rh", envelope={"body": "{}"}, inner={"Type": "Notification"})
    copied = again(origin)
    assert copied == origin
    assert (copied.envelope, copied.inner) == (origin.envelope, origin.inner)


def test_the_repr_names_service_and_message_but_not_the_envelope() -> None:
    origin = Origin("sqs", "m-1", envelope={"body": "secret"})
    assert repr(origin) == "Origin(service='sqs', message_id='m-1', receipt_handle=None)"


def test_wrapping_sets_the_inner_envelope_once() -> None:
    outer = Origin("sqs", "m-1", envelope={"body": "..."})
    wrapped = outer.wrapping({"Type": "Notification"})
    assert wrapped.inner == {"Type": "Notification"}
    assert wrapped.wrapping({"Type": "Other"}) is wrapped
    assert Origin("s3").wrapping({"x": 1}) == Origin("s3")
