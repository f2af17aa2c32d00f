"""The Tate import benchmark: `manage.py import_tate`'s service on fresh databases
(`python -m bench.import_tate`, run.py)."""
