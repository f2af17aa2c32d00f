"""What imports tells the rest of the site. Its batches are written in bulk, without model
signals: whoever keeps something derived from the records listens here (search/signals.py)."""

from django.dispatch import Signal

# An import wrote records (not a dry run; also when it stopped part way, after the batches it
# wrote). Sent with `summary` (imports.summary.ImportSummary) once its last batch is written.
collection_imported = Signal()
