"""Fixtures of the backfill tests: the recording S3 Control endpoint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.backfill.control_endpoint import ControlEndpoint, control_endpoint


@pytest.fixture
def control() -> Iterator[ControlEndpoint]:
    """The recording S3 Control endpoint (moto has no Batch Operations jobs), for one test."""
    with control_endpoint() as endpoint:
        yield endpoint
