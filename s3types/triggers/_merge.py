"""Merge our triggers into a bucket's configuration by id: a pure function of values."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from s3types.triggers._configuration import SECTIONS, Target, filter_values, rule_document
from s3types.triggers._owner import may_remove, ownerless_form
from s3types.triggers._trigger import Trigger

__all__ = ["Merge", "merge_configuration"]


@dataclass(frozen=True)
class Merge:
    """The configuration after a merge, and which rules were added, replaced, removed, kept."""

    configuration: dict[str, Any]
    added: tuple[Trigger, ...]
    replaced: tuple[Trigger, ...]
    removed: tuple[Trigger, ...]
    kept: tuple[Trigger, ...]


def _same_rule(existing: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    return (
        sorted(existing.get("Events") or []) == sorted(wanted["Events"])
        and filter_values(existing) == filter_values(wanted)
        and all(existing.get(key) == value for key, value in wanted.items() if key.endswith("Arn"))
    )


def _as_trigger(rule: Mapping[str, Any], bucket: str) -> Trigger:
    return Trigger.from_rule(rule, bucket)


def merge_configuration(
    existing: Mapping[str, Any], triggers: tuple[Trigger, ...], target: Target, bucket: str
) -> Merge:
    """Put ``triggers`` (sent to ``target``) into ``existing``, everything else kept as it was.

    A rule whose id is one of ours is ours: kept when it already says what we
    want (its dict untouched), else replaced. A rule sent to the same target
    whose derived id carries the owner of one of our triggers, and that we
    no longer declare, is stale and removed (:func:`may_remove`); an
    owner-less derived rule (the form written before owners) that is one of
    ours to the same target is taken over (replaced by our owned id). Every
    other rule (other owners', ids chosen by hand, owner-less ones), the
    EventBridge setting and any other key are kept exactly (the same
    values, in the same order).

    >>> from s3types.triggers._configuration import parse_target
    >>> target = parse_target("arn:aws:sqs:us-east-1:123456789012:q")
    >>> merge = merge_configuration({"EventBridgeConfiguration": {}}, (Trigger("b", id="a"),),
    ...                             target, "b")
    >>> [t.id for t in merge.added], sorted(merge.configuration)
    (['a'], ['EventBridgeConfiguration', 'QueueConfigurations'])
    """
    wanted = {trigger.rule_id: rule_document(trigger, target) for trigger in triggers}
    ours = {trigger.rule_id: trigger for trigger in triggers}
    our_section, our_arn_key = SECTIONS[target.kind]
    owners = {trigger.owner for trigger in triggers if trigger.owner is not None}
    # Our owned ids by the owner-less id the same rule had before owners.
    taken_over = {
        ownerless_form(rule_id): rule_id
        for rule_id, trigger in ours.items()
        if trigger.owner is not None and trigger.id is None
    }
    result: dict[str, Any] = {}
    replaced: list[Trigger] = []
    removed: list[Trigger] = []
    kept: list[Trigger] = []
    placed: set[str] = set()
    for name, value in existing.items():
        if name not in {section for section, _ in SECTIONS.values()}:
            result[name] = copy.deepcopy(value)
            continue
        rules: list[Any] = []
        section_rules: list[Mapping[str, Any]] = list(value or [])
        for rule in section_rules:
            rule_id: Any = rule.get("Id")
            if rule_id in wanted:
                if name == our_section and _same_rule(rule, wanted[rule_id]):
                    rules.append(copy.deepcopy(rule))
                    kept.append(ours[rule_id])
                else:
                    replaced.append(ours[rule_id])
                    if name == our_section:
                        rules.append(wanted[rule_id])
                    else:
                        removed.append(_as_trigger(rule, bucket))
                        continue
                placed.add(rule_id)
            elif (
                name == our_section
                and rule_id in taken_over
                and taken_over[rule_id] not in placed
                and _same_rule(rule, wanted[taken_over[rule_id]])
            ):
                rules.append(wanted[taken_over[rule_id]])
                replaced.append(ours[taken_over[rule_id]])
                placed.add(taken_over[rule_id])
            elif may_remove(rule_id, owners) and rule.get(our_arn_key) == target.arn:
                removed.append(_as_trigger(rule, bucket))
            else:
                rules.append(copy.deepcopy(rule))
                kept.append(_as_trigger(rule, bucket))
        result[name] = rules
    # A rule moved from another kind of target was counted as removed there;
    # it is replaced, not removed and added.
    moved = {t.rule_id for t in replaced} - placed
    removed = [t for t in removed if t.rule_id not in moved]
    added = [t for rule_id, t in ours.items() if rule_id not in placed and rule_id not in moved]
    new_rules = [wanted[rule_id] for rule_id in ours if rule_id not in placed]
    if new_rules:
        result[our_section] = [*result.get(our_section, []), *new_rules]
    return Merge(result, tuple(added), tuple(replaced), tuple(removed), tuple(kept))
