"""A recording S3 Control endpoint on 127.0.0.1, and clients that reach it as they would AWS.

moto has no S3 Batch Operations jobs, so the job calls go to a tiny
``http.server`` that records each request as it arrived (method, URL,
headers, body: botocore signed it, validated its parameters against its
own service model and serialized it to S3 Control's XML) and answers in
S3 Control's real response format. S3 Control puts the account id in the
host name (``123456789012.s3-control...``), which no local name resolves:
the client reaches the server as its HTTP proxy, the way a corporate
proxy sees an AWS call, so the URL and Host header stay the real ones.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_s3control import S3ControlClient

ACCOUNT = "123456789012"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/s3types-backfill"
FUNCTION_ARN = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:label-photos"
#: Where the clients think S3 Control is (only the proxy ever sees the name).
CONTROL_ENDPOINT = "http://s3-control.s3types.test"
_XMLNS = "http://awss3control.amazonaws.com/doc/2018-08-20/"


@dataclass
class Recorded:
    """One request as the endpoint received it."""

    method: str
    url: str
    headers: dict[str, str]
    body: bytes


def create_job_result(job_id: str) -> bytes:
    """A CreateJob response body, as S3 Control writes it."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<CreateJobResult xmlns="{_XMLNS}">'
        f"<JobId>{job_id}</JobId></CreateJobResult>"
    ).encode()


def describe_job_result(
    job_id: str, status: str, *, total: int | None = None, succeeded: int = 0, failed: int = 0
) -> bytes:
    """A DescribeJob response body, as S3 Control writes it."""
    summary = "" if total is None else f"<TotalNumberOfTasks>{total}</TotalNumberOfTasks>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<DescribeJobResult xmlns="{_XMLNS}"><Job>'
        f"<JobId>{job_id}</JobId><ConfirmationRequired>false</ConfirmationRequired>"
        f"<Status>{status}</Status><Priority>10</Priority><ProgressSummary>{summary}"
        f"<NumberOfTasksSucceeded>{succeeded}</NumberOfTasksSucceeded>"
        f"<NumberOfTasksFailed>{failed}</NumberOfTasksFailed></ProgressSummary>"
        f"<RoleArn>{ROLE_ARN}</RoleArn></Job></DescribeJobResult>"
    ).encode()


def list_jobs_result(jobs: list[tuple[str, str, str]], next_token: str | None = None) -> bytes:
    """A ListJobs response body (job id, operation, status per job), as S3 Control writes it."""
    members = "".join(
        f"<member><JobId>{job_id}</JobId><Description>s3types backfill of photos</Description>"
        f"<Operation>{operation}</Operation><Priority>10</Priority><Status>{status}</Status>"
        "<CreationTime>2026-12-07T12:00:00Z</CreationTime><ProgressSummary>"
        "<TotalNumberOfTasks>10</TotalNumberOfTasks><NumberOfTasksSucceeded>4"
        "</NumberOfTasksSucceeded><NumberOfTasksFailed>1</NumberOfTasksFailed>"
        "</ProgressSummary></member>"
        for job_id, operation, status in jobs
    )
    token = "" if next_token is None else f"<NextToken>{next_token}</NextToken>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ListJobsResult xmlns="{_XMLNS}">'
        f"<Jobs>{members}</Jobs>{token}</ListJobsResult>"
    ).encode()


@dataclass
class ControlEndpoint:
    """The recording endpoint: ``answers`` are sent in order, ``requests`` kept in order."""

    url: str
    answers: list[tuple[int, bytes]] = field(default_factory=lambda: [])
    requests: list[Recorded] = field(default_factory=lambda: [])

    def client(self) -> S3ControlClient:
        """A real boto3 S3 Control client whose requests reach this endpoint."""
        import boto3
        from botocore.config import Config

        made: S3ControlClient = boto3.client(  # pyright: ignore[reportUnknownMemberType]
            "s3control",
            region_name="us-east-1",
            endpoint_url=CONTROL_ENDPOINT,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=Config(proxies={"http": self.url}, retries={"max_attempts": 1}),
        )
        return made


def _handler(endpoint: ControlEndpoint) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            endpoint.requests.append(
                Recorded(self.command, self.path, dict(self.headers), self.rfile.read(length))
            )
            status, body = endpoint.answers.pop(0) if endpoint.answers else (500, b"no answer")
            self.send_response(status)
            self.send_header("Content-Type", "application/xml")
            self.send_header("x-amz-request-id", uuid.uuid4().hex[:16].upper())
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextlib.contextmanager
def control_endpoint() -> Iterator[ControlEndpoint]:
    """The recording S3 Control endpoint, running for the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    endpoint = ControlEndpoint(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(endpoint)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield endpoint
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
