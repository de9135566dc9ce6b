"""A local S3 (and SQS) server for tests and the demo: moto's server, in a thread."""

from __future__ import annotations

import contextlib
import http.client
import logging
import socket
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections.abc import Generator
    from types import TracebackType

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient
    from typing_extensions import Self

__all__ = ["LocalS3Server", "local_s3_server_process"]

_EXTRA_HINT = "LocalS3Server needs moto's server and boto3: pip install 's3types[server]'"
_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
_READY_TIMEOUT = 10.0


def _require(module: str) -> Any:
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as err:
        raise ImportError(f"{_EXTRA_HINT} (cannot import {module}: {err})") from err


class LocalS3Server:
    """moto's S3 server on 127.0.0.1 in a background thread, and clients pointed at it.

    The port is a free one the system picks. ``start()`` returns once the
    server answers HTTP; ``stop()`` closes the clients made here, shuts the
    server down and joins its thread. It is a context manager too. Clients
    use the dummy credentials ``testing``/``testing``: nothing is read from
    or written to the environment. moto keeps its state per process, so
    servers in one process share buckets; ``reset()`` clears them.

    >>> with LocalS3Server() as server:
    ...     s3 = server.s3_client()
    ...     _ = s3.create_bucket(Bucket="my-bucket")
    ...     [b["Name"] for b in s3.list_buckets()["Buckets"]]
    ['my-bucket']
    """

    region: str

    # Servers running in this process, and the werkzeug log level found before
    # the first started: restored when the last one stops.
    _running: ClassVar[int] = 0
    _werkzeug_level: ClassVar[int] = logging.NOTSET

    @classmethod
    def _quiet_werkzeug(cls) -> None:
        # werkzeug logs every request at INFO to stderr unless its logger says otherwise.
        if cls._running == 0:
            logger = logging.getLogger("werkzeug")
            cls._werkzeug_level = logger.level
            if logger.level == logging.NOTSET:
                logger.setLevel(logging.WARNING)

    def __init__(self, *, region: str = "us-east-1", host: str = "127.0.0.1") -> None:
        self.region = region
        self._host = host
        self._server: Any = None
        self._port: int | None = None
        self._clients: list[Any] = []

    @property
    def endpoint_url(self) -> str:
        """The server's URL, e.g. ``http://127.0.0.1:49321``; after ``start()`` only."""
        if self._port is None:
            raise RuntimeError("LocalS3Server is not running: call start() or use `with`")
        return f"http://{self._host}:{self._port}"

    def start(self) -> None:
        """Start the server on a free port and wait until it answers (idempotent)."""
        if self._server is not None:
            return
        moto_server = _require("moto.server")
        _require("boto3")
        # moto's start() waits without a timeout for a server thread that dies
        # if it cannot bind: find out here instead.
        with socket.socket(socket.AF_INET6 if ":" in self._host else socket.AF_INET) as probe:
            probe.bind((self._host, 0))
        self._quiet_werkzeug()
        # Port 0: the system picks a free port when the server binds, so no
        # other process can take it between choosing and binding.
        server = moto_server.ThreadedMotoServer(ip_address=self._host, port=0, verbose=False)
        server.start()
        self._server = server
        self._port = int(server.get_host_and_port()[1])
        LocalS3Server._running += 1
        try:
            self._wait_until_answering()
        except BaseException:
            self.stop()
            raise

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + _READY_TIMEOUT
        while True:
            connection = http.client.HTTPConnection(self._host, self._port, timeout=1.0)
            try:
                connection.request("GET", "/moto-api/config")  # small, no side effects
                connection.getresponse().read()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
            finally:
                connection.close()

    def stop(self) -> None:
        """Close the clients made here, stop the server and join its thread (idempotent)."""
        for client in self._clients:
            client.close()
        self._clients.clear()
        server, self._server, self._port = self._server, None, None
        if server is not None:
            server.stop()
            LocalS3Server._running -= 1
            if LocalS3Server._running == 0:
                logging.getLogger("werkzeug").setLevel(LocalS3Server._werkzeug_level)

    def reset(self) -> None:
        """Delete every bucket, queue and object moto holds in this process."""
        if self._port is None:
            raise RuntimeError("LocalS3Server is not running: call start() or use `with`")
        connection = http.client.HTTPConnection(self._host, self._port, timeout=10.0)
        try:
            connection.request("POST", "/moto-api/reset")
            connection.getresponse().read()
        finally:
            connection.close()

    def s3_client(self, *, region: str | None = None) -> S3Client:
        """A boto3 S3 client for this server (path-style addressing, dummy credentials)."""
        client: S3Client = self._client("s3", region)
        return client

    def sqs_client(self, *, region: str | None = None) -> SQSClient:
        """A boto3 SQS client for this server (dummy credentials)."""
        client: SQSClient = self._client("sqs", region)
        return client

    def _client(self, service: str, region: str | None) -> Any:
        boto3 = _require("boto3")
        config = _require("botocore.config").Config(
            s3={"addressing_style": "path"}, retries={"max_attempts": 2, "mode": "standard"}
        )
        client = boto3.client(
            service,
            endpoint_url=self.endpoint_url,
            region_name=region or self.region,
            config=config,
            **_CREDENTIALS,
        )
        self._clients.append(client)
        return client

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.endpoint_url if self._port is not None else "stopped"
        return f"LocalS3Server({where}, region={self.region!r})"


_SERVE_UNTIL_STDIN_CLOSES = """
import sys
from s3types.testing._server import LocalS3Server
with LocalS3Server() as server:
    print(server.endpoint_url, flush=True)
    sys.stdin.read()
"""


@contextlib.contextmanager
def local_s3_server_process() -> Generator[str, None, None]:
    """A :class:`LocalS3Server` in a child process; yields its endpoint URL.

    For measuring memory: the server's allocations are not this process's,
    so ``tracemalloc`` here sees only the client. The server stops when the
    block ends.

    >>> with local_s3_server_process() as endpoint:  # doctest: +SKIP
    ...     endpoint.startswith("http://127.0.0.1:")
    True
    """
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVE_UNTIL_STDIN_CLOSES],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        yield process.stdout.readline().strip()
    finally:
        process.stdin.close()
        process.wait(timeout=60)
