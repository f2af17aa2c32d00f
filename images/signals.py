"""What images tells the rest of the site. images imports no content app and not the page
cache: whoever shows pictures listens here (pagecache connects in its ready())."""

from django.dispatch import Signal

# The renditions of an image were stored, or deleted, with a queryset update() that sends no
# model signal. Sent with `image` (the Image) and `uses` (the rows that show it, from
# images.uses), after the row is written.
renditions_changed = Signal()
