"""Demo content for a fresh Newsroom: the publisher's settings, sections, writers, artists,
artworks with drawn pictures, and articles, written by `manage.py seed_demo`; and the demo
logins `make run` prints (`manage.py demo_login`). The texts are YAML files in content/, read by
content.py and written by loader.py; the pictures are drawn in Python (pictures/)."""
