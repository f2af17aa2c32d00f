from django.urls import path

from artists import views

app_name = "artists"

urlpatterns = [
    path("", views.ArtistListView.as_view(), name="artist-list"),
    path("<unicode_slug:slug>/", views.ArtistDetailView.as_view(), name="artist-detail"),
]
