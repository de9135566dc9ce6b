"""The parts of an S3 Object Lambda request: contexts, configuration, caller, identity.

Each is an immutable NamedTuple read field by field from the wire by its
``from_wire``, which raises :class:`s3types.S3EventError` naming a bad
field; each keeps its wire in ``raw``. The request-wide parts are in
``_contexts``, the caller's identity in ``_identity``, the check of the
input URL in ``_input_url`` and the field readers they share in ``_fields``.
"""

from __future__ import annotations

from s3types.object_lambda._parts._contexts import (
    GetObjectContext,
    InputContext,
    ObjectLambdaConfiguration,
    UserRequest,
)
from s3types.object_lambda._parts._fields import fail, make_tuple, object_field, text_field
from s3types.object_lambda._parts._identity import (
    ObjectLambdaUserIdentity,
    SessionContext,
    SessionIssuer,
)
from s3types.object_lambda._parts._input_url import check_input_url

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
