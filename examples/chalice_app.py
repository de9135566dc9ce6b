"""Keep a photo index up to date from S3 notifications: a Chalice app.

``chalice deploy`` writes the bucket notifications (``s3:ObjectCreated:*`` and
``s3:ObjectRemoved:*`` on ``photos/*.jpg``) from the two registrations below,
exactly as with Chalice's own ``@app.on_s3_event``; each function gets the
typed event with every record, keys decoded once.

Run it: ``python -m examples.chalice_app`` (it drives the app with Chalice's
test client).
"""

from __future__ import annotations

import json

# --8<-- [start:app]
from chalice import Chalice
from chalice.app import S3EventConfig
from chalice.test import Client

from s3types import S3Event
from s3types.testing import make_event
from s3types_chalice import on_s3_change

BUCKET = "photo-uploads"

app = Chalice(app_name="photo-index")


@on_s3_change(app, BUCKET, events=["s3:ObjectCreated:*"], prefix="photos/", suffix=".jpg")
def index_photos(event: S3Event) -> list[dict[str, object]]:
    """Index entries for new photos: key, size, version and upload time."""
    entries: list[dict[str, object]] = [
        {
            "key": record.key,
            "size": record.size,
            "version_id": record.version_id,
            "uploaded": record.event_time.isoformat(),
        }
        for record in event.records
    ]
    app.log.info("indexed %d photo(s)", len(entries))
    return entries


@on_s3_change(
    app, BUCKET, events=["s3:ObjectRemoved:*"], prefix="photos/", suffix=".jpg", name="unindex"
)
def forget_photos(event: S3Event) -> list[str]:
    """Keys to drop from the index; a delete marker counts as a removal."""
    return [record.key for record in event.records]


# --8<-- [end:app]


def main() -> None:
    """Invoke both functions as Lambda would, with a two-record notification."""
    uploads = make_event(bucket=BUCKET, key="photos/red flower.jpg", size=48_213, version_id="v1")
    uploads["Records"].append(
        make_event(bucket=BUCKET, key="photos/café/ä+b.jpg", size=1_024)["Records"][0]
    )
    removal = make_event("ObjectRemoved:DeleteMarkerCreated", bucket=BUCKET, key="photos/x y.jpg")
    with Client(app) as client:
        indexed = client.lambda_.invoke("index_photos", uploads).payload
        removed = client.lambda_.invoke("unindex", removal).payload
    print("indexed:", json.dumps(indexed, ensure_ascii=False))
    print("removed:", json.dumps(removed, ensure_ascii=False))
    for source in app.event_sources:
        if isinstance(source, S3EventConfig):
            filters = f"{source.prefix}*{source.suffix}"
            print("notification:", source.name, source.bucket, source.events, filters)


if __name__ == "__main__":
    main()
