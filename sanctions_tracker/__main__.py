"""``python -m sanctions_tracker``."""

import sys

from .cli import main

sys.exit(main())
