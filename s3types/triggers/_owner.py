"""Who owns a notification rule: the owner in a derived rule id, and what an apply may remove.

A bucket's notification configuration is shared: several functions, and
other tools, put rules in it. A rule whose id s3types derived carries its
owner's tag (the handler, ``module:qualname``, or any name given as
``owner=``), so an apply removes only the stale rules of the owners it
applies for, never another function's, never a rule whose id a person
chose, never a rule of another tool (Kubernetes' field managers and
Terraform's resource addresses answer the same question this way).

Three forms of id:

- ``s3types-<owner tag, 8 hex>-<rule hash, 16 hex>``: derived, owned;
- ``s3types-<rule hash, 16 hex>``: derived without an owner (and every id
  derived before owners existed): never removed automatically; an owned
  apply of the very same rule to the same target takes it over;
- anything else: chosen by a person or another tool, never removed.

Every derived id is 33 or 24 characters: S3's API model (botocore) sets no
length for a configuration's ``Id``, and ids chosen by hand are held to 255.

>>> rule_id = derived_rule_id("0123456789abcdef", "app:on_upload")
>>> rule_id
's3types-...-0123456789abcdef'
>>> may_remove(rule_id, owners=["app:on_upload"])
True
>>> may_remove(rule_id, owners=["app:on_video"]), may_remove("s3types-0123456789abcdef", ["x"])
(False, False)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

__all__ = [
    "DERIVED_ID_PREFIX",
    "derived_rule_id",
    "hashed_rule_id",
    "is_ownerless_derived",
    "may_remove",
    "owner_of",
    "owner_tag",
    "ownerless_form",
    "rule_owner_tag",
]

DERIVED_ID_PREFIX = "s3types-"
_OWNED = re.compile(r"s3types-([0-9a-f]{8})-([0-9a-f]{16})")
_OWNERLESS = re.compile(r"s3types-[0-9a-f]{16}")


def owner_tag(owner: str) -> str:
    """The 8 hex digits that stand for ``owner`` in a rule id (stable across runs and machines).

    >>> owner_tag("app:on_upload") == owner_tag("app:on_upload") != owner_tag("app:on_video")
    True
    """
    return hashlib.sha256(owner.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def derived_rule_id(rule_hash: str, owner: str | None) -> str:
    """The id of a rule whose content hashes to ``rule_hash`` (16 hex), owned by ``owner``."""
    if owner is None:
        return DERIVED_ID_PREFIX + rule_hash
    return f"{DERIVED_ID_PREFIX}{owner_tag(owner)}-{rule_hash}"


def hashed_rule_id(fields: Iterable[str], owner: str | None) -> str:
    """The derived id of a rule with these fields (bucket, events, prefix, suffix) and owner.

    A digest of the fields: stable across runs and machines.

    >>> hashed_rule_id(["photos", "s3:ObjectCreated:*", "uploads/", ""], None)
    's3types-...'
    """
    text = "\n".join(fields)
    rule_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return derived_rule_id(rule_hash, owner)


def rule_owner_tag(rule_id: object) -> str | None:
    """The owner tag in a derived, owned rule id; None for any other id.

    >>> rule_owner_tag("s3types-1a2b3c4d-0123456789abcdef"), rule_owner_tag("thumbnails")
    ('1a2b3c4d', None)
    """
    if not isinstance(rule_id, str):
        return None
    found = _OWNED.fullmatch(rule_id)
    return found.group(1) if found else None


def ownerless_form(rule_id: str) -> str | None:
    """The owner-less id of the same rule (the form written before owners), for an owned id.

    An owned apply takes over the owner-less rule with this id when it sends
    the same events to the same target: it is that rule, written earlier.

    >>> ownerless_form("s3types-1a2b3c4d-0123456789abcdef")
    's3types-0123456789abcdef'
    """
    found = _OWNED.fullmatch(rule_id)
    return DERIVED_ID_PREFIX + found.group(2) if found else None


def may_remove(rule_id: object, owners: Iterable[str]) -> bool:
    """True when an apply on behalf of ``owners`` may remove this rule if it no longer declares it.

    Only a derived id carrying the tag of one of ``owners``: ids chosen by
    hand, owner-less derived ids and other owners' rules are never removed.
    (The caller also requires the rule to go to the target being applied.)
    """
    tag = rule_owner_tag(rule_id)
    return tag is not None and tag in {owner_tag(owner) for owner in owners}


def is_ownerless_derived(rule_id: object) -> bool:
    """True for a derived id without an owner (``s3types-`` and 16 hex digits)."""
    return isinstance(rule_id, str) and _OWNERLESS.fullmatch(rule_id) is not None


def owner_of(handler: object) -> str:
    """The owner name of a handler: ``module:qualname`` (the function a decorator wrapped).

    >>> def on_upload(event, context): ...
    >>> owner_of(on_upload)
    '...:on_upload'
    """
    inner: object = getattr(handler, "__wrapped__", handler)
    module = getattr(inner, "__module__", None) or getattr(handler, "__module__", None)
    name = getattr(inner, "__qualname__", None) or getattr(handler, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(name, str):
        raise TypeError(f"owner_of: {handler!r} has no __module__ and __qualname__; give owner=")
    return f"{module}:{name}"
