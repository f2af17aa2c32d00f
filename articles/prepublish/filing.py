"""Pre-publish checks of where an article is filed and whose it is: a section, a byline, tags."""

from articles.prepublish.registry import BLOCKING, OFF, WARNING, Check, Subject, register


def section(subject: Subject) -> list[str]:
    return [] if subject.article.section_id else ["Choose a section."]


def byline(subject: Subject) -> list[str]:
    return [] if subject.byline else ["Add at least one author to the byline."]


def tags(subject: Subject) -> list[str]:
    return [] if subject.tag_names else ["Add at least one tag."]


register(
    Check(
        id="section",
        label="A section",
        find=section,
        severity={"contributor": BLOCKING, "editor": BLOCKING, "system": BLOCKING},
    )
)
register(
    Check(
        id="byline",
        label="A byline",
        find=byline,
        severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
    )
)
register(
    Check(
        id="tags",
        label="At least one tag",
        find=tags,
        severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
    )
)
