"""s3types: one typed, validated, normalized model of S3 event notifications.

>>> from s3types import parse_event
>>> from s3types.testing import make_event
>>> parse_event(make_event(bucket="photos", key="red flower.jpg")).records[0].key
'red flower.jpg'
"""

from typing import TYPE_CHECKING, Any

from s3types._errors import S3EventError
from s3types._model import LAZY_MODELS, Origin, S3Entity, S3Event, S3EventRecord, S3Object
from s3types._names import EventName
from s3types._parse import parse_event, records
from s3types._values import EventVersion, Sequencer

if TYPE_CHECKING:
    from s3types._at_least_once import dedupe, latest_per_key
    from s3types._model import (
        GlacierEventData,
        IntelligentTieringEventData,
        LifecycleEventData,
        ReplicationEventData,
        RequestParameters,
        ResponseElements,
        RestoreEventData,
        S3Bucket,
        S3TestEvent,
        TransitionEventData,
        UserIdentity,
    )
    from s3types._wire import (
        EventBridgeS3EventDict,
        S3BucketDict,
        S3EntityDict,
        S3EventDict,
        S3EventRecordDict,
        S3ObjectDict,
        S3TestEventDict,
        SnsEventDict,
        SqsEventDict,
        SqsRecordDict,
    )

# Imported on first use, not by every cold start: the models of the blocks a
# record keeps as dicts (see s3types._model), the TypedDicts of the wire
# shape, which only annotations use, and the at-least-once helpers.
_WIRE_DICTS = frozenset(
    {
        "EventBridgeS3EventDict",
        "S3BucketDict",
        "S3EntityDict",
        "S3EventDict",
        "S3EventRecordDict",
        "S3ObjectDict",
        "S3TestEventDict",
        "SnsEventDict",
        "SqsEventDict",
        "SqsRecordDict",
    }
)


def __getattr__(name: str) -> Any:
    if name in LAZY_MODELS:
        home = "s3types._model"
    elif name in _WIRE_DICTS:
        home = "s3types._wire"
    elif name in ("dedupe", "latest_per_key"):
        home = "s3types._at_least_once"
    else:
        raise AttributeError(f"module 's3types' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__version__ = "0.1.0"

__all__ = [
    "EventBridgeS3EventDict",
    "EventName",
    "EventVersion",
    "GlacierEventData",
    "IntelligentTieringEventData",
    "LifecycleEventData",
    "Origin",
    "ReplicationEventData",
    "RequestParameters",
    "ResponseElements",
    "RestoreEventData",
    "S3Bucket",
    "S3BucketDict",
    "S3Entity",
    "S3EntityDict",
    "S3Event",
    "S3EventDict",
    "S3EventError",
    "S3EventRecord",
    "S3EventRecordDict",
    "S3Object",
    "S3ObjectDict",
    "S3TestEvent",
    "S3TestEventDict",
    "Sequencer",
    "SnsEventDict",
    "SqsEventDict",
    "SqsRecordDict",
    "TransitionEventData",
    "UserIdentity",
    "__version__",
    "dedupe",
    "latest_per_key",
    "parse_event",
    "records",
]
