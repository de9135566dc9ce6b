"""Tools for testing S3-triggered functions: event factories, a local context and S3 server.

The pytest fixtures ``s3_event`` and ``s3_server`` come from the plugin
registered on install (``s3types_pytest``); ``S3EventFactory`` types the
first. Hypothesis strategies are in ``s3types.testing.strategies``.

>>> from s3types.testing import make_event, via_sqs
>>> batch = via_sqs(make_event(bucket="photos", key="a.jpg"))
"""

from s3types.testing._context import LocalLambdaContext
from s3types.testing._events import (
    encode_key,
    make_event,
    test_event,
    via_eventbridge,
    via_sns,
    via_sqs,
)
from s3types.testing._factory import Delivery, S3EventFactory, make_s3_event
from s3types.testing._invocations import make_batch_job, make_object_lambda_event
from s3types.testing._server import LocalS3Server

__all__ = [
    "Delivery",
    "LocalLambdaContext",
    "LocalS3Server",
    "S3EventFactory",
    "encode_key",
    "make_batch_job",
    "make_event",
    "make_object_lambda_event",
    "make_s3_event",
    "test_event",
    "via_eventbridge",
    "via_sns",
    "via_sqs",
]
