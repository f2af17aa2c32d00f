"""Whatever people type, the matcher answers without error, and every Mention points at the
words it says were written (property-based, generated text)."""

from hypothesis import given
from hypothesis import strategies as st

from featuring.matching import find_mentions
from featuring.texts import body_text
from tests.featuring.test_matching import CATALOGUE

NAMES = ["Ai Weiwei", "Weiwei’s", "HEPWORTH", "Sunflower Seeds", "J.M.W. Turner", "Picasso's"]
PIECES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(NAMES),
    st.sampled_from(["<p>", "</p>", "<em>", "</em>", '<a href="/">', "</a>", "<br>", "&amp;", "<"]),
)
TEXT = st.lists(PIECES, max_size=12).map(" ".join)


@given(title=TEXT, standfirst=TEXT, body=TEXT)
def test_mentions_point_at_what_was_written(title, standfirst, body):
    texts = {"title": title, "standfirst": standfirst, "body": body_text(body)}
    for mention in find_mentions(title, standfirst, body, catalogue=CATALOGUE):
        assert texts[mention.field][mention.start : mention.end] == mention.found
        assert mention.found and len(mention.sentence) <= 300
