"""Articles that pass the pre-publish checks (articles/prepublish/), and the reasons that
override their warnings, for tests of something other than the checks."""

from articles import prepublish
from articles.prepublish.registry import WARNING, severity
from tests.factories import ArticleAuthorFactory, ArticleFactory

REASON = "Checked by hand: this test is about something else."


def passing_article(**fields):
    """An article with a byline, a tag and a standfirst of a good length (and no figures)."""
    fields.setdefault("standfirst", "A standfirst long enough for the pre-publish checks.")
    fields.setdefault("tags", ["painting"])
    article = ArticleFactory(**fields)
    ArticleAuthorFactory(article=article)
    return article


def overrides(role: str = "editor") -> dict[str, str]:
    """A reason for every check that is a warning for `role`: {check id: reason}."""
    return {
        check.id: REASON for check in prepublish.registered() if severity(check, role) == WARNING
    }


def form_overrides(role: str = "editor") -> dict[str, str]:
    """The same, as the checks panel posts them with the article form."""
    return {f"_override-{check_id}": reason for check_id, reason in overrides(role).items()}
