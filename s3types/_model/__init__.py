"""The pydantic model of an S3 event notification, one module per part.

``fields`` (the annotated types every model shares) <- ``entities`` (bucket,
object, identities) and ``event_data`` (restore, replication, ...) <-
``record`` (:class:`S3EventRecord`) <- ``event`` (:class:`S3Event`,
:class:`S3TestEvent`). ``origin`` says how a record was delivered. This
package imports nothing from deliveries, adapters, ops, the CLI or testing.

>>> from s3types.testing import make_event
>>> S3Event.model_validate(make_event(bucket="b", key="red flower.jpg")).records[0].key
'red flower.jpg'
"""

from s3types._model.entities import (
    RequestParameters,
    ResponseElements,
    S3Bucket,
    S3Entity,
    S3Object,
    UserIdentity,
)
from s3types._model.event import S3Event, S3TestEvent
from s3types._model.event_data import (
    GlacierEventData,
    IntelligentTieringEventData,
    LifecycleEventData,
    ReplicationEventData,
    RestoreEventData,
    TransitionEventData,
)
from s3types._model.origin import DIRECT, Origin
from s3types._model.record import S3EventRecord

__all__ = [
    "DIRECT",
    "GlacierEventData",
    "IntelligentTieringEventData",
    "LifecycleEventData",
    "Origin",
    "ReplicationEventData",
    "RequestParameters",
    "ResponseElements",
    "RestoreEventData",
    "S3Bucket",
    "S3Entity",
    "S3Event",
    "S3EventRecord",
    "S3Object",
    "S3TestEvent",
    "TransitionEventData",
    "UserIdentity",
]
