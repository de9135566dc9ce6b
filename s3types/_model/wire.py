"""The blocks of a record validated as dicts, and made models only when read.

Few handlers read the identity, request, bucket or event-data blocks, so a
record keeps them as the dicts validation checked (unknown keys kept, as
everywhere) and builds their models (:mod:`s3types._model.identities`,
:mod:`s3types._model.bucket`, :mod:`s3types._model.event_data`) on first
read. Four fewer models per record is ~30% less validation time, and the
models themselves are defined only by the first read, not by every cold
start.

Each block is a TypedDict (:mod:`s3types._model.block_types`), which is
what type checkers see and says what is validated; pydantic is handed the
core schema it would build of that TypedDict, written out with
``pydantic_core.core_schema`` (``tests/core/test_model_wire.py`` holds the
two to the same schema and the same outcomes): building a TypedDict's
schema costs a cold start about half a millisecond per block, and a record
has ten; defining the TypedDicts themselves costs another 0.5 ms, so they
are not defined at run time.

>>> from pydantic import TypeAdapter
>>> TypeAdapter(PrincipalField).validate_python({"principalId": "A1", "new": 1})
{'principalId': 'A1', 'new': 1}
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from pydantic_core import core_schema

from s3types._values import check_bucket_name, to_utc

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler

    from s3types._model.block_types import (
        BucketWire,
        GlacierWire,
        IntelligentTieringWire,
        LifecycleWire,
        PrincipalWire,
        ReplicationWire,
        RequestParametersWire,
        ResponseElementsWire,
    )

__all__ = [
    "BucketField",
    "GlacierField",
    "IntelligentTieringField",
    "LifecycleField",
    "PrincipalField",
    "ReplicationField",
    "RequestParametersField",
    "ResponseElementsField",
    "block_schemas",
]


# The core schemas, as pydantic builds them of the TypedDicts above with
# extra="allow": every key optional unless required, None allowed where the
# TypedDict says so, unknown keys kept with their values.


def _nullable(schema: core_schema.CoreSchema) -> core_schema.CoreSchema:
    return core_schema.nullable_schema(schema)


def _text() -> core_schema.CoreSchema:
    return _nullable(core_schema.str_schema())


def _block(
    fields: dict[str, core_schema.CoreSchema], required: str | None = None
) -> core_schema.TypedDictSchema:
    return core_schema.typed_dict_schema(
        {
            name: core_schema.typed_dict_field(schema, required=name == required)
            for name, schema in fields.items()
        },
        extra_behavior="allow",
    )


def _principal() -> core_schema.TypedDictSchema:
    return _block({"principalId": _text()})


def _request_parameters() -> core_schema.TypedDictSchema:
    return _block({"sourceIPAddress": _text()})


def _response_elements() -> core_schema.TypedDictSchema:
    return _block({"x-amz-request-id": _text(), "x-amz-id-2": _text()})


def _bucket() -> core_schema.TypedDictSchema:
    name = core_schema.no_info_after_validator_function(check_bucket_name, core_schema.str_schema())
    return _block(
        {"name": name, "ownerIdentity": _nullable(_principal()), "arn": _text()}, required="name"
    )


def _restore() -> core_schema.TypedDictSchema:
    utc = core_schema.no_info_after_validator_function(to_utc, core_schema.datetime_schema())
    return _block(
        {"lifecycleRestorationExpiryTime": _nullable(utc), "lifecycleRestoreStorageClass": _text()}
    )


def _glacier() -> core_schema.TypedDictSchema:
    return _block({"restoreEventData": _nullable(_restore())})


def _replication() -> core_schema.TypedDictSchema:
    names = (
        "replicationRuleId",
        "destinationBucket",
        "s3Operation",
        "requestTime",
        "failureReason",
        "threshold",
        "replicationTime",
    )
    return _block({name: _text() for name in names})


def _intelligent_tiering() -> core_schema.TypedDictSchema:
    return _block({"destinationAccessTier": _text()})


def _transition() -> core_schema.TypedDictSchema:
    return _block({"destinationStorageClass": _text()})


def _lifecycle() -> core_schema.TypedDictSchema:
    return _block({"transitionEventData": _nullable(_transition())})


class _Block:
    """Field metadata: validate the field as one block's core schema (``None`` allowed or not)."""

    __slots__ = ("build", "nullable")

    def __init__(
        self, build: Callable[[], core_schema.TypedDictSchema], *, nullable: bool = True
    ) -> None:
        self.build = build
        self.nullable = nullable

    def __get_pydantic_core_schema__(
        self, source: object, handler: "GetCoreSchemaHandler"
    ) -> core_schema.CoreSchema:
        # A new schema each time: pydantic may edit a schema it is given.
        schema = self.build()
        return _nullable(schema) if self.nullable else schema


#: The function that builds each block's core schema, by the name of its
#: TypedDict in :mod:`s3types._model.block_types` (for the tests that hold
#: the two to the same schema).
block_schemas: dict[str, Callable[[], core_schema.TypedDictSchema]] = {
    "PrincipalWire": _principal,
    "RequestParametersWire": _request_parameters,
    "ResponseElementsWire": _response_elements,
    "BucketWire": _bucket,
    "RestoreWire": _restore,
    "GlacierWire": _glacier,
    "ReplicationWire": _replication,
    "IntelligentTieringWire": _intelligent_tiering,
    "TransitionWire": _transition,
    "LifecycleWire": _lifecycle,
}

# The field types: the TypedDict for type checkers; for pydantic, the
# written-out schema (the TypedDicts are not defined at run time).
if TYPE_CHECKING:
    PrincipalField = PrincipalWire | None
    RequestParametersField = RequestParametersWire | None
    ResponseElementsField = ResponseElementsWire | None
    BucketField = BucketWire
    GlacierField = GlacierWire | None
    ReplicationField = ReplicationWire | None
    IntelligentTieringField = IntelligentTieringWire | None
    LifecycleField = LifecycleWire | None
else:
    PrincipalField = Annotated[object, _Block(_principal)]
    RequestParametersField = Annotated[object, _Block(_request_parameters)]
    ResponseElementsField = Annotated[object, _Block(_response_elements)]
    BucketField = Annotated[object, _Block(_bucket, nullable=False)]
    GlacierField = Annotated[object, _Block(_glacier)]
    ReplicationField = Annotated[object, _Block(_replication)]
    IntelligentTieringField = Annotated[object, _Block(_intelligent_tiering)]
    LifecycleField = Annotated[object, _Block(_lifecycle)]
