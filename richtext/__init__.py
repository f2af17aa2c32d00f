"""Rich text for article bodies and artist bios: one editor, one sanitizer, one model field."""
