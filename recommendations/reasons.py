"""The reasons behind a score, stored as data and told in words for moderators."""


def join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def describe_reasons(reasons: dict) -> str:
    """'shares artist Ai Weiwei; tags China and human rights; same section (Art)'."""
    if not reasons:
        return ""
    parts = []
    for key, singular, plural in [
        ("artists", "artist", "artists"),
        ("artworks", "artwork", "artworks"),
        ("tags", "tag", "tags"),
    ]:
        names = reasons.get(key) or []
        if names:
            label = singular if len(names) == 1 else plural
            parts.append(f"{label} {join_words(names)}")
    text = "; ".join(parts)
    if text:
        text = f"shares {text}"
    if reasons.get("section"):
        text = (
            f"{text}; same section ({reasons['section']})"
            if text
            else (f"same section ({reasons['section']})")
        )
    return text
