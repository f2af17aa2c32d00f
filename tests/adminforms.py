"""Helpers for posting admin forms the way a browser does, inlines included."""


def management_form(prefix: str, total: int = 0, initial: int = 0) -> dict[str, str]:
    """An inline formset's management fields; prefixes are the relation names, e.g. 'figures'."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def form_errors(response) -> dict[str, list[str]]:
    """Every error on a re-displayed admin form, keyed by field name as posted
    ('slug', 'figures-0-alt_text'); '__all__' and 'figures-0-__all__' for the rest."""
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    errors = {
        name: list(messages) for name, messages in response.context["adminform"].form.errors.items()
    }
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for index, form in enumerate(formset.forms):
            for name, messages in form.errors.items():
                errors[f"{formset.prefix}-{index}-{name}"] = list(messages)
        if formset.non_form_errors():
            errors[f"{formset.prefix}-__all__"] = list(formset.non_form_errors())
    return errors


def article_form_data(article=None, **fields) -> dict[str, str]:
    """The article admin form as a browser posts it: an existing article's fields as they are
    (with the edit token of the moment), or a new article's; empty inlines; `fields` override."""
    from django.utils import timezone  # noqa: PLC0415

    from tests.factories import SectionFactory  # noqa: PLC0415

    published = (
        timezone.localtime(article.published_at) if article and article.published_at else None
    )
    data = {
        "title": article.title if article else "The Urn",
        "slug": article.slug if article else "the-urn",
        "section": str(article.section_id if article else SectionFactory().pk),
        "standfirst": article.standfirst if article else "A standfirst.",
        "body": article.body if article else "<p>A body.</p>",
        "status": article.status if article else "draft",
        "published_at_0": published.strftime("%Y-%m-%d") if published else "",
        "published_at_1": published.strftime("%H:%M:%S") if published else "",
        "meta_description": article.meta_description if article else "",
        "edit_token": str(article.lock_version) if article else "",
        **management_form("article_authors"),
        **management_form("figures"),
        **management_form("links"),
        **management_form("related_links"),
    }
    data.update(fields)
    return data


def browser_post_data(response, form_id: str) -> dict[str, list[str]]:
    """What a browser would post from the form `form_id` of a page as it was served: its
    enabled fields with their values, hidden ones included (checked boxes only, selected
    options, no buttons, no files)."""
    import html5lib  # noqa: PLC0415

    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    form = next(f for f in document.iter("form") if f.get("id") == form_id)
    data: dict[str, list[str]] = {}
    for element in form.iter():
        name = element.get("name")
        if element.tag not in {"input", "select", "textarea"}:
            continue
        kind = (element.get("type") or "text").lower()
        if not name or element.get("disabled") is not None:
            continue
        if kind in {"submit", "button", "image", "reset", "file"}:
            continue
        if kind in {"checkbox", "radio"} and element.get("checked") is None:
            continue
        if element.tag == "select":
            options = list(element.iter("option"))
            chosen = [o for o in options if o.get("selected") is not None]
            if not chosen and options and element.get("multiple") is None:
                chosen = options[:1]
            values = [o.get("value", o.text or "") for o in chosen]
        elif element.tag == "textarea":
            values = [element.text or ""]
        else:
            values = [element.get("value", "on" if kind in {"checkbox", "radio"} else "")]
        data.setdefault(name, []).extend(values)
    return data
