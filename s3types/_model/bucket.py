"""``s3.bucket`` as a model: :class:`S3Bucket`, built on first read.

A record keeps the bucket block as a validated dict
(:mod:`s3types._model.wire`) and reads its name from there;
``record.s3.bucket`` imports this module the first time it is read.
"""

from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from s3types._model.fields import CONFIG
from s3types._model.wire import PrincipalField

if TYPE_CHECKING:
    from s3types._model.identities import UserIdentity

__all__ = ["S3Bucket"]


class S3Bucket(BaseModel):
    """``s3.bucket``: name, owner and ARN.

    >>> S3Bucket.model_validate({"name": "photos", "arn": "arn:aws:s3:::photos"}).name
    'photos'
    """

    model_config = CONFIG
    name: str
    #: ``ownerIdentity`` as it came; read it as ``owner_identity``.
    raw_owner_identity: PrincipalField = Field(default=None, alias="ownerIdentity", repr=False)
    arn: str | None = None

    @cached_property
    def owner_identity(self) -> "UserIdentity | None":
        """``ownerIdentity``: the bucket owner's principal, if S3 sent it."""
        from s3types._model.identities import UserIdentity

        wire = self.raw_owner_identity
        return None if wire is None else UserIdentity.model_validate(wire)

    def __hash__(self) -> int:
        return hash((self.name, self.arn))
