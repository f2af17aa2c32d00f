"""`python -m bench.recommendations`: see run.py."""

import sys

from bench.recommendations.run import main

sys.exit(main())
