"""key_scope by brute force: it holds every trigger's keys, the least it can, exact when it says."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from s3types._limits import GENERATOR_KEY_STRINGS
from s3types.backfill import KeyScope
from s3types.backfill._scope import key_scope
from s3types.triggers import Trigger

_PART = st.text(alphabet="ab/.", min_size=1, max_size=3)
_TRIGGERS = st.lists(
    st.tuples(st.none() | _PART, st.none() | _PART).map(
        lambda ps: Trigger("photos", prefix=ps[0], suffix=ps[1])
    ),
    min_size=1,
    max_size=4,
)
#: Every key of up to 6 characters over the triggers' alphabet (5,461 keys).
_KEYS = ["".join(chars) for size in range(7) for chars in itertools.product("ab/.", repeat=size)]


def _named(trigger: Trigger, key: str) -> bool:
    return (trigger.prefix is None or key.startswith(trigger.prefix)) and (
        trigger.suffix is None or key.endswith(trigger.suffix)
    )


@settings(max_examples=100, deadline=None)
@given(_TRIGGERS)
def test_the_filter_holds_every_named_key_and_is_exact_when_it_says_so(
    triggers: list[Trigger],
) -> None:
    scope: KeyScope = key_scope(triggers)
    assert len(scope.prefixes) <= GENERATOR_KEY_STRINGS >= len(scope.suffixes)
    named = {key for key in _KEYS if any(_named(t, key) for t in triggers)}
    covered = {key for key in _KEYS if scope.covers(key)}
    assert named <= covered
    if scope.exact:
        assert covered == named
    else:
        assert scope.notes  # a superset is always said


@settings(max_examples=150, deadline=None)
@given(_TRIGGERS)
def test_no_longer_prefix_or_suffix_would_hold_them_all(triggers: list[Trigger]) -> None:
    scope = key_scope(triggers)
    prefixes = [t.prefix for t in triggers]
    if scope.prefixes and len({p for p in prefixes}) > GENERATOR_KEY_STRINGS:
        [shared] = scope.prefixes
        for char in "ab/.":
            assert not all(p is not None and p.startswith(shared + char) for p in prefixes)
    suffixes = [t.suffix for t in triggers]
    if scope.suffixes and len({s for s in suffixes}) > GENERATOR_KEY_STRINGS:
        [shared] = scope.suffixes
        for char in "ab/.":
            assert not all(s is not None and s.endswith(char + shared) for s in suffixes)
