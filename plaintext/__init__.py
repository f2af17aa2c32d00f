"""Plain text as people paste it, cleaned once on its way into the database (`text.py`), for every
plain-text field of the content models (`models.py`) and taggit's tag names; `rows.py` cleans
rows written before."""
