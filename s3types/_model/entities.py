"""The nested models every record validates: ``s3`` and the object in it."""

from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import AliasChoices, BaseModel, Field

from s3types._model.fields import CONFIG, KeyField, SizeField, VersionIdField
from s3types._model.wire import BucketField
from s3types._values import Sequencer

if TYPE_CHECKING:
    from s3types._model.bucket import S3Bucket

__all__ = ["S3Entity", "S3Object"]


class S3Object(BaseModel):
    """``s3.object``: key (decoded), wire key, size, ETag, version id, sequencer.

    ``key`` is URL-decoded; ``raw_key`` is the key as it came and is what
    ``model_dump(by_alias=True)`` writes back under ``"key"``.

    >>> obj = S3Object.model_validate({"key": "red+flower.jpg", "size": "3"})
    >>> obj.key, obj.raw_key, obj.size
    ('red flower.jpg', 'red+flower.jpg', 3)
    """

    model_config = CONFIG
    key: KeyField = Field(validation_alias="key", exclude=True)
    # AliasChoices: one wire name feeds two fields (mypy's pydantic plugin
    # would otherwise see "key" twice in __init__).
    raw_key: str = Field(validation_alias=AliasChoices("key"), serialization_alias="key")
    size: SizeField = None
    etag: str | None = Field(default=None, alias="eTag")
    version_id: VersionIdField = Field(default=None, alias="versionId")
    #: ``sequencer`` as it came; read it as ``sequencer`` (ordered by S3's rule).
    raw_sequencer: str | None = Field(default=None, alias="sequencer", repr=False)

    @cached_property
    def sequencer(self) -> Sequencer | None:
        """The sequencer that orders events for the same key, if S3 sent one.

        >>> a = S3Object.model_validate({"key": "k", "sequencer": "0055AED6DC"})
        >>> a.sequencer < S3Object.model_validate({"key": "k", "sequencer": "0055AED6DD"}).sequencer
        True
        """
        raw = self.raw_sequencer
        return None if raw is None else Sequencer(raw)

    def __eq__(self, other: object) -> bool:
        # Sequencers compare by S3's rule ("0A" is "0a00"), so objects do too.
        if not isinstance(other, S3Object):
            return NotImplemented
        return self._identity() == other._identity() and self.model_extra == other.model_extra

    def __hash__(self) -> int:
        return hash(self._identity())

    def _identity(self) -> tuple[object, ...]:
        return (self.raw_key, self.size, self.etag, self.version_id, self.sequencer)


class S3Entity(BaseModel):
    """The ``s3`` block of a record: bucket and object.

    >>> S3Entity.model_validate({"bucket": {"name": "b"}, "object": {"key": "k"}}).object.key
    'k'
    """

    model_config = CONFIG
    s3_schema_version: str | None = Field(default=None, alias="s3SchemaVersion")
    configuration_id: str | None = Field(default=None, alias="configurationId")
    #: ``bucket`` as it came (validated); read it as ``bucket``.
    raw_bucket: BucketField = Field(alias="bucket", repr=False)
    object: S3Object

    @cached_property
    def bucket(self) -> "S3Bucket":
        """``s3.bucket``: name, owner and ARN (a model built on first read)."""
        from s3types._model.bucket import S3Bucket

        return S3Bucket.model_validate(self.raw_bucket)

    def __hash__(self) -> int:
        return hash((self.raw_bucket["name"], self.object))
