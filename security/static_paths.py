"""Static files and media served by Django while developing: a path that leads out of their
folders (`../`, `%2e%2e/`, `..%2f`), or a name too long for the file system, is a file that is not
there: a 404.

Django's finders and its media view raise SuspiciousFileOperation for such a path. Under
runserver the static files handler lets it through as a 500, and the media view turns it into a
400 logged as an error with its traceback: neither is what a request for a missing file gets.
The finders here (STATICFILES_FINDERS) serve runserver, `findstatic` and WhiteNoise's finder
lookups while DEBUG is on; `serve_media` is the media view of the development URLconf."""

import errno

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.views import static


class FileSystemFinder(finders.FileSystemFinder):
    """STATICFILES_DIRS, where a path outside them is not found."""

    def find_location(self, root, path, prefix=None):
        try:
            return super().find_location(root, path, prefix)
        except SuspiciousFileOperation:
            return None


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    """Each app's static/ folder, where a path outside it is not found."""

    def find_in_app(self, app, path):
        try:
            return super().find_in_app(app, path)
        except SuspiciousFileOperation:
            return None


def serve_media(request, path, document_root=None, show_indexes=False):
    """django.views.static.serve, with a path outside MEDIA_ROOT, or too long for a file name,
    not found."""
    try:
        return static.serve(request, path, document_root, show_indexes)
    except SuspiciousFileOperation:
        raise Http404("No such file.") from None
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404("No such file.") from None
