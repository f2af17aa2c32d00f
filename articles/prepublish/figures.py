"""Pre-publish checks of an article's figures: alt text that describes, a credit line, a
complete caption. Figures are named by their place in the article ("Figure 2", "Body figure 1")."""

import re
from pathlib import PurePath

from articles.models import ArticleFigure
from articles.prepublish.registry import BLOCKING, OFF, WARNING, Check, Subject, register

# "IMG_0042.jpg", "DSC01234.JPEG", "photo.png": a file's name, not a description.
FILE_NAME = re.compile(r"^\S+\.(jpe?g|png|gif|webp|tiff?|heic|heif|avif|bmp|svg)$", re.IGNORECASE)
# "IMG_0042", "DSC01234", "PXL_20260102_101010": a camera's name for a picture.
CAMERA_NAME = re.compile(r"^[a-z]{0,5}[_-]?\d{3,}([_-]\d+)*$", re.IGNORECASE)
SAYS_NOTHING = {
    "alt",
    "alt text",
    "graphic",
    "image",
    "img",
    "photo",
    "photograph",
    "pic",
    "picture",
    "placeholder",
    "untitled",
}


def _quoted(text: str) -> str:
    return f"“{text}”"


def alt_text_problem(alt: str, original_name: str = "") -> str | None:
    """Why an alt text describes nothing (None when it may): a file's or camera's name, the
    upload's own name, or a word such as "image"."""
    text = " ".join(alt.split())
    if not text:
        return "has no alt text: describe the picture, or tick “decorative”"
    folded = text.casefold()
    names = {original_name.casefold(), PurePath(original_name).stem.casefold()} - {""}
    if FILE_NAME.match(text) or CAMERA_NAME.match(text) or folded in names:
        return f"alt text {_quoted(text)} is a file name: describe the picture"
    if folded.strip(".") in SAYS_NOTHING:
        return f"alt text {_quoted(text)} says nothing of the picture: describe it"
    return None


def labelled(figures) -> list[tuple[str, ArticleFigure]]:
    """Each figure with the name the checks give it: "Figure 2" (the ordered figures, counted
    as the admin's cards are), "Body figure 1" (those placed in the body, in its order)."""
    counts = {False: 0, True: 0}
    named = []
    for figure in figures:
        counts[figure.in_body] += 1
        kind = "Body figure" if figure.in_body else "Figure"
        named.append((f"{kind} {counts[figure.in_body]}", figure))
    return named


def alt_text(subject: Subject) -> list[str]:
    problems = []
    for name, figure in labelled(subject.figures):
        shown = figure.shown_image()
        if shown is None or shown.decorative:
            continue
        problem = alt_text_problem(shown.alt, shown.image.original_name or "")
        if problem:
            problems.append(
                f"{name} {problem}." if problem.startswith("has") else f"{name}: {problem}."
            )
    return problems


def credit(subject: Subject) -> list[str]:
    return [
        f"{name} has no credit line: add one to the figure or to the artwork's image."
        for name, figure in labelled(subject.figures)
        if (shown := figure.shown_image()) is not None and not shown.credit.strip()
    ]


def _missing_caption_parts(artwork) -> list[str]:
    parts = {
        "artist": bool(artwork.credited_artists()),
        "title": bool(artwork.title.strip()),
        "date": bool(artwork.date_display.strip()),
        "medium": bool(artwork.medium.strip()),
        "dimensions": bool(artwork.dimensions_display.strip()),
    }
    return [name for name, present in parts.items() if not present]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def captions(subject: Subject) -> list[str]:
    problems = []
    for name, figure in labelled(subject.figures):
        if figure.caption.strip():
            continue  # a caption override: the editor wrote it as it should read
        if figure.artwork is None:
            problems.append(f"{name} has no caption: write one.")
            continue
        missing = _missing_caption_parts(figure.artwork)
        if missing:
            problems.append(
                f"{name}: the caption lacks the {_listed(missing)}: add them to the "
                f"artwork {_quoted(figure.artwork.title)}, or write a caption override."
            )
    return problems


register(
    Check(
        id="alt_text",
        label="Alt text describes every picture",
        find=alt_text,
        severity={"contributor": WARNING, "editor": BLOCKING, "system": BLOCKING},
    )
)
register(
    Check(
        id="credit",
        label="A credit line on every image",
        find=credit,
        severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
    )
)
register(
    Check(
        id="captions",
        label="Captions complete (artist, title, date, medium, dimensions)",
        find=captions,
        severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
    )
)
