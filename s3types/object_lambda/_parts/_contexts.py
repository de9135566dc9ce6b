"""The request-wide parts of an S3 Object Lambda request: its contexts, configuration, caller.

The operation's context (``getObjectContext``, or the input URL of the
others), the access point's ``configuration`` and the ``userRequest``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from s3types.object_lambda._parts._fields import (
    EMPTY,
    make_tuple,
    optional_field,
    string_map,
    text_field,
)
from s3types.object_lambda._parts._input_url import check_input_url

__all__ = ["GetObjectContext", "InputContext", "ObjectLambdaConfiguration", "UserRequest"]


class InputContext(NamedTuple):
    """``headObjectContext`` / ``listObjectsContext`` / ``listObjectsV2Context``: the input URL.

    >>> InputContext.from_wire({"inputS3Url": "https://ap.example/k"}).input_s3_url
    'https://ap.example/k'
    """

    #: A presigned URL for the original request, signed with the caller's identity.
    input_s3_url: str
    raw: Mapping[str, Any] = EMPTY

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
    raw: Mapping[str, Any] = EMPTY

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
    raw: Mapping[str, Any] = EMPTY

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
            optional_field(wire, "payload", path) or "",
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
    raw: Mapping[str, Any] = EMPTY

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], path: str = "userRequest") -> UserRequest:
        """Read the request; :class:`s3types.S3EventError` names a bad field."""
        url: object = wire.get("url")
        if type(url) is str:
            return make_tuple(cls, (url, string_map(wire, "headers", path), wire))
        return cls(text_field(wire, "url", path), string_map(wire, "headers", path), wire)

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
