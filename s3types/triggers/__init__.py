"""Triggers as code: one declaration for the runtime filter and the bucket's configuration.

A :class:`Trigger` is one S3 notification rule (bucket, event types, key
prefix and suffix), validated the way S3 validates a configuration.
``trigger.matches(record)`` is the filter the adapters run;
:func:`check_triggers` is S3's overlap rule; :func:`notification_configuration`
and :func:`export_triggers` write the rule for S3, CloudFormation, SAM and
Terraform; :func:`apply_triggers` merges it into a bucket's configuration,
keeping every other rule and removing only the stale rules of its own owner
(:func:`owner_of`). With ``via="eventbridge"`` the same triggers are
delivered as EventBridge rules (:func:`event_pattern`), which may overlap.

>>> from s3types.triggers import Trigger, check_triggers
>>> jpg = Trigger("photos", prefix="uploads/", suffix=".jpg", id="jpg")
>>> png = Trigger("photos", prefix="uploads/", suffix=".png", id="png")
>>> check_triggers([jpg, png])
"""

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports

# What a function loads at run time (its handler's Trigger) is imported here;
# the rest (overlap rule, configuration, apply, export: tools for deploying)
# is imported on first use, so `import s3types_lambda` does not pay for it.
from s3types.triggers._events import EVENT_TYPES, TriggerError
from s3types.triggers._guard import loop_risks
from s3types.triggers._trigger import ALL_EVENT_TYPES, Trigger

if TYPE_CHECKING:
    from s3types.triggers._apply import TriggerPlan, apply_triggers
    from s3types.triggers._configuration import (
        notification_configuration,
        parse_target,
        rules_of,
    )
    from s3types.triggers._eventbridge.pattern import VIAS, Via, event_pattern
    from s3types.triggers._eventbridge.plan import EventBridgePlan
    from s3types.triggers._export import (
        EXPORT_FORMATS,
        ExportFormat,
        export_triggers,
        sam_template,
    )
    from s3types.triggers._overlap import S3_AMBIGUOUS_MESSAGE, check_triggers, overlap
    from s3types.triggers._owner import owner_of

_LAZY = {
    "TriggerPlan": "._apply",
    "apply_triggers": "._apply",
    "notification_configuration": "._configuration",
    "parse_target": "._configuration",
    "rules_of": "._configuration",
    "EventBridgePlan": "._eventbridge.plan",
    "VIAS": "._eventbridge.pattern",
    "Via": "._eventbridge.pattern",
    "event_pattern": "._eventbridge.pattern",
    "EXPORT_FORMATS": "._export",
    "ExportFormat": "._export",
    "export_triggers": "._export",
    "sam_template": "._export",
    "S3_AMBIGUOUS_MESSAGE": "._overlap",
    "check_triggers": "._overlap",
    "overlap": "._overlap",
    "owner_of": "._owner",
}


__getattr__ = lazy_exports(globals(), _LAZY)


__all__ = [
    "ALL_EVENT_TYPES",
    "EVENT_TYPES",
    "EXPORT_FORMATS",
    "S3_AMBIGUOUS_MESSAGE",
    "VIAS",
    "EventBridgePlan",
    "ExportFormat",
    "Trigger",
    "TriggerError",
    "TriggerPlan",
    "Via",
    "apply_triggers",
    "check_triggers",
    "event_pattern",
    "export_triggers",
    "loop_risks",
    "notification_configuration",
    "overlap",
    "owner_of",
    "parse_target",
    "rules_of",
    "sam_template",
]
