"""Pages an app adds to the admin beside its models' (NewsroomAdminSite.add_view): served
under the admin's address, behind its login, once however often the app registers them."""

from django.http import HttpResponse
from django.test import RequestFactory

from adminsite.sites import NewsroomAdminSite


def page(request):
    return HttpResponse("the page")


def test_an_added_view_is_served_once_behind_the_login():
    site = NewsroomAdminSite(name="added")

    site.add_view("things/report/", page, "things_report")
    site.add_view("things/report/", page, "things_report")

    added = [pattern for pattern in site.get_urls() if pattern.name == "things_report"]
    assert len(added) == 1
    assert str(added[0].pattern) == "things/report/"
    request = RequestFactory().get("/admin/things/report/")
    request.user = type("Anonymous", (), {"is_active": False, "is_staff": False})()
    response = added[0].callback(request)
    assert response.status_code == 302 and "/login/" in response.url
