"""Tools for testing S3-triggered functions: event factories and a local S3 server.

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
from s3types.testing._invocations import make_batch_job, make_object_lambda_event
from s3types.testing._server import LocalS3Server

__all__ = [
    "LocalLambdaContext",
    "LocalS3Server",
    "encode_key",
    "make_batch_job",
    "make_event",
    "make_object_lambda_event",
    "test_event",
    "via_eventbridge",
    "via_sns",
    "via_sqs",
]
