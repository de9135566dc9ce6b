"""The typed S3 Object Lambda request (GetObject, HeadObject, ListObjects[V2]), and its parser.

S3 invokes the function with ``xAmzRequestId``, one operation context
(``getObjectContext`` with ``inputS3Url``, ``outputRoute`` and
``outputToken``; ``headObjectContext``, ``listObjectsContext`` or
``listObjectsV2Context`` with ``inputS3Url``), the access point's
``configuration`` (its ``payload`` an opaque string), the caller's
``userRequest`` (url and headers), ``userIdentity`` and
``protocolVersion``. As for Batch Operations jobs, the small fixed shape is
checked field by field in plain Python into immutable NamedTuples (much
cheaper than seven pydantic models); ``ObjectLambdaEvent`` still works as a
pydantic / Powertools Parser model. Each part keeps its wire in ``raw``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, NoReturn, cast

from s3types._errors import S3EventError
from s3types._invocation_input import load_object, looks_like, short

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = [
    "GetObjectContext",
    "InputContext",
    "ObjectLambdaConfiguration",
    "ObjectLambdaEvent",
    "ObjectLambdaUserIdentity",
    "SessionContext",
    "SessionIssuer",
    "UserRequest",
    "parse_object_lambda_event",
]

Operation = Literal["GetObject", "HeadObject", "ListObjects", "ListObjectsV2"]
_EMPTY: Mapping[str, Any] = MappingProxyType({})
_MISSING: Any = object()
_EXPECTED = "an S3 Object Lambda request"
_CONTEXTS: tuple[tuple[str, Operation], ...] = (
    ("getObjectContext", "GetObject"),
    ("headObjectContext", "HeadObject"),
    ("listObjectsContext", "ListObjects"),
    ("listObjectsV2Context", "ListObjectsV2"),
)


def _fail(path: str, message: str) -> NoReturn:
    raise S3EventError(f"not a valid S3 Object Lambda request: {path}: {message}", path=path)


def _object(wire: Mapping[str, Any], name: str, path: str) -> Mapping[str, Any]:
    value: object = wire.get(name, _MISSING)
    if type(value) is dict or isinstance(value, Mapping):
        return cast("Mapping[str, Any]", value)
    where = f"{path}.{name}" if path else name
    _fail(
        where,
        "required field is missing"
        if value is _MISSING
        else f"expected an object, got {short(value)}",
    )


def _text(wire: Mapping[str, Any], name: str, path: str) -> str:
    value: object = wire.get(name, _MISSING)
    if type(value) is str:
        return value
    where = f"{path}.{name}" if path else name
    _fail(
        where,
        "required field is missing"
        if value is _MISSING
        else f"expected a string, got {short(value)}",
    )


def _optional(wire: Mapping[str, Any], name: str, path: str) -> str | None:
    value: object = wire.get(name)
    if value is None or type(value) is str:
        return value
    _fail(f"{path}.{name}", f"expected a string or null, got {short(value)}")


def _strings(wire: Mapping[str, Any], name: str, path: str) -> Mapping[str, str]:
    value: object = wire.get(name)
    if value is None:
        return _EMPTY
    if type(value) is not dict and not isinstance(value, Mapping):
        _fail(f"{path}.{name}", f"expected an object of strings, got {short(value)}")
    items = cast("Mapping[object, object]", value)
    for key, text in items.items():
        if type(key) is not str or type(text) is not str:
            _fail(f"{path}.{name}.{key}", f"expected a string, got {short(text)}")
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
        return cls(_text(wire, "inputS3Url", path), wire)


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
        return cls(
            _text(wire, "inputS3Url", path),
            _text(wire, "outputRoute", path),
            _text(wire, "outputToken", path),
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
        return cls(
            _text(wire, "accessPointArn", path),
            _text(wire, "supportingAccessPointArn", path),
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
        return cls(_text(wire, "url", path), _strings(wire, "headers", path), wire)

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
                _object(wire, "sessionIssuer", path), f"{path}.sessionIssuer"
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
        session = wire.get("sessionContext")
        return cls(
            _text(wire, "type", path),
            _optional(wire, "principalId", path),
            _optional(wire, "arn", path),
            _optional(wire, "accountId", path),
            _optional(wire, "accessKeyId", path),
            _optional(wire, "userName", path),
            None
            if session is None
            else SessionContext.from_wire(
                _object(wire, "sessionContext", path), f"{path}.sessionContext"
            ),
            wire,
        )


class ObjectLambdaEvent(NamedTuple):
    """An S3 Object Lambda request: which operation, where the original is, whom to answer.

    ``operation`` says which context came; ``input_s3_url`` is its presigned
    URL. Only GetObject has ``output_route`` and ``output_token`` (for
    ``WriteGetObjectResponse``); HeadObject and ListObjects[V2] are
    answered with the function's return value. ``raw`` is the request as it
    came. Works as a pydantic / Powertools Parser model.

    >>> from s3types.testing import make_object_lambda_event
    >>> event = parse_object_lambda_event(make_object_lambda_event(payload='{"mask": "*"}'))
    >>> event.operation, event.output_route, event.configuration.payload
    ('GetObject', 'io-use1-001', '{"mask": "*"}')
    """

    request_id: str
    operation: Operation
    get_object_context: GetObjectContext | None
    head_object_context: InputContext | None
    list_objects_context: InputContext | None
    list_objects_v2_context: InputContext | None
    configuration: ObjectLambdaConfiguration
    user_request: UserRequest
    user_identity: ObjectLambdaUserIdentity
    protocol_version: str
    raw: Mapping[str, Any] = _EMPTY

    @property
    def input_s3_url(self) -> str:
        """The presigned URL of the original request (from whichever context came)."""
        context = (
            self.get_object_context
            or self.head_object_context
            or self.list_objects_context
            or self.list_objects_v2_context
        )
        assert context is not None  # the parser requires exactly one
        return context.input_s3_url

    @property
    def output_route(self) -> str | None:
        """``getObjectContext.outputRoute`` (GetObject only): the host prefix of the answer."""
        context = self.get_object_context
        return None if context is None else context.output_route

    @property
    def output_token(self) -> str | None:
        """``getObjectContext.outputToken`` (GetObject only): matches the answer to the caller."""
        context = self.get_object_context
        return None if context is None else context.output_token

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Validate with :func:`parse_object_lambda_event`; serialize as the wire it came from."""
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda e: e.raw),
        )


def parse_object_lambda_event(event: Mapping[str, Any] | str | bytes) -> ObjectLambdaEvent:
    """Validate an S3 Object Lambda request into an :class:`ObjectLambdaEvent`.

    Takes the event as Lambda hands it over (a dict) or as JSON text.
    Raises :class:`s3types.S3EventError` naming the offending field path,
    or saying which other S3 input this is and which parser reads it.

    >>> from s3types.testing import make_object_lambda_event
    >>> parse_object_lambda_event(make_object_lambda_event("HeadObject")).operation
    'HeadObject'
    """
    wire = load_object(event, what="parse_object_lambda_event")
    given: list[tuple[str, Operation]] = [(n, op) for n, op in _CONTEXTS if n in wire]
    if not given:
        other = looks_like(wire)
        if other is not None and not other.startswith(_EXPECTED):
            raise S3EventError(
                f"parse_object_lambda_event: this is {other}, not {_EXPECTED}",
                looks_like=other.partition(" (")[0],
            )
    if len(given) != 1:
        _fail(
            "(the whole input)",
            "expected exactly one of getObjectContext, headObjectContext, listObjectsContext,"
            f" listObjectsV2Context; got {', '.join(op for _, op in given) or 'none'}",
        )
    name, operation = given[0]
    context = _object(wire, name, "")
    get_context = GetObjectContext.from_wire(context, name) if operation == "GetObject" else None
    other_context = None if get_context is not None else InputContext.from_wire(context, name)
    return ObjectLambdaEvent(
        _text(wire, "xAmzRequestId", ""),
        operation,
        get_context,
        other_context if operation == "HeadObject" else None,
        other_context if operation == "ListObjects" else None,
        other_context if operation == "ListObjectsV2" else None,
        ObjectLambdaConfiguration.from_wire(_object(wire, "configuration", "")),
        UserRequest.from_wire(_object(wire, "userRequest", "")),
        ObjectLambdaUserIdentity.from_wire(_object(wire, "userIdentity", "")),
        _text(wire, "protocolVersion", ""),
        wire,
    )


def _validate(value: object) -> ObjectLambdaEvent:
    if isinstance(value, ObjectLambdaEvent):
        return value
    return parse_object_lambda_event(value)  # type: ignore[arg-type]
