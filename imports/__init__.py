"""Importing museums' open collection data into artists and artworks (docs/import.md).

An app at the right of artworks (artists <- artworks <- imports): it writes both, nothing
imports it. `imports/tate/` reads Tate's data; the rest (fingerprints that keep editors'
changes, tags, slugs, batches, the summary) would serve another museum's data as well.
"""
