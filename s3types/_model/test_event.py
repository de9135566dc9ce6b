"""The ``s3:TestEvent`` message S3 sends when a notification is configured: :class:`S3TestEvent`.

Defined on first use (an event that is one, or ``event.test_event``), so a
cold start that parses a notification never defines it.
"""

from typing import Literal

from pydantic import BaseModel, Field

from s3types._model.fields import CONFIG, UtcDatetime

__all__ = ["S3TestEvent"]


class S3TestEvent(BaseModel):
    """The ``s3:TestEvent`` message S3 sends when a notification is configured.

    >>> S3TestEvent.model_validate({"Service": "Amazon S3", "Event": "s3:TestEvent",
    ...     "Time": "2014-10-13T15:57:02.089Z", "Bucket": "b"}).bucket
    'b'
    """

    model_config = CONFIG
    service: str = Field(alias="Service")
    event: Literal["s3:TestEvent"] = Field(alias="Event")
    time: UtcDatetime = Field(alias="Time")
    bucket: str = Field(alias="Bucket")
    request_id: str | None = Field(default=None, alias="RequestId")
    host_id: str | None = Field(default=None, alias="HostId")
