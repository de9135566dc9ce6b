"""The triggers a ``s3types trigger`` command works on: handlers, modules, a Chalice app, options.

Each handler's triggers carry its owner (``module:qualname``), so an apply
removes only that handler's stale rules, never another function's.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from typing import Any, cast

from s3types.triggers import Trigger, TriggerError

__all__ = ["Declared", "declared_triggers"]


@dataclass
class Declared:
    """The triggers a command works on, per Lambda handler string, and what the functions write."""

    functions: dict[str, tuple[Trigger, ...]] = field(default_factory=lambda: {})
    writes_to: list[str] = field(default_factory=lambda: [])

    @property
    def triggers(self) -> tuple[Trigger, ...]:
        """Every trigger, in order."""
        return tuple(t for triggers in self.functions.values() for t in triggers)

    def add(self, handler_string: str, triggers: tuple[Trigger, ...], owner: str) -> None:
        """Add a handler's triggers, owned by ``owner`` unless a trigger names its own."""
        if handler_string in self.functions:
            raise TriggerError(f"{handler_string} is given twice")
        self.functions[handler_string] = tuple(
            t if t.owner is not None else t.replace(owner=owner) for t in triggers
        )


def _owner(handler: Any, fallback: str) -> str:
    from s3types.triggers import owner_of

    try:
        return owner_of(handler)
    except TypeError:
        return fallback


def _from_options(args: argparse.Namespace, declared: Declared) -> None:
    if args.action != "show" and args.bucket is None:
        raise TriggerError("give a source (module:handler, module, or module:app) or --bucket")
    if args.bucket is not None:
        events = args.event or ("s3:ObjectCreated:*",)
        owner = getattr(args, "owner", None)
        trigger = Trigger(args.bucket, events, prefix=args.prefix, suffix=args.suffix, owner=owner)
        declared.functions["handler"] = (trigger,)


def _from_chalice(source: str, loaded: Any, declared: Declared) -> None:
    module = sys.modules.get(type(loaded).__module__)
    registered: list[Any] = loaded.event_sources
    found = False
    for event_source in registered:
        if not hasattr(event_source, "bucket") or not hasattr(event_source, "suffix"):
            continue
        trigger = Trigger(
            event_source.bucket,
            event_source.events,
            prefix=event_source.prefix,
            suffix=event_source.suffix,
        )
        name = event_source.handler_string.rpartition(".")[2]
        handler = getattr(module, name, None) if module is not None else None
        declared.add(event_source.handler_string, (trigger,), _owner(handler, f"{source}.{name}"))
        declared.writes_to += list(getattr(handler, "s3_writes_to", ()))
        found = True
    if not found:
        raise TriggerError(f"{source}: the Chalice app has no S3 event handlers")


def _module_name(location: str) -> str:
    return location.removesuffix(".py").replace("\\", "/").replace("/", ".").rpartition(".")[2]


def _from_source(source: str, declared: Declared) -> None:
    from s3types._cli.invoke import InvokeError, load_handler, load_module

    location, colon, name = source.rpartition(":")
    try:
        if not colon:  # a module: every handler in it that declares triggers
            module = load_module(source)
            handlers = [
                (attribute, value)
                for attribute, value in sorted(vars(module).items())
                if isinstance(getattr(value, "s3_triggers", None), tuple)
            ]
            if not handlers:
                raise TriggerError(
                    f"{source} has no handler that declares triggers (@s3_record_handler or"
                    " @on_s3_change)"
                )
            for attribute, handler in handlers:
                _add_handler(f"{source}:{attribute}", handler, declared)
            return
        loaded: Any = load_handler(source)
    except InvokeError as err:
        raise TriggerError(str(err)) from None
    if isinstance(getattr(loaded, "event_sources", None), list):
        _from_chalice(source, loaded, declared)
    else:
        _add_handler(f"{location}:{name}", loaded, declared)


def _add_handler(source: str, handler: Any, declared: Declared) -> None:
    location, _, name = source.rpartition(":")
    triggers: object = getattr(handler, "s3_triggers", None)
    if not isinstance(triggers, tuple):
        raise TriggerError(
            f"{source} declares no triggers: decorate it with @s3_record_handler or"
            " @on_s3_change, or pass --bucket/--event/--prefix/--suffix without a source"
        )
    given: tuple[object, ...] = cast("tuple[object, ...]", triggers)
    checked = tuple(t for t in given if isinstance(t, Trigger))
    declared.add(f"{_module_name(location)}.{name}", checked, _owner(handler, source))
    declared.writes_to += list(getattr(handler, "s3_writes_to", ()))


def declared_triggers(args: argparse.Namespace) -> Declared:
    """The triggers named on the command line: handlers, modules, a Chalice app, or the options.

    ``--owner`` replaces every handler's own owner; ``--bucket`` every bucket.
    """
    declared = Declared()
    sources: list[str] = list(args.source or [])
    if not sources:
        _from_options(args, declared)
        return declared
    if args.event or args.prefix or args.suffix:
        raise TriggerError(
            "--event, --prefix and --suffix go without a source: it declares its own"
        )
    for source in sources:
        _from_source(source, declared)
    changes: dict[str, Any] = {}
    if args.bucket is not None:
        changes["bucket"] = args.bucket
    if getattr(args, "owner", None) is not None:
        changes["owner"] = args.owner
    if changes:
        declared.functions = {
            handler: tuple(t.replace(**changes) for t in triggers)
            for handler, triggers in declared.functions.items()
        }
    return declared
