"""Type stubs for Chalice's top level: what ``import chalice`` really exports, re-exported.

Chalice ships ``py.typed`` but its ``__init__.py`` imports ``Chalice`` and the rest
from ``chalice.app`` without ``as`` re-exports, so ``from chalice import Chalice`` is an
error under ``mypy --strict`` (``attr-defined``: implicit re-export disabled) and under
pyright strict (``reportPrivateImportUsage``). This partial stub package (PEP 561: its
``py.typed`` says ``partial``) covers only ``chalice/__init__``; every other module
(``chalice.app``, ``chalice.test``...) is still read from Chalice itself. Shipped in the
s3types wheel; tests/adapters/test_chalice_stubs.py checks that it lists exactly the
names the installed Chalice exports.
"""

from chalice.app import (
    AuthResponse as AuthResponse,
)
from chalice.app import (
    AuthRoute as AuthRoute,
)
from chalice.app import (
    BadRequestError as BadRequestError,
)
from chalice.app import (
    Blueprint as Blueprint,
)
from chalice.app import (
    Chalice as Chalice,
)
from chalice.app import (
    ChaliceUnhandledError as ChaliceUnhandledError,
)
from chalice.app import (
    ChaliceViewError as ChaliceViewError,
)
from chalice.app import (
    CognitoUserPoolAuthorizer as CognitoUserPoolAuthorizer,
)
from chalice.app import (
    ConflictError as ConflictError,
)
from chalice.app import (
    ConvertToMiddleware as ConvertToMiddleware,
)
from chalice.app import (
    CORSConfig as CORSConfig,
)
from chalice.app import (
    Cron as Cron,
)
from chalice.app import (
    CustomAuthorizer as CustomAuthorizer,
)
from chalice.app import (
    ForbiddenError as ForbiddenError,
)
from chalice.app import (
    IAMAuthorizer as IAMAuthorizer,
)
from chalice.app import (
    NotFoundError as NotFoundError,
)
from chalice.app import (
    Rate as Rate,
)
from chalice.app import (
    Response as Response,
)
from chalice.app import (
    TooManyRequestsError as TooManyRequestsError,
)
from chalice.app import (
    UnauthorizedError as UnauthorizedError,
)
from chalice.app import (
    UnprocessableEntityError as UnprocessableEntityError,
)
from chalice.app import (
    WebsocketDisconnectedError as WebsocketDisconnectedError,
)

__version__: str
chalice_version: str
