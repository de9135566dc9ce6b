"""Which keys a backfill covers: the smallest generator filter holding every trigger's keys.

S3 Batch Operations' manifest generator filters keys with one prefix
(``MatchAnyPrefix``) and one suffix (``MatchAnySuffix``): each list takes a
single string (:data:`s3types._limits.GENERATOR_KEY_STRINGS`), and a key
must match both. One trigger fits exactly; several do when one of them
holds the others' keys. Otherwise the filter is the smallest one holding
them all: the longest prefix the triggers' prefixes share and the longest
suffix their suffixes share (``a/*.jpg`` and ``b/*.png`` become "ends
with ``g``"), and a note says the job invokes the function for keys no
trigger names, which the handler's own filter skips. Pure functions of
the triggers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from s3types._limits import GENERATOR_KEY_STRINGS
from s3types.backfill._arns import BackfillError
from s3types.triggers import Trigger

__all__ = ["KeyScope", "key_scope"]

_CREATED = "s3:ObjectCreated:"
_ALL_CREATED = "s3:ObjectCreated:*"


@dataclass(frozen=True)
class KeyScope:
    """The keys a job covers: with one of ``prefixes`` (none: any key) and one of ``suffixes``.

    S3 takes one string each today (:data:`s3types._limits.GENERATOR_KEY_STRINGS`);
    the tuples say "none" without a sentinel.

    ``exact`` is False when the filter holds keys no trigger names;
    ``triggers`` are the triggers covered, ``notes`` what the filter
    cannot say (one sentence each).

    >>> scope = key_scope([Trigger("photos", prefix="raw/", suffix=".jpg")])
    >>> scope.prefixes, scope.suffixes, scope.exact
    (('raw/',), ('.jpg',), True)
    >>> scope.covers("raw/2024/cat.jpg"), scope.covers("raw/cat.png")
    (True, False)
    """

    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    exact: bool
    triggers: tuple[Trigger, ...]
    notes: tuple[str, ...]

    def covers(self, key: str) -> bool:
        """Whether the job's filter holds ``key`` (decoded)."""
        return (not self.prefixes or key.startswith(self.prefixes)) and (
            not self.suffixes or key.endswith(self.suffixes)
        )

    def describe(self) -> str:
        """The filter in words, e.g. ``keys starting with 'raw/' and ending with '.jpg'``."""
        parts: list[str] = []
        if self.prefixes:
            parts.append("starting with " + " or ".join(map(repr, self.prefixes)))
        if self.suffixes:
            parts.append("ending with " + " or ".join(map(repr, self.suffixes)))
        return "every key" if not parts else "keys " + " and ".join(parts)


def _fires_on_created(trigger: Trigger) -> bool:
    return any(event.startswith(_CREATED) for event in trigger.events)


def _shared_prefix(values: Sequence[str]) -> str:
    """The longest string every value starts with."""
    first, last = min(values), max(values)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def _shared_suffix(values: Sequence[str]) -> str:
    """The longest string every value ends with."""
    return _shared_prefix([value[::-1] for value in values])[::-1]


def _strings(
    values: Sequence[str | None],
    shared: Callable[[Sequence[str]], str],
    *,
    covers: Callable[[str, str], bool],
) -> tuple[str, ...]:
    """The prefixes (or suffixes) of a filter holding every value's keys, as few as S3 takes.

    None (a trigger without one) means any key, so no constraint. Values
    another one covers are dropped ('a/' covers 'a/b/'); past
    GENERATOR_KEY_STRINGS strings, the one they all share (none if empty).
    """
    if any(value is None for value in values):
        return ()
    unique = sorted({v for v in values if v is not None}, key=lambda v: (len(v), v))
    kept: list[str] = []
    for value in unique:
        if not any(covers(value, other) for other in kept):
            kept.append(value)
    if len(kept) <= GENERATOR_KEY_STRINGS:
        return tuple(sorted(kept))
    common = shared(kept)
    return (common,) if common else ()


def _pair_covered(prefix: str | None, suffix: str | None, triggers: Sequence[Trigger]) -> bool:
    """Whether one trigger holds every key with this prefix and suffix (None: any)."""
    for trigger in triggers:
        prefix_ok = trigger.prefix is None or (
            prefix is not None and prefix.startswith(trigger.prefix)
        )
        suffix_ok = trigger.suffix is None or (
            suffix is not None and suffix.endswith(trigger.suffix)
        )
        if prefix_ok and suffix_ok:
            return True
    return False


def key_scope(triggers: Iterable[Trigger]) -> KeyScope:
    """The generator filter for ``triggers`` (one bucket's): exact when it can be, else a superset.

    Triggers that fire on no ``s3:ObjectCreated:*`` event are left out
    (an object already stored never fired them), with a note; if none is
    left, a BackfillError says so.

    >>> jpg = Trigger("photos", prefix="raw/a/", suffix=".jpg")
    >>> png = Trigger("photos", prefix="raw/b/", suffix=".png")
    >>> scope = key_scope([jpg, png])
    >>> scope.prefixes, scope.suffixes, scope.exact, scope.covers("raw/a/x.png")
    (('raw/',), ('g',), False, True)
    """
    given = list(triggers)
    covered = [t for t in given if _fires_on_created(t)]
    notes: list[str] = [
        f"left out {t}: it fires on no s3:ObjectCreated event, and an object already"
        " stored never fired it"
        for t in given
        if not _fires_on_created(t)
    ]
    if not covered:
        raise BackfillError(
            "no trigger to backfill: a backfill runs the function over stored objects, as if"
            " each had just been created, and none of the triggers fires on"
            " s3:ObjectCreated events" + (f" ({', '.join(str(t) for t in given)})" if given else "")
        )
    for trigger in covered:
        created = [e for e in trigger.events if e.startswith(_CREATED)]
        if _ALL_CREATED not in created:
            notes.append(
                f"{trigger} fires on {', '.join(created)} only; the job covers every stored"
                " object in its scope, however it was created (S3 keeps no record of that)"
            )
    prefixes = _strings([t.prefix for t in covered], _shared_prefix, covers=str.startswith)
    suffixes = _strings([t.suffix for t in covered], _shared_suffix, covers=str.endswith)
    exact = all(
        _pair_covered(prefix, suffix, covered)
        for prefix in (prefixes or (None,))
        for suffix in (suffixes or (None,))
    )
    scope = KeyScope(prefixes, suffixes, exact, tuple(covered), ())
    if not exact:
        notes.append(
            f"one generator filter cannot hold exactly the {len(covered)} triggers' keys; the"
            f" job covers {scope.describe()} (the smallest filter holding them all), so it"
            " also invokes the function for keys no trigger names, which the handler's own"
            " filter skips (and each is billed as an object processed)"
        )
    return KeyScope(prefixes, suffixes, exact, tuple(covered), tuple(notes))
