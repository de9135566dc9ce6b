"""The strategies package: its examples run, and without Hypothesis it names the extra."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import s3types.testing.strategies

MODULES = [
    s3types.testing.strategies.__name__,
    *(
        f"{s3types.testing.strategies.__name__}.{info.name}"
        for info in pkgutil.iter_modules(s3types.testing.strategies.__path__)
    ),
]


def test_docstring_examples_run() -> None:
    attempted = 0
    for name in MODULES:
        result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, name
        attempted += result.attempted
    # The package and its four modules (values, records, deliveries, mutations).
    assert len(MODULES) == 5
    assert attempted > 0


def test_every_public_name_is_documented_and_exported_from_the_package() -> None:
    package = s3types.testing.strategies
    assert package.__all__ == sorted(package.__all__)
    for name in package.__all__:
        value = getattr(package, name)
        assert value.__doc__, name
        summary = value.__doc__.split("\n\n")[0].strip()
        assert summary and "\n" not in summary, name


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
