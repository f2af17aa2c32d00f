"""`python -m bench.pages`: see run.py."""

import sys

from bench.pages.run import main

sys.exit(main())
