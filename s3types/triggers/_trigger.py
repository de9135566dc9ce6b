"""``Trigger``: one S3 notification rule (bucket, event types, key prefix and suffix)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from s3types._catalog import ALL_EVENT_TYPES
from s3types.triggers._checks import (
    check_bucket,
    check_events,
    check_filter,
    check_id,
    check_owner,
)
from s3types.triggers._events import EventCoverage, rule_event_type
from s3types.triggers._key_filter import KeyFilter

if TYPE_CHECKING:
    from s3types import S3EventRecord

__all__ = ["ALL_EVENT_TYPES", "Trigger"]

# A trigger's fields, in the order of its identity (equality, hash, repr).
_FIELDS = ("bucket", "events", "prefix", "suffix", "id", "owner")


class Trigger:
    """One S3 notification rule: a bucket, event types, and an optional key prefix and suffix.

    Frozen and validated. ``events`` are the names S3 accepts in a
    notification configuration (``"s3:ObjectCreated:*"``,
    ``"s3:ObjectRemoved:Delete"``, ...; without ``s3:`` it is added); anything
    else is a :class:`TriggerError` naming the closest valid name. ``prefix``
    and ``suffix`` are literal (S3 has no globs) and decoded, like the key;
    S3 compares their URL-encoded form with the encoded key, so they are
    written encoded (:attr:`encoded_suffix`) and matched as S3 matches.
    ``bucket=None`` matches any bucket at run time (a handler declared
    without ``bucket=``); it cannot be applied to S3 until a bucket is given
    (:meth:`with_bucket`); a name no bucket can have, or a directory bucket
    (no event notifications), is refused. ``id`` names the rule in the
    bucket's configuration; without one a stable id is derived from the rule
    and ``owner`` (:attr:`rule_id`): who the rule belongs to, usually the
    handler's ``module:qualname``, so an apply removes only its own owner's
    stale rules.

    >>> trigger = Trigger("photos", prefix="uploads/", suffix=".jpg")
    >>> trigger.events
    ('s3:ObjectCreated:*',)
    >>> trigger.fires_on("photos", "uploads/red flower.jpg", "ObjectCreated:Put")
    True
    >>> Trigger("photos", prefix="uploads/*")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: Trigger: prefix 'uploads/*' contains '*', but S3 has...
    """

    __slots__ = (
        "_coverage",
        "_filter",
        "bucket",
        "events",
        "id",
        "owner",
        "prefix",
        "suffix",
    )

    _coverage: EventCoverage
    _filter: KeyFilter
    bucket: str | None
    events: tuple[str, ...]
    prefix: str | None
    suffix: str | None
    id: str | None
    owner: str | None

    def __init__(
        self,
        bucket: str | None,
        events: Iterable[str] = ("s3:ObjectCreated:*",),
        *,
        prefix: str | None = None,
        suffix: str | None = None,
        id: str | None = None,
        owner: str | None = None,
    ) -> None:
        self._validate("Trigger", bucket, events, prefix, suffix, id, owner)

    @classmethod
    def checked(
        cls,
        where: str,
        bucket: object,
        events: object,
        prefix: object = None,
        suffix: object = None,
    ) -> Trigger:
        """The same checks as the constructor, on any values, errors starting with ``where``.

        For decorators: the message names the one the user called.

        >>> Trigger.checked("my_decorator", "b", ["s3:ObjectCreate:*"])
        Traceback (most recent call last):
        ...
        s3types.triggers.TriggerError: my_decorator: 's3:ObjectCreate:*' is not ...
        """
        trigger = cls.__new__(cls)
        trigger._validate(where, bucket, events, prefix, suffix, None, None)
        return trigger

    def _validate(
        self,
        where: str,
        bucket: object,
        events: object,
        prefix: object,
        suffix: object,
        id: object,
        owner: object,
    ) -> None:
        # Events, id and owner first, then bucket and filters: the error reported.
        checked = check_events(events, where)
        rule_id, rule_owner = check_id(id, where), check_owner(owner, where)
        bucket_name = check_bucket(bucket, where)
        key_filter = KeyFilter(
            check_filter(prefix, "prefix", where), check_filter(suffix, "suffix", where)
        )
        self._set(bucket_name, checked, key_filter, rule_id, rule_owner)

    def _set(
        self,
        bucket: str | None,
        events: tuple[str, ...],
        key_filter: KeyFilter,
        rule_id: str | None,
        owner: str | None = None,
    ) -> None:
        setter = object.__setattr__
        setter(self, "bucket", bucket)
        setter(self, "events", events)
        setter(self, "prefix", key_filter.prefix)
        setter(self, "suffix", key_filter.suffix)
        setter(self, "id", rule_id)
        setter(self, "owner", owner)
        setter(self, "_filter", key_filter)
        setter(self, "_coverage", EventCoverage(events))

    @classmethod
    def from_rule(cls, rule: Mapping[str, Any], bucket: str) -> Trigger:
        """A rule of a bucket's notification configuration (as S3 returns it), as a trigger.

        S3 already accepted it, so event types newer than this release are
        kept as they are. Filter values are URL-encoded in the document (S3
        compares them with the encoded key) and decoded here (``unquote_plus``).
        A value written in another encoding (``my%20photos/``, ``%c3%a4``) is
        kept as written for :attr:`encoded_prefix`/:attr:`encoded_suffix`,
        matching and the overlap rule: S3 compares it as it is.

        >>> Trigger.from_rule({"Id": "x", "Events": ["s3:ObjectCreated:*"],
        ...     "Filter": {"Key": {"FilterRules": [{"Name": "Prefix", "Value": "my+in/"}]}}}, "b")
        Trigger('b', events=['s3:ObjectCreated:*'], prefix='my in/', id='x')
        """

        rule_id = rule.get("Id")
        events: list[object] = list(rule.get("Events") or [])
        names = tuple(rule_event_type(name, f"rule {rule_id!r}") for name in events)
        trigger = cls.__new__(cls)
        key_filter = KeyFilter.read(rule)
        trigger._set(bucket, names, key_filter, rule_id if isinstance(rule_id, str) else None)
        return trigger

    @property
    def encoded_prefix(self) -> str | None:
        """``prefix`` as S3 stores and compares it: URL-encoded like a key (``quote_plus``).

        >>> Trigger("b", prefix="my photos/").encoded_prefix
        'my+photos/'
        """
        return self._filter.encoded_prefix

    @property
    def encoded_suffix(self) -> str | None:
        """``suffix`` as S3 stores and compares it: URL-encoded like a key (``quote_plus``).

        >>> Trigger("b", suffix="+1.jpg").encoded_suffix
        '%2B1.jpg'
        """
        return self._filter.encoded_suffix

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Trigger is frozen: use trigger.replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Trigger is frozen")

    def _identity(self) -> tuple[Any, ...]:
        return (self.bucket, self.events, self.prefix, self.suffix, self.id, self.owner)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Trigger):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        options = zip(_FIELDS[2:], self._identity()[2:], strict=True)
        parts = [repr(self.bucket), f"events={list(self.events)!r}"]
        parts += [f"{name}={value!r}" for name, value in options if value is not None]
        return f"Trigger({', '.join(parts)})"

    def __str__(self) -> str:
        scope = f"s3://{self.bucket or '*'}/{self.prefix or ''}*{self.suffix or ''}"
        return f"{self.rule_id} ({', '.join(self.events)} on {scope})"

    @property
    def rule_id(self) -> str:
        """``id``, or one derived from the rule and its owner (stable across runs and machines).

        A derived id carries the owner's tag (``s3types-<owner>-<rule>``), so
        an apply removes only its own owner's stale rules; without an owner
        it is ``s3types-<rule>``, which no apply ever removes.

        >>> Trigger("photos", prefix="uploads/").rule_id
        's3types-...'
        >>> Trigger("photos", prefix="uploads/", owner="app:on_upload").rule_id
        's3types-...-...'
        """
        if self.id is not None:
            return self.id
        from s3types.triggers._owner import hashed_rule_id  # only when an id is derived

        fields = [self.bucket or "", *self.events, self.prefix or "", self.suffix or ""]
        return hashed_rule_id(fields, self.owner)

    def replace(self, **changes: Any) -> Trigger:
        """A copy with some fields changed (validated again).

        >>> Trigger(None, prefix="in/").replace(bucket="photos").bucket
        'photos'
        """
        fields: dict[str, Any] = dict(zip(_FIELDS, self._identity(), strict=True))
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"Trigger.replace: no field {sorted(unknown)[0]!r}")
        fields.update(changes)
        bucket = fields.pop("bucket")
        return Trigger(bucket, **fields)

    def with_bucket(self, bucket: str) -> Trigger:
        """This trigger on ``bucket`` when it names none (else itself, unchanged)."""
        return self if self.bucket is not None else self.replace(bucket=bucket)

    def fires_on(self, bucket: str, key: str, event_name: str) -> bool:
        """Whether S3 would send this event for this object (``key`` decoded; ``s3:`` optional).

        The form the loop guard uses, with no record at hand.

        >>> Trigger("b", ["s3:ObjectRemoved:*"]).fires_on("b", "x", "s3:ObjectRemoved:Delete")
        True
        """
        name = event_name[3:] if event_name.startswith("s3:") else event_name
        if not self._coverage.covers(name, name.partition(":")[0]):
            return False
        return self._scope_holds(bucket, key)

    def _scope_holds(self, bucket: str, key: str) -> bool:
        return (self.bucket is None or bucket == self.bucket) and self._filter.holds(key)

    def matches(self, record: S3EventRecord) -> bool:
        """True when S3 would deliver ``record`` for this trigger (S3's filter rule).

        S3 compares the encoded filter with the encoded key; so does this
        (a suffix ``"2B"`` matches the key ``"a+"``, encoded ``"a%2B"``).

        >>> from s3types import parse_event
        >>> from s3types.testing import make_event
        >>> record = parse_event(make_event(bucket="b", key="in/a b.jpg")).records[0]
        >>> Trigger("b", prefix="in/", suffix=".jpg").matches(record)
        True
        """
        name = record.event_name
        if not self._coverage.covers(name, name.category):
            return False
        return self._scope_holds(record.bucket_name, record.key)

    def mismatch(self, record: S3EventRecord) -> str | None:
        """Why ``record`` does not match (for a log line), or None when it does.

        >>> from s3types import parse_event
        >>> from s3types.testing import make_event
        >>> record = parse_event(make_event(bucket="b", key="a.png")).records[0]
        >>> Trigger("b", suffix=".jpg").mismatch(record)
        "key 'a.png' does not end with suffix '.jpg'"
        """
        name = record.event_name
        key = record.key
        if not self._coverage.covers(name, name.category):
            return f"event {str(name)!r} is not one of {', '.join(self.events)}"
        if self.bucket is not None and record.bucket_name != self.bucket:
            return f"bucket {record.bucket_name[:100]!r} is not {self.bucket!r}"
        return self._filter.mismatch(key)
