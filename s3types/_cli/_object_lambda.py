"""``s3types invoke`` on an Object Lambda request: the original and S3's answer, served locally.

A deployed Object Lambda function reads the original from the presigned
``inputS3Url`` and answers with ``WriteGetObjectResponse`` on
``{outputRoute}.s3-object-lambda.{region}.amazonaws.com``. Run locally,
neither is reachable (a made event's URL is not signed, and with no route
botocore retries and fails on the streamed body with an
``UnseekableStreamError`` that hides why). Here both are served on
127.0.0.1 (:class:`s3types.testing._object_lambda_endpoints.ObjectLambdaEndpoints`):
the event's ``inputS3Url`` is pointed at a local file or generated text,
and for the call botocore's S3 endpoint is the local one
(``AWS_ENDPOINT_URL_S3``, host prefix off), which records the real signed
request and turns it into the response the caller would get.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from s3types.testing._object_lambda_endpoints import (
    LINE,
    CallerResponse,
    ObjectLambdaEndpoints,
    Original,
    file_original,
    generated_original,
)

__all__ = ["GENERATED_LINES", "LocalObjectLambdaError", "local_object_lambda", "response_json"]

#: The generated original: this many lines of sample text with a card number each.
GENERATED_LINES = 3
_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_CONTEXTS = ("getObjectContext", "headObjectContext", "listObjectsContext", "listObjectsV2Context")


class LocalObjectLambdaError(Exception):
    """The local Object Lambda run cannot start or gave no answer: printed in one line."""


def _original(path: Path | None) -> tuple[Original, str]:
    if path is None:
        size = GENERATED_LINES * len(LINE)
        return generated_original(size), f"generated text ({size} bytes)"
    if not path.is_file():
        raise LocalObjectLambdaError(f"--original {path}: no such file")
    return file_original(path), f"{path} ({path.stat().st_size} bytes)"


def _context_name(event: Mapping[str, Any]) -> str:
    return next(name for name in _CONTEXTS if name in event)


@contextmanager
def _environment(values: Mapping[str, str], drop: tuple[str, ...]) -> Generator[None, None, None]:
    saved = {name: os.environ.get(name) for name in (*values, *drop)}
    try:
        for name in drop:
            os.environ.pop(name, None)
        os.environ.update(values)
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _client_environment(endpoint_url: str, region: str) -> dict[str, str]:
    values = {
        # botocore (1.31+) reads a per-service endpoint from the environment, and
        # (1.37+) can leave out the {RequestRoute}. host prefix, which 127.0.0.1
        # cannot take.
        "AWS_ENDPOINT_URL_S3": endpoint_url,
        "AWS_DISABLE_HOST_PREFIX_INJECTION": "true",
    }
    for name in ("NO_PROXY", "no_proxy"):  # a proxy must not carry requests to 127.0.0.1
        present = os.environ.get(name, "")
        values[name] = f"{present},127.0.0.1" if present else "127.0.0.1"
    if not any(os.environ.get(name) for name in ("AWS_REGION", "AWS_DEFAULT_REGION")):
        values["AWS_DEFAULT_REGION"] = region
    if not any(os.environ.get(name) for name in ("AWS_ACCESS_KEY_ID", "AWS_PROFILE")):
        # The local endpoint checks no signature; without these botocore would
        # look for credentials on the network (instance metadata) first.
        values |= {"AWS_ACCESS_KEY_ID": "s3types-local", "AWS_SECRET_ACCESS_KEY": "s3types-local"}
    return values


@contextmanager
def local_object_lambda(
    event: dict[str, Any], *, original: Path | None, region: str
) -> Generator[tuple[ObjectLambdaEndpoints, str], None, None]:
    """Serve the original and the answer endpoint for ``event``, which is changed to use them.

    Yields the running endpoints and a line saying what is served. The
    event's ``inputS3Url`` is kept when it already points at this machine
    and no ``original`` file is given.
    """
    context = cast("dict[str, Any]", event[_context_name(event)])
    url = str(context.get("inputS3Url", ""))
    parts = urlsplit(url)
    keep_url = original is None and parts.hostname in _LOCAL_HOSTS
    served, what = _original(original)
    with ObjectLambdaEndpoints(None if keep_url else served) as endpoints:
        if keep_url:
            what = f"the original from {parts.scheme}://{parts.netloc}"
        else:
            context["inputS3Url"] = endpoints.original_url(parts.path or "/original", parts.query)
            what = f"the original: {what}"
        environment = _client_environment(endpoints.endpoint_url, region)
        with _environment(environment, drop=("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",)):
            yield endpoints, f"{what}; WriteGetObjectResponse at {endpoints.endpoint_url}"


def response_json(response: CallerResponse) -> dict[str, object]:
    """The caller's response as JSON: status, headers and body (text, or base64 if binary)."""
    shown: dict[str, object] = {"statusCode": response.status_code, "headers": response.headers}
    try:
        shown["body"] = response.body.decode("utf-8")
    except UnicodeDecodeError:
        shown["bodyBase64"] = base64.b64encode(response.body).decode("ascii")
    return shown
