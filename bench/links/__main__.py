"""`python -m bench.links`: see run.py."""

import sys

from bench.links.run import main

sys.exit(main())
