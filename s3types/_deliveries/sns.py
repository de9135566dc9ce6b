"""An SNS notification as Lambda delivers it: each ``Sns.Message`` is walked again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from s3types._deliveries._base import At, Carrier, as_list, as_mapping, records_list
from s3types._errors import S3EventError
from s3types._model import Origin

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["SNS"]


class Sns:
    """``{"Records": [{"EventSource": "aws:sns", "Sns": {"Message": ...}}]}``."""

    name = "an SNS notification"
    carriers: frozenset[Carrier] = frozenset({"lambda"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True when the first record's ``EventSource`` is ``aws:sns``."""
        records = as_list(event.get("Records"))
        first = as_mapping(records[0]) if records else None
        return first is not None and first.get("EventSource") == "aws:sns"

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Walk each record's SNS message; the record is the origin's envelope."""
        for index, raw in enumerate(records_list(event, "Records")):
            where = f"Records[{index}].Sns.Message"
            item = as_mapping(raw)
            sns = as_mapping(item.get("Sns")) if item is not None else None
            if item is None or sns is None:
                raise S3EventError(f"Records[{index}].Sns: expected the SNS message", path=where)
            origin = Origin("sns", envelope=item)
            message: object = sns.get("Message")
            found.walk(message, At(where, origin, "sns"))


SNS = Sns()
