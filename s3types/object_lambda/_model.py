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
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from s3types._errors import S3EventError
from s3types._invocation_input import load_object, looks_like, wire_schema
from s3types._limits import check_document_depth
from s3types.object_lambda._parts import (
    GetObjectContext,
    InputContext,
    ObjectLambdaConfiguration,
    ObjectLambdaUserIdentity,
    UserRequest,
    fail,
    make_tuple,
    object_field,
    text_field,
)

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = ["ObjectLambdaEvent", "parse_object_lambda_event"]

Operation = Literal["GetObject", "HeadObject", "ListObjects", "ListObjectsV2"]
_EMPTY: Mapping[str, Any] = MappingProxyType({})
_EXPECTED = "an S3 Object Lambda request"
_CONTEXTS: tuple[tuple[str, Operation], ...] = (
    ("getObjectContext", "GetObject"),
    ("headObjectContext", "HeadObject"),
    ("listObjectsContext", "ListObjects"),
    ("listObjectsV2Context", "ListObjectsV2"),
)
# The fields read, each a string or strings (or the sessionContext below):
# a request with no others cannot nest deeper than S3's shape, so it skips
# the depth walk. Each part keeps its unknown fields in ``raw``.
_REQUEST_FIELDS = frozenset(
    {"xAmzRequestId", "configuration", "userRequest", "userIdentity", "protocolVersion"}
    | {name for name, _ in _CONTEXTS}
)
_PART_FIELDS: Mapping[str, frozenset[str]] = {
    "getObjectContext": frozenset({"inputS3Url", "outputRoute", "outputToken"}),
    "headObjectContext": frozenset({"inputS3Url"}),
    "listObjectsContext": frozenset({"inputS3Url"}),
    "listObjectsV2Context": frozenset({"inputS3Url"}),
    "configuration": frozenset({"accessPointArn", "supportingAccessPointArn", "payload"}),
    "userRequest": frozenset({"url", "headers"}),
    "userIdentity": frozenset(
        {"type", "principalId", "arn", "accountId", "accessKeyId", "userName", "sessionContext"}
    ),
}
_CONFIGURATION_FIELDS = _PART_FIELDS["configuration"]
_USER_REQUEST_FIELDS = _PART_FIELDS["userRequest"]
# userIdentity without a sessionContext: each field a string.
_IDENTITY_FIELDS = _PART_FIELDS["userIdentity"] - {"sessionContext"}
_SESSION_FIELDS = frozenset({"sessionIssuer", "attributes"})
_ISSUER_FIELDS = frozenset({"type", "principalId", "arn", "accountId", "userName"})


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
        return wire_schema(_validate)


def parse_object_lambda_event(event: Mapping[str, Any] | str | bytes) -> ObjectLambdaEvent:
    """Validate an S3 Object Lambda request into an :class:`ObjectLambdaEvent`.

    Takes the event as Lambda hands it over (a dict) or as JSON text.
    Raises :class:`s3types.S3EventError` naming the offending field path,
    or saying which other S3 input this is and which parser reads it.
    ``inputS3Url`` must be ``https://`` (``http://`` only to a loopback
    address, for local runs). No input may nest deeper than ``MAX_DEPTH``
    (128) levels, whatever its form: the rule :func:`s3types.parse_event`
    holds notifications to.

    >>> from s3types.testing import make_object_lambda_event
    >>> parse_object_lambda_event(make_object_lambda_event("HeadObject")).operation
    'HeadObject'
    """
    wire = load_object(event, what="parse_object_lambda_event")
    get = wire.get
    context: object = get("getObjectContext")
    request_id: object = get("xAmzRequestId")
    protocol: object = get("protocolVersion")
    configuration: object = get("configuration")
    user_request: object = get("userRequest")
    identity: object = get("userIdentity")
    if (
        type(context) is dict
        and type(request_id) is str
        and type(protocol) is str
        and type(configuration) is dict
        and type(user_request) is dict
        and type(identity) is dict
        and "headObjectContext" not in wire
        and "listObjectsContext" not in wire
        and "listObjectsV2Context" not in wire
    ):
        # A GetObject request as S3 sends it, its fields checked in one expression.
        parsed = make_tuple(
            ObjectLambdaEvent,
            (
                request_id,
                "GetObject",
                GetObjectContext.from_wire(cast("dict[str, Any]", context), "getObjectContext"),
                None,
                None,
                None,
                ObjectLambdaConfiguration.from_wire(cast("dict[str, Any]", configuration)),
                UserRequest.from_wire(cast("dict[str, Any]", user_request)),
                ObjectLambdaUserIdentity.from_wire(cast("dict[str, Any]", identity)),
                protocol,
                wire,
            ),
        )
        if not (
            # The fields read, and no other: counted where each is known to be
            # there (cheaper than a set test), else compared with the names.
            len(wire) == 6
            and len(cast("dict[str, Any]", context)) == 3
            and _CONFIGURATION_FIELDS.issuperset(cast("dict[str, Any]", configuration))
            and _USER_REQUEST_FIELDS.issuperset(cast("dict[str, Any]", user_request))
            and _IDENTITY_FIELDS.issuperset(cast("dict[str, Any]", identity))
        ):
            _check_depth(wire)
        return parsed
    given: list[tuple[str, Operation]] = [(n, op) for n, op in _CONTEXTS if n in wire]
    if not given:
        other = looks_like(wire)
        if other is not None and not other.startswith(_EXPECTED):
            raise S3EventError(
                f"parse_object_lambda_event: this is {other}, not {_EXPECTED}",
                looks_like=other.partition(" (")[0],
            )
    if len(given) != 1:
        fail(
            "(the whole input)",
            "expected exactly one of getObjectContext, headObjectContext, listObjectsContext,"
            f" listObjectsV2Context; got {', '.join(op for _, op in given) or 'none'}",
        )
    check_document_depth(wire)
    name, operation = given[0]
    context = object_field(wire, name, "")
    get_context = GetObjectContext.from_wire(context, name) if operation == "GetObject" else None
    other_context = None if get_context is not None else InputContext.from_wire(context, name)
    return ObjectLambdaEvent(
        text_field(wire, "xAmzRequestId", ""),
        operation,
        get_context,
        other_context if operation == "HeadObject" else None,
        other_context if operation == "ListObjects" else None,
        other_context if operation == "ListObjectsV2" else None,
        ObjectLambdaConfiguration.from_wire(object_field(wire, "configuration", "")),
        UserRequest.from_wire(object_field(wire, "userRequest", "")),
        ObjectLambdaUserIdentity.from_wire(object_field(wire, "userIdentity", "")),
        text_field(wire, "protocolVersion", ""),
        wire,
    )


def _check_depth(wire: Mapping[str, Any]) -> None:
    """Refuse a parsed request that nests too deep; one of S3's shape is not walked."""
    if not _REQUEST_FIELDS.issuperset(wire):
        check_document_depth(wire)
        return
    for name, value in wire.items():
        fields = _PART_FIELDS.get(name)
        if fields is not None and not fields.issuperset(cast("Mapping[str, Any]", value)):
            check_document_depth(wire)
            return
    session: object = cast("Mapping[str, Any]", wire["userIdentity"]).get("sessionContext")
    if session is None:
        return
    issuer: object = cast("Mapping[str, Any]", session).get("sessionIssuer")
    if not _SESSION_FIELDS.issuperset(cast("Mapping[str, Any]", session)) or (
        issuer is not None and not _ISSUER_FIELDS.issuperset(cast("Mapping[str, Any]", issuer))
    ):
        check_document_depth(wire)


def _validate(value: object) -> ObjectLambdaEvent:
    if isinstance(value, ObjectLambdaEvent):
        return value
    return parse_object_lambda_event(value)  # type: ignore[arg-type]
