"""Fixtures of the trigger tests: clients of every service on moto's one server, fresh names."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_lambda import LambdaClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sqs import SQSClient

    from s3types.testing._server import LocalS3Server


def unique(kind: str) -> str:
    """A name no other test uses (moto keeps its state for the whole process)."""
    return f"{kind}-{uuid.uuid4().hex[:16]}"


def client(server: LocalS3Server, service: str, region: str = "us-east-1") -> Any:
    """A boto3 client of ``service`` on the local server (dummy credentials)."""
    import boto3
    from botocore.config import Config

    make: Any = getattr(boto3, "client")  # noqa: B009 - a runtime service name, no stub literal
    return make(
        service,
        endpoint_url=server.endpoint_url,
        region_name=region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(s3={"addressing_style": "path"}),
    )


@pytest.fixture
def s3(s3_server: LocalS3Server) -> S3Client:
    """An S3 client in us-east-1."""
    made: S3Client = client(s3_server, "s3")
    return made


@pytest.fixture
def sqs(s3_server: LocalS3Server) -> SQSClient:
    """An SQS client in us-east-1."""
    made: SQSClient = client(s3_server, "sqs")
    return made


@pytest.fixture
def sns(s3_server: LocalS3Server) -> SNSClient:
    """An SNS client in us-east-1."""
    made: SNSClient = client(s3_server, "sns")
    return made


@pytest.fixture
def lambda_client(s3_server: LocalS3Server) -> LambdaClient:
    """A Lambda client in us-east-1."""
    made: LambdaClient = client(s3_server, "lambda")
    return made


@pytest.fixture
def bucket(s3: S3Client) -> str:
    """A new empty bucket."""
    name = unique("triggers")
    s3.create_bucket(Bucket=name)
    return name


@pytest.fixture
def queue(sqs: SQSClient) -> tuple[str, str]:
    """A new standard queue: (url, arn)."""
    url = sqs.create_queue(QueueName=unique("queue"))["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    return url, arn["QueueArn"]


@pytest.fixture
def function_arn(s3_server: LocalS3Server, lambda_client: LambdaClient) -> str:
    """A Lambda function (moto needs an IAM role Lambda can assume to create one)."""
    iam: IAMClient = client(s3_server, "iam")
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    role = iam.create_role(RoleName=unique("role"), AssumeRolePolicyDocument=json.dumps(trust))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("app.py", "def handler(event, context):\n    return None\n")
    created = lambda_client.create_function(
        FunctionName=unique("fn"),
        Runtime="python3.12",
        Role=role["Role"]["Arn"],
        Handler="app.handler",
        Code={"ZipFile": archive.getvalue()},
    )
    return created["FunctionArn"]
