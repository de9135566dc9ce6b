"""A rule's key filter: its prefix and suffix as S3 stores them (URL-encoded) and matches a key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote_plus, unquote_plus

from s3types._values import encode_key

__all__ = ["KeyFilter"]

# The characters an escape "%XX" continues with: an encoded suffix starting
# with one may match the tail of an escape of the encoded key.
_ESCAPE_TAIL = frozenset("0123456789ABCDEF")


class KeyFilter:
    """A trigger's ``prefix`` and ``suffix`` (decoded), compared with a key as S3 compares them.

    S3 compares the URL-encoded filter with the URL-encoded key. A filter
    read back from a configuration (:meth:`read`) in another encoding than
    ours (``my%20photos/``) is kept as written and compared as it is.

    >>> KeyFilter("in/", "2B").holds("in/a+")
    True
    >>> KeyFilter.read({"Filter": {"Key": {"FilterRules": [
    ...     {"Name": "Prefix", "Value": "my%20in/"}]}}}).encoded_prefix
    'my%20in/'
    """

    __slots__ = ("_escape_suffix", "_written", "prefix", "suffix")

    prefix: str | None
    suffix: str | None
    _escape_suffix: str | None
    _written: tuple[str | None, str | None] | None

    def __init__(self, prefix: str | None, suffix: str | None) -> None:
        self.prefix = prefix
        self.suffix = suffix
        # The encoded suffix when S3's encoded comparison can differ from the
        # decoded one (the suffix may end inside an escape), else None.
        spans = suffix is not None and suffix[0] in _ESCAPE_TAIL
        self._escape_suffix = encode_key(suffix) if spans and suffix else None
        # A rule read back whose values are not our encoding of their decoded
        # form ("my%20photos/"): S3 compares those strings as they are.
        self._written = None

    @classmethod
    def read(cls, rule: Mapping[str, Any]) -> KeyFilter:
        """A rule's filter as S3 returns it: values URL-encoded, decoded here (``unquote_plus``).

        >>> KeyFilter.read({"Filter": {"Key": {"FilterRules": [
        ...     {"Name": "Suffix", "Value": "+1.jpg"}]}}}).suffix
        ' 1.jpg'
        """
        written: dict[str, str | None] = {"prefix": None, "suffix": None}
        filters: Any = rule.get("Filter") or {}
        for entry in filters.get("Key", {}).get("FilterRules", []):
            name = str(entry.get("Name", "")).lower()  # S3 returns "Prefix" and "Suffix"
            if name in written:
                written[name] = str(entry.get("Value") or "") or None
        prefix, suffix = (None if v is None else unquote_plus(v) or None for v in written.values())
        key_filter = cls(prefix, suffix)
        as_written = (written["prefix"], written["suffix"])
        if as_written != (key_filter.encoded_prefix, key_filter.encoded_suffix):
            key_filter._written = as_written
        return key_filter

    @property
    def encoded_prefix(self) -> str | None:
        """``prefix`` as S3 stores and compares it: URL-encoded like a key, or as read back."""
        if self._written is not None:
            return self._written[0]
        return None if self.prefix is None else encode_key(self.prefix)

    @property
    def encoded_suffix(self) -> str | None:
        """``suffix`` as S3 stores and compares it: URL-encoded like a key, or as read back."""
        if self._written is not None:
            return self._written[1]
        return None if self.suffix is None else encode_key(self.suffix)

    def holds(self, key: str) -> bool:
        """Whether ``key`` (decoded) passes the prefix and the suffix, compared as S3 does."""
        if self._written is not None:
            return _written_holds(key, *self._written)
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

    def mismatch(self, key: str) -> str | None:
        """Why ``key`` (decoded) fails the filter (for a log line), or None when it passes.

        >>> KeyFilter("in/", None).mismatch("out/a")
        "key 'out/a' does not start with prefix 'in/'"
        """
        if not self._prefix_holds(key):
            return f"key {key[:200]!r} does not start with prefix {self.prefix!r}"
        if not self.holds(key):
            return f"key {key[:200]!r} does not end with suffix {self.suffix!r}"
        return None

    def _prefix_holds(self, key: str) -> bool:
        if self.prefix is None:
            return True
        written_prefix = None if self._written is None else self._written[0]
        if written_prefix is None:
            return key.startswith(self.prefix)
        return _written_holds(key, written_prefix, None)


def _written_holds(key: str, prefix: str | None, suffix: str | None) -> bool:
    encoded = quote_plus(key, safe="/", errors="surrogatepass")
    return (prefix is None or encoded.startswith(prefix)) and (
        suffix is None or encoded.endswith(suffix)
    )
