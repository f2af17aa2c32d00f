"""Filling in an admin form the way a person in a browser does: read the form from the page,
keep what it shows, type into its text boxes, post it."""

import html5lib

# Boxes that take a date, a time or a number: text typed there is refused by the form like any
# typo, which is not what these tests look for.
NOT_FREE_TEXT = ("vDateField", "vTimeField", "vIntegerField", "vBigIntegerField", "vForeign")
TEXT_INPUT_TYPES = {"text", "url", "search", "email", None}


def read_form(html: str) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """The page's main form: its fields as a browser would post
    them untouched, the names of its free-text boxes, and of its tag pickers."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(html)
    # The admin's change form (id "<model>_form"), not the log-out form in the header.
    forms = [f for f in tree.iter("form") if f.attrib.get("method", "").lower() == "post"]
    form = max(forms, key=lambda f: (f.attrib.get("id", "").endswith("_form"), len(list(f.iter()))))
    values: dict[str, list[str]] = {}
    free_text: list[str] = []
    tag_pickers: list[str] = []
    for element in form.iter():
        name = element.attrib.get("name")
        if not name or "__prefix__" in name or "disabled" in element.attrib:
            continue
        classes = element.attrib.get("class", "")
        if element.tag == "input":
            kind = element.attrib.get("type")
            if kind in {"checkbox", "radio"}:
                if "checked" in element.attrib:
                    values.setdefault(name, []).append(element.attrib.get("value", "on"))
            elif kind in {"submit", "button", "file", "image", "reset"}:
                continue
            else:
                values[name] = [element.attrib.get("value", "")]
                if kind in TEXT_INPUT_TYPES and not any(c in classes for c in NOT_FREE_TEXT):
                    free_text.append(name)
        elif element.tag == "textarea":
            values[name] = [element.text or ""]
            free_text.append(name)
        elif element.tag == "select":
            options = list(element.iter("option"))
            chosen = [
                o.attrib.get("value", o.text or "") for o in options if "selected" in o.attrib
            ]
            if not chosen and "multiple" not in element.attrib:
                filled = [o.attrib.get("value", "") for o in options if o.attrib.get("value")]
                chosen = filled[:1]
            values[name] = chosen
            if element.attrib.get("data-tag-autocomplete"):
                tag_pickers.append(name)
    return values, free_text, tag_pickers


def as_a_browser_sends(text: str) -> str:
    """A browser cannot send a lone surrogate in UTF-8: it sends U+FFFD instead."""
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def posted(values: dict[str, list[str]]) -> dict[str, list[str] | str]:
    return {name: vals if len(vals) != 1 else vals[0] for name, vals in values.items()}
