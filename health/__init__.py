"""Surviving faults: the probes /healthz and /readyz, a friendly 503 when the database is gone,
and one structured log line per record (docs: README, "Faults and health")."""
