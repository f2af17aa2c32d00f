"""Tate's collection data (https://github.com/tategallery/collection, CC0): reading the files
(reader), each file to a record (parsing, dates, dimensions), records to the database
(writers)."""
