"""`python -m bench.featuring`: see run.py."""

import sys

from bench.featuring.run import main

sys.exit(main())
