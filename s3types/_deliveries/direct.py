"""The direct notification ``{"Records": [...]}`` S3 hands a function it invokes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from s3types._limits import MAX_DEPTH, MAX_RECORDS, check_depth, holds_only_validated, too_many
from s3types._model import S3Event
from s3types._narrow import as_list, as_mapping

if TYPE_CHECKING:
    from s3types._deliveries._base import At, Carrier
    from s3types._deliveries._walk import Found

__all__ = ["DIRECT", "from_text", "validate_notification"]

#: JSON text up to this size is first validated straight from the text (the
#: common case: a direct notification, or an SQS body holding one). It cannot
#: hold more than MAX_RECORDS records (a minimal record is ~180 bytes), so the
#: cap needs no count first; larger text takes the general path.
_DIRECT_JSON_LIMIT = 1 << 20


def _is_s3_source(source: object) -> bool:
    return isinstance(source, str) and source.endswith(":s3")


class Direct:
    """``{"Records": [...]}`` whose first record's ``eventSource`` is S3's."""

    name = "a direct S3 event notification"
    carriers: frozenset[Carrier] = frozenset({"lambda", "sqs", "sns"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True for ``Records`` whose first record comes from S3 (or is empty)."""
        records = as_list(event.get("Records"))
        if records is None:
            return False
        if not records:
            return True
        first = as_mapping(records[0])
        if first is None:
            return False
        source: object = first.get("eventSource")
        if source is None:
            # A record with no eventSource (hand-written or broken) is judged
            # by its s3 block, and then by validation, which names what is missing.
            return as_mapping(first.get("s3")) is not None
        return _is_s3_source(source)

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Validate the notification; its records keep ``at.origin``."""
        found.add_event(validate_notification(event, at.path, room=found.room), at)


DIRECT = Direct()


def validate_notification(
    notification: Mapping[str, Any],
    path: str,
    *,
    rename: Mapping[str, str] | None = None,
    room: int = MAX_RECORDS,
) -> S3Event:
    """``S3Event.model_validate`` with our errors, the record cap and the depth limit."""
    found = as_list(notification.get("Records"))
    if found is not None and len(found) > room:
        from s3types._problems import join  # the error path only, as below

        raise too_many(len(found), "records", join(path, "Records"))
    try:
        event: S3Event = S3Event.__pydantic_validator__.validate_python(notification)
    except ValidationError as err:
        from s3types._problems import from_validation

        raise from_validation(err, path, rename=rename) from None
    check_depth(event, path)
    return event


def from_text(text: str | bytes | bytearray, path: str, room: int) -> S3Event | None:
    """Validate JSON text of a direct notification in one pass in pydantic-core, if it is one.

    None when the text is anything else (or invalid, or holds ``NaN``,
    which pydantic's parser would take): the caller then takes the general
    path, which tells shapes apart and words the error.
    """
    if len(text) > _DIRECT_JSON_LIMIT:
        return None
    try:
        # The validator itself: model_validate_json's wrapper is ~5% of a parse.
        event: S3Event = S3Event.__pydantic_validator__.validate_json(text)
    except (ValueError, TypeError):
        return None
    found = event.records
    if found:
        # The same claim DIRECT makes on a dict: S3's own eventSource.
        if len(found) > room or not found[0].event_source.endswith(":s3"):
            return None
    elif event.test_event is not None:  # read only when there are no records
        return None  # the test event: its own delivery words its errors
    if holds_only_validated(event):
        # No extras, no unknown keys: no float, so no NaN, and S3's own depth.
        return event
    if _holds_nan(text):
        return None
    if _may_nest_deeper_than_the_limit(text):
        check_depth(event, path)
    return event


def _may_nest_deeper_than_the_limit(text: str | bytes | bytearray) -> bool:
    # Text can nest no deeper than it has brackets: counting them (C speed)
    # spares the walk for every notification S3 sends (about ten).
    if isinstance(text, str):
        return text.count("{") + text.count("[") >= MAX_DEPTH - 3
    return text.count(b"{") + text.count(b"[") >= MAX_DEPTH - 3


def _holds_nan(text: str | bytes | bytearray) -> bool:
    # A substring test, so a key named "NaN.txt" only costs the general path.
    if isinstance(text, str):
        return "NaN" in text or "Infinity" in text
    return b"NaN" in text or b"Infinity" in text
