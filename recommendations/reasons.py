"""The reasons behind a link, stored as data (names.py) and told in words: in full for
moderators ("shares the artist Ai Weiwei and the rare tag porcelain; same section (Art)"), and
in a few words under each card for readers ("Also on Ai Weiwei")."""


def join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _named(names: list[str], singular: str, plural: str) -> str:
    return f"the {singular if len(names) == 1 else plural} {join_words(names)}"


def describe_reasons(reasons: dict) -> str:
    """'part of the same series (Letters from Beijing); shares the artist Ai Weiwei, the rare
    tag porcelain and the tag China; same section (Art)': what the score rests on, strongest
    first."""
    if not reasons:
        return ""
    rare = set(reasons.get("rare_tags") or ())
    tags = reasons.get("tags") or []
    shared = []
    for names, singular, plural in [
        (reasons.get("artists") or [], "artist", "artists"),
        (reasons.get("artworks") or [], "artwork", "artworks"),
        ([tag for tag in tags if tag in rare], "rare tag", "rare tags"),
        ([tag for tag in tags if tag not in rare], "tag", "tags"),
    ]:
        if names:
            shared.append(_named(names, singular, plural))
    parts = [f"part of the same series ({reasons['series']})"] if reasons.get("series") else []
    if shared:
        parts.append(f"shares {join_words(shared)}")
    if reasons.get("section"):
        parts.append(f"same section ({reasons['section']})")
    return "; ".join(parts)


def reader_note(kind: str, reasons: dict) -> str:
    """A few words under a card on why it is there: the strongest reason, or the editors'
    choice for a link a person added or pinned without one."""
    reasons = reasons or {}
    artists = reasons.get("artists") or []
    artworks = reasons.get("artworks") or []
    rare = reasons.get("rare_tags") or []
    tags = reasons.get("tags") or []
    if reasons.get("series"):
        return f"More from {reasons['series']}"
    if artists:
        return f"Also on {join_words(artists[:2])}"
    if artworks:
        return f"Also shows {artworks[0]}"
    if rare or tags:
        return f"Also tagged {join_words((rare or tags)[:2])}"
    if kind in ("pinned", "approved") and not reasons.get("section"):
        return "Chosen by the editors"
    if reasons.get("section"):
        return f"More from {reasons['section']}"
    return ""
