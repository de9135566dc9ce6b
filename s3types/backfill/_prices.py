"""What a backfill costs: the published unit prices, and the fees for a number of objects.

The prices are AWS's list prices in US East (N. Virginia), read on
2026-12-07 from the pages each constant names; other regions and later
price changes differ, so a plan shows them as an estimate with its
source, never as a bill. Only the fees a job adds are counted: the
function's own run time (GB-seconds) and what it reads and writes are
the function's business and vary with it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BATCH_OPERATIONS_PER_JOB_USD",
    "BATCH_OPERATIONS_PER_MILLION_OBJECTS_USD",
    "LAMBDA_PER_MILLION_REQUESTS_USD",
    "PRICES_READ_ON",
    "BackfillFees",
    "backfill_fees",
    "unit_prices",
]

#: The day the prices below were read from their pages.
PRICES_READ_ON = "2026-12-07"

#: S3 Batch Operations, per job: https://aws.amazon.com/s3/pricing/
#: ("Management & Insights" tab, S3 Batch Operations: $0.25 per job).
BATCH_OPERATIONS_PER_JOB_USD = 0.25

#: S3 Batch Operations, per million object operations performed:
#: https://aws.amazon.com/s3/pricing/ ("Management & Insights" tab,
#: S3 Batch Operations: $1.00 per million objects processed).
BATCH_OPERATIONS_PER_MILLION_OBJECTS_USD = 1.00

#: AWS Lambda requests, per million: https://aws.amazon.com/lambda/pricing/
#: ($0.20 per 1M requests; the job invokes the function once per object).
LAMBDA_PER_MILLION_REQUESTS_USD = 0.20


@dataclass(frozen=True)
class BackfillFees:
    """The fees one job adds for ``objects`` objects, by their published unit prices (USD).

    >>> fees = backfill_fees(2_000_000)
    >>> fees.per_job, fees.objects_processed, fees.lambda_requests, round(fees.total, 6)
    (0.25, 2.0, 0.4, 2.65)
    """

    objects: int
    per_job: float
    objects_processed: float
    lambda_requests: float

    @property
    def total(self) -> float:
        """The sum (unrounded: a small job costs fractions of a cent beyond the job fee)."""
        return self.per_job + self.objects_processed + self.lambda_requests

    def __str__(self) -> str:
        return (
            f"~${self.total:,.2f} for {self.objects:,} objects: ${self.per_job:.2f} per job"
            f" + ${self.objects_processed:,.2f} Batch Operations"
            f" (${BATCH_OPERATIONS_PER_MILLION_OBJECTS_USD:.2f}/million objects)"
            f" + ${self.lambda_requests:,.2f} Lambda requests"
            f" (${LAMBDA_PER_MILLION_REQUESTS_USD:.2f}/million); list prices of"
            f" {PRICES_READ_ON} (us-east-1), the function's run time not included"
        )


def backfill_fees(objects: int) -> BackfillFees:
    """The fees of one job over ``objects`` objects (one Lambda request each)."""
    if objects < 0:
        raise ValueError(f"backfill_fees: objects must be 0 or more, got {objects}")
    millions = objects / 1_000_000
    return BackfillFees(
        objects=objects,
        per_job=BATCH_OPERATIONS_PER_JOB_USD,
        objects_processed=millions * BATCH_OPERATIONS_PER_MILLION_OBJECTS_USD,
        lambda_requests=millions * LAMBDA_PER_MILLION_REQUESTS_USD,
    )


def unit_prices() -> str:
    """The unit prices in words, for a plan without an object count.

    >>> unit_prices()
    '$0.25 per job + $1.00 per million objects + $0.20 per million Lambda requests'
    """
    return (
        f"${BATCH_OPERATIONS_PER_JOB_USD:.2f} per job"
        f" + ${BATCH_OPERATIONS_PER_MILLION_OBJECTS_USD:.2f} per million objects"
        f" + ${LAMBDA_PER_MILLION_REQUESTS_USD:.2f} per million Lambda requests"
    )
