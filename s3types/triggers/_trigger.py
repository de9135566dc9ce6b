"""``Trigger``: one S3 notification rule (bucket, event types, key prefix and suffix)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote_plus, unquote_plus

from s3types._catalog import ALL_EVENT_TYPES
from s3types._values import encode_key
from s3types.triggers._checks import check_bucket, check_filter
from s3types.triggers._events import TriggerError, check_event_type

if TYPE_CHECKING:
    from s3types import S3EventRecord

__all__ = ["ALL_EVENT_TYPES", "Trigger"]

# What an existing configuration may hold that this release does not know yet.
_WELL_FORMED = re.compile(r"s3:[A-Za-z]+(?::(?:[A-Za-z]+|\*))?")
# The characters an escape "%XX" continues with: an encoded suffix starting
# with one may match the tail of an escape of the encoded key.
_ESCAPE_TAIL = frozenset("0123456789ABCDEF")


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
        "_categories",
        "_escape_suffix",
        "_names",
        "_written",
        "bucket",
        "events",
        "id",
        "owner",
        "prefix",
        "suffix",
    )

    _names: frozenset[str]
    _categories: frozenset[str]
    _escape_suffix: str | None
    _written: tuple[str | None, str | None] | None
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
        if isinstance(events, str):
            raise TypeError(
                f"{where}: events must be a list of event types, not a string:"
                f" write events=[{events[:100]!r}]"
            )
        if not isinstance(events, Iterable):
            raise TypeError(
                f"{where}: events must be a list of event types, got {type(events).__name__}"
            )
        given: tuple[object, ...] = tuple(cast("Iterable[object]", events))
        checked = tuple(dict.fromkeys(check_event_type(name, where) for name in given))
        if not checked:
            raise TriggerError(
                f"{where}: events is empty, so the trigger would never fire;"
                " give at least one event type, e.g. 's3:ObjectCreated:*'"
            )
        if id is not None and (not isinstance(id, str) or not id or len(id) > 255):
            raise TriggerError(f"{where}: id must be a non-empty string of at most 255 characters")
        if owner is not None and (not isinstance(owner, str) or not owner):
            raise TriggerError(
                f"{where}: owner must be a non-empty string (e.g. the handler's module:qualname)"
            )
        self._set(
            check_bucket(bucket, where),
            checked,
            check_filter(prefix, "prefix", where),
            check_filter(suffix, "suffix", where),
            id,
            owner,
        )

    def _set(
        self,
        bucket: str | None,
        events: tuple[str, ...],
        prefix: str | None,
        suffix: str | None,
        rule_id: str | None,
        owner: str | None = None,
    ) -> None:
        setter = object.__setattr__
        setter(self, "bucket", bucket)
        setter(self, "events", events)
        setter(self, "prefix", prefix)
        setter(self, "suffix", suffix)
        setter(self, "id", rule_id)
        setter(self, "owner", owner)
        # The encoded suffix when S3's encoded comparison can differ from the
        # decoded one (the suffix may end inside an escape), else None.
        spans = suffix is not None and suffix[0] in _ESCAPE_TAIL
        setter(self, "_escape_suffix", encode_key(suffix) if spans and suffix else None)
        # A rule read back whose values are not our encoding of their decoded
        # form ("my%20photos/"): S3 compares those strings as they are.
        setter(self, "_written", None)
        # Wire event names come without "s3:": exact names, and the categories a
        # wildcard covers. A one-part name ("s3:IntelligentTiering") covers the
        # two-part names some producers send for it ("IntelligentTiering:...").
        setter(self, "_names", frozenset(e[3:] for e in events if not e.endswith(":*")))
        setter(
            self,
            "_categories",
            frozenset(
                e[3:].removesuffix(":*") for e in events if e.endswith(":*") or e.count(":") == 1
            ),
        )

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
        names = tuple(
            name
            if isinstance(name, str) and _WELL_FORMED.fullmatch(name)
            else check_event_type(name, f"rule {rule_id!r}")
            for name in events
        )
        written: dict[str, str | None] = {"prefix": None, "suffix": None}
        filters: Any = rule.get("Filter") or {}
        for entry in filters.get("Key", {}).get("FilterRules", []):
            name = str(entry.get("Name", "")).lower()  # S3 returns "Prefix" and "Suffix"
            if name in written:
                written[name] = str(entry.get("Value") or "") or None
        prefix, suffix = (None if v is None else unquote_plus(v) or None for v in written.values())
        trigger = cls.__new__(cls)
        trigger._set(bucket, names, prefix, suffix, rule_id if isinstance(rule_id, str) else None)
        as_written = (written["prefix"], written["suffix"])
        if as_written != (trigger.encoded_prefix, trigger.encoded_suffix):
            object.__setattr__(trigger, "_written", as_written)
        return trigger

    @property
    def encoded_prefix(self) -> str | None:
        """``prefix`` as S3 stores and compares it: URL-encoded like a key (``quote_plus``).

        >>> Trigger("b", prefix="my photos/").encoded_prefix
        'my+photos/'
        """
        if self._written is not None:
            return self._written[0]
        return None if self.prefix is None else encode_key(self.prefix)

    @property
    def encoded_suffix(self) -> str | None:
        """``suffix`` as S3 stores and compares it: URL-encoded like a key (``quote_plus``).

        >>> Trigger("b", suffix="+1.jpg").encoded_suffix
        '%2B1.jpg'
        """
        if self._written is not None:
            return self._written[1]
        return None if self.suffix is None else encode_key(self.suffix)

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
        parts = [repr(self.bucket), f"events={list(self.events)!r}"]
        parts += [f"{name}={value!r}" for name, value in self._options() if value is not None]
        return f"Trigger({', '.join(parts)})"

    def _options(self) -> tuple[tuple[str, str | None], ...]:
        return (
            ("prefix", self.prefix),
            ("suffix", self.suffix),
            ("id", self.id),
            ("owner", self.owner),
        )

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
        import hashlib  # only when an id is derived: it costs import time

        from s3types.triggers._owner import derived_rule_id

        text = "\n".join([self.bucket or "", *self.events, self.prefix or "", self.suffix or ""])
        rule_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return derived_rule_id(rule_hash, self.owner)

    def replace(self, **changes: Any) -> Trigger:
        """A copy with some fields changed (validated again).

        >>> Trigger(None, prefix="in/").replace(bucket="photos").bucket
        'photos'
        """
        fields: dict[str, Any] = {
            "bucket": self.bucket,
            "events": self.events,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "id": self.id,
            "owner": self.owner,
        }
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
        if name not in self._names and name.partition(":")[0] not in self._categories:
            return False
        return self._scope_holds(bucket, key)

    def _scope_holds(self, bucket: str, key: str) -> bool:
        if self.bucket is not None and bucket != self.bucket:
            return False
        if self._written is not None:
            return self._written_holds(key, *self._written)
        if self.prefix is not None and not key.startswith(self.prefix):
            return False
        # S3 compares the encoded suffix with the encoded key. The encoding is
        # a prefix-free code, so the prefix test above gives the same answer
        # decoded; a suffix too, unless it starts with a character that can
        # continue an escape: "2B" ends "a%2B", the encoded "a+".
        suffix = self.suffix
        if suffix is None or key.endswith(suffix):
            return True
        escape_suffix = self._escape_suffix
        return escape_suffix is not None and quote_plus(
            key, safe="/", errors="surrogatepass"
        ).endswith(escape_suffix)

    @staticmethod
    def _written_holds(key: str, prefix: str | None, suffix: str | None) -> bool:
        encoded = quote_plus(key, safe="/", errors="surrogatepass")
        return (prefix is None or encoded.startswith(prefix)) and (
            suffix is None or encoded.endswith(suffix)
        )

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
        if name not in self._names and name.category not in self._categories:
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
        if name not in self._names and name.category not in self._categories:
            return f"event {str(name)!r} is not one of {', '.join(self.events)}"
        if self.bucket is not None and record.bucket_name != self.bucket:
            return f"bucket {record.bucket_name[:100]!r} is not {self.bucket!r}"
        written_prefix = None if self._written is None else self._written[0]
        if self.prefix is not None and not (
            key.startswith(self.prefix)
            if written_prefix is None
            else self._written_holds(key, written_prefix, None)
        ):
            return f"key {key[:200]!r} does not start with prefix {self.prefix!r}"
        if not self._scope_holds(record.bucket_name, key):
            return f"key {key[:200]!r} does not end with suffix {self.suffix!r}"
        return None
