"""``s3types invoke``: notes name the record they are about; any exception becomes one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types._cli import main
from s3types.testing import make_event, via_sqs
from tests.cli.handler_modules import imports_restored, write_handlers

if TYPE_CHECKING:
    from collections.abc import Iterator

HANDLERS = """
class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text for you")


def count(event, context):
    return len(event["Records"])


def unprintable(event, context):
    raise Unprintable
"""


@pytest.fixture(autouse=True)
def _restore_imports() -> Iterator[None]:
    with imports_restored():
        yield


@pytest.fixture
def handlers(tmp_path: Path) -> Path:
    return write_handlers(tmp_path, HANDLERS)


def test_notes_name_the_record_each_is_about(
    handlers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = via_sqs(*(make_event(bucket="b", key=f"k{index}") for index in range(4)))
    batch["Records"][1]["body"] = "not json"
    batch["Records"][3]["body"] = json.dumps({"Records": [{"eventSource": "aws:s3"}]})
    event_file = tmp_path / "batch.json"
    event_file.write_text(json.dumps(batch), encoding="utf-8")

    code = main(["invoke", f"{handlers}:count", "--event", str(event_file)])

    out, err = capsys.readouterr()
    assert (code, out.strip()) == (0, "4")
    notes = [line for line in err.splitlines() if "note:" in line]
    assert len(notes) == 2
    first, second = notes
    assert "note: Records[1] " in first
    assert "Records[1].body is not valid JSON" in first
    assert "Records[0]" not in first
    assert "note: Records[3] " in second
    # The message's place is Records[3]; the record inside its body is that body's Records[0].
    assert "Records[3].body -> Records[0].eventVersion: required field is missing" in second


def test_a_handler_exception_whose_message_fails_is_still_one_line(
    handlers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["invoke", f"{handlers}:unprintable"])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "the handler raised Unprintable (its message cannot be shown" in err
    assert "Traceback" not in err
