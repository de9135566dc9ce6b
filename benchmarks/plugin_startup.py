"""What having s3types installed adds to every pytest run: the plugin's import cost.

pytest imports each registered ``pytest11`` plugin at startup. This runs
``python -X importtime -c "import <plugin>"`` in fresh interpreters and
reports the plugin's own cumulative import time beyond pytest's (the median
of several runs), and the same for the old plugin location inside the
``s3types`` package (which imported the event model) for comparison.

    python benchmarks/plugin_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 7
PLUGINS = {"s3types_pytest (now)": "s3types_pytest", "s3types.testing (before)": "s3types.testing"}


def import_microseconds(module: str) -> int:
    """Cumulative import time of ``module`` after pytest is imported, in microseconds."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import pytest; import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    total = 0
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and not line.startswith("import time: self"):
            _, cumulative, name = (part.strip() for part in line.split("|"))
            if name == module.split(".")[0] or name == module:
                total = max(total, int(cumulative))
    return total


def main() -> int:
    """Print the median import cost of each plugin location."""
    for label, module in PLUGINS.items():
        runs = [import_microseconds(module) for _ in range(RUNS)]
        print(f"{label}: {statistics.median(runs) / 1000:.1f} ms added to pytest's startup")
    return 0


if __name__ == "__main__":
    sys.exit(main())
