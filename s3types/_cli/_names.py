"""Event names the command line accepts: short names, full S3 names, and ``test``."""

from __future__ import annotations

import difflib

from s3types._names import EventName

__all__ = ["SHORT_NAMES", "TEST", "UnknownEventName", "choose_event_name"]

#: Short names accepted on the command line, besides any full S3 event name.
SHORT_NAMES = {
    "put": EventName.OBJECT_CREATED_PUT,
    "post": EventName.OBJECT_CREATED_POST,
    "copy": EventName.OBJECT_CREATED_COPY,
    "multipart": EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
    "delete": EventName.OBJECT_REMOVED_DELETE,
    "delete-marker": EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED,
    "restore-post": EventName.OBJECT_RESTORE_POST,
    "restore-completed": EventName.OBJECT_RESTORE_COMPLETED,
    "restore-delete": EventName.OBJECT_RESTORE_DELETE,
    "expiration": EventName.LIFECYCLE_EXPIRATION_DELETE,
    "transition": EventName.LIFECYCLE_TRANSITION,
    "tiering": EventName.INTELLIGENT_TIERING,
    "tagging-put": EventName.OBJECT_TAGGING_PUT,
    "tagging-delete": EventName.OBJECT_TAGGING_DELETE,
    "acl-put": EventName.OBJECT_ACL_PUT,
    "annotation-put": EventName.OBJECT_ANNOTATION_PUT,
    "annotation-delete": EventName.OBJECT_ANNOTATION_DELETE,
    "retention-put": EventName.OBJECT_RETENTION_PUT,
    "part-uploaded": EventName.MULTIPART_UPLOAD_PART_UPLOADED,
    "part-copied": EventName.MULTIPART_UPLOAD_PART_COPIED,
    "multipart-aborted": EventName.MULTIPART_UPLOAD_ABORTED,
}

#: The name that stands for the ``s3:TestEvent`` message (it is not an event type).
TEST = "test"

_FULL_NAMES = {member.value: member for member in EventName}


class UnknownEventName(ValueError):
    """A name on the command line that is no S3 event type, with the closest valid one."""


def choose_event_name(text: str) -> EventName | None:
    """The event type a command-line name stands for; ``None`` for ``test``.

    Only names S3 documents are accepted here (a sample of a name S3 never
    sends would be accepted by ``parse`` and teach nothing), with or without
    ``s3:``, in any case.

    >>> choose_event_name("put").value
    'ObjectCreated:Put'
    >>> choose_event_name("s3:objectremoved:delete").value
    'ObjectRemoved:Delete'
    >>> choose_event_name("Putt")
    Traceback (most recent call last):
    ...
    s3types._cli._names.UnknownEventName: 'Putt' is not an S3 event name: did you mean 'put'? ...
    """
    lowered = text.strip().lower()
    if lowered == TEST:
        return None
    short = SHORT_NAMES.get(lowered)
    if short is not None:
        return short
    bare = lowered.removeprefix("s3:")
    for value, member in _FULL_NAMES.items():
        if value.lower() == bare:
            return member
    if bare == "testevent":
        raise UnknownEventName(
            f"{text!r} is not an event type but the message S3 sends when a notification"
            " is configured: use the name 'test' for it"
        )
    raise UnknownEventName(f"{text!r} is not an S3 event name: {_suggestion(text)}")


def _suggestion(text: str) -> str:
    candidates = [*SHORT_NAMES, TEST, *_FULL_NAMES]
    by_lower = {candidate.lower(): candidate for candidate in candidates}
    bare = text.strip().lower().removeprefix("s3:")
    close = difflib.get_close_matches(bare, list(by_lower), n=1, cutoff=0.5)
    hint = f"did you mean {by_lower[close[0]]!r}? " if close else ""
    return (
        f"{hint}use one of {', '.join([*SHORT_NAMES, TEST])}, or a full name such as"
        " ObjectCreated:Put (`s3types event --help` lists them)"
    )
