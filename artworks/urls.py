from django.urls import path

from artworks import views

app_name = "artworks"

urlpatterns = [
    path("", views.ArtworkListView.as_view(), name="artwork-list"),
    path("<unicode_slug:slug>/", views.ArtworkDetailView.as_view(), name="artwork-detail"),
]
