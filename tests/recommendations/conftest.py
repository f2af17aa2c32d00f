# The two people and the article of the stale-form tests (stale.py), for every test here.
from tests.recommendations.stale import editor, moderator, source  # noqa: F401
