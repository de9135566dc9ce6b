"""Names for generated resources: injective and valid in CloudFormation and in Terraform.

A bucket or handler name becomes a CloudFormation logical id (letters and
digits, at most 255) or a Terraform resource name (a letter or ``_`` first,
then letters, digits, ``_`` and ``-``). Dropping characters merges names
(``a.b`` and ``a-b``), so the ids of the names that would share one get a
short hash of their own name as a suffix: stable for a given set of names,
and the id of a name that collides with nothing stays what it always was.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable

from s3types.triggers._events import TriggerError

__all__ = ["CFN_LOGICAL_ID", "TERRAFORM_NAME", "cfn_stems", "terraform_names"]

#: What CloudFormation accepts as a logical id.
CFN_LOGICAL_ID = re.compile(r"[A-Za-z0-9]{1,255}", re.ASCII)
#: What Terraform accepts as a resource name.
TERRAFORM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*", re.ASCII)
# Room left after the longest kind prefix ("InvokePermission") and a suffix.
_MAX_STEM = 200


def _digest(name: str, length: int) -> str:
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def _unique(names: Iterable[str], base: Callable[[str], str], separator: str) -> dict[str, str]:
    """``base(name)`` per name; a hash suffix for the names whose bases would be shared."""
    distinct = list(dict.fromkeys(names))
    bases = {name: base(name) for name in distinct}
    shared = Counter(bases.values())
    ids = {
        name: stem if shared[stem] == 1 else f"{stem[:_MAX_STEM]}{separator}{_digest(name, 8)}"
        for name, stem in bases.items()
    }
    if len(set(ids.values())) < len(ids):
        # A suffixed id equals another name's own base: every id gets a longer hash.
        ids = {
            name: f"{stem[:_MAX_STEM]}{separator}{_digest(name, 16)}"
            for name, stem in bases.items()
        }
    if len(set(ids.values())) < len(ids):  # pragma: no cover - a SHA-256 prefix collision
        raise TriggerError(f"cannot give distinct resource names to {distinct!r}")
    return ids


def _camel(name: str) -> str:
    words = re.split(r"[^A-Za-z0-9]+", name)
    return "".join(word[:1].upper() + word[1:] for word in words)[:_MAX_STEM]


def cfn_stems(names: Iterable[str]) -> dict[str, str]:
    """Per name, a distinct stem of letters and digits: a kind (``Bucket``) before it is an id.

    >>> cfn_stems(["photos", "a.b", "a-b"])
    {'photos': 'Photos', 'a.b': 'AB...', 'a-b': 'AB...'}
    """
    return _unique(names, _camel, "")


def _terraform_base(name: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "", name.lower())[:_MAX_STEM]
    return stem if stem[:1].isalpha() else f"bucket_{stem}"


def terraform_names(names: Iterable[str]) -> dict[str, str]:
    """Per bucket name, a distinct Terraform resource name (never a digit first).

    >>> terraform_names(["photos", "1-photos"])
    {'photos': 'photos', '1-photos': 'bucket_1photos'}
    """
    return _unique(names, _terraform_base, "_")
