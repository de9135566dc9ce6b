"""The registry: every delivery, in the order the walk asks them.

Imported by the first input that is not a direct notification (see
:mod:`s3types._deliveries`); a new delivery's object goes in
:data:`REGISTRY` here.

>>> REGISTRY[0].name
'a direct S3 event notification'
"""

from s3types._deliveries._base import Delivery
from s3types._deliveries.ceph import CEPH_CLOUD_EVENT
from s3types._deliveries.direct import DIRECT
from s3types._deliveries.eventbridge import EVENTBRIDGE
from s3types._deliveries.receive_message import RECEIVE_MESSAGE
from s3types._deliveries.s3_test_event import TEST_EVENT
from s3types._deliveries.sns import SNS
from s3types._deliveries.sns_message import SNS_MESSAGE
from s3types._deliveries.sqs import SQS

__all__ = ["REGISTRY"]

#: Every delivery, most common first (claims are exclusive: order is only speed).
REGISTRY: tuple[Delivery, ...] = (
    DIRECT,
    SQS,
    SNS,
    EVENTBRIDGE,
    TEST_EVENT,
    RECEIVE_MESSAGE,
    CEPH_CLOUD_EVENT,
    SNS_MESSAGE,
)
