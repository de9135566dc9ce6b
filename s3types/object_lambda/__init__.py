"""S3 Object Lambda: the typed request S3 invokes a function with when an access point is read.

A GetObject, HeadObject, ListObjects or ListObjectsV2 request through an
Object Lambda access point calls the function; for GetObject it answers
with ``WriteGetObjectResponse`` (:func:`s3types.ops.write_get_object_response`).

>>> from s3types.object_lambda import parse_object_lambda_event
>>> from s3types.testing import make_object_lambda_event
>>> event = parse_object_lambda_event(make_object_lambda_event())
>>> event.operation, event.output_token
('GetObject', 'OutputToken')
"""

from s3types.object_lambda._errors import ObjectLambdaError
from s3types.object_lambda._model import ObjectLambdaEvent, parse_object_lambda_event
from s3types.object_lambda._original import CHUNK_SIZE, OriginalObject
from s3types.object_lambda._parts import (
    GetObjectContext,
    InputContext,
    ObjectLambdaConfiguration,
    ObjectLambdaUserIdentity,
    SessionContext,
    SessionIssuer,
    UserRequest,
)
from s3types.object_lambda._response import ObjectBody, ObjectLambdaResponse

__all__ = [
    "CHUNK_SIZE",
    "GetObjectContext",
    "InputContext",
    "ObjectBody",
    "ObjectLambdaConfiguration",
    "ObjectLambdaError",
    "ObjectLambdaEvent",
    "ObjectLambdaResponse",
    "ObjectLambdaUserIdentity",
    "OriginalObject",
    "SessionContext",
    "SessionIssuer",
    "UserRequest",
    "parse_object_lambda_event",
]
