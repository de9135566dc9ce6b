"""The tests' Object Lambda endpoints: the origin, and S3's answer endpoint on its real host names.

The origin and the body reader are s3types.testing's (``s3types invoke``
serves them too). What only tests need is here: ``recorder``, S3's Object
Lambda endpoint as botocore reaches it on AWS. The client keeps its real
endpoint (``https://{route}.s3-object-lambda.{region}.amazonaws.com``,
botocore's host prefix included) and goes through an HTTPS proxy on
127.0.0.1; the proxy answers ``CONNECT`` itself, does TLS with a certificate
made for the test (the client trusts it through ``verify=``) and records the
signed request botocore sent: target host, headers, and the body's length,
digest and chunking, counted as it streams in. The fixtures are in
conftest.py.
"""

from __future__ import annotations

import datetime
import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from s3types.testing._object_lambda_endpoints import (
    LINE,
    PART_SIZE,
    ObjectLambdaEndpoints,
    object_bytes,
    read_request_body,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = [
    "LINE",
    "PART_SIZE",
    "Origin",
    "Recorded",
    "Recorder",
    "make_certificate",
    "object_bytes",
    "serve_connection",
]


@dataclass
class Origin:
    """The running origin: its URL maker and the headers of each request it got."""

    endpoints: ObjectLambdaEndpoints
    requests: list[dict[str, Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.requests = self.endpoints.origin_requests

    def url(self, size: int, *, status: int = 200, signed_headers: str | None = None) -> str:
        """A presigned-looking URL of an object of ``size`` bytes (or an error ``status``)."""
        query = "X-Amz-Security-Token=token&X-Amz-Signature=abc"
        if signed_headers:
            query += f"&X-Amz-SignedHeaders={signed_headers}"
        return f"{self.endpoints.endpoint_url}/{status}/{size}/original.txt?{query}"


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
            size, digest, chunks, start = read_request_body(stream, headers)
            state.requests.append(
                Recorded(target, request_line, headers, size, digest, chunks, start)
            )
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
