"""`python -m bench.images`: see run.py."""

import sys

from bench.images.run import main

sys.exit(main())
