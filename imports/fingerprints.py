"""How an import updates a record without undoing what an editor changed.

Each imported record keeps, in `import_fingerprints`, a short fingerprint (a hash) of every
value the import last wrote, field by field. On the next import, for each field:

- the record already holds the new value: nothing to write (the fingerprint is brought up to
  date if it differs, say when an editor typed what the source now says);
- it still holds what the import last wrote (its fingerprint matches): the editor has not
  touched it, so the new value is written;
- it holds something else: an editor changed it, and it is kept;
- the import never wrote that field (a field added to the import later): it is filled only
  when empty.

So an editor's change survives every later import, and a field the editor never touched
follows the source. Fingerprints rather than copies of the values: 16 characters a field,
whatever the value's length.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

EMPTY = ("", None, (), [])


def fingerprint(value) -> str:
    """The same for equal values, whatever their type in Python or in the database (a
    Decimal('533.00') read back equals the Decimal('533') written; tuples equal lists)."""
    canonical = repr(_plain(value))  # str, int, None and lists of them: a stable repr
    return hashlib.blake2b(canonical.encode(), digest_size=8).hexdigest()


def _plain(value):
    if isinstance(value, str):
        return str.__str__(value)  # a plain str: a choice (ArtworkArtist.Role.AFTER) is 'after'
    if isinstance(value, Decimal):
        return ["decimal", format(value.normalize(), "f")]
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


@dataclass
class Merge:
    """What to do to one existing record: `changes` to write, the `fingerprints` to store
    (written with the changes), the fields `kept` as an editor left them."""

    changes: dict = field(default_factory=dict)
    fingerprints: dict = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    stored: dict = field(default_factory=dict)

    @property
    def writes(self) -> bool:
        return bool(self.changes) or self.fingerprints != self.stored


def merge(*, current: dict, incoming: dict, stored: dict) -> Merge:
    """`current`: the record's values now; `incoming`: the source's; `stored`: the
    fingerprints the import last wrote. Values are compared by fingerprint."""
    result = Merge(fingerprints=dict(stored), stored=stored)
    for name, new in incoming.items():
        now, fresh, last = fingerprint(current[name]), fingerprint(new), stored.get(name)
        if now == fresh:
            result.fingerprints[name] = fresh
        elif now == last or (last is None and current[name] in EMPTY):
            result.changes[name] = new
            result.fingerprints[name] = fresh
        else:
            result.kept.append(name)
    return result


def fingerprints_of(values: dict) -> dict:
    return {name: fingerprint(value) for name, value in values.items()}
