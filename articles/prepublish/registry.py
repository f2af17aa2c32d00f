"""The pre-publish checks: a small registry, each check's severity per role, and running them.

A check looks at an article as it is about to be saved (its row's fields in hand, its figures,
byline and tags as stored in the same transaction) and returns its problems, each a sentence
that names what to fix. Whether a problem stops the article depends on the role of whoever
moves it (`role_of`) and on the setting `PREPUBLISH_CHECKS`, which overrides the defaults
given in code, check by check and role by role:

    PREPUBLISH_CHECKS = {"tags": {"editor": "blocking"}, "credit": {"contributor": "off"}}

- "blocking": the article does not move until the problem is fixed;
- "warning": it moves only when the warning is overridden with a reason (non-empty), which goes
  into the publishing record (PublicationEvent.overrides);
- "off": not checked for that role.

Another app adds a check from its own AppConfig.ready(): a link checker, for instance, would
register the outbound links it knows to be dead, and the admin's panel, the services and the
setting take it up like the built-in ones:

    from articles.prepublish import Check, register

    register(Check(id="dead_links", label="Outbound links work", find=dead_links_of,
                   severity={"contributor": "warning", "editor": "warning"}))
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet

from articles import workflow
from articles.body_figures.nodes import body_figures_of
from articles.models import Article, ArticleFigure, Author
from artworks.models import ArtworkArtist

BLOCKING, WARNING, OFF = "blocking", "warning", "off"
SEVERITIES = (BLOCKING, WARNING, OFF)
# user=None is the system (the demo, an import, a command): it keeps only the rules the
# publishing services always applied (alt text), unless the setting says more.
ROLES = ("contributor", "editor", "system")


def with_checked_parts(figures: QuerySet) -> QuerySet:
    """Figures with what the checks read of them (pictures, alt text, credits, captions)."""
    credits = ArtworkArtist.objects.select_related("artist")
    return figures.select_related("artwork", "artwork_image__image", "image").prefetch_related(
        "artwork__images__image", Prefetch("artwork__artist_credits", queryset=credits)
    )


class Subject:
    """The article being checked, with its parts read once from the database (as saved in this
    transaction, not a prefetched list from before the admin saved them). `figures` (the
    ordered ones as stored, in order, loaded by `with_checked_parts`) and `byline` (the
    authors, in any order): given when the caller has just read them from the database (the
    change form's inlines, shown anew). The body's figures are always those of the body in
    hand (articles/body_figures/), saved or not, after the ordered ones."""

    def __init__(
        self,
        article: Article,
        figures: list[ArticleFigure] | None = None,
        byline: list[Author] | None = None,
    ):
        self.article = article
        if figures is not None:
            self.figures = [*figures, *body_figures_of(article)]
        if byline is not None:
            self.byline = byline

    @cached_property
    def figures(self) -> list[ArticleFigure]:
        ordered = []
        if self.article.pk is not None:
            stored = ArticleFigure.objects.filter(article_id=self.article.pk, in_body=False)
            ordered = list(with_checked_parts(stored).order_by("position", "pk"))
        return [*ordered, *body_figures_of(self.article)]

    @cached_property
    def byline(self) -> list[Author]:
        if self.article.pk is None:
            return []
        return list(Author.objects.filter(bylines__article_id=self.article.pk))

    @cached_property
    def tag_names(self) -> list[str]:
        return list(self.article.tags.names()) if self.article.pk is not None else []


@dataclass(frozen=True)
class Check:
    id: str
    label: str
    find: Callable[[Subject], list[str]]
    severity: dict[str, str] = field(default_factory=dict)  # the defaults, by role


_registry: dict[str, Check] = {}


def register(check: Check) -> Check:
    if check.id in _registry:
        raise ValueError(f"A pre-publish check “{check.id}” is registered already.")
    _registry[check.id] = check
    return check


def registered() -> list[Check]:
    return list(_registry.values())


def role_of(user) -> str:
    """ "editor" for whoever may publish; "contributor" for the rest; "system" for no user."""
    if user is None:
        return "system"
    return "editor" if workflow.can_publish(user) else "contributor"


def severity(check: Check, role: str) -> str:
    configured = getattr(settings, "PREPUBLISH_CHECKS", {}).get(check.id, {})
    chosen = configured.get(role, check.severity.get(role, OFF))
    if chosen not in SEVERITIES:
        raise ValueError(f"PREPUBLISH_CHECKS[{check.id!r}][{role!r}]: {chosen!r} is no severity.")
    return chosen


@dataclass(frozen=True)
class Result:
    id: str
    label: str
    severity: str
    problems: tuple[str, ...]
    reason: str = ""  # why a warning is overridden, as given

    @property
    def state(self) -> str:
        """ "pass", "warning" or "blocking"."""
        return self.severity if self.problems else "pass"

    @property
    def overridden(self) -> bool:
        return self.state == WARNING and bool(self.reason)

    @property
    def stops(self) -> bool:
        return self.state == BLOCKING or (self.state == WARNING and not self.overridden)


@dataclass(frozen=True)
class Report:
    role: str
    results: tuple[Result, ...]

    @property
    def stopping(self) -> list[Result]:
        return [result for result in self.results if result.stops]

    @property
    def overrides(self) -> dict[str, str]:
        """The warnings overridden, by check: the reason (for the publishing record)."""
        return {result.id: result.reason for result in self.results if result.overridden}


class ChecksRefused(ValidationError):
    """The article did not move: what stopped it, with the whole report for the panel."""

    def __init__(self, report: Report, stopping: list[Result]):
        self.report = report
        super().__init__([_refusal(result) for result in stopping], code="prepublish_checks")


def _refusal(result: Result) -> str:
    then = "" if result.state == BLOCKING else " (or override the warning with a reason)"
    return f"{result.label}: {' '.join(result.problems)}{then}"


def run(
    article: Article,
    *,
    user,
    overrides: dict[str, str] | None = None,
    figures: list[ArticleFigure] | None = None,
    byline: list[Author] | None = None,
) -> Report:
    """Every check that is on for the user's role, on the article as it is in hand (and its
    stored figures and byline, if given: see Subject)."""
    role = role_of(user)
    reasons = {key: " ".join(str(value).split()) for key, value in (overrides or {}).items()}
    subject = Subject(article, figures, byline)
    results = []
    for check in registered():
        level = severity(check, role)
        if level == OFF:
            continue
        problems = tuple(check.find(subject))
        reason = reasons.get(check.id, "") if problems and level == WARNING else ""
        results.append(Result(check.id, check.label, level, problems, reason))
    return Report(role, tuple(results))


def enforce(
    article: Article, *, user, overrides: dict[str, str] | None = None, warnings: bool = True
) -> Report:
    """Run the checks and raise ChecksRefused if any stops the article: a blocking problem, or
    (with `warnings`) a warning not overridden with a reason."""
    report = run(article, user=user, overrides=overrides)
    stopping = [r for r in report.stopping if warnings or r.state == BLOCKING]
    if stopping:
        raise ChecksRefused(report, stopping)
    return report
