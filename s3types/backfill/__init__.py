"""Backfills: run a function over the objects a bucket already holds.

An S3 trigger fires for objects written after it is configured; the ones
already in the bucket never fire it. At scale, S3 Batch Operations is the
engine: :func:`plan_backfill` builds its ``CreateJob`` request from the
function's triggers (the job invokes the function once per object, with
the Batch Operations event), the IAM role it needs and what it will
cost; :func:`submit_backfill` creates the job. Everything here is
imported on first use.
"""

from s3types._lazy import lazy_exports

# Names and the module defining each (imported on first read); the
# TYPE_CHECKING imports for type checkers are added beside them.
_LAZY: dict[str, str] = {}

__getattr__ = lazy_exports(globals(), _LAZY)

__all__: list[str] = []
