"""Benchmark of "You may also like" measured, explained and diverse (issue 20): see run.py."""
