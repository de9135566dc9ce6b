"""put_object and presign_put refuse an ACL or encryption S3 does not know, before sending."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import botocore.session
import pytest

from s3types.ops import put_object
from s3types.ops._choices import OBJECT_ACLS, SERVER_SIDE_ENCRYPTIONS

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def test_the_values_are_those_of_botocores_s3_model() -> None:
    model = botocore.session.get_session().get_service_model("s3")
    acl: Any = model.shape_for("ObjectCannedACL")
    sse: Any = model.shape_for("ServerSideEncryption")
    assert sorted(OBJECT_ACLS) == sorted(acl.enum)
    assert sorted(SERVER_SIDE_ENCRYPTIONS) == sorted(sse.enum)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"acl": "public"}, "acl='public' is not a canned ACL S3 knows: one of authenticated-read"),
        ({"acl": "PRIVATE"}, "acl='PRIVATE' is not a canned ACL S3 knows: .*, private, "),
        (
            {"sse": "AES-256"},
            "sse='AES-256' is not a server-side encryption S3 knows: one of AES256",
        ),
        ({"sse": "kms"}, "sse='kms' is not a server-side encryption S3 knows: .*aws:kms, "),
    ],
)
def test_an_unknown_value_is_refused_before_sending(
    offline: S3Client, sent: list[str], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        put_object(offline, "b-1", "k", b"x", **options)
    assert sent == []


@pytest.mark.parametrize("acl", OBJECT_ACLS)
def test_every_known_acl_is_sent(offline: S3Client, sent: list[str], acl: Any) -> None:
    with pytest.raises(Exception, match="Could not connect"):
        put_object(offline, "b-1", "k", b"x", acl=acl, sse="AES256")
    assert len(sent) == 1
