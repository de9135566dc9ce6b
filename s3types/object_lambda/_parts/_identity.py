"""Who made an S3 Object Lambda request: ``userIdentity`` and its session context."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from s3types.object_lambda._parts._fields import (
    EMPTY,
    make_tuple,
    object_field,
    optional_field,
    string_map,
    text_field,
)

__all__ = ["ObjectLambdaUserIdentity", "SessionContext", "SessionIssuer"]


class SessionIssuer(NamedTuple):
    """``userIdentity.sessionContext.sessionIssuer``: who issued temporary credentials."""

    type: str | None
    principal_id: str | None
    arn: str | None
    account_id: str | None
    user_name: str | None
    raw: Mapping[str, Any] = EMPTY

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], path: str = "sessionIssuer") -> SessionIssuer:
        """Read the issuer; :class:`s3types.S3EventError` names a bad field."""
        return cls(
            optional_field(wire, "type", path),
            optional_field(wire, "principalId", path),
            optional_field(wire, "arn", path),
            optional_field(wire, "accountId", path),
            optional_field(wire, "userName", path),
            wire,
        )


class SessionContext(NamedTuple):
    """``userIdentity.sessionContext``: the issuer and attributes of temporary credentials.

    ``attributes`` is kept as S3 sent it (``mfaAuthenticated`` is the string
    ``"true"`` or ``"false"``; ``creationDate`` a date string).
    """

    session_issuer: SessionIssuer | None
    attributes: Mapping[str, str]
    raw: Mapping[str, Any] = EMPTY

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], path: str = "sessionContext") -> SessionContext:
        """Read the session context; :class:`s3types.S3EventError` names a bad field."""
        issuer = wire.get("sessionIssuer")
        return cls(
            None
            if issuer is None
            else SessionIssuer.from_wire(
                object_field(wire, "sessionIssuer", path), f"{path}.sessionIssuer"
            ),
            string_map(wire, "attributes", path),
            wire,
        )


class ObjectLambdaUserIdentity(NamedTuple):
    """``userIdentity``: the caller (CloudTrail's userIdentity shape).

    >>> ObjectLambdaUserIdentity.from_wire({"type": "IAMUser",
    ...     "principalId": "AIDA", "arn": "arn:aws:iam::1:user/ana", "accountId": "1"}).type
    'IAMUser'
    """

    type: str
    principal_id: str | None
    arn: str | None
    account_id: str | None
    access_key_id: str | None
    user_name: str | None
    session_context: SessionContext | None
    raw: Mapping[str, Any] = EMPTY

    @classmethod
    def from_wire(
        cls, wire: Mapping[str, Any], path: str = "userIdentity"
    ) -> ObjectLambdaUserIdentity:
        """Read the identity; :class:`s3types.S3EventError` names a bad field."""
        get = wire.get
        session = get("sessionContext")
        kind, principal, arn, account, key, user = (
            get("type"),
            get("principalId"),
            get("arn"),
            get("accountId"),
            get("accessKeyId"),
            get("userName"),
        )
        if (
            session is None
            and type(kind) is str
            and (principal is None or type(principal) is str)
            and (arn is None or type(arn) is str)
            and (account is None or type(account) is str)
            and (key is None or type(key) is str)
            and (user is None or type(user) is str)
        ):
            return make_tuple(cls, (kind, principal, arn, account, key, user, None, wire))
        return cls(
            text_field(wire, "type", path),
            optional_field(wire, "principalId", path),
            optional_field(wire, "arn", path),
            optional_field(wire, "accountId", path),
            optional_field(wire, "accessKeyId", path),
            optional_field(wire, "userName", path),
            None
            if session is None
            else SessionContext.from_wire(
                object_field(wire, "sessionContext", path), f"{path}.sessionContext"
            ),
            wire,
        )
