"""LocalS3Server: starts on a free port, answers, stops without leaking threads or ports."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from s3types.testing._server import LocalS3Server


def port_is_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_threads(before: set[threading.Thread], timeout: float = 5.0) -> list[str]:
    """Names of threads started since ``before`` that are still alive after ``timeout``.

    Only new threads count: threads other tests left (pools of earlier
    clients, servers of session fixtures) may come and go meanwhile.
    """
    deadline = time.monotonic() + timeout
    while True:
        left = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.01)


def test_lifecycle_leaves_no_thread_or_port_behind() -> None:
    threads_before = set(threading.enumerate())
    server = LocalS3Server(region="eu-west-1")
    with pytest.raises(RuntimeError, match="not running: call start\\(\\)"):
        _ = server.endpoint_url
    assert repr(server) == "LocalS3Server(stopped, region='eu-west-1')"

    server.start()
    server.start()  # idempotent
    try:
        port = int(server.endpoint_url.rsplit(":", 1)[1])
        assert server.endpoint_url == f"http://127.0.0.1:{port}"
        assert port_is_open(port)
        s3 = server.s3_client()
        assert s3.meta.region_name == "eu-west-1"
        assert "Buckets" in s3.list_buckets()
        sqs = server.sqs_client()
        queue_url = sqs.create_queue(QueueName="lifecycle")["QueueUrl"]
        assert queue_url.endswith("/lifecycle")
        sqs.delete_queue(QueueUrl=queue_url)
    finally:
        server.stop()
    server.stop()  # idempotent

    assert not port_is_open(port)
    assert wait_for_threads(threads_before) == []
    with pytest.raises(RuntimeError):
        server.s3_client()


def test_context_manager_and_two_servers_at_once() -> None:
    with LocalS3Server() as first, LocalS3Server() as second:
        assert first.endpoint_url != second.endpoint_url
        first.s3_client().list_buckets()
        second.s3_client().list_buckets()
    with pytest.raises(RuntimeError):
        _ = first.endpoint_url


def test_stops_when_the_with_block_raises() -> None:
    def fail_while_running() -> None:
        with LocalS3Server() as server:
            raise KeyError(int(server.endpoint_url.rsplit(":", 1)[1]))

    with pytest.raises(KeyError) as info:
        fail_while_running()
    assert not port_is_open(info.value.args[0])


def test_session_fixture_is_running(s3_server: LocalS3Server) -> None:
    assert s3_server.region == "us-east-1"
    assert s3_server.s3_client().list_buckets()["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_missing_moto_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "moto.server", None)
    with pytest.raises(ImportError, match="pip install 's3types\\[server\\]'"):
        LocalS3Server().start()


# Run in a fresh interpreter: without the extras installed (imports of them
# fail), and for reset(), which clears moto's state for the whole process.
WITHOUT_EXTRAS = textwrap.dedent(
    """
    import sys
    for name in ("boto3", "botocore", "moto", "mypy_boto3_s3", "mypy_boto3_sqs"):
        sys.modules[name] = None
    import s3types.ops, s3types.testing, s3types_pytest
    from s3types.testing._server import LocalS3Server
    try:
        LocalS3Server().start()
    except ImportError as err:
        print(err)
    """
)
RESET = textwrap.dedent(
    """
    from s3types.testing._server import LocalS3Server
    with LocalS3Server() as server:
        s3 = server.s3_client()
        s3.create_bucket(Bucket="kept-until-reset")
        server.reset()
        print(s3.list_buckets()["Buckets"])
    """
)


def run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip()


def test_imports_without_extras_and_server_says_what_to_install() -> None:
    message = run_python(WITHOUT_EXTRAS)
    assert message.startswith(
        "LocalS3Server needs moto's server and boto3: pip install 's3types[server]'"
    )


def test_reset_clears_moto_state() -> None:
    assert run_python(RESET) == "[]"
