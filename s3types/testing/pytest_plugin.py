"""Where the pytest plugin's fixtures used to live: now ``s3types_pytest`` (imported lazily).

``pytest_plugins = ["s3types.testing.pytest_plugin"]`` still works; the
plugin itself is registered on install, so nothing needs naming.

>>> from s3types.testing.pytest_plugin import s3_event, s3_server
"""

from s3types.testing._factory import S3EventFactory
from s3types_pytest import s3_event, s3_server

__all__ = ["S3EventFactory", "s3_event", "s3_server"]
