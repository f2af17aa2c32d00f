"""The synthetic corpus the other benchmarks time the site on (build.py), and
`python -m bench.corpus` to write it on its own (run.py)."""
