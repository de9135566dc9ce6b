"""The pydantic model of an S3 event notification, one module per part.

``fields`` (the annotated types every model shares) <- ``wire`` (the blocks
a record keeps as validated dicts) <- ``entities`` (``s3``, the object) <-
``record`` (:class:`S3EventRecord`) <- ``event`` (:class:`S3Event`).
``origin`` says how a record was delivered. The models of the blocks a
record keeps as dicts (``identities``, ``bucket``, ``event_data``) and
``test_event`` are defined on first read, not by every cold start: a
notification needs four models, and each one defined costs the cold start
about as much as a hundred records' validation. This package imports
nothing from deliveries, adapters, ops, the CLI or testing.

>>> from s3types.testing import make_event
>>> S3Event.model_validate(make_event(bucket="b", key="red flower.jpg")).records[0].key
'red flower.jpg'
"""

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports
from s3types._model.entities import S3Entity, S3Object
from s3types._model.event import S3Event
from s3types._model.origin import DIRECT, Origin
from s3types._model.record import S3EventRecord

if TYPE_CHECKING:
    from s3types._model.bucket import S3Bucket
    from s3types._model.event_data import (
        GlacierEventData,
        IntelligentTieringEventData,
        LifecycleEventData,
        ReplicationEventData,
        RestoreEventData,
        TransitionEventData,
    )
    from s3types._model.identities import RequestParameters, ResponseElements, UserIdentity
    from s3types._model.test_event import S3TestEvent

#: The models defined on first use, by the module (of this package) that defines each.
LAZY_MODELS = {
    "GlacierEventData": ".event_data",
    "IntelligentTieringEventData": ".event_data",
    "LifecycleEventData": ".event_data",
    "ReplicationEventData": ".event_data",
    "RestoreEventData": ".event_data",
    "TransitionEventData": ".event_data",
    "RequestParameters": ".identities",
    "ResponseElements": ".identities",
    "UserIdentity": ".identities",
    "S3Bucket": ".bucket",
    "S3TestEvent": ".test_event",
}


__getattr__ = lazy_exports(globals(), LAZY_MODELS)


__all__ = [
    "DIRECT",
    "LAZY_MODELS",
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
