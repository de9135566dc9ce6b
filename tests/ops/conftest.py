"""Fixtures for the typed-operation tests: clients and fresh buckets on the local S3 server."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import uuid
from typing import TYPE_CHECKING

import boto3
import pytest
from botocore.config import Config

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server


def new_bucket_name() -> str:
    """A bucket name no other test uses, so tests do not depend on order."""
    return f"ops-{uuid.uuid4().hex[:16]}"


@pytest.fixture
def bucket_name() -> Callable[[], str]:
    """Make bucket names no other test uses."""
    return new_bucket_name


@pytest.fixture
def s3(s3_server: LocalS3Server) -> S3Client:
    """A fresh boto3 S3 client on the local server (hooks registered on it stay local)."""
    return s3_server.s3_client()


@pytest.fixture
def bucket(s3: S3Client) -> str:
    """A new, empty, unversioned bucket in us-east-1."""
    name = new_bucket_name()
    s3.create_bucket(Bucket=name)
    return name


@pytest.fixture
def versioned_bucket(s3: S3Client) -> str:
    """A new, empty bucket with versioning enabled."""
    name = new_bucket_name()
    s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name


class CountingProxy:
    """A TCP proxy on 127.0.0.1 in front of the S3 server, counting what reaches the client.

    ``received`` is the number of bytes of the server's answers the proxy
    handed to its clients' sockets: what a client could have read. Its own
    sockets keep small buffers, so it does not read far ahead of the client.
    """

    def __init__(self, upstream_port: int) -> None:
        self._upstream_port = upstream_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self.received = 0
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    @property
    def endpoint_url(self) -> str:
        """The proxy's URL, for a client's ``endpoint_url``."""
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self._upstream_port))
            for sock in (client, upstream):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
            for source, target, counted in ((client, upstream, False), (upstream, client, True)):
                thread = threading.Thread(
                    target=self._pump, args=(source, target, counted), daemon=True
                )
                thread.start()
                self._threads.append(thread)

    def _pump(self, source: socket.socket, target: socket.socket, counted: bool) -> None:
        try:
            while data := source.recv(16 * 1024):
                target.sendall(data)
                if counted:
                    with self._lock:
                        self.received += len(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        """Stop accepting connections."""
        self._listener.close()


@pytest.fixture
def proxied_s3(s3_server: LocalS3Server) -> Iterator[tuple[S3Client, Callable[[], int]]]:
    """A client whose requests go through a byte-counting proxy, and the count so far.

    The count is the bytes of S3's answers that reached the client's socket.
    """
    port = int(s3_server.endpoint_url.rsplit(":", 1)[1])
    proxy = CountingProxy(port)
    client = client_for(proxy.endpoint_url)
    yield client, lambda: proxy.received
    client.close()
    proxy.close()


def client_for(endpoint_url: str) -> S3Client:
    """A boto3 S3 client for an endpoint, with the local server's dummy credentials."""
    client: S3Client = boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(s3={"addressing_style": "path"}),
    )
    return client


_SERVE_UNTIL_STDIN_CLOSES = """
import sys
from s3types.testing._server import LocalS3Server
with LocalS3Server() as server:
    print(server.endpoint_url, flush=True)
    sys.stdin.read()
"""


@pytest.fixture(scope="module")
def separate_s3_endpoint() -> Iterator[str]:
    """The URL of a local S3 server in another process, so tracemalloc here sees only the client."""
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVE_UNTIL_STDIN_CLOSES],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdin is not None
    try:
        yield process.stdout.readline().strip()
    finally:
        process.stdin.close()
        process.wait(timeout=30)
