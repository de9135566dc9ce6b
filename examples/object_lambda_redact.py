"""Redact card numbers as S3 Object Lambda serves text files: streamed, never read whole.

An Object Lambda access point in front of a bucket of support tickets
calls ``handler`` for each GetObject; the function reads the original a
chunk at a time and masks every card number (``4111-1111-1111-1111``
becomes ``****-****-****-****``) before the caller sees it. The mask
keeps lengths, so ranges and ``Content-Length`` stay right. The access
point's payload may choose the mask character: ``{"mask": "#"}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from s3types.object_lambda import ObjectLambdaError, ObjectLambdaEvent, OriginalObject
from s3types_lambda import LambdaContext, s3_object_lambda_handler

CARD = re.compile(rb"\b\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}\b")
#: A line longer than this is masked in pieces (a card split across two pieces is missed).
MAX_LINE = 1024 * 1024


# --8<-- [start:redact]
def redact(chunks: Iterable[bytes], mask: bytes = b"*") -> Iterator[bytes]:
    """Mask card numbers in a byte stream, a line at a time, keeping every length.

    >>> b"".join(redact([b"card 4111-1111-", b"1111-1111 ok\\n"]))
    b'card ****-****-****-**** ok\\n'
    """

    digits_to_mask = bytes.maketrans(b"0123456789", mask * 10)

    def masked(text: bytes) -> bytes:
        return CARD.sub(lambda found: found[0].translate(digits_to_mask), text)

    pending = b""
    for chunk in chunks:
        pending += chunk
        cut = pending.rfind(b"\n") + 1
        if cut == 0 and len(pending) > MAX_LINE:
            cut = len(pending)
        if cut:
            yield masked(pending[:cut])
            pending = pending[cut:]
    if pending:
        yield masked(pending)


# --8<-- [end:redact]


# --8<-- [start:handler]
@s3_object_lambda_handler
def handler(event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext) -> object:
    """The Lambda entry point: stream the original through :func:`redact`."""
    settings = json.loads(event.configuration.payload or "{}")
    mask = str(settings.get("mask", "*")).encode()
    if len(mask) != 1:
        raise ObjectLambdaError(500, "BadConfiguration", "the payload's mask must be one byte")
    if not (original.content_type or "").startswith("text/"):
        raise ObjectLambdaError(403, "NotText", "only text objects are served here")
    return redact(original, mask)


# --8<-- [end:handler]
