"""What editors do with a link (the queue's actions, admin.py; commands and tests call the same):

    link_replace(link=link, new_url=url, user=editor)   # everywhere it is used
    link_accept_redirect(link=link, user=editor)        # replace by where it moved
    link_ignore(links=queryset, user=editor)            # out of the queue, never warned about
    link_recheck(links=queryset)                         # first in line for the checker

A replacement goes through each source's own replace function (links/sources.py): an article
through the publishing service, as its admin saves it. All or nothing: if one object refuses
(no permission, a rule of publishing), nothing is replaced and `ReplaceRefused` says which."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet

from links import addresses, scheduling
from links.models import Link, LinkUse
from links.readers import link_states_changed
from links.sources import source_of

User = AbstractBaseUser | None


class ReplaceRefused(ValidationError):
    """Nothing was replaced: the objects that refused, each with why."""


@dataclass(frozen=True)
class Replaced:
    objects: int  # objects changed
    link: Link | None  # the new address's Link (None if it is not an outbound address)


def clean_new_url(url: str, *, old: Link | None = None) -> str:
    """The new address as it will be written: absolute http(s), not the old one. Raises
    ValidationError with a sentence for the editor."""
    url = (url or "").strip()
    if not url:
        raise ValidationError("Give the new address.", code="required")
    if any(ord(char) < 32 or char.isspace() for char in url):
        raise ValidationError("An address has no spaces or control characters.", code="invalid")
    if addresses.outbound(url, hosts=set()) is None:
        raise ValidationError(
            "Give a whole address starting with http:// or https://.", code="invalid"
        )
    if old is not None and addresses.outbound(url, hosts=set()) == old.url:
        raise ValidationError("That is the address being replaced.", code="same")
    return url


def link_replace(*, link: Link, new_url: str, user: User) -> Replaced:
    new_url = clean_new_url(new_url, old=link)
    with transaction.atomic():
        uses = list(
            LinkUse.objects.filter(link=link)
            .select_related("content_type")
            .order_by("content_type_id", "object_id")
        )
        refused, changed, done = [], 0, set()
        for use in uses:
            key = (use.content_type_id, use.object_id)
            if key in done:
                continue  # one object using the address in two fields: replaced in both at once
            done.add(key)
            model = use.content_type.model_class()
            source = source_of(model) if model is not None else None
            instance = model._default_manager.filter(pk=use.object_id).first() if source else None
            if instance is None:
                continue
            try:
                with transaction.atomic():
                    changed += bool(source.replace(instance, link.url, new_url, user))
            except (PermissionDenied, ValidationError) as error:
                why = " ".join(getattr(error, "messages", None) or [str(error)])
                refused.append(f"{model._meta.verbose_name} “{instance}”: {why}")
        if refused:  # leaving the block by an exception rolls back what the others changed
            raise ReplaceRefused(["Nothing was replaced.", *refused], code="refused")
        key = addresses.outbound(new_url)
        new_link = Link.objects.filter(url=key).first() if key else None
        return Replaced(objects=changed, link=new_link)


def link_accept_redirect(*, link: Link, user: User) -> Replaced:
    if link.status != Link.Status.REDIRECTED or not link.redirect_url:
        raise ValidationError(f"{link.url} has no permanent redirect to accept.", code="none")
    return link_replace(link=link, new_url=link.redirect_url, user=user)


def link_ignore(*, links: QuerySet[Link], user: User, ignored: bool = True) -> int:
    """An editor's decision: these links leave the queue and are never warned about (or, with
    `ignored=False`, come back). Readers' pages showing them go stale: a dead link's archived
    copy is shown, or no longer (links/readers.py)."""
    changing = list(links.exclude(ignored=ignored).values_list("pk", flat=True))
    count = Link.objects.filter(pk__in=changing).update(ignored=ignored)
    transaction.on_commit(lambda: link_states_changed(changing))
    return count


def link_recheck(*, links: QuerySet[Link]) -> int:
    """First in line for the checker's next pass; nothing is checked here."""
    return scheduling.check_soon(links)
