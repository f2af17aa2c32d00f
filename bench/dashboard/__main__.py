"""`python -m bench.dashboard`: see run.py."""

import sys

from bench.dashboard.run import main

sys.exit(main())
