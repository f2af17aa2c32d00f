"""The images benchmark: making renditions of a large photograph, and a page that reads them
without opening an image (`python -m bench.images`, run.py)."""
