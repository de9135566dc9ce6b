"""s3types: one typed, validated, normalized model of S3 event notifications.

>>> from s3types import parse_event
>>> from s3types.testing import make_event
>>> parse_event(make_event(bucket="photos", key="red flower.jpg")).records[0].key
'red flower.jpg'
"""

from s3types._at_least_once import dedupe, latest_per_key
from s3types._errors import S3EventError
from s3types._model import (
    GlacierEventData,
    IntelligentTieringEventData,
    LifecycleEventData,
    Origin,
    ReplicationEventData,
    RequestParameters,
    ResponseElements,
    RestoreEventData,
    S3Bucket,
    S3Entity,
    S3Event,
    S3EventRecord,
    S3Object,
    S3TestEvent,
    TransitionEventData,
    UserIdentity,
)
from s3types._names import EventName
from s3types._parse import parse_event, records
from s3types._values import EventVersion, Sequencer
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
