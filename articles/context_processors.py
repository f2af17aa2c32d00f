from articles.models import Section


def navigation(request):
    """The sections in the site header, on every page (one query, only when rendered)."""
    return {"nav_sections": Section.objects.all()}
