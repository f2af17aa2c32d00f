"""Whatever people write (Hypothesis): reading addresses never fails, a key is always an
absolute http(s) address, and replacing in text changes nothing but the link's addresses."""

from hypothesis import given
from hypothesis import strategies as st

from links import addresses

URLISH = st.one_of(
    st.text(),
    st.builds(
        lambda scheme, rest: f"{scheme}{rest}",
        st.sampled_from(["http://", "https://", "HTTPS://", "javascript:", "//", ""]),
        st.text(),
    ),
)


@given(URLISH)
def test_any_address_gives_a_key_or_none(written):
    key = addresses.outbound(written, hosts=set())
    assert key is None or key.startswith(("http://", "https://"))
    if key is not None:
        assert addresses.outbound(key, hosts=set()) == key  # a key is its own key
        assert addresses.host_of(key)


@given(st.text())
def test_any_text_is_read_and_left_alone_when_it_has_no_such_link(text):
    for url in addresses.in_text(text) + addresses.in_html(text):
        assert isinstance(url, str)
    assert addresses.replace_in_text(text, "https://absent.invalid/", "https://x.example/") == text
    assert addresses.replace_in_html(text, "https://absent.invalid/", "https://x.example/") == text
