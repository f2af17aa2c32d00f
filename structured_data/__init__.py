"""Structured data for search engines and link previews: schema.org JSON-LD built from articles,
artists and artworks (`builders.py`), written into pages safely (`script.py`) by template tags."""
