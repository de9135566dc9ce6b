"""Hypothesis strategies for S3 event notifications: keys, names, records, deliveries, mutations.

Needs the ``hypothesis`` extra (``pip install 's3types[hypothesis]'``). Every
strategy builds what S3 and its producers really send, optional fields
present or absent, so a property test of your handler meets the events
production will hand it; :func:`mutated` and ``deliveries(max_mutations=N)``
build what they must survive.

>>> from hypothesis import given, settings
>>> from s3types import parse_event
>>> from s3types.testing.strategies import Delivery, deliveries
>>> @settings(max_examples=5)
... @given(deliveries())
... def test_every_delivery_parses(delivery: Delivery) -> None:
...     assert len(parse_event(delivery.wire).records) == len(delivery.event["Records"])
>>> test_every_delivery_parses()
"""

try:
    import hypothesis as _hypothesis  # checked first: every submodule needs it
except ImportError as err:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "s3types.testing.strategies needs Hypothesis: pip install 's3types[hypothesis]'"
    ) from err

from s3types.testing.strategies._deliveries import Delivery, deliveries
from s3types.testing.strategies._mutations import mutated
from s3types.testing.strategies._records import s3_events, s3_records
from s3types.testing.strategies._values import bucket_names, event_names, s3_keys, sequencers

del _hypothesis

__all__ = [
    "Delivery",
    "bucket_names",
    "deliveries",
    "event_names",
    "mutated",
    "s3_events",
    "s3_keys",
    "s3_records",
    "sequencers",
]
