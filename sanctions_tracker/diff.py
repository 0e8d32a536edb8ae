"""Compare two data folders record by record: added, removed, changed field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .converter import converter
from .totals import reconcile_totals

if TYPE_CHECKING:
    from .dataset import Dataset
    from .totals import Known

__all__ = ["Change", "DataDiff", "diff_datasets", "render_diff"]


@attrs.frozen
class Change:
    """One field of one record that differs: its dotted path and the old and new values."""

    record: str
    field: str
    old: Any
    new: Any


@attrs.frozen
class DataDiff:
    """What changed between two datasets, record ids sorted within each list."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]
    totals: tuple[Change, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "added": list(self.added), "removed": list(self.removed),
            "changed": [attrs.asdict(c) for c in self.changed],
            "totals": [attrs.asdict(c) for c in self.totals],
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


def diff_datasets(old: Dataset, new: Dataset) -> DataDiff:
    """Records added, removed and changed, and reconciled totals that moved."""
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
    return DataDiff(tuple(sorted(after.keys() - before.keys())),
                    tuple(sorted(before.keys() - after.keys())), tuple(changed), tuple(totals))


def _show(value: Any) -> str:
    if value is None:
        return "(absent)"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return repr(value)


def render_diff(diff: DataDiff) -> str:
    """The text form of a diff, one line per difference."""
    lines = [f"added    {rid}" for rid in diff.added]
    lines += [f"removed  {rid}" for rid in diff.removed]
    lines += [f"changed  {c.record}: {c.field}: {_show(c.old)} -> {_show(c.new)}"
              for c in diff.changed]
    lines += [f"total    {c.record}: {c.field}: {_show(c.old)} -> {_show(c.new)} (reconciled)"
              for c in diff.totals]
    if not lines:
        lines = ["no differences"]
    counts = (f"{len(diff.added)} added, {len(diff.removed)} removed, "
              f"{len({c.record for c in diff.changed})} changed")
    return "\n".join([*lines, counts]) + "\n"
