"""Coverage-guided fuzzing of ``parse_event`` with atheris (libFuzzer), seeded with real events.

Not a pytest module (no ``test_`` prefix): run it by hand for as long as you like::

    pip install atheris
    python tests/robustness/fuzz_atheris.py -max_total_time=600 -rss_limit_mb=4096

Every fixture under tests/events/ is copied into a fresh corpus folder (pass
your own folder as an argument to keep the corpus between runs). Each input
is parsed as bytes, as text, and, when Python's json module loads it, as the
dict Lambda's runtime would hand over. Anything but a valid event or an
``S3EventError`` of our own making (no ``__cause__``: the last-resort handler
in ``parse_event`` did not have to translate a bug) is a crash that libFuzzer
reports with the input that caused it.
"""

from __future__ import annotations

import importlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

atheris: Any = importlib.import_module("atheris")

with atheris.instrument_imports(include=["s3types"]):
    from s3types import S3Event, S3EventError, parse_event

EVENTS = Path(__file__).resolve().parent.parent / "events"


def _check(wire: object) -> None:
    try:
        event = parse_event(wire)  # type: ignore[arg-type]
    except S3EventError as err:
        if not str(err).strip() or err.__cause__ is not None:
            raise AssertionError(f"S3EventError from a bug or without a message: {err!r}") from err
        return
    if not isinstance(event, S3Event):
        raise AssertionError(f"parse_event returned {type(event).__name__}")
    for record in event.records:
        if record.size is not None and record.size < 0:
            raise AssertionError(f"negative size {record.size}")
        if record.event_time.utcoffset() is None:
            raise AssertionError("naive event time")


def fuzz_one_input(data: bytes) -> None:
    """Parse one libFuzzer input in every form a function can be handed it."""
    _check(data)
    text = data.decode("utf-8", "surrogateescape")
    _check(text)
    try:
        loaded = json.loads(text)
    except (ValueError, RecursionError):
        return
    _check(loaded)


def main(argv: list[str]) -> None:
    """Seed a corpus with the fixtures unless one is given, then fuzz."""
    corpus = [arg for arg in argv[1:] if not arg.startswith("-")]
    if not corpus:
        folder = Path(tempfile.mkdtemp(prefix="s3types-corpus-"))
        for index, path in enumerate(sorted(EVENTS.rglob("*.json"))):
            shutil.copyfile(path, folder / f"{index:03d}-{path.name}")
        argv = [*argv, str(folder)]
    atheris.Setup(argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
