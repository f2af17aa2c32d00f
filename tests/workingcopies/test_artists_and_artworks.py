"""Artists and artworks autosave too: they have no save count, so a copy is based on the time of
their last save."""

import pytest
from django.urls import reverse

from tests.adminforms import management_form
from tests.factories import ArtistFactory, ArtworkFactory
from tests.staff import staff_in
from workingcopies.models import WorkingCopy

pytestmark = pytest.mark.django_db

OFFER = "Restore your unsaved changes from"


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


def opened(client, model: str, obj) -> tuple[str, dict]:
    """The change page's address, and the version and inline management fields it holds."""
    url = reverse(f"admin:{model}_change", args=[obj.pk])
    response = client.get(url)
    data = {"_working_copy_base": response.context["working_copy"]["version"]}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= management_form(formset.prefix, formset.total_form_count(), len(formset.forms))
        for index, form in enumerate(formset.forms):
            data |= {
                f"{formset.prefix}-{index}-{name}": str(value)
                for name, value in form.initial.items()
                if value is not None
            }
    return url, data


@pytest.mark.parametrize(
    ("model", "factory", "field"),
    [("artists_artist", ArtistFactory, "name"), ("artworks_artwork", ArtworkFactory, "title")],
)
def test_typed_kept_offered_and_restored(client, editor, model, factory, field):
    obj = factory()
    url, data = opened(client, model, obj)
    data |= {field: "Typed, not saved", "slug": obj.slug}
    if field == "name":
        data["sort_name"] = obj.sort_name
    saved = client.post(reverse(f"admin:{model}_autosave", args=[obj.pk]), data)
    assert saved.status_code == 200
    assert WorkingCopy.objects.get().based_on == obj.updated_at.isoformat()
    assert OFFER in client.get(url).content.decode()
    restored = client.get(f"{url}?_working_copy=restore")
    assert restored.context["adminform"].form[field].value() == "Typed, not saved"
    obj.refresh_from_db()
    assert getattr(obj, field) != "Typed, not saved"
