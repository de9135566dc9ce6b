"""Ceph's CloudEvents form: one record under ``data``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from s3types._deliveries._base import At, Carrier, as_mapping
from s3types._deliveries.direct import validate_notification
from s3types._model import Origin

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["CEPH_CLOUD_EVENT"]


class CephCloudEvent:
    """``{"specversion": ..., "type": ..., "data": {record}}`` (Ceph's HTTP endpoint)."""

    name = "a Ceph CloudEvents notification"
    carriers: frozenset[Carrier] = frozenset({"lambda"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True when ``data`` is a record whose ``eventSource`` is S3's."""
        data = as_mapping(event.get("data"))
        if data is None:
            return False
        source: object = data.get("eventSource")
        return isinstance(source, str) and source.endswith(":s3")

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Validate the record; the CloudEvent's own fields stay in ``origin.envelope``."""
        wrapped = {"Records": [event["data"]]}
        parsed = validate_notification(wrapped, at.path, rename={"Records[0]": "data"})
        found.add_records(parsed.records, At(at.path, Origin("s3", envelope=event), at.carrier))


CEPH_CLOUD_EVENT = CephCloudEvent()
