"""What a cold start defines and loads: only what the event it receives needs.

``import s3types`` and a first direct notification define four models
(S3Event, S3EventRecord, S3Entity, S3Object) and load one delivery; the
models of the blocks a record keeps as dicts, the registry and the other
deliveries load when first needed. Each check runs in a fresh interpreter.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from types import ModuleType

import pytest

import s3types
from s3types import _model

_NOTIFICATION = {
    "Records": [
        {
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": "us-east-1",
            "eventTime": "2024-06-01T12:00:00.000Z",
            "eventName": "ObjectCreated:Put",
            "userIdentity": {"principalId": "AWS:AIDA"},
            "requestParameters": {"sourceIPAddress": "1.2.3.4"},
            "responseElements": {"x-amz-request-id": "C3D1", "x-amz-id-2": "x"},
            "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": "c",
                "bucket": {
                    "name": "photos",
                    "ownerIdentity": {"principalId": "A1"},
                    "arn": "arn:aws:s3:::photos",
                },
                "object": {
                    "key": "red+flower.jpg",
                    "size": 3,
                    "eTag": "e",
                    "versionId": "v",
                    "sequencer": "0055AED6DCD90281E5",
                },
            },
        }
    ]
}

#: What a direct notification's cold start must not load.
_NOT_FOR_A_NOTIFICATION = frozenset(
    {
        "s3types._model.identities",
        "s3types._model.bucket",
        "s3types._model.event_data",
        "s3types._model.test_event",
        "s3types._model.block_types",
        "s3types._deliveries.registry",
        "s3types._deliveries.sqs",
        "s3types._deliveries.sns",
        "s3types._deliveries.sns_message",
        "s3types._deliveries.eventbridge",
        "s3types._deliveries.s3_test_event",
        "s3types._deliveries.receive_message",
        "s3types._deliveries.ceph",
        "s3types._deliveries._describe",
        "s3types._deliveries._walk",
        "s3types._deliveries._base",
        "s3types._problems",
        "s3types._eventbridge",
        "s3types._wire",
        "s3types._at_least_once",
    }
)

_REPORT = """
import json, sys
from pydantic import BaseModel
def models(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from models(sub)
print(json.dumps({
    "modules": sorted(m for m in sys.modules if m.startswith("s3types")),
    "models": sorted(m.__name__ for m in models(BaseModel) if m.__module__.startswith("s3types")),
}))
"""


def _after(statements: str) -> dict[str, list[str]]:
    program = f"import json\nEVENT = {json.dumps(_NOTIFICATION)!r}\n{statements}\n{_REPORT}"
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    loaded: dict[str, list[str]] = json.loads(done.stdout)
    return loaded


_READ = "(r.bucket_name, r.key, r.raw_key, r.size, r.etag, r.version_id, r.sequencer,"
_READ += " r.event_name, r.event_time, r.event_version, r.region, r.origin)"


@pytest.mark.parametrize("given", ["EVENT", "json.loads(EVENT)"], ids=["json text", "dict"])
def test_a_direct_notification_defines_four_models_and_loads_one_delivery(given: str) -> None:
    from_s3 = f"from s3types import parse_event\nr = parse_event({given}).records[0]\n{_READ}"
    loaded = _after(from_s3)
    assert loaded["models"] == ["S3Entity", "S3Event", "S3EventRecord", "S3Object"]
    assert _NOT_FOR_A_NOTIFICATION.isdisjoint(loaded["modules"]), sorted(
        _NOT_FOR_A_NOTIFICATION.intersection(loaded["modules"])
    )
    assert "s3types._deliveries.direct" in loaded["modules"]


@pytest.mark.parametrize(
    ("read", "module", "models"),
    [
        ("r.user_identity", "s3types._model.identities", {"UserIdentity"}),
        ("r.request_parameters", "s3types._model.identities", {"RequestParameters"}),
        ("r.response_elements", "s3types._model.identities", {"ResponseElements"}),
        ("r.s3.bucket.owner_identity", "s3types._model.bucket", {"S3Bucket", "UserIdentity"}),
        ("r.glacier_event_data", "s3types._model.event_data", set()),
    ],
)
def test_reading_a_block_defines_its_model_then(read: str, module: str, models: set[str]) -> None:
    loaded = _after(f"from s3types import parse_event\nr = parse_event(EVENT).records[0]\n{read}")
    assert module in loaded["modules"]
    # A model is defined when its module loads (the models of one module load together).
    assert models <= set(loaded["models"])


def test_the_first_event_of_another_delivery_loads_the_registry() -> None:
    via_sqs = (
        "from s3types import parse_event\n"
        "sqs = {'Records': [{'eventSource': 'aws:sqs', 'messageId': 'm', 'body': EVENT}]}\n"
        "assert parse_event(sqs).records[0].origin.service == 'sqs'"
    )
    loaded = _after(via_sqs)
    assert {"s3types._deliveries.registry", "s3types._deliveries.sqs"} <= set(loaded["modules"])


def test_every_lazy_name_is_the_class_its_module_defines() -> None:
    for name, module in _model.LAZY_MODELS.items():
        defined = getattr(importlib.import_module(module, "s3types._model"), name)
        assert getattr(s3types, name) is defined
        assert getattr(_model, name) is defined
    for name in s3types.__all__:
        assert getattr(s3types, name) is not None


@pytest.mark.parametrize("module", [s3types, _model], ids=["s3types", "s3types._model"])
def test_an_unknown_name_is_an_attribute_error_naming_the_module(module: ModuleType) -> None:
    with pytest.raises(AttributeError, match=r"has no attribute 'S3Evnet'"):
        module.S3Evnet  # noqa: B018
