"""What one "You may also like" block shows, slot by slot, and the signed token that carries it
in the page: the click redirect and the impression beacon (recommendations/counting/) read
which link stood in which slot, where it came from and, during an experiment, which scoring
put it there, from the token alone. The token is signed (SECRET_KEY), so neither endpoint
takes an address or a count from the request: a token that was altered is refused, and the
redirect only ever goes to the path of a public article it names."""

from dataclasses import dataclass, field

from django.core import signing

SALT = "recommendations.block"

_KIND_CODES = {"pinned": "p", "approved": "a", "suggested": "s"}
_KINDS = {code: kind for kind, code in _KIND_CODES.items()}


@dataclass(frozen=True, slots=True)
class Slot:
    position: int  # 1 is the first slot
    target_id: int
    kind: str  # SlotKind: "pinned", "approved" or "suggested"
    team: str = ""  # Team "a" or "b" during an experiment; "" for pins and outside one
    reasons: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Block:
    source_id: int
    slots: tuple[Slot, ...]
    experiment_id: int | None = None

    def slot(self, position: int) -> Slot | None:
        if 1 <= position <= len(self.slots):
            return self.slots[position - 1]
        return None


def dump(block: Block) -> str:
    """The block as a signed, URL-safe token (no reasons: they are not needed to count)."""
    payload = [
        block.source_id,
        block.experiment_id or 0,
        [[slot.target_id, _KIND_CODES[slot.kind], slot.team] for slot in block.slots],
    ]
    # No timestamp (signing.dumps would add one): the same block is the same token, so a page
    # built again is the same page, byte for byte (and its ETag the same).
    return signing.Signer(salt=SALT).sign_object(payload, compress=True)


def load(token: str) -> Block | None:
    """The block a token carries, or None for a token that was not ours, altered or malformed."""
    try:
        source_id, experiment_id, rows = signing.Signer(salt=SALT).unsign_object(token)
        slots = tuple(
            Slot(position, int(target_id), _KINDS[kind], team)
            for position, (target_id, kind, team) in enumerate(rows, start=1)
            if team in ("", "a", "b")
        )
        if len(slots) != len(rows):
            return None
        return Block(int(source_id), slots, int(experiment_id) or None)
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        return None
