from django.urls import path

from exhibitions import views

app_name = "exhibitions"

urlpatterns = [
    path("<unicode_slug:slug>/", views.exhibition_detail, name="exhibition-detail"),
]
