"""The pytest plugin (``s3types_pytest``) costs a pytest run nothing until a fixture is used."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from s3types.testing import S3EventFactory


def test_the_registered_plugin_is_the_lazy_module() -> None:
    [plugin] = [ep for ep in entry_points(group="pytest11") if ep.name == "s3types"]

    assert plugin.value == "s3types_pytest"


def test_importing_the_plugin_imports_nothing_of_s3types_or_pydantic() -> None:
    code = (
        "import sys, s3types_pytest;"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('s3types', 'pydantic'));"
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)

    assert done.returncode == 0, done.stdout + done.stderr


def test_the_fixture_still_makes_events(s3_event: S3EventFactory) -> None:
    event = s3_event(key="red flower+1.jpg", via="sqs")

    assert event["Records"][0]["eventSource"] == "aws:sqs"


@pytest.mark.parametrize("name", ["S3EventFactory", "LocalLambdaContext", "LocalS3Server"])
def test_testing_types_are_public(name: str) -> None:
    import s3types.testing

    assert name in s3types.testing.__all__
