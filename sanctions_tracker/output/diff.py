"""Compare two data folders record by record: added, removed, changed field by field.

A record that one side could not load is neither added nor removed: its file is listed as
unreadable, and the record as not compared, so that a syntax error never reads as a deletion.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import attrs

from sanctions_tracker.checks.totals import reconcile_totals
from sanctions_tracker.model.converter import converter
from sanctions_tracker.model.records import IDENTIFIER_FIELDS

if TYPE_CHECKING:
    from sanctions_tracker.checks.totals import Known
    from sanctions_tracker.model.dataset import Dataset

__all__ = ["Change", "DataDiff", "NotCompared", "Unreadable", "diff_datasets", "render_diff"]

SIDES = ("old", "new")


@attrs.frozen
class Change:
    """One field of one record that differs: its dotted path and the old and new values."""

    record: str
    field: str
    old: Any
    new: Any


@attrs.frozen
class Unreadable:
    """A file of one side that could not be loaded whole.

    ``records`` are the ids of the records it left out, or None when what the file holds is
    not known (it could not be read or parsed).
    """

    side: str
    file: str
    records: tuple[str, ...] | None


@attrs.frozen
class NotCompared:
    """A record found on one side only, whose counterpart may be in an unreadable file."""

    record: str
    found_in: str
    unreadable_file: str

    @property
    def other_side(self) -> str:
        """The side whose file could not be read."""
        return SIDES[SIDES.index(self.found_in) - 1]


@attrs.frozen
class DataDiff:
    """What changed between two datasets, record ids sorted within each list.

    ``complete`` is False when a side has unreadable files: records that might be in them are
    in ``not_compared``, not in ``added`` or ``removed``.
    """

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]
    totals: tuple[Change, ...]
    unreadable: tuple[Unreadable, ...] = ()
    not_compared: tuple[NotCompared, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether both sides were read whole."""
        return not self.unreadable

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "complete": self.complete,
            "added": list(self.added), "removed": list(self.removed),
            "changed": [attrs.asdict(c) for c in self.changed],
            "totals": [attrs.asdict(c) for c in self.totals],
            "unreadable": [
                {"side": u.side, "file": u.file,
                 "records": None if u.records is None else list(u.records)}
                for u in self.unreadable
            ],
            "not_compared": [attrs.asdict(n) for n in self.not_compared],
        }


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, inner in value.items():
            out.update(_flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, list):
        out = {}
        for index, inner in enumerate(value):
            out.update(_flatten(inner, f"{prefix}[{index}]"))
        return out or {prefix: []}
    return {prefix: value}


def _records(dataset: Dataset) -> dict[str, dict[str, Any]]:
    return {rid: _flatten(converter.unstructure(dataset.get(rid))) for rid in dataset.origins}


def _value(known: Known | None) -> int | None:
    return None if known is None else known.value


def _relative(name: str, root: str | os.PathLike[str] | None) -> str:
    """A file's name relative to its side's folder, so that the two sides' files match."""
    if root is None:
        return name
    relative = os.path.relpath(name, root)
    return relative + os.sep if name.endswith(os.sep) else relative


def _unreadable_file(record_file: str, record_id: str, other: Dataset,
                     roots: tuple[str | os.PathLike[str] | None, ...]) -> str | None:
    """The file of ``other`` that may hold ``record_id``, when that file could not be read.

    That is a file that left the record out by id; else any file of ``other`` whose content is
    not known (it could not be read or parsed), wherever it is: a record may move to another
    file in the same commit that breaks it, so a renamed file with a syntax error may hold it.
    The file (or folder) at the same place as ``record_file`` is named first. Only when every
    unread file of ``other`` is known to leave out other records is the record not there (None).
    """
    for name, ids in other.unread.items():
        if ids is not None and record_id in ids:
            return name
    unknown = sorted(name for name, ids in other.unread.items() if ids is None)
    here = _relative(record_file, roots[0])
    for name in unknown:
        there = _relative(name, roots[1])
        if there == here or (there.endswith(os.sep) and here.startswith(there)):
            return name
    return unknown[0] if unknown else None


def _one_sided(ids: set[str], side: Dataset, other: Dataset, found_in: str,
               roots: tuple[str | os.PathLike[str] | None, ...]
               ) -> tuple[tuple[str, ...], list[NotCompared]]:
    """Split ids found on one side only into real differences and ones not compared."""
    real, unknown = [], []
    for rid in sorted(ids):
        file = _unreadable_file(side.origins[rid].file, rid, other, roots)
        if file is None:
            real.append(rid)
        else:
            unknown.append(NotCompared(rid, found_in, file))
    return tuple(real), unknown


def diff_datasets(old: Dataset, new: Dataset, *,
                  old_root: str | os.PathLike[str] | None = None,
                  new_root: str | os.PathLike[str] | None = None) -> DataDiff:
    """Records added, removed and changed, reconciled totals that moved, and unread files.

    ``old_root`` and ``new_root`` are the folders the datasets were loaded from: a file of one
    side is matched with the file at the same place in the other. Without them, files are
    matched by the names their findings show.
    """
    old_totals, new_totals = reconcile_totals(old)[1], reconcile_totals(new)[1]
    before, after = _records(old), _records(new)
    changed = []
    for rid in sorted(before.keys() & after.keys()):
        a, b = before[rid], after[rid]
        changed += [Change(rid, key, a.get(key), b.get(key))
                    for key in sorted(a.keys() | b.keys()) if a.get(key) != b.get(key)]
    totals = []
    for mid in sorted(old_totals.keys() & new_totals.keys()):
        for name in ("total_before", "total_after"):
            x = _value(getattr(old_totals[mid], name))
            y = _value(getattr(new_totals[mid], name))
            if x != y:
                totals.append(Change(mid, name, x, y))
    added, added_unknown = _one_sided(after.keys() - before.keys(), new, old, "new",
                                      (new_root, old_root))
    removed, removed_unknown = _one_sided(before.keys() - after.keys(), old, new, "old",
                                          (old_root, new_root))
    unreadable = tuple(
        Unreadable(side, name, ids)
        for side, dataset in zip(SIDES, (old, new), strict=True)
        for name, ids in sorted(dataset.unread.items())
    )
    return DataDiff(added, removed, tuple(changed), tuple(totals), unreadable,
                    tuple(sorted([*removed_unknown, *added_unknown],
                                 key=lambda n: (n.record, n.found_in))))


def _show(value: Any, field: str = "") -> str:
    if value is None:
        return "(absent)"
    if isinstance(value, int) and not isinstance(value, bool):
        identifier = field.rsplit(".", 1)[-1] in IDENTIFIER_FIELDS
        return str(value) if identifier else f"{value:,}"
    return repr(value)


def _unreadable_line(item: Unreadable) -> str:
    if item.records is None:
        return f"unread   {item.side}: {item.file}: the file could not be read"
    return (f"unread   {item.side}: {item.file}: could not load "
            f"{', '.join(item.records)}")


def render_diff(diff: DataDiff) -> str:
    """The text form of a diff, one line per difference; unread files and records marked."""
    lines = [_unreadable_line(u) for u in diff.unreadable]
    lines += [f"added    {rid}" for rid in diff.added]
    lines += [f"removed  {rid}" for rid in diff.removed]
    left_out = {(u.side, u.file) for u in diff.unreadable if u.records is not None}
    lines += [f"unknown  {n.record}: only in the {n.found_in} data; " + (
                  f"{n.unreadable_file} has it, but it could not be loaded"
                  if (n.other_side, n.unreadable_file) in left_out
                  else f"{n.unreadable_file} could not be read, so it may be there")
              for n in diff.not_compared]
    lines += [f"changed  {c.record}: {c.field}: {_show(c.old, c.field)} -> "
              f"{_show(c.new, c.field)}" for c in diff.changed]
    lines += [f"total    {c.record}: {c.field}: {_show(c.old)} -> {_show(c.new)} (reconciled)"
              for c in diff.totals]
    if not lines:
        lines = ["no differences"]
    counts = (f"{len(diff.added)} added, {len(diff.removed)} removed, "
              f"{len({c.record for c in diff.changed})} changed")
    if not diff.complete:
        files = len(diff.unreadable)
        counts += (f", {len(diff.not_compared)} not compared: INCOMPLETE, {files} "
                   f"file{'s' if files != 1 else ''} could not be read (run `sanctions-tracker "
                   "check` on each side to see why)")
    return "\n".join([*lines, counts]) + "\n"
