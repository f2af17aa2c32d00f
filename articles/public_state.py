"""Where an article stands for readers, as the publishing services compare it before and after
a save and as `article_public_state_changed` carries it."""

from dataclasses import dataclass
from datetime import datetime

from articles.querysets import Status, is_live


@dataclass(frozen=True)
class PublicState:
    status: str
    published_at: datetime | None
    section_id: int | None
    slug: str
    # By the public rule (querysets.is_live), at the moment of the change: computed once.
    public: bool

    @classmethod
    def of(cls, article, *, now: datetime) -> "PublicState":
        """The state of the article in hand (as saved, or as about to be deleted)."""
        return cls.from_row(
            article.status, article.published_at, article.section_id, article.slug, now=now
        )

    @classmethod
    def from_row(cls, status, published_at, section_id, slug, *, now: datetime) -> "PublicState":
        return cls(status, published_at, section_id, slug, is_live(status, published_at, now))

    @property
    def scheduled(self) -> bool:
        return self.status == Status.PUBLISHED and not self.public

    def same_place(self, other: "PublicState") -> bool:
        """Same status, publication time and section: in the same lists, in the same order."""
        return (self.status, self.published_at, self.section_id) == (
            other.status,
            other.published_at,
            other.section_id,
        )
