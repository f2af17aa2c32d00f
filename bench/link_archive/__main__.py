"""`python -m bench.link_archive`: see run.py."""

import sys

from bench.link_archive.run import main

sys.exit(main())
