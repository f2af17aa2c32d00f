"""What an import did: counts per kind of record, every skipped file with its reason, notes.
Printed at the end of the command and written as JSON (`as_dict`)."""

from collections import Counter
from dataclasses import asdict, dataclass, field

SHOWN_SKIPS = 20


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    # Records updated or unchanged in which at least one field an editor changed was kept.
    kept_editor_changes: int = 0


@dataclass(frozen=True)
class Skipped:
    kind: str  # "artist" or "artwork"
    file: str
    reason: str
    detail: str = ""


@dataclass
class ImportSummary:
    source: str
    dry_run: bool = False
    batch_size: int = 0
    started_at: str = ""
    seconds: float = 0.0
    artists: Counts = field(default_factory=Counts)
    artworks: Counts = field(default_factory=Counts)
    skipped: list[Skipped] = field(default_factory=list)
    notes: Counter = field(default_factory=Counter)

    def skip(self, kind: str, file: str, reason: str, detail: str = ""):
        self.skipped.append(Skipped(kind, file, reason, detail))
        self.counts(kind).skipped += 1

    def counts(self, kind: str) -> Counts:
        return self.artists if kind == "artist" else self.artworks

    def skipped_by_reason(self) -> dict[str, int]:
        return dict(Counter(skip.reason for skip in self.skipped).most_common())

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "batch_size": self.batch_size,
            "started_at": self.started_at,
            "seconds": round(self.seconds, 2),
            "artists": asdict(self.artists),
            "artworks": asdict(self.artworks),
            "skipped_by_reason": self.skipped_by_reason(),
            "notes": dict(self.notes.most_common()),
            "skipped": [asdict(skip) for skip in self.skipped],
        }

    def __str__(self):
        would = "would be " if self.dry_run else ""
        lines = [
            f"{'Dry run: nothing written. ' if self.dry_run else ''}"
            f"Tate import of {self.source} in {self.seconds:.1f} s."
        ]
        for label, counts in (("Artists", self.artists), ("Artworks", self.artworks)):
            lines.append(
                f"{label}: {counts.created:,} {would}created, {counts.updated:,} {would}updated, "
                f"{counts.unchanged:,} unchanged, {counts.skipped:,} skipped; "
                f"{counts.kept_editor_changes:,} with editors' changes kept."
            )
        if self.skipped:
            reasons = ", ".join(f"{reason} {n:,}" for reason, n in self.skipped_by_reason().items())
            lines.append(f"Skipped by reason: {reasons}.")
            for skip in self.skipped[:SHOWN_SKIPS]:
                detail = f" ({skip.detail})" if skip.detail else ""
                lines.append(f"  {skip.file}: {skip.reason}{detail}")
            if len(self.skipped) > SHOWN_SKIPS:
                lines.append(f"  ... and {len(self.skipped) - SHOWN_SKIPS:,} more in the report.")
        for note, n in self.notes.most_common():
            lines.append(f"Note: {note}: {n:,}.")
        return "\n".join(lines)
