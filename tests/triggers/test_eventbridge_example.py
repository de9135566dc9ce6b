"""The EventBridge example runs as docs/eventbridge.md says; its pattern file is current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from examples import triggers_eventbridge
from s3types.triggers import event_pattern

ROOT = Path(__file__).resolve().parents[2]


def test_the_example_prints_the_refusal_the_pattern_and_the_resources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    triggers_eventbridge.show()
    out = capsys.readouterr().out
    assert out.startswith("refused: deliver them through EventBridge (via='eventbridge')")
    assert '"wildcard": "incoming/*.jpg"' in out
    assert "['AWS::Events::Rule', 'AWS::S3::Bucket', 'AWS::SQS::QueuePolicy']" in out


def test_the_pattern_the_page_shows_is_what_event_pattern_writes() -> None:
    shown = json.loads((ROOT / "examples" / "triggers_eventbridge_pattern.json").read_text())
    assert shown == event_pattern(triggers_eventbridge.thumbnail.s3_triggers[0])


def test_every_snippet_the_page_includes_exists() -> None:
    page = (ROOT / "docs" / "eventbridge.md").read_text(encoding="utf-8")
    included = re.findall(r'--8<-- "([^"]+)"', page)
    assert len(included) == 4
    for snippet in included:
        path, _, section = snippet.partition(":")
        source = (ROOT / path).read_text(encoding="utf-8")
        if section:
            assert f"# --8<-- [start:{section}]" in source and f"# --8<-- [end:{section}]" in source
