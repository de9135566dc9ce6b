"""The strategies module: its examples run, and without Hypothesis it names the extra."""

from __future__ import annotations

import doctest
import subprocess
import sys

import s3types.testing.strategies


def test_docstring_examples_run() -> None:
    result = doctest.testmod(s3types.testing.strategies, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_without_hypothesis_the_import_error_names_the_extra() -> None:
    # sys.modules[name] = None makes "import name" fail as if it were not installed.
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import s3types.testing.strategies\n"
        "except ImportError as err:\n"
        "    print(err)\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "pip install 's3types[hypothesis]'" in finished.stdout
