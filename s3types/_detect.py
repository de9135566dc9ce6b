"""Where the shape detectors used to live; they are deliveries now (:mod:`s3types._deliveries`).

Kept so code that imported a detector from here (the plain-Lambda adapter
imports ``SQS``) keeps working; new code imports from
:mod:`s3types._deliveries`.

>>> SQS.claims({"Records": [{"eventSource": "aws:sqs", "body": "{}"}]})
True
"""

from s3types._deliveries import REGISTRY, SQS, describe

__all__ = ["SHAPES", "SQS", "describe"]

#: The deliveries, under their old name.
SHAPES = REGISTRY
