"""Fixtures: the origin standing in for ``inputS3Url`` and the recording Object Lambda endpoint."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator

import pytest

from s3types.testing._object_lambda_endpoints import ObjectLambdaEndpoints
from tests.object_lambda.object_lambda_endpoints import (
    Origin,
    Recorder,
    make_certificate,
    serve_connection,
)


@pytest.fixture(scope="session")
def origin() -> Iterator[Origin]:
    """The origin server standing in for presigned ``inputS3Url``s."""
    with ObjectLambdaEndpoints() as endpoints:
        yield Origin(endpoints)


@pytest.fixture(scope="session")
def recorder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Recorder]:
    """The recording HTTPS proxy standing in for S3's Object Lambda endpoint."""
    cert_file, key_file = make_certificate(tmp_path_factory.mktemp("tls"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    listener = socket.create_server(("127.0.0.1", 0))
    state = Recorder(port=listener.getsockname()[1], ca_file=cert_file)
    stopping = threading.Event()

    def accept() -> None:
        while not stopping.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(
                target=serve_connection, args=(connection, context, state), daemon=True
            ).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield state
    stopping.set()
    listener.close()
    thread.join(timeout=5)
