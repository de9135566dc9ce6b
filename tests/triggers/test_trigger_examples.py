"""The trigger examples the documentation includes run and print what docs/triggers.md says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from examples import triggers_apply, triggers_handler, triggers_owners

ROOT = Path(__file__).resolve().parents[2]


def test_handler_example_shows_the_trigger_the_refusal_and_terraform(
    capsys: pytest.CaptureFixture[str],
) -> None:
    triggers_handler.show()
    out = capsys.readouterr().out
    assert "(s3:ObjectCreated:* on s3://photo-uploads/incoming/*.jpg)" in out
    assert "refused: rules " in out
    assert 'resource "aws_s3_bucket_notification" "photouploads"' in out


@pytest.mark.server
def test_apply_example_prints_the_plan_then_false(capsys: pytest.CaptureFixture[str]) -> None:
    triggers_apply.main()
    out = capsys.readouterr().out
    assert "+ added    thumbnails (s3:ObjectCreated:* on s3://photo-uploads/incoming/*.jpg)" in out
    assert out.rstrip().endswith("False")


def test_every_snippet_the_page_includes_exists() -> None:
    page = (ROOT / "docs" / "triggers.md").read_text(encoding="utf-8")
    included = re.findall(r'--8<-- "([^":]+):([^"]+)"', page)
    assert included
    for path, section in included:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert f"# --8<-- [start:{section}]" in source and f"# --8<-- [end:{section}]" in source


@pytest.mark.server
def test_owners_example_keeps_the_other_functions_rule(capsys: pytest.CaptureFixture[str]) -> None:
    triggers_owners.main()
    out = capsys.readouterr().out
    assert "+ added" in out and "on s3://media/videos/*" in out
    assert "= kept" in out and "on s3://media/images/*" in out
    assert "removed" not in out
