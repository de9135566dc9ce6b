"""The identity and request blocks of a record, as models: built on first read.

A record keeps ``userIdentity``, ``requestParameters`` and
``responseElements`` as validated dicts (:mod:`s3types._model.wire`);
``record.user_identity`` and its siblings import this module the first time
one is read, so a cold start that never reads them never defines them.
"""

from pydantic import BaseModel, Field

from s3types._model.fields import CONFIG

__all__ = ["RequestParameters", "ResponseElements", "UserIdentity"]


class UserIdentity(BaseModel):
    """``userIdentity`` / ``ownerIdentity``: the principal.

    >>> UserIdentity.model_validate({"principalId": "AWS:AIDA..."}).principal_id
    'AWS:AIDA...'
    """

    model_config = CONFIG
    principal_id: str | None = Field(default=None, alias="principalId")


class RequestParameters(BaseModel):
    """``requestParameters``: where the request came from.

    >>> RequestParameters.model_validate({"sourceIPAddress": "1.2.3.4"}).source_ip_address
    '1.2.3.4'
    """

    model_config = CONFIG
    source_ip_address: str | None = Field(default=None, alias="sourceIPAddress")


class ResponseElements(BaseModel):
    """``responseElements``: S3's request ids, for AWS support.

    >>> ResponseElements.model_validate({"x-amz-request-id": "C3D1"}).x_amz_request_id
    'C3D1'
    """

    model_config = CONFIG
    x_amz_request_id: str | None = Field(default=None, alias="x-amz-request-id")
    x_amz_id_2: str | None = Field(default=None, alias="x-amz-id-2")
