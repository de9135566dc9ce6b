"""Any text into the trigger constructors: a Trigger, a document, or a TriggerError; nothing else.

``Trigger(...)`` with any bucket, events, prefix, suffix, id and owner text,
``notification_configuration`` and ``export_triggers`` with any target ARN
text, and ``check_triggers`` over any of the triggers that were accepted.
A value of the wrong Python type is a TypeError (documented); text never
is. Short in the default run; ``S3TYPES_FUZZ_EXAMPLES`` (``nox -s fuzz``)
runs the long form.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s3types.testing.strategies import bucket_names
from s3types.triggers import (
    EVENT_TYPES,
    EXPORT_FORMATS,
    ExportFormat,
    Trigger,
    TriggerError,
    check_triggers,
    export_triggers,
    notification_configuration,
)

_EXAMPLES = os.environ.get("S3TYPES_FUZZ_EXAMPLES")
FUZZ = settings(
    # A tenth of the long run's count: an input here costs about ten parsed events.
    max_examples=int(_EXAMPLES) // 10 if _EXAMPLES else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Any code point, surrogates and controls included.
_ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
_NEAR_MISSES = st.sampled_from(
    [
        "arn:aws:s3:::photos",
        "photos--usw2-az1--x-s3",
        "s3://photos/in",
        "Legacy_Bucket",
        "ab",
        "my bucket",
        "a" * 256,
    ]
)
_BUCKETS = st.one_of(st.none(), _ANY_TEXT, bucket_names(), _NEAR_MISSES)
_EVENTS = st.lists(
    st.one_of(
        st.sampled_from(EVENT_TYPES), st.sampled_from([e[3:] for e in EVENT_TYPES]), _ANY_TEXT
    ),
    max_size=4,
)
_FILTERS = st.one_of(st.none(), _ANY_TEXT, st.sampled_from(["in/", "*.jpg", "\x00", "\ud800"]))
_IDS = st.one_of(st.none(), _ANY_TEXT, st.text(min_size=250, max_size=260))
_OWNERS = st.one_of(st.none(), _ANY_TEXT)
_ARN_PARTS = st.one_of(
    _ANY_TEXT,
    st.sampled_from(
        ["arn", "aws", "aws-cn", "sqs", "sns", "lambda", "s3", "us-east-1", "123456789012"]
    ),
    st.sampled_from(["function:f", "function:f:live", "function:", "q.fifo", "q/extra", "q "]),
)
_ARNS = st.one_of(_ANY_TEXT, st.lists(_ARN_PARTS, min_size=1, max_size=7).map(":".join))
_FORMATS = st.sampled_from(EXPORT_FORMATS)


@st.composite
def triggers(draw: st.DrawFn) -> Trigger | TriggerError:
    """A Trigger built from arbitrary arguments, or the TriggerError it raised."""
    try:
        return Trigger(
            draw(_BUCKETS),
            draw(_EVENTS),
            prefix=draw(_FILTERS),
            suffix=draw(_FILTERS),
            id=draw(_IDS),
            owner=draw(_OWNERS),
        )
    except TriggerError as err:
        return err


@FUZZ
@given(triggers())
def test_trigger_accepts_or_raises_trigger_error(made: Trigger | TriggerError) -> None:
    if isinstance(made, TriggerError):
        assert str(made)
        return
    assert made.rule_id and str(made) and repr(made)
    assert made == made.replace()


@FUZZ
@given(triggers(), triggers(), _ARNS)
def test_documents_and_checks_raise_only_trigger_error(
    first: Trigger | TriggerError, second: Trigger | TriggerError, arn: str
) -> None:
    made = [t for t in (first, second) if isinstance(t, Trigger)]
    for attempt in (
        lambda: check_triggers(made),
        lambda: notification_configuration(made, arn),
        lambda: notification_configuration(made[:1], arn),
    ):
        try:
            attempt()
        except TriggerError as err:
            assert str(err)


@FUZZ
@given(st.lists(triggers(), max_size=3), _ARNS, _FORMATS, _ANY_TEXT)
def test_exports_raise_only_trigger_error(
    made: list[Trigger | TriggerError], arn: str, form: ExportFormat, handler: str
) -> None:
    accepted = [t for t in made if isinstance(t, Trigger)]
    try:
        text = export_triggers(accepted, form, target_arn=arn, handler=handler)
    except TriggerError as err:
        assert str(err)
    else:
        assert text.endswith("\n")
