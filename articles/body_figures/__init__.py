"""Figures placed in the article's body (issue 18).

The body holds figure nodes (richtext/figures.py: a reference to an artwork or an uploaded image
with its size, alt text, credit and caption, checked by the sanitizer). Each node has one
`ArticleFigure` row with `in_body=True`, its `position` the node's index among the body's nodes,
so that everything that reads an article's figures (page cache, search, the artworks' lists of
articles, pre-publish checks, revisions, JSON-LD) sees them as it sees the ordered ones:

- `nodes.py`: the rows a body's nodes mean, unsaved where they are new (what the live preview
  and the change form's checks show, and what `sync.py` writes);
- `sync.py`: after every save of the body, by any path, the rows are made to match its nodes;
- `render.py`: the body with each node written as the figure markup of the ordered figures.
"""
