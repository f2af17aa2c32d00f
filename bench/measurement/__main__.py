"""`python -m bench.measurement`: see run.py."""

import sys

from bench.measurement.run import main

sys.exit(main())
