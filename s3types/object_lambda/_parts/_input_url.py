"""Checking the ``inputS3Url`` of an S3 Object Lambda request before it is fetched."""

from __future__ import annotations

from s3types._invocation_input import short
from s3types.object_lambda._parts._fields import fail

__all__ = ["check_input_url"]

# What may not start the host of an https URL that skips the parse (S3's start
# with a letter or digit): an empty host, user info, an IPv6 literal, a port.
_NOT_A_HOST_START = frozenset("/?#@[:\\")


def check_input_url(url: str, path: str) -> str:
    """``url`` if it may be fetched as the original: ``https://``, or ``http://`` to loopback.

    S3 sends a presigned ``https://`` URL; ``http://`` is accepted only to a
    loopback address (``localhost``, ``127.0.0.0/8``, ``::1``), for local
    runs. Anything else (``file://``, ``''``, a URL without a host) would be
    read from somewhere else than S3, so :class:`s3types.S3EventError` names
    ``path.inputS3Url``.

    >>> check_input_url("http://127.0.0.1:8080/doc.txt", "getObjectContext")
    'http://127.0.0.1:8080/doc.txt'
    >>> check_input_url("file:///etc/passwd", "getObjectContext")
    Traceback (most recent call last):
    ...
    s3types._errors.S3EventError: not a valid S3 Object Lambda request: getObjectContext.inputS3Url: ...
    """  # noqa: E501
    if url.startswith("https://") and len(url) > 8 and url[8] not in _NOT_A_HOST_START:
        return url
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a bad port or IPv6 literal
        host = None
        parts = None
    if (
        parts is not None
        and host
        and (parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host)))
    ):
        return url
    fail(
        f"{path}.inputS3Url",
        "expected the presigned https:// URL of the original object (http:// only to a"
        f" loopback address, for local runs), got {short(url)}",
    )


def _is_loopback(host: str) -> bool:
    if host.rstrip(".").lower() == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
