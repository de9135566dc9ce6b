"""``python -m s3types``: the command line."""

import sys

from s3types._cli import main

sys.exit(main())
