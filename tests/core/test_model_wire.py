"""The blocks a record keeps as dicts: their written-out core schemas are pydantic's own.

``s3types._model.wire`` hands pydantic a core schema per block instead of
the TypedDict (building a TypedDict's schema costs a cold start); these
tests hold each to the schema pydantic builds of its TypedDict, and to the
same validation outcomes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import SchemaValidator

from s3types import parse_event
from s3types._model import block_types
from s3types._model.wire import block_schemas
from s3types.testing import make_event

# What pydantic adds that says nothing about validation: names, refs, config echo.
_BOOKKEEPING = frozenset({"cls", "ref", "config", "metadata", "computed_fields"})


def _validation_only(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _validation_only(v) for k, v in schema.items() if k not in _BOOKKEEPING}
    if isinstance(schema, list):
        return [_validation_only(item) for item in schema]
    return schema


def _holder(typed_dict: type) -> type[BaseModel]:
    # A model holding the TypedDict, so pydantic validates it as a record
    # validates its blocks: unknown keys kept.
    return type(
        "Holder",
        (BaseModel,),
        {"__annotations__": {"block": typed_dict}, "model_config": ConfigDict(extra="allow")},
    )


def _pydantic_schema_of(typed_dict: type) -> Any:
    return _holder(typed_dict).__pydantic_core_schema__["schema"]["fields"]["block"]["schema"]


_TYPED_DICTS = [getattr(block_types, name) for name in block_schemas]


def test_every_block_typed_dict_has_a_written_out_schema() -> None:
    assert set(block_schemas) == set(block_types.__all__)


@pytest.mark.parametrize("typed_dict", _TYPED_DICTS, ids=lambda t: t.__name__)
def test_each_written_out_schema_is_the_one_pydantic_builds(typed_dict: type) -> None:
    ours = block_schemas[typed_dict.__name__]()
    assert _validation_only(ours) == _validation_only(_pydantic_schema_of(typed_dict))


_SAMPLES: list[Any] = [
    {},
    {"principalId": "A1", "other": {"deep": [1]}},
    {"principalId": None},
    {"principalId": 3},
    {"name": "photos", "ownerIdentity": {"principalId": "A1"}, "arn": "arn:aws:s3:::photos"},
    {"name": "Not_A_Bucket!"},
    {"arn": "x"},
    {"restoreEventData": {"lifecycleRestorationExpiryTime": "2024-06-01T12:00:00+02:00"}},
    {"restoreEventData": {"lifecycleRestorationExpiryTime": "soon"}},
    {"transitionEventData": {"destinationStorageClass": "GLACIER"}},
    {"x-amz-request-id": "C3D1", "x-amz-id-2": None},
    "not a block",
    None,
]


@pytest.mark.parametrize("sample", _SAMPLES, ids=repr)
@pytest.mark.parametrize("typed_dict", _TYPED_DICTS, ids=lambda t: t.__name__)
def test_each_written_out_schema_validates_as_pydantic_would(typed_dict: type, sample: Any) -> None:
    ours = SchemaValidator(block_schemas[typed_dict.__name__]())
    theirs = _holder(typed_dict)
    # The holder's errors are located under its field "block".
    expected = _outcome(lambda: theirs.model_validate({"block": sample}).model_dump()["block"], 1)
    assert _outcome(lambda: ours.validate_python(sample)) == expected


def _outcome(validate: Callable[[], object], skip: int = 0) -> tuple[str, object]:
    try:
        return ("ok", validate())
    except ValidationError as err:
        return ("error", [(e["type"], e["loc"][skip:]) for e in err.errors()])


def test_a_restore_expiry_time_is_made_utc_at_validation() -> None:
    restored = make_event(bucket="b", key="k", event_name="ObjectRestore:Completed")
    wire: dict[str, Any] = dict(restored)
    wire["Records"][0]["glacierEventData"] = {
        "restoreEventData": {
            "lifecycleRestorationExpiryTime": "2024-06-01T12:00:00+02:00",
            "lifecycleRestoreStorageClass": "GLACIER",
        }
    }
    record = parse_event(wire).records[0]
    glacier = record.raw_glacier_event_data
    assert glacier is not None
    restore = glacier.get("restoreEventData")
    assert restore is not None
    expiry = restore.get("lifecycleRestorationExpiryTime")
    assert expiry is not None
    assert expiry == datetime(2024, 6, 1, 10, tzinfo=timezone.utc)
    assert expiry.utcoffset() == timedelta(0)
    data = record.glacier_event_data
    assert data is not None and data.restore_event_data is not None
    assert data.restore_event_data.lifecycle_restoration_expiry_time == expiry
