"""The link checker: each due `Link` fetched politely and classified, off any page request.

- `outcome.py`: what one check found (a `Link.Status`, the HTTP status, a detail line).
- `client.py`: the polite client (User-Agent naming the site, timeouts, a few connections).
- `limits.py`: at most N requests per host per minute, held in the shared cache.
- `robots.py`: robots.txt, read once per host and kept a day.
- `fetching.py`: one URL fetched (HEAD, then GET when HEAD is refused or looks wrong; redirects
  followed by hand) and classified; `soft404.py` tells a host that answers 200 for anything.
- `recording.py`: an outcome written to its `Link`: the two strikes and the next check.
- `passes.py`: one bounded pass over the due links, `run_pass()`, what the task
  (links/tasks.py) and `manage.py check_links` run.
"""
