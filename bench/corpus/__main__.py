"""`python -m bench.corpus`: see run.py."""

import sys

from bench.corpus.run import main

sys.exit(main())
