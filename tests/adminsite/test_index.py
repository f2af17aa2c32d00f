"""The admin's home page shows the panels apps registered (adminsite/index.py), each only to
the users its function gives a context to, above the list of apps."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from adminsite.index import IndexPanel
from adminsite.sites import NewsroomAdminSite

pytestmark = pytest.mark.django_db


def for_superusers(request):
    return {} if request.user.is_superuser else None


PANEL = IndexPanel("admin/index.html", for_superusers)


def test_a_panel_is_registered_once():
    site = NewsroomAdminSite(name="panels")

    site.add_index_panel(PANEL)
    site.add_index_panel(PANEL)

    assert site._index_panels == [PANEL]


def test_the_site_home_shows_registered_panels_to_whom_they_are_for(admin_client, client):
    """The real site: the desk is registered (desk/apps.py) and shown above the apps, with
    its stylesheet in the head; a user it gives nothing to gets Django's home page."""
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert any(panel.template == "desk/dashboard.html" for panel in admin.site._index_panels)
    assert html.index('class="desk"') < html.index('id="index-apps-heading"')
    assert html.index("desk/dashboard.css") < html.index("</head>")

    client.force_login(User.objects.create_user("nobody", is_staff=True))
    response = client.get(reverse("admin:index"))
    assert 'class="desk"' not in response.content.decode()
    assert response.context["title"] == "Content"
