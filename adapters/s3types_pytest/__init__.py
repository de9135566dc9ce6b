"""The pytest plugin of s3types (registered as ``pytest11``): fixtures ``s3_event``, ``s3_server``.

It lives outside the ``s3types`` package on purpose: pytest loads every
registered plugin at startup, in every project of the environment, and
importing anything under ``s3types`` first imports the event model
(pydantic). Here nothing is imported until a test asks for a fixture, so
having s3types installed costs a pytest run nothing measurable
(``benchmarks/plugin_startup.py`` measures it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from s3types.testing import LocalS3Server, S3EventFactory

__all__ = ["s3_event", "s3_server"]


@pytest.fixture
def s3_event() -> S3EventFactory:
    """Make S3 events in a test: the key given decoded, the wire form encoded as S3 does.

    Calls :func:`s3types.testing.make_event` (any event name; bucket
    ``test-bucket`` unless given) and wraps the event as Lambda receives it
    through ``via``. Needs no extra.

    >>> def test_handler_decodes_keys(s3_event):
    ...     batch = s3_event("ObjectRemoved:Delete", key="red flower+1.jpg", via="sqs")
    ...     assert handler(batch, context) == {"batchItemFailures": []}
    """
    from s3types.testing._factory import make_s3_event

    return make_s3_event


@pytest.fixture(scope="session")
def s3_server() -> Iterator[LocalS3Server]:
    """A running local S3 server (moto, on 127.0.0.1) shared by the test session.

    Stopped when the session ends. Buckets persist across tests: give each
    test its own bucket names. Needs ``pip install 's3types[server]'`` (or
    ``[testing]``); without it the fixture raises ImportError saying so (it
    does not skip).

    >>> def test_upload(s3_server):
    ...     s3 = s3_server.s3_client()
    ...     s3.create_bucket(Bucket="uploads")
    """
    from s3types.testing import LocalS3Server

    with LocalS3Server() as server:
        yield server
