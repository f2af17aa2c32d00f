"""What more than one benchmark (or the fault tests) uses: where the project and its results
are (paths), one run at a time (lock), the machine an entry reports (machine), writing entries
(entries), the benchmark's own PostgreSQL database (postgres) or server (pg_cluster), gunicorn
serving the site (gunicorn, site_settings, site_urls) and wrk loading it (wrk)."""
