from django.urls import path

from exhibitions import views

app_name = "exhibitions"

urlpatterns = [
    path("", views.ExhibitionListView.as_view(), name="exhibition-list"),
    path("<unicode_slug:slug>/", views.ExhibitionDetailView.as_view(), name="exhibition-detail"),
]
