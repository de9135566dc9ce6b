"""The parts of an S3 Object Lambda request: contexts, configuration, caller, identity.

Each is an immutable NamedTuple read field by field from the wire by its
``from_wire``, which raises :class:`s3types.S3EventError` naming a bad
field; each keeps its wire in ``raw``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, NoReturn, Protocol, TypeVar, cast

from s3types._errors import S3EventError
from s3types._invocation_input import short

__all__ = [
    "GetObjectContext",
    "InputContext",
    "ObjectLambdaConfiguration",
    "ObjectLambdaUserIdentity",
    "SessionContext",
    "SessionIssuer",
    "UserRequest",
    "check_input_url",
    "fail",
    "make_tuple",
    "object_field",
    "text_field",
]

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_MISSING: Any = object()
# Each from_wire first checks the shape S3 sends in one expression and makes
# the tuple directly (no NamedTuple __new__ frame); anything else takes the
# field-by-field helpers, which name what is wrong.
_T = TypeVar("_T")


class _TupleNew(Protocol):
    def __call__(self, cls: type[_T], values: Iterable[object], /) -> _T: ...


#: ``tuple.__new__``, typed: makes a NamedTuple from its values without a frame.
make_tuple = cast("_TupleNew", tuple.__new__)  # pyright: ignore[reportUnknownMemberType]


def fail(path: str, message: str) -> NoReturn:
    """Raise the :class:`s3types.S3EventError` for a bad field at ``path``."""
    raise S3EventError(f"not a valid S3 Object Lambda request: {path}: {message}", path=path)


def object_field(wire: Mapping[str, Any], name: str, path: str) -> Mapping[str, Any]:
    """The object field ``name`` of ``wire``; an error naming ``path.name`` otherwise."""
    value: object = wire.get(name, _MISSING)
    if type(value) is dict or isinstance(value, Mapping):
        return cast("Mapping[str, Any]", value)
    where = f"{path}.{name}" if path else name
    fail(
        where,
        "required field is missing"
        if value is _MISSING
        else f"expected an object, got {short(value)}",
    )


def text_field(wire: Mapping[str, Any], name: str, path: str) -> str:
    """The string field ``name`` of ``wire``; an error naming ``path.name`` otherwise."""
    value: object = wire.get(name, _MISSING)
    if type(value) is str:
        return value
    where = f"{path}.{name}" if path else name
    fail(
        where,
        "required field is missing"
        if value is _MISSING
        else f"expected a string, got {short(value)}",
    )


# What may not start the host of an https URL that skips the parse (S3's start
# with a letter or digit): an empty host, user info, an IPv6 literal, a port.
_NOT_A_HOST_START = frozenset("/?#@[:\\")


def check_input_url(url: str, path: str) -> str:
    """``url`` if it may be fetched as the original: ``https://``, or ``http://`` to loopback.

    S3 sends a presigned ``https://`` URL; ``http://`` is accepted only to a
    loopback address (``localhost``, ``127.0.0.0/8``, ``::1``), for local
    runs. Anything else (``file://``, ``''``, a URL without a host) would be
    read from somewhere else than S3, so :class:`s3types.S3EventError` names
    ``path.inputS3Url``.

    >>> check_input_url("http://127.0.0.1:8080/doc.txt", "getObjectContext")
    'http://127.0.0.1:8080/doc.txt'
    >>> check_input_url("file:///etc/passwd", "getObjectContext")
    Traceback (most recent call last):
    ...
    s3types._errors.S3EventError: not a valid S3 Object Lambda request: getObjectContext.inputS3Url: ...
    """  # noqa: E501
    if url.startswith("https://") and len(url) > 8 and url[8] not in _NOT_A_HOST_START:
        return url
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a bad port or IPv6 literal
        host = None
        parts = None
    if (
        parts is not None
        and host
        and (parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host)))
    ):
        return url
    fail(
        f"{path}.inputS3Url",
        "expected the presigned https:// URL of the original object (http:// only to a"
        f" loopback address, for local runs), got {short(url)}",
    )


def _is_loopback(host: str) -> bool:
    if host.rstrip(".").lower() == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _optional(wire: Mapping[str, Any], name: str, path: str) -> str | None:
    value: object = wire.get(name)
    if value is None or type(value) is str:
        return value
    fail(f"{path}.{name}", f"expected a string or null, got {short(value)}")


def _strings(wire: Mapping[str, Any], name: str, path: str) -> Mapping[str, str]:
    value: object = wire.get(name)
    if value is None:
        return _EMPTY
    if type(value) is not dict and not isinstance(value, Mapping):
        fail(f"{path}.{name}", f"expected an object of strings, got {short(value)}")
    items = cast("Mapping[object, object]", value)
    for key, text in items.items():
        if type(key) is not str or type(text) is not str:
            fail(f"{path}.{name}.{key}", f"expected a string, got {short(text)}")
    return cast("Mapping[str, str]", items)


class InputContext(NamedTuple):
    """``headObjectContext`` / ``listObjectsContext`` / ``listObjectsV2Context``: the input URL.

    >>> InputContext.from_wire({"inputS3Url": "https://ap.example/k"}).input_s3_url
    'https://ap.example/k'
    """

    #: A presigned URL for the original request, signed with the caller's identity.
    input_s3_url: str
    raw: Mapping[str, Any] = _EMPTY

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], path: str = "context") -> InputContext:
        """Read the context; :class:`s3types.S3EventError` names a bad field."""
        return cls(check_input_url(text_field(wire, "inputS3Url", path), path), wire)


class GetObjectContext(NamedTuple):
    """``getObjectContext``: the input URL, and where ``WriteGetObjectResponse`` goes.

    >>> GetObjectContext.from_wire({"inputS3Url": "https://ap.example/k",
    ...     "outputRoute": "io-use1-001", "outputToken": "t"}).output_route
    'io-use1-001'
    """

    input_s3_url: str
    output_route: str
    output_token: str
    raw: Mapping[str, Any] = _EMPTY

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], path: str = "getObjectContext") -> GetObjectContext:
        """Read the context; :class:`s3types.S3EventError` names a bad field."""
        get = wire.get
        url, route, token = get("inputS3Url"), get("outputRoute"), get("outputToken")
        if (
            type(url) is str
            and type(route) is str
            and type(token) is str
            and url[:8] == "https://"
            and url[8:9].isalnum()  # a host name, as S3 presigns: check_input_url's fast path
        ):
            return make_tuple(cls, (url, route, token, wire))
        return cls(
            check_input_url(text_field(wire, "inputS3Url", path), path),
            text_field(wire, "outputRoute", path),
            text_field(wire, "outputToken", path),
            wire,
        )


class ObjectLambdaConfiguration(NamedTuple):
    """``configuration``: the Object Lambda access point, its supporting access point, payload.

    ``payload`` is the access point's payload, an opaque string (S3 does not
    parse it; often JSON), ``""`` when there is none.

    >>> ObjectLambdaConfiguration.from_wire({"accessPointArn": "arn:a",
    ...     "supportingAccessPointArn": "arn:s", "payload": '{"mask": "*"}'}).payload
    '{"mask": "*"}'
    """

    access_point_arn: str
    supporting_access_point_arn: str
    payload: str
    raw: Mapping[str, Any] = _EMPTY

    @classmethod
    def from_wire(
        cls, wire: Mapping[str, Any], path: str = "configuration"
    ) -> ObjectLambdaConfiguration:
        """Read the configuration; :class:`s3types.S3EventError` names a bad field."""
        get = wire.get
        arn, supporting, payload = (
            get("accessPointArn"),
            get("supportingAccessPointArn"),
            get("payload"),
        )
        if (
            type(arn) is str
            and type(supporting) is str
            and (payload is None or type(payload) is str)
        ):
            return make_tuple(cls, (arn, supporting, payload or "", wire))
        return cls(
            text_field(wire, "accessPointArn", path),
            text_field(wire, "supportingAccessPointArn", path),
            _optional(wire, "payload", path) or "",
            wire,
        )


class UserRequest(NamedTuple):
    """``userRequest``: the caller's URL and headers (authorization ones removed by S3).

    :meth:`header` looks a header up case-insensitively.

    >>> request = UserRequest.from_wire({"url": "/s3.txt", "headers": {"Range": "bytes=0-9"}})
    >>> request.header("range")
    'bytes=0-9'
    """

    url: str
    headers: Mapping[str, str]
    raw: Mapping[str, Any] = _EMPTY

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], path: str = "userRequest") -> UserRequest:
        """Read the request; :class:`s3types.S3EventError` names a bad field."""
        url: object = wire.get("url")
        if type(url) is str:
            return make_tuple(cls, (url, _strings(wire, "headers", path), wire))
        return cls(text_field(wire, "url", path), _strings(wire, "headers", path), wire)

    def header(self, name: str) -> str | None:
        """The value of header ``name`` (any case), or None."""
        value = self.headers.get(name)
        if value is not None:
            return value
        wanted = name.lower()
        for found, value in self.headers.items():
            if found.lower() == wanted:
                return value
        return None


class SessionIssuer(NamedTuple):
    """``userIdentity.sessionContext.sessionIssuer``: who issued temporary credentials."""

    type: str | None
    principal_id: str | None
    arn: str | None
    account_id: str | None
    user_name: str | None
    raw: Mapping[str, Any] = _EMPTY

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], path: str = "sessionIssuer") -> SessionIssuer:
        """Read the issuer; :class:`s3types.S3EventError` names a bad field."""
        return cls(
            _optional(wire, "type", path),
            _optional(wire, "principalId", path),
            _optional(wire, "arn", path),
            _optional(wire, "accountId", path),
            _optional(wire, "userName", path),
            wire,
        )


class SessionContext(NamedTuple):
    """``userIdentity.sessionContext``: the issuer and attributes of temporary credentials.

    ``attributes`` is kept as S3 sent it (``mfaAuthenticated`` is the string
    ``"true"`` or ``"false"``; ``creationDate`` a date string).
    """

    session_issuer: SessionIssuer | None
    attributes: Mapping[str, str]
    raw: Mapping[str, Any] = _EMPTY

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
            _strings(wire, "attributes", path),
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
    raw: Mapping[str, Any] = _EMPTY

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
            _optional(wire, "principalId", path),
            _optional(wire, "arn", path),
            _optional(wire, "accountId", path),
            _optional(wire, "accessKeyId", path),
            _optional(wire, "userName", path),
            None
            if session is None
            else SessionContext.from_wire(
                object_field(wire, "sessionContext", path), f"{path}.sessionContext"
            ),
            wire,
        )
