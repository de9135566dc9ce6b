"""What a newcomer tries first: parse whatever `event` prints, fresh ids, honest help texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from s3types._cli import main

# Every kind `s3types event` prints, and the kind `s3types parse` must name.
KINDS = [
    (("put",), "kind: S3 event notification, 1 record"),
    (("delete", "--via", "sqs"), "kind: S3 event notification, 1 record"),
    (("copy", "--via", "sqs-sns"), "kind: S3 event notification, 1 record"),
    (("put", "--via", "sns"), "kind: S3 event notification, 1 record"),
    (("put", "--via", "eventbridge"), "kind: S3 event notification, 1 record"),
    (("test",), "kind: s3:TestEvent"),
    (("batch",), "kind: S3 Batch Operations job"),
    (("batch", "--schema-version", "1.0"), "kind: S3 Batch Operations job"),
    (("object-lambda",), "kind: S3 Object Lambda request"),
    (("object-lambda", "--operation", "HeadObject"), "kind: S3 Object Lambda request"),
]


def _event(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> Path:
    assert main(["event", *argv]) == 0
    made = tmp_path / "event.json"
    made.write_text(capsys.readouterr().out, "utf-8")
    return made


@pytest.mark.parametrize(("argv", "kind"), KINDS, ids=[" ".join(a) for a, _ in KINDS])
def test_parse_reads_every_kind_event_prints(
    argv: tuple[str, ...], kind: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = _event(capsys, tmp_path, "--key", "photos/red flower.jpg", *argv)

    assert main(["parse", str(made)]) == 0
    text = capsys.readouterr().out
    assert main(["parse", "--json", str(made)]) == 0
    shown = json.loads(capsys.readouterr().out)

    assert text.splitlines()[0].startswith(kind)
    assert shown["kind"] in ("notification", "test-event", "batch", "object-lambda")
    if argv[0] == "batch":
        assert "photos/red flower.jpg" in text  # the key decoded
        assert shown["tasks"][0]["raw_key"] == "photos/red+flower.jpg"


def test_parse_names_a_bad_field_of_a_batch_job(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = _event(capsys, tmp_path, "batch")
    job = json.loads(made.read_text("utf-8"))
    del job["tasks"][0]["taskId"]
    made.write_text(json.dumps(job), "utf-8")

    assert main(["parse", str(made)]) == 1
    err = capsys.readouterr().err

    assert "is not a valid batch invocation" in err
    assert "tasks[0].taskId" in err


@pytest.mark.parametrize("kind", ["batch", "object-lambda"])
def test_made_invocations_get_fresh_ids_unless_seeded(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def ids(*options: str) -> tuple[str, str]:
        assert main(["event", kind, *options]) == 0
        made = json.loads(capsys.readouterr().out)
        if kind == "batch":
            return made["job"]["id"], made["invocationId"]
        return made["xAmzRequestId"], made["getObjectContext"]["outputToken"]

    first, second = ids(), ids()
    seeded = ids("--seed", "7")

    assert first[0] != second[0]
    assert first[1] != second[1]
    assert seeded == ids("--seed", "7")
    assert seeded != ids("--seed", "8")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return " ".join(capsys.readouterr().out.split())


def test_trigger_help_lists_only_what_each_action_uses(capsys: pytest.CaptureFixture[str]) -> None:
    show = _help(capsys, "trigger", "show")
    export = _help(capsys, "trigger", "export")

    assert "--prefix" not in show
    assert "--suffix" not in show
    assert "--event" not in show
    assert "--bucket" in show
    assert "(default: json)" in export


def test_trigger_show_refuses_filters_it_would_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trigger", "show", "--bucket", "b", "--prefix", "incoming/"]) == 2
    assert "do not apply" in capsys.readouterr().err


def test_invoke_refuses_an_original_it_cannot_serve(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    handler = str(Path(__file__).resolve().parents[2] / "examples" / "lambda_handler.py")
    request = _event(capsys, tmp_path, "object-lambda")

    missing = main(["invoke", f"{handler}:inventory", "--event", str(request), "--original", "/no"])
    missing_err = capsys.readouterr().err
    not_object_lambda = main(["invoke", f"{handler}:inventory", "--original", str(request)])
    not_object_lambda_err = capsys.readouterr().err

    assert (missing, not_object_lambda) == (1, 1)
    assert missing_err.strip() == "s3types invoke: --original /no: no such file"
    assert "this event is not one" in not_object_lambda_err
