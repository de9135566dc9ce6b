"""The notification as a whole: :class:`S3Event`."""

from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, ValidationError, model_validator
from typing_extensions import Self

from s3types._model.fields import CONFIG
from s3types._model.record import S3EventRecord

if TYPE_CHECKING:
    from s3types._model.test_event import S3TestEvent

__all__ = ["S3Event"]

_TEST_EVENT = "s3:TestEvent"


class _NoRecords(tuple):  # type: ignore[type-arg]
    """The default of ``records``: tells "no Records key" from ``"Records": []``."""

    __slots__ = ()


def _no_records() -> tuple[S3EventRecord, ...]:
    return _NoRecords()


class S3Event(BaseModel):
    """An S3 event notification (``{"Records": [...]}``), validated and normalized.

    ``S3Event.model_validate`` takes the direct notification and also S3's
    ``s3:TestEvent`` message (an event with no records and
    ``is_test_event`` true; its fields are kept, so a dump validates back
    to a test event); use :func:`s3types.parse_event` for every other
    delivery (SQS, SNS, EventBridge, JSON text of any of them).

    >>> from s3types.testing import make_event
    >>> event = S3Event.model_validate(make_event(bucket="b", key="a+b.txt", size=3))
    >>> [(r.key, r.size) for r in event.records]
    [('a+b.txt', 3)]
    >>> from s3types.testing import test_event
    >>> S3Event.model_validate(test_event("photos")).is_test_event
    True
    """

    model_config = CONFIG

    records: tuple[S3EventRecord, ...] = Field(default_factory=_no_records, alias="Records")

    @model_validator(mode="after")
    def _records_or_test_event(self) -> Self:
        # An after-validator: the JSON path stays in pydantic-core, and a
        # notification (which names Records) costs one set lookup here.
        # Not "records" in model_fields_set: that also names an extra "records" key.
        if type(self.records) is not _NoRecords:
            return self
        extra = self.__pydantic_extra__
        if extra is None or extra.get("Event") != _TEST_EVENT:
            raise ValueError(
                "Records: required field is missing: expected an S3 event notification"
                " {'Records': [...]} or S3's s3:TestEvent message"
            )
        from s3types._model.test_event import S3TestEvent

        try:
            S3TestEvent.model_validate(extra)
        except ValidationError as err:
            first = err.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            raise ValueError(f"{where}: {first['msg']} (in the s3:TestEvent message)") from None
        # Dumped (even with exclude_unset) it says "Records": [] beside the test
        # event's fields, so tools that read Records (Powertools' data class) work.
        object.__setattr__(self, "records", ())
        self.__pydantic_fields_set__.add("records")
        return self

    @cached_property
    def test_event(self) -> "S3TestEvent | None":
        """The ``s3:TestEvent`` message, when this event is one (then it has no records)."""
        extra = self.__pydantic_extra__
        if self.records or not extra or extra.get("Event") != _TEST_EVENT:
            return None
        from s3types._model.test_event import S3TestEvent

        return S3TestEvent.model_validate(extra)

    @property
    def is_test_event(self) -> bool:
        """True when this is the ``s3:TestEvent`` S3 sends on setup (it has no records)."""
        return self.test_event is not None
