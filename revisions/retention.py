"""How many revisions are kept: the newest settings.REVISIONS_KEEP of each article, artist and
artwork, and every revision in which an article was published, so that the tables do not grow
without bound. Runs after every revision is saved (revisions/signals.py), in a fixed number of
queries per saved object; `manage.py prune_revisions` sweeps everything once.

A revision can hold several objects (a bulk action, the demo content): pruning removes one
object's version from it, and the revision goes when no object with a history is left in it
(the versions of parts, such as figures and tag rows, go with it).
"""

import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from reversion.models import Revision, Version

from revisions import versioning


def object_versions_prune(*, model, object_id: str, keep: int | None = None) -> set[int]:
    """Delete the object's versions older than its newest `keep` (REVISIONS_KEEP), except those
    kept forever; return the ids of the revisions they were in (one per version: an object has
    one version per revision). Two queries."""
    keep = settings.REVISIONS_KEEP if keep is None else keep
    versions = Version.objects.get_for_object_reference(model, object_id)
    oldest_kept = versions.order_by("-pk").values("pk")[keep - 1 : keep]
    stale = versions.filter(pk__lt=Subquery(oldest_kept))
    kept_forever_when = versioning.versioning(model).kept_forever_when
    if kept_forever_when is not None:
        stale = stale.exclude(serialized_data__contains=_serialized(*kept_forever_when))
    rows = list(stale.values_list("pk", "revision_id"))
    if rows:
        Version.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
    return {revision_id for _, revision_id in rows}


def revisions_delete_unreachable(*, revision_ids=None) -> int:
    """Delete the revisions (of those given, or all) in which no object with a history of its
    own is left: no history page can reach them. Returns how many went."""
    roots = ContentType.objects.get_for_models(*versioning.root_models()).values()
    has_root = Version.objects.filter(revision=OuterRef("pk"), content_type__in=list(roots))
    unreachable = Revision.objects.filter(~Exists(has_root))
    if revision_ids is not None:
        if not revision_ids:
            return 0
        unreachable = unreachable.filter(pk__in=revision_ids)
    _, per_model = unreachable.delete()
    return per_model.get(Revision._meta.label, 0)


def revision_prune(*, versions) -> None:
    """After a revision is saved: prune the history of each object with a history in it."""
    pruned = set()
    for version in versions:
        model = version._model
        if versioning.is_versioned(model) and versioning.versioning(model).root:
            pruned |= object_versions_prune(model=model, object_id=version.object_id)
    revisions_delete_unreachable(revision_ids=pruned)


def _serialized(field: str, value: str) -> str:
    """How the field and value read in a version's JSON ('"status": "published"'). A string
    value cannot contain this: JSON escapes the quotes inside strings."""
    return f"{json.dumps(field)}: {json.dumps(value)}"
