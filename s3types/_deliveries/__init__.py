"""Every way an S3 notification reaches a function, one module each, in one registry.

Each module holds one object that satisfies :class:`Delivery`: it tells
its shape apart by values (``claims``) and unwraps it (``unwrap``) into
records, a test event, or inner messages (an SQS body, an SNS message),
which are parsed by walking ``REGISTRY`` again, so nested deliveries
(SNS in SQS, EventBridge in SQS) compose instead of being special cases.
``carriers`` says where a shape may be found: handed to Lambda
(``"lambda"``), in an SQS body (``"sqs"``), in an SNS message (``"sns"``).

A new delivery is one module plus one registry line:

1. write ``s3types/_deliveries/<name>.py`` with one object having ``name``,
   ``carriers``, ``claims(event)`` (values, never key presence alone: no
   other delivery may claim the same input) and ``unwrap(event, at,
   found)``, which validates and calls ``found.add_event`` /
   ``found.add_records`` or ``found.walk`` for what it carries, with an
   :class:`~s3types.Origin` (and the message as ``envelope``);
2. add it to ``REGISTRY`` in :mod:`s3types._deliveries.registry`;
3. add its real fixtures to ``tests/events/`` and its tests to
   ``tests/deliveries/test_<name>.py``; assign it to ``Delivery`` in
   ``tests/typing/check_deliveries.py``. The corpus test then requires
   that it, and only it, claims its fixtures.

A direct notification (what S3 hands a function) needs only
:mod:`~s3types._deliveries.direct`: ``parse_event`` validates it before
any walk, and the walk (``_walk``), the contract (``_base``), the registry
and every other delivery are imported by the first input that is not one,
so a cold start loads only what it receives.

>>> from s3types._deliveries import REGISTRY
>>> [delivery.name for delivery in REGISTRY][:2]
['a direct S3 event notification', 'an SQS batch']
"""

from typing import TYPE_CHECKING

from s3types._deliveries.direct import DIRECT
from s3types._lazy import lazy_exports

if TYPE_CHECKING:
    from s3types._deliveries._base import At, Carrier, Delivery
    from s3types._deliveries._describe import describe
    from s3types._deliveries._walk import Found, construct_event
    from s3types._deliveries.ceph import CEPH_CLOUD_EVENT
    from s3types._deliveries.eventbridge import EVENTBRIDGE
    from s3types._deliveries.receive_message import RECEIVE_MESSAGE
    from s3types._deliveries.registry import REGISTRY
    from s3types._deliveries.s3_test_event import TEST_EVENT
    from s3types._deliveries.sns import SNS
    from s3types._deliveries.sns_message import SNS_MESSAGE
    from s3types._deliveries.sqs import SQS

# Imported on first use (see above): name -> the module of this package that defines it.
_LAZY = {
    "CEPH_CLOUD_EVENT": ".ceph",
    "EVENTBRIDGE": ".eventbridge",
    "RECEIVE_MESSAGE": ".receive_message",
    "REGISTRY": ".registry",
    "SNS": ".sns",
    "SNS_MESSAGE": ".sns_message",
    "SQS": ".sqs",
    "TEST_EVENT": ".s3_test_event",
    "At": "._base",
    "Carrier": "._base",
    "Delivery": "._base",
    "Found": "._walk",
    "construct_event": "._walk",
    "describe": "._describe",
}


__getattr__ = lazy_exports(globals(), _LAZY)


__all__ = [
    "CEPH_CLOUD_EVENT",
    "DIRECT",
    "EVENTBRIDGE",
    "RECEIVE_MESSAGE",
    "REGISTRY",
    "SNS",
    "SNS_MESSAGE",
    "SQS",
    "TEST_EVENT",
    "At",
    "Carrier",
    "Delivery",
    "Found",
    "construct_event",
    "describe",
]
