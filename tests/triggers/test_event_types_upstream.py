"""Event types S3 adds after a release: accepted from the installed botocore, typos still refused.

Each test runs in a fresh interpreter: the botocore lookup is cached per
process, and the cold-start test must see which modules a trigger loads.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import botocore

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _botocore_with(tmp_path: Path, extra_types: list[str]) -> Path:
    """A botocore data folder whose S3 model lists more event types (AWS_DATA_PATH)."""
    installed = Path(botocore.__file__).parent / "data" / "s3" / "2006-03-01" / "service-2.json.gz"
    model = json.loads(gzip.decompress(installed.read_bytes()))
    model["shapes"]["Event"]["enum"] += extra_types
    folder = tmp_path / "data"
    target = folder / "s3" / "2006-03-01"
    target.mkdir(parents=True)
    (target / "service-2.json").write_text(json.dumps(model), encoding="utf-8")
    return folder


def test_a_type_botocore_lists_but_the_catalog_does_not_is_accepted(tmp_path: Path) -> None:
    data = _botocore_with(tmp_path, ["s3:ObjectTeleported:*", "s3:ObjectTeleported:Arrived"])
    out = _run(
        """
        from s3types.triggers import Trigger, TriggerError
        t = Trigger("acme-b", ["s3:ObjectTeleported:Arrived", "ObjectTeleported:*"])
        print(t.events)
        for typo in ("s3:ObjectTeleportd:Arrived", "s3:ObjectCreatd:*"):
            try:
                Trigger("acme-b", [typo])
            except TriggerError as err:
                print("refused:", err)
        """,
        {"AWS_DATA_PATH": str(data)},
    )
    assert "('s3:ObjectTeleported:Arrived', 's3:ObjectTeleported:*')" in out
    assert "did you mean 's3:ObjectTeleported:Arrived'?" in out
    assert out.count("refused:") == 2
    assert "did you mean 's3:ObjectCreated:*'?" in out


def test_without_the_extra_model_the_same_name_is_refused() -> None:
    out = _run(
        """
        from s3types.triggers import Trigger, TriggerError
        try:
            Trigger("acme-b", ["s3:ObjectTeleported:Arrived"])
        except TriggerError as err:
            print("refused:", err)
        """
    )
    assert "refused:" in out


def test_a_known_name_does_not_import_botocore() -> None:
    out = _run(
        """
        import sys
        from s3types.triggers import Trigger
        Trigger("acme-b", ["s3:MultipartUpload:Aborted", "s3:ObjectCreated:*"], prefix="a/")
        print("botocore" in sys.modules)
        """
    )
    assert out.strip() == "False"
