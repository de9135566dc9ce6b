"""check_triggers knows EventBridge: no overlap rule there, and it says so when S3 refuses."""

from __future__ import annotations

import pytest

from s3types.triggers import Trigger, TriggerError, check_triggers

JPG = Trigger("photos", prefix="in/", suffix=".jpg", id="jpg")
ALL = Trigger("photos", prefix="in/", id="all")
REPLICATION = Trigger("photos", ["s3:Replication:*"], prefix="in/", id="replication")


def test_an_overlap_s3_refuses_suggests_eventbridge() -> None:
    with pytest.raises(TriggerError) as refused:
        check_triggers([JPG, ALL])
    assert "overlap" in str(refused.value)
    assert "via='eventbridge'" in str(refused.value)


def test_no_suggestion_when_eventbridge_cannot_carry_one_of_them() -> None:
    replication_too = Trigger("photos", ["s3:Replication:*"], id="r2")
    with pytest.raises(TriggerError) as refused:
        check_triggers([REPLICATION, replication_too])
    assert "overlap" in str(refused.value)
    assert "eventbridge" not in str(refused.value)


def test_through_eventbridge_overlapping_triggers_are_fine() -> None:
    check_triggers([JPG, ALL, Trigger("photos", id="everything")], via="eventbridge")


def test_through_eventbridge_a_type_s3_does_not_send_there_is_refused() -> None:
    with pytest.raises(TriggerError, match="S3 sends no EventBridge event for s3:Replication:\\*"):
        check_triggers([JPG, REPLICATION], via="eventbridge")


def test_an_unknown_delivery_is_refused() -> None:
    with pytest.raises(TriggerError, match="via='sns' is not a delivery"):
        check_triggers([JPG], via="sns")  # type: ignore[arg-type]
