"""A search request's parameters (?q=, ?kind=, ?section=), each checked: anything else is
ignored rather than refused, so that an odd link still shows a search page."""

from dataclasses import dataclass

from django.http import QueryDict

from articles.models import Section
from search.models import SearchDocument
from search.terms import SearchTerms, clean_terms
from slugs.converters import is_slug, normalize

Kind = SearchDocument.Kind

# ?kind= values, as the filter offers them.
KINDS = {"articles": Kind.ARTICLE, "artists": Kind.ARTIST, "artworks": Kind.ARTWORK}
KIND_CHOICES = [("articles", "Articles"), ("artists", "Artists"), ("artworks", "Artworks")]
SECTION_SLUG_MAX = Section._meta.get_field("slug").max_length


@dataclass(frozen=True)
class SearchParams:
    terms: SearchTerms
    kind: str = ""  # a key of KINDS, or "" for everything
    section: str = ""  # a section's slug, or "" for every section

    @property
    def kinds(self) -> list[str]:
        """The kinds of document to search: articles only within a section."""
        kinds = [KINDS[self.kind]] if self.kind else list(Kind)
        if self.section:  # sections hold articles only
            kinds = [kind for kind in kinds if kind == Kind.ARTICLE]
        return kinds

    def as_query(self) -> dict[str, str | None]:
        """The cleaned parameters, for links to other pages of the results (a query cut to
        length stays cut; empty filters are left out)."""
        return {"q": self.terms.text, "kind": self.kind or None, "section": self.section or None}


def search_params(query: QueryDict) -> SearchParams:
    kind = query.get("kind", "")
    section = normalize(query.get("section", ""))  # as the section pages' addresses read it
    return SearchParams(
        terms=clean_terms(query.get("q")),
        kind=kind if kind in KINDS else "",
        section=section if is_slug(section) and len(section) <= SECTION_SLUG_MAX else "",
    )
