"""``generate_s3_event``: Chalice's test-event generator, with the key encoded as S3 sends it."""

from __future__ import annotations

from typing import Any

__all__ = ["generate_s3_event"]


def generate_s3_event(
    bucket: str,
    key: str,
    event_name: str = "ObjectCreated:Put",
    *,
    size: int | None = None,
    version_id: str | None = None,
    region: str = "us-east-1",
) -> dict[str, Any]:
    """An S3 notification for ``chalice.test.Client().lambda_.invoke``, key URL-encoded.

    A drop-in for Chalice's ``client.events.generate_s3_event(bucket, key,
    event_name)``, which copies ``key`` into the event as given: S3 encodes
    keys (``quote_plus``, ``/`` kept), and Chalice's ``event.key`` and ours
    decode them, so a key with ``+`` or ``%`` given to Chalice's generator
    comes back changed in the test but not in production. Give the key here
    as it is named in the bucket; the event carries it as S3 sends it.

    >>> event = generate_s3_event("photos", "red flower+1.jpg")
    >>> event["Records"][0]["s3"]["object"]["key"]
    'red+flower%2B1.jpg'
    """
    from s3types.testing import make_event  # a test helper: kept out of the app's import

    return dict(
        make_event(
            event_name, bucket=bucket, key=key, size=size, version_id=version_id, region=region
        )
    )
