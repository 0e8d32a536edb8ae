"""What changed between two snapshots of one list: entries added, removed, changed field by field.

Entries are matched by their stable id (OFAC ent_num, UN reference number, ...), never by name:
a renamed subject is a change, not a removal and an addition. Each field is compared as a set of
canonical values, so a change says which values went and which came.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker.errors import UsageError
from sanctions_tracker.findings import Finding, Location, Severity

from .gc_pause import paused_gc
from .model import Entry, Snapshot

if TYPE_CHECKING:
    from collections.abc import Callable

    from .model import Address, Country, DateValue, Identifier, Name

__all__ = ["COMPARED_FIELDS", "EntryChange", "FieldChange", "ListDiff", "diff"]


def _date(value: DateValue) -> str:
    span = value.start if value.end is None else f"{value.start}..{value.end}"
    return f"{value.precision.value}:{span or value.raw}"


def _name(name: Name) -> str:
    extra = "".join(f" [{x}]" for x in (name.quality, name.script) if x)
    return f"{name.kind.value}: {name.text}{extra}"


def _identifier(ident: Identifier) -> str:
    country = f" ({ident.country})" if ident.country else ""
    return f"{ident.scheme.value}: {ident.value}{country}"


def _country(place: Country) -> str:
    return place.code or place.raw


def _address(address: Address) -> str:
    return address.full


# The fields compared, each as a function giving its canonical values (``line`` is not one).
COMPARED_FIELDS: dict[str, Callable[[Entry], tuple[str, ...]]] = {
    "subject": lambda e: (e.subject.value,),
    "names": lambda e: tuple(_name(n) for n in e.names),
    "identifiers": lambda e: tuple(_identifier(i) for i in e.identifiers),
    "programs": lambda e: e.programs,
    "listing_date": lambda e: (_date(e.listing_date),) if e.listing_date else (),
    "nationalities": lambda e: tuple(_country(c) for c in e.nationalities),
    "birth_dates": lambda e: tuple(_date(d) for d in e.birth_dates),
    "addresses": lambda e: tuple(_address(a) for a in e.addresses),
    "notes": lambda e: e.notes,
}


@attrs.frozen
class FieldChange:
    """One field of an entry that differs: the values that went and the values that came."""

    field: str
    removed: tuple[str, ...]
    added: tuple[str, ...]


@attrs.frozen
class EntryChange:
    """An entry present in both snapshots whose fields differ."""

    id: str
    old: Entry
    new: Entry
    fields: tuple[FieldChange, ...]


@attrs.frozen
class ListDiff:
    """The differences between two snapshots of one list, ``old`` to ``new``.

    ``findings`` are about the comparison itself (two snapshots that share few ids); each
    snapshot's own findings stay on it.
    """

    old: Snapshot
    new: Snapshot
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    changed: tuple[EntryChange, ...]
    findings: tuple[Finding, ...] = ()

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        """The old snapshot's findings, the new one's, then the comparison's."""
        return (*self.old.findings, *self.new.findings, *self.findings)

    def by_programme(self) -> dict[tuple[str, str], dict[str, int]]:
        """Counts of added, removed and changed entries by (programme, subject type).

        An entry under two programmes counts under each; one under none, under ``-``.
        """
        groups: dict[tuple[str, str], Counter[str]] = {}
        for kind, entries in (("added", self.added), ("removed", self.removed),
                              ("changed", tuple(c.new for c in self.changed))):
            for entry in entries:
                for programme in entry.programs or ("-",):
                    key = (programme, entry.subject.value)
                    groups.setdefault(key, Counter())[kind] += 1
        return {key: {k: counts[k] for k in ("added", "removed", "changed")}
                for key, counts in sorted(groups.items())}


def _field_changes(old: Entry, new: Entry) -> tuple[FieldChange, ...]:
    changes: list[FieldChange] = []
    for field, values in COMPARED_FIELDS.items():
        before, after = values(old), values(new)
        if before == after:
            continue
        went = tuple(v for v in before if v not in set(after))
        came = tuple(v for v in after if v not in set(before))
        if not went and not came:  # the same values in another order or repeated
            went, came = before, after
        changes.append(FieldChange(field=field, removed=went, added=came))
    return tuple(changes)


def diff(old: Snapshot, new: Snapshot) -> ListDiff:
    """Compare two snapshots of the same list by entry id.

    Raises UsageError when they are not of the same list (another authority or list name, or
    FtM entities of datasets in common to neither): their ids would not correspond, and every
    entry would look added and removed; and when either is an FtM delta file, whose entries
    are only the changes (every other entry would look removed).
    """
    if (old.authority, old.list_name) != (new.authority, new.list_name):
        raise UsageError(
            f"{old.source_file} is {old.authority} {old.list_name!r} but {new.source_file} is "
            f"{new.authority} {new.list_name!r}: compare two snapshots of the same list"
        )
    for snapshot in (old, new):
        if snapshot.delta:
            raise UsageError(
                f"{snapshot.source_file} is an FtM delta file (changes, not a whole list): "
                "compare two full exports (entities.ftm.json) of the same list"
            )
    if old.datasets and new.datasets and (not set(old.datasets) & set(new.datasets)
                                          or ((old.scope or new.scope) and old.scope != new.scope)):
        raise UsageError(
            f"{old.source_file} ({_datasets(old)}) and {new.source_file} ({_datasets(new)}) "
            "are not the same list: compare two exports of the same dataset"
        )
    with paused_gc():
        return _diff(old, new)


def _datasets(snapshot: Snapshot) -> str:
    if snapshot.scope:
        return f"entities of {', '.join(snapshot.scope)}"
    shown = ", ".join(snapshot.datasets[:5])
    more = f" and {len(snapshot.datasets) - 5} more" if len(snapshot.datasets) > 5 else ""
    return f"entities of datasets {shown}{more}"


def _diff(old: Snapshot, new: Snapshot) -> ListDiff:
    before = {e.id: e for e in old.entries}
    after = {e.id: e for e in new.entries}
    added = tuple(e for key, e in after.items() if key not in before)
    removed = tuple(e for key, e in before.items() if key not in after)
    changed: list[EntryChange] = []
    for key, entry in after.items():
        earlier = before.get(key)
        if earlier is None or earlier == entry:
            continue
        fields = _field_changes(earlier, entry)
        if fields:  # else only how a value is written changed (31.7.2014 -> 31.07.2014)
            changed.append(EntryChange(id=key, old=earlier, new=entry, fields=fields))
    return ListDiff(old=old, new=new, added=added, removed=removed, changed=tuple(changed),
                    findings=_few_shared_ids(old, new, len(before.keys() & after.keys())))


def _few_shared_ids(old: Snapshot, new: Snapshot, shared: int) -> tuple[Finding, ...]:
    """A warning when under half of the smaller snapshot's ids are in both.

    Two versions of one list share nearly all ids (the SDN a week apart 99.9%, three years
    apart 90%); the OFAC SDN and consolidated lists share 14%, and are told apart only by their
    file names, which a renamed file defeats.
    """
    smaller = min(old.read, new.read)
    if not smaller or shared * 2 >= smaller:
        return ()
    return (Finding(
        "list-diff-few-shared-ids", Severity.WARNING,
        f"only {shared:,} of the {smaller:,} entry ids of the smaller snapshot are in both "
        f"({shared / smaller:.0%}): {old.source_file} and {new.source_file} may be two lists, "
        "not two versions of one (was a file renamed?)",
        Location(new.source_file, None),
    ),)
