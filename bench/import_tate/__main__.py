"""`python -m bench.import_tate`: see run.py."""

import sys

from bench.import_tate.run import main

sys.exit(main())
