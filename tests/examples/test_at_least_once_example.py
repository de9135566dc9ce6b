"""The at-least-once example runs as documented, and its poller helper on a real queue."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from examples.at_least_once import uploads_to_handle
from s3types.testing import make_event

if TYPE_CHECKING:
    from s3types.testing._server import LocalS3Server

ROOT = Path(__file__).resolve().parents[2]


def test_the_example_runs_each_upload_once_and_only_while_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "examples.at_least_once"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    ran = [line.strip() for line in lines if line.strip().startswith("word_counts:")]
    assert ran == [
        "word_counts: counted notes/plan.txt (sequencer 0055AED6DC02): 4 words",
        "word_counts: skipped notes/plan.txt (sequencer 0055AED6DC01): changed since",
    ]
    assert sum("latest_only: skipped" in line for line in lines) == 2
    assert lines.count('  response: {"batchItemFailures": []}') == 3
    assert lines[-1] == (
        'counts/notes/plan.txt.json: {"key": "notes/plan.txt",'
        ' "etag": "f1373e74251705ddbd748d473c4c6dcb", "words": 4}'
    )


def test_uploads_to_handle_takes_what_sqs_receive_message_returns(
    s3_server: LocalS3Server,
) -> None:
    sqs = s3_server.sqs_client()
    queue_url = sqs.create_queue(QueueName="at-least-once-example")["QueueUrl"]
    first = make_event(bucket="notes", key="notes/a.txt", sequencer="01")
    last = make_event(bucket="notes", key="notes/a.txt", sequencer="02")
    other = make_event(bucket="notes", key="notes/b.txt", sequencer="01")
    removed = make_event("ObjectRemoved:Delete", bucket="notes", key="notes/b.txt", sequencer="09")
    for event in (last, first, last, other, removed):
        sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(event))

    received = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10)

    assert len(received.get("Messages", [])) == 5
    chosen = uploads_to_handle(received)
    assert [(r.key, str(r.sequencer)) for r in chosen] == [
        ("notes/a.txt", "02"),
        ("notes/b.txt", "01"),
    ]


def test_the_docs_page_includes_sections_that_exist() -> None:
    """docs/at-least-once.md shows code only through snippets of this example: they must resolve."""
    page = (ROOT / "docs" / "at-least-once.md").read_text(encoding="utf-8")
    includes = re.findall(r'^--8<-- "([^":]+):(\w+)"$', page, flags=re.MULTILINE)
    assert includes == [
        ("examples/at_least_once.py", "handler"),
        ("examples/at_least_once.py", "poller"),
    ]
    for path, section in includes:
        source = (ROOT / path).read_text(encoding="utf-8")
        start, end = f"# --8<-- [start:{section}]\n", f"# --8<-- [end:{section}]\n"
        assert source.count(start) == source.count(end) == 1
        assert source.index(start) < source.index(end)
