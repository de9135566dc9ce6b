"""s3types for Chalice: ``on_s3_change`` hands the typed S3 event, all records, to a function.

With ``backfill=True`` the same Lambda function answers S3 Batch Operations
jobs too, handing the function an :data:`EventOrTask`.

Needs the ``chalice`` extra (``pip install 's3types[chalice]'``). In tests, make
events with :func:`generate_s3_event` (keys encoded as S3 sends them), not
Chalice's ``client.events.generate_s3_event``, which leaves them unencoded.

>>> from chalice import Chalice
>>> from s3types import S3Event
>>> from s3types_chalice import on_s3_change
>>> app = Chalice(app_name="photos")
>>> @on_s3_change(app, "photo-uploads", events=["s3:ObjectCreated:*"], suffix=".jpg")
... def index_photos(event: S3Event) -> None:
...     print([record.key for record in event.records])
"""

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports
from s3types_chalice._events import generate_s3_event
from s3types_chalice._s3 import ChaliceS3Handler, on_s3_change

if TYPE_CHECKING:
    from s3types_chalice._event_or_task import EventOrTask

# EventOrTask names BatchTask: an app that never backfills does not load s3types.batch.
__getattr__ = lazy_exports(globals(), {"EventOrTask": "s3types_chalice._event_or_task"})

__all__ = ["ChaliceS3Handler", "EventOrTask", "generate_s3_event", "on_s3_change"]
