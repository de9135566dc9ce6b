"""Which keys a backfill covers: the smallest generator filter holding every trigger's keys.

S3 Batch Operations' manifest generator filters keys with ``MatchAnyPrefix``
and ``MatchAnySuffix``, each a list, and a key must match both lists. One
trigger (a prefix and a suffix) fits exactly; several triggers whose
prefix and suffix differ do not (``a/*.jpg`` or ``b/*.png`` becomes
"starts with a/ or b/, ends with .jpg or .png", which also holds
``a/x.png``). The filter is then the smallest superset, and a note says
which keys the job invokes the function for that no trigger names: the
handler's own filter skips them. Pure functions of the triggers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from s3types.backfill._arns import BackfillError
from s3types.triggers import Trigger

__all__ = ["KeyScope", "key_scope"]

_CREATED = "s3:ObjectCreated:"
_ALL_CREATED = "s3:ObjectCreated:*"


@dataclass(frozen=True)
class KeyScope:
    """The keys a job covers: any of ``prefixes`` (none: any key) and any of ``suffixes``.

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


def _minimal(values: Iterable[str], *, covered_by: str) -> tuple[str, ...]:
    """Drop each value another one already covers ('a/' covers 'a/b/'; '.jpg' covers 'x.jpg')."""
    unique = sorted(set(values), key=lambda v: (len(v), v))
    kept: list[str] = []
    for value in unique:
        if covered_by == "prefix" and value.startswith(tuple(kept)):
            continue
        if covered_by == "suffix" and value.endswith(tuple(kept)):
            continue
        kept.append(value)
    return tuple(sorted(kept))


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

    >>> jpg = Trigger("photos", prefix="a/", suffix=".jpg")
    >>> png = Trigger("photos", prefix="b/", suffix=".png")
    >>> scope = key_scope([jpg, png])
    >>> scope.exact, scope.covers("a/x.png")
    (False, True)
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
    prefixes = (
        ()
        if any(t.prefix is None for t in covered)
        else _minimal((t.prefix for t in covered if t.prefix is not None), covered_by="prefix")
    )
    suffixes = (
        ()
        if any(t.suffix is None for t in covered)
        else _minimal((t.suffix for t in covered if t.suffix is not None), covered_by="suffix")
    )
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
