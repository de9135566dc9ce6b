"""Local stand-ins for what an Object Lambda function talks to, all on 127.0.0.1.

The fixtures are in conftest.py.

``origin``: an HTTP server standing in for the presigned ``inputS3Url``; it
generates objects on the fly (never held in memory), honours ``Range`` and
``partNumber`` and records each request's headers.

``recorder``: S3's Object Lambda endpoint as botocore reaches it. moto has no
``WriteGetObjectResponse``, so the client keeps its real endpoint
(``https://{route}.s3-object-lambda.{region}.amazonaws.com``, botocore's host
prefix included) and goes through an HTTPS proxy on 127.0.0.1; the proxy
answers ``CONNECT`` itself, does TLS with a certificate made for the test
(the client trusts it through ``verify=``) and records the signed request
botocore sent: target host, headers, and the body's length, digest and
chunking, counted as it streams in.
"""

from __future__ import annotations

import datetime
import hashlib
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import boto3
from botocore.config import Config
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

LINE = b"Ana's card is 4111-1111-1111-1111; call +1 555 0100.\n"  # 53 bytes
PART_SIZE = 1000


def object_bytes(size: int) -> Iterator[bytes]:
    """The object the origin serves for a size: LINE repeated, cut at ``size`` bytes."""
    block = LINE * 1200
    sent = 0
    while sent < size:
        chunk = block[: size - sent]
        sent += len(chunk)
        yield chunk


@dataclass
class Origin:
    """The running origin: its URL maker and the headers of each request it got."""

    port: int
    requests: list[dict[str, Any]] = field(default_factory=list)

    def url(self, size: int, *, status: int = 200, signed_headers: str | None = None) -> str:
        """A presigned-looking URL of an object of ``size`` bytes (or an error ``status``)."""
        query = "X-Amz-Security-Token=token&X-Amz-Signature=abc"
        if signed_headers:
            query += f"&X-Amz-SignedHeaders={signed_headers}"
        return f"http://127.0.0.1:{self.port}/{status}/{size}/original.txt?{query}"


class OriginHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    origin: Origin

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        _, status, size_text, _ = parts.path.split("/", 3)
        query = parse_qs(parts.query)
        self.origin.requests.append({"headers": dict(self.headers), "query": query})
        if int(status) >= 400:
            body = (
                b"<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code>"
                b"<Message>Access Denied</Message></Error>"
            )
            self.send_response(int(status))
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        size = int(size_text)
        start, end = 0, size - 1
        ranged = "Range" in self.headers or "partNumber" in query
        if "partNumber" in query:
            start = (int(query["partNumber"][0]) - 1) * PART_SIZE
            end = min(start + PART_SIZE, size) - 1
        elif "Range" in self.headers:
            first, _, last = self.headers["Range"].removeprefix("bytes=").partition("-")
            start, end = int(first), min(int(last), size - 1)
        self.send_response(206 if ranged else 200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("ETag", '"d41d8cd98f00b204e9800998ecf8427e"')
        self.send_header("Content-Length", str(end - start + 1))
        if ranged:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.end_headers()
        skipped = 0
        for chunk in object_bytes(end + 1):
            if skipped + len(chunk) <= start:
                skipped += len(chunk)
                continue
            self.wfile.write(chunk[max(0, start - skipped) :])
            skipped += len(chunk)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Recorded:
    """One request botocore sent to the Object Lambda endpoint."""

    connect_target: str
    request_line: str
    headers: dict[str, str]
    body_size: int
    body_sha256: str
    chunks: int
    body_start: bytes


@dataclass
class Recorder:
    """The recording proxy: the requests it got, and a client that goes through it."""

    port: int
    ca_file: Path
    requests: list[Recorded] = field(default_factory=list)

    def client(self, region: str = "us-east-1") -> S3Client:
        """A boto3 S3 client on S3's real endpoints, through the recording proxy."""
        client: S3Client = boto3.client(
            "s3",
            region_name=region,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            verify=str(self.ca_file),
            config=Config(
                proxies={"https": f"http://127.0.0.1:{self.port}"},
                retries={"max_attempts": 1},
            ),
        )
        return client


def make_certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "s3types test endpoint")])
    now = datetime.datetime.now(datetime.timezone.utc)
    hosts = [
        "*.s3-object-lambda.us-east-1.amazonaws.com",
        "s3-object-lambda.us-east-1.amazonaws.com",
    ]
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "endpoint.pem", folder / "endpoint.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def _read_body(stream: Any, headers: dict[str, str]) -> tuple[int, str, int, bytes]:
    digest, size, chunks, start = hashlib.sha256(), 0, 0, b""
    if headers.get("Transfer-Encoding", "").lower() == "chunked":
        while True:
            length = int(stream.readline().split(b";")[0], 16)
            if length == 0:
                while stream.readline() not in (b"\r\n", b""):
                    pass
                break
            data = stream.read(length)
            stream.readline()
            digest.update(data)
            size, chunks = size + length, chunks + 1
            start = start or data[:200]
    else:
        remaining = int(headers.get("Content-Length", "0"))
        while remaining:
            data = stream.read(min(remaining, 1 << 16))
            digest.update(data)
            size, remaining = size + len(data), remaining - len(data)
            start = start or data[:200]
    return size, digest.hexdigest(), chunks, start


def serve_connection(connection: socket.socket, context: ssl.SSLContext, state: Recorder) -> None:
    with connection:
        plain = connection.makefile("rb")
        target = plain.readline().decode().split()[1]  # CONNECT host:443 HTTP/1.1
        while plain.readline() not in (b"\r\n", b""):
            pass
        connection.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        with context.wrap_socket(connection, server_side=True) as tls:
            stream = tls.makefile("rb")
            request_line = stream.readline().decode().strip()
            headers: dict[str, str] = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                headers[name.strip()] = value.strip()
            if headers.get("Expect", "").lower() == "100-continue":
                tls.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            size, digest, chunks, start = _read_body(stream, headers)
            state.requests.append(
                Recorded(target, request_line, headers, size, digest, chunks, start)
            )
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
