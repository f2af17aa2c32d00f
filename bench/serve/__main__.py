"""`python -m bench.serve`: see run.py."""

import sys

from bench.serve.run import main

sys.exit(main())
