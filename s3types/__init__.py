"""s3types: one typed, validated, normalized model of S3 event notifications.

>>> from s3types import parse_event
>>> from s3types.testing import make_event
>>> parse_event(make_event(bucket="photos", key="red flower.jpg")).records[0].key
'red flower.jpg'
"""

from typing import TYPE_CHECKING

from s3types._errors import S3EventError
from s3types._lazy import lazy_exports
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
__getattr__ = lazy_exports(
    globals(),
    {
        **dict.fromkeys(LAZY_MODELS, "._model"),
        **dict.fromkeys(
            (
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
            ),
            "._wire",
        ),
        "dedupe": "._at_least_once",
        "latest_per_key": "._at_least_once",
    },
)

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
