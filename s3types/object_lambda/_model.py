"""The pydantic model of an S3 Object Lambda request (GetObject, HeadObject, ListObjects[V2]).

S3 invokes the function with ``xAmzRequestId``, one operation context
(``getObjectContext`` with ``inputS3Url``, ``outputRoute`` and
``outputToken``; ``headObjectContext``, ``listObjectsContext`` or
``listObjectsV2Context`` with ``inputS3Url``), the access point's
``configuration`` (its ``payload`` an opaque string), the caller's
``userRequest`` (url and headers), ``userIdentity`` and
``protocolVersion``. Unknown fields are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from typing_extensions import Self

from s3types._invocation_input import error_from_validation, load_object

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

_CONFIG = ConfigDict(frozen=True, extra="allow", serialize_by_alias=True, defer_build=True)
Operation = Literal["GetObject", "HeadObject", "ListObjects", "ListObjectsV2"]


class InputContext(BaseModel):
    """``headObjectContext`` / ``listObjectsContext`` / ``listObjectsV2Context``: the input URL.

    >>> InputContext.model_validate({"inputS3Url": "https://ap.example/k"}).input_s3_url
    'https://ap.example/k'
    """

    model_config = _CONFIG
    #: A presigned URL for the original request, signed with the caller's identity.
    input_s3_url: str = Field(alias="inputS3Url")


class GetObjectContext(InputContext):
    """``getObjectContext``: the input URL, and where ``WriteGetObjectResponse`` goes.

    >>> GetObjectContext.model_validate({"inputS3Url": "https://ap.example/k",
    ...     "outputRoute": "io-use1-001", "outputToken": "t"}).output_route
    'io-use1-001'
    """

    output_route: str = Field(alias="outputRoute")
    output_token: str = Field(alias="outputToken")


class ObjectLambdaConfiguration(BaseModel):
    """``configuration``: the Object Lambda access point, its supporting access point, payload.

    >>> ObjectLambdaConfiguration.model_validate({"accessPointArn": "arn:a",
    ...     "supportingAccessPointArn": "arn:s", "payload": '{"mask": "*"}'}).payload
    '{"mask": "*"}'
    """

    model_config = _CONFIG
    access_point_arn: str = Field(alias="accessPointArn")
    supporting_access_point_arn: str = Field(alias="supportingAccessPointArn")
    #: The access point's payload, an opaque string (S3 does not parse it; often JSON).
    payload: str = ""


class UserRequest(BaseModel):
    """``userRequest``: the caller's URL and headers (authorization ones removed by S3).

    :meth:`header` looks a header up case-insensitively.

    >>> request = UserRequest.model_validate({"url": "/s3.txt", "headers": {"Range": "bytes=0-9"}})
    >>> request.header("range")
    'bytes=0-9'
    """

    model_config = _CONFIG
    url: str
    headers: dict[str, str] = Field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """The value of header ``name`` (any case), or None."""
        wanted = name.lower()
        for found, value in self.headers.items():
            if found.lower() == wanted:
                return value
        return None


class SessionIssuer(BaseModel):
    """``userIdentity.sessionContext.sessionIssuer``: who issued temporary credentials."""

    model_config = _CONFIG
    type: str | None = None
    principal_id: str | None = Field(default=None, alias="principalId")
    arn: str | None = None
    account_id: str | None = Field(default=None, alias="accountId")
    user_name: str | None = Field(default=None, alias="userName")


class SessionContext(BaseModel):
    """``userIdentity.sessionContext``: the issuer and attributes of temporary credentials.

    ``attributes`` is kept as S3 sent it (``mfaAuthenticated`` is the string
    ``"true"`` or ``"false"``; ``creationDate`` a date string).
    """

    model_config = _CONFIG
    session_issuer: SessionIssuer | None = Field(default=None, alias="sessionIssuer")
    attributes: dict[str, str] = Field(default_factory=dict)


class ObjectLambdaUserIdentity(BaseModel):
    """``userIdentity``: the caller (CloudTrail's userIdentity shape).

    >>> ObjectLambdaUserIdentity.model_validate({"type": "IAMUser",
    ...     "principalId": "AIDA", "arn": "arn:aws:iam::1:user/ana", "accountId": "1"}).type
    'IAMUser'
    """

    model_config = _CONFIG
    type: str
    principal_id: str | None = Field(default=None, alias="principalId")
    arn: str | None = None
    account_id: str | None = Field(default=None, alias="accountId")
    access_key_id: str | None = Field(default=None, alias="accessKeyId")
    user_name: str | None = Field(default=None, alias="userName")
    session_context: SessionContext | None = Field(default=None, alias="sessionContext")


class ObjectLambdaEvent(BaseModel):
    """An S3 Object Lambda request: which operation, where the original is, whom to answer.

    ``operation`` says which context came; ``input_s3_url`` is its presigned
    URL. Only GetObject has ``output_route`` and ``output_token`` (for
    ``WriteGetObjectResponse``); HeadObject and ListObjects[V2] are
    answered with the function's return value.

    >>> from s3types.testing import make_object_lambda_event
    >>> event = parse_object_lambda_event(make_object_lambda_event(payload='{"mask": "*"}'))
    >>> event.operation, event.output_route, event.configuration.payload
    ('GetObject', 'io-use1-001', '{"mask": "*"}')
    """

    model_config = _CONFIG
    request_id: str = Field(alias="xAmzRequestId")
    get_object_context: GetObjectContext | None = Field(default=None, alias="getObjectContext")
    head_object_context: InputContext | None = Field(default=None, alias="headObjectContext")
    list_objects_context: InputContext | None = Field(default=None, alias="listObjectsContext")
    list_objects_v2_context: InputContext | None = Field(default=None, alias="listObjectsV2Context")
    configuration: ObjectLambdaConfiguration
    user_request: UserRequest = Field(alias="userRequest")
    user_identity: ObjectLambdaUserIdentity = Field(alias="userIdentity")
    protocol_version: str = Field(alias="protocolVersion")

    @model_validator(mode="after")
    def _one_context(self) -> Self:
        given = [name for name, context in self._contexts() if context is not None]
        if len(given) != 1:
            raise ValueError(
                "expected exactly one of getObjectContext, headObjectContext,"
                f" listObjectsContext, listObjectsV2Context; got {', '.join(given) or 'none'}"
            )
        return self

    def _contexts(self) -> list[tuple[Operation, InputContext | None]]:
        return [
            ("GetObject", self.get_object_context),
            ("HeadObject", self.head_object_context),
            ("ListObjects", self.list_objects_context),
            ("ListObjectsV2", self.list_objects_v2_context),
        ]

    @property
    def operation(self) -> Operation:
        """The caller's operation: ``GetObject``, ``HeadObject``, ``ListObjects[V2]``."""
        return next(name for name, context in self._contexts() if context is not None)

    @property
    def input_s3_url(self) -> str:
        """The presigned URL of the original request (from whichever context came)."""
        return next(c for _, c in self._contexts() if c is not None).input_s3_url

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


def parse_object_lambda_event(event: Mapping[str, Any] | str | bytes) -> ObjectLambdaEvent:
    """Validate an S3 Object Lambda request into an :class:`ObjectLambdaEvent`.

    Takes the event as Lambda hands it over (a dict) or as JSON text.
    Raises :class:`s3types.S3EventError` naming each offending field path,
    or saying which other S3 input this is and which parser reads it.

    >>> from s3types.testing import make_object_lambda_event
    >>> parse_object_lambda_event(make_object_lambda_event("HeadObject")).operation
    'HeadObject'
    """
    wire = load_object(event, what="parse_object_lambda_event")
    try:
        return ObjectLambdaEvent.model_validate(wire)
    except ValidationError as err:
        raise error_from_validation(
            err,
            what="parse_object_lambda_event",
            event=wire,
            expected="an S3 Object Lambda request",
        ) from None
