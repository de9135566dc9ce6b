"""Fixtures for the typed-operation tests: clients and fresh buckets on the local S3 server."""

from __future__ import annotations

import contextlib
import http.client
import http.server
import socket
import threading
import uuid
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from botocore.auth import S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

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


@pytest.fixture(scope="module")
def separate_s3_endpoint() -> Iterator[str]:
    """The URL of a local S3 server in another process, so tracemalloc here sees only the client."""
    from s3types.testing._server import local_s3_server_process

    with local_s3_server_process() as endpoint:
        yield endpoint


@pytest.fixture
def far_s3(separate_s3_endpoint: str) -> Iterator[S3Client]:
    """A client of the S3 server in another process."""
    client: S3Client = boto3.client(
        "s3",
        endpoint_url=separate_s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(s3={"addressing_style": "path"}),
    )
    yield client
    client.close()


def _verify_presigned(method: str, host: str, path: str, headers: Mapping[str, str]) -> str | None:
    """Why S3 would refuse this presigned request (None: it would accept it).

    The signature is recomputed with botocore's own SigV4 query signer from
    what arrived: the method, path and query, and the values of the headers
    the URL says were signed. Like S3, a signed header missing or changed, an
    unsigned ``x-amz-*`` header, or an expired URL is refused.
    """
    url = urlsplit(path)
    query = parse_qs(url.query, keep_blank_values=True)
    if "X-Amz-Signature" not in query:
        return "not a presigned request"
    signature = query["X-Amz-Signature"][0]
    signed = query["X-Amz-SignedHeaders"][0].split(";")
    received = {name.lower(): value for name, value in headers.items()}
    unsigned = sorted(n for n in received if n.startswith("x-amz-") and n not in signed)
    if unsigned:
        return f"There were headers present in the request which were not signed: {unsigned}"
    missing = [name for name in signed if name not in received]
    if missing:
        return f"signed headers not sent: {missing}"
    timestamp = query["X-Amz-Date"][0]
    signed_at = datetime.strptime(timestamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    if datetime.now(timezone.utc) > signed_at + timedelta(seconds=int(query["X-Amz-Expires"][0])):
        return "Request has expired"
    _, _, region, service, _ = query["X-Amz-Credential"][0].split("/")
    unsigned_query = "&".join(
        p for p in url.query.split("&") if not p.startswith("X-Amz-Signature=")
    )
    request = AWSRequest(
        method=method,
        url=f"http://{host}{url.path}?{unsigned_query}",
        headers={name: received[name] for name in signed if name != "host"},
    )
    request.context["timestamp"] = timestamp
    signer = S3SigV4QueryAuth(Credentials("testing", "testing"), service, region)
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    return None if expected == signature else "SignatureDoesNotMatch"


class _SigV4Gate(http.server.BaseHTTPRequestHandler):
    upstream_port: int

    def _handle(self) -> None:
        headers = {name: value for name, value in self.headers.items()}
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        refusal = _verify_presigned(self.command, self.headers["Host"], self.path, headers)
        if refusal is not None:
            message = f"<Error><Code>AccessDenied</Code><Message>{refusal}</Message></Error>"
            self.send_response(403)
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message.encode())
            return
        upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=30)
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            content = answer.read()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
        finally:
            upstream.close()

    do_GET = do_PUT = do_HEAD = _handle

    def log_message(self, format: str, *args: object) -> None:  # the base's name
        return None


@pytest.fixture(scope="module")
def presigned_s3(s3_server: LocalS3Server) -> Iterator[S3Client]:
    """A client whose presigned URLs point at a gate that checks them as S3 does, then moto.

    moto's server does not check presigned URLs (see test_ops_presign.py):
    the gate in front of it recomputes each signature with botocore's signer
    and refuses what S3 would refuse, and passes the rest on to moto.
    """
    handler = type(
        "Gate", (_SigV4Gate,), {"upstream_port": int(s3_server.endpoint_url.rsplit(":", 1)[1])}
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client = client_for(f"http://127.0.0.1:{server.server_address[1]}")
    yield client
    client.close()
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def sent() -> list[str]:
    """The requests the offline client tried to send (must stay empty)."""
    return []


@pytest.fixture
def offline(sent: list[str]) -> Iterator[S3Client]:
    """A client pointed at a closed port that records every request it tries to send."""
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{port}",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"total_max_attempts": 1}, connect_timeout=1),
    )

    def record(request: Any, **_: Any) -> None:
        sent.append(f"{request.method} {request.url}")

    client.meta.events.register("before-send", record)
    yield client
    client.close()
