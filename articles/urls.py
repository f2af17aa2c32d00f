from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<unicode_slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("preview/<str:token>/", views.ArticlePreviewView.as_view(), name="article-preview"),
    path("sections/<unicode_slug:slug>/", views.SectionDetailView.as_view(), name="section-detail"),
    path("series/", views.SeriesListView.as_view(), name="series-list"),
    path("series/<unicode_slug:slug>/", views.SeriesDetailView.as_view(), name="series-detail"),
    path("tags/<unicode_slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
]
