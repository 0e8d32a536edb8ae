"""Load data folders: read each YAML file, validate it against its schema, structure records.

A broken record never hides the others: the file's schema errors are reported, the records they
touch are left out, and every other record of the file (and of the folder) is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cattrs import AttributeValidationNote, BaseValidationError, IterableValidationNote

from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.findings.paths import PathKey, format_path
from sanctions_tracker.reading.discovery import (
    Candidate,
    check_root,
    display_name,
    folder_name,
    identity,
    walk,
)
from sanctions_tracker.reading.yaml_reader import Limits, read_yaml
from sanctions_tracker.schema import KINDS, quick_check_for, validator_for
from sanctions_tracker.schema.messages import describe

from .converter import StatedValueError, converter, quick_converter
from .dataset import Dataset, Origin
from .records import (
    DesignationAction,
    ExportControlMeasure,
    ExportControlSeries,
    FieldValueError,
    Source,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["RECORD_LISTS", "default_paths", "load"]

#: For each kind of file: the top-level lists of records it may hold, and their record class.
RECORD_LISTS: dict[str, dict[str, type[Any]]] = {
    "designations": {"actions": DesignationAction},
    "export-controls": {"series": ExportControlSeries, "measures": ExportControlMeasure},
    "sources": {"sources": Source},
}


def default_paths() -> list[Path]:
    """The shipped data and source records."""
    from sanctions_tracker.schema.resources import bundled_dir  # noqa: PLC0415 (only needed without --data)

    return [bundled_dir("data"), bundled_dir("seeds")]


def _roots(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None) -> list[Path]:
    if path is None:
        return default_paths()
    if isinstance(path, (str, os.PathLike)):
        return [Path(path)]
    return [Path(p) for p in path]


def load(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *,
         limits: Limits | None = None, allow_empty: bool = False) -> Dataset:
    """Load every YAML file below ``path`` (a folder or file, or several) into one Dataset.

    With no path, loads the data and source records that ship with the tool. Each file is
    loaded once, however many of the paths reach it (``data`` and ``./data/``, a folder and a
    file in it). Problems in the files become ``dataset.findings``, and a path that holds no
    records is a ``no-data`` error unless ``allow_empty``. A path that does not exist or is
    neither a folder nor a .yaml/.yml file raises :class:`~sanctions_tracker.errors.InputError`,
    before any file is read.
    """
    roots = _roots(path)
    folders = [check_root(root) for root in roots]
    limits = limits or Limits()
    dataset = Dataset()
    # For each file loaded (by device and inode): whether it gave records or findings.
    loaded: dict[tuple[int, int], bool] = {}
    seen_roots: set[str] = set()
    for root, is_folder in zip(roots, folders, strict=True):
        real_root = os.path.realpath(root)
        if real_root in seen_roots:  # the same path again: nothing new, and no second no-data
            continue
        seen_roots.add(real_root)
        candidates = walk(root) if is_folder else iter([Candidate(root, key=identity(root))])
        gave_something = False
        for candidate in candidates:
            if candidate.refusal is not None:
                dataset.findings.append(candidate.refusal)
                dataset.unread[candidate.refusal.location.file] = None
                gave_something = True
                continue
            if candidate.key is not None and candidate.key in loaded:
                gave_something |= loaded[candidate.key]
                continue
            before = (len(dataset.origins), len(dataset.findings))
            _load_file(dataset, candidate.path, display_name(candidate.path), limits)
            gave = (len(dataset.origins), len(dataset.findings)) != before
            if candidate.key is not None:
                loaded[candidate.key] = gave
            gave_something |= gave
        if not gave_something and not allow_empty:
            dataset.findings.append(_no_data(root, is_folder=is_folder))
    return dataset


def _no_data(root: Path, *, is_folder: bool) -> Finding:
    what = ("this folder holds no YAML files (*.yaml, *.yml) with records" if is_folder
            else "this file holds no records")
    return Finding(
        "no-data", Severity.ERROR,
        f"{what}, so nothing was checked: check the --data path, or pass --allow-empty if "
        "no data is expected here",
        Location(folder_name(root) if is_folder else display_name(root)),
    )


def _left_out_id(item: Any) -> str | None:
    """The id of a record that could not be loaded, when it has a readable one."""
    record_id = item.get("id") if isinstance(item, dict) else None
    return record_id if isinstance(record_id, str) else None


def _load_file(dataset: Dataset, path: Path, name: str, limits: Limits) -> None:
    dataset.files[name] = path
    data, problems = read_yaml(path, name, limits)
    dataset.findings.extend(problems)
    if data is None:
        if any(p.code != "empty-file" for p in problems):  # an empty file holds nothing to miss
            dataset.unread[name] = None
        return
    kind = _kind_of(data, name, dataset.findings)
    if kind is None:
        dataset.unread[name] = None
        return
    broken = _schema_errors(data, kind, name, dataset.findings)
    if _WHOLE_FILE in broken:
        dataset.unread[name] = None
        return
    _load_records(dataset, data, kind, name, broken)


def _load_records(dataset: Dataset, data: dict[str, Any], kind: str, name: str,
                  broken: set[tuple[str, int]]) -> None:
    """Structure and add every record the schema let through; note the ones left out."""
    left_out: list[str | None] = []
    for list_name, cls in RECORD_LISTS[kind].items():
        for index, item in enumerate(data.get(list_name, ())):
            origin = Origin(name, (list_name, index))
            record = None
            if (list_name, index) not in broken:
                record = _structure(item, cls, origin, dataset.findings)
            if record is None:
                left_out.append(_left_out_id(item))
                continue
            duplicate = dataset.add(record, origin)
            if duplicate is not None:
                dataset.findings.append(duplicate)
    if left_out:
        known = [i for i in left_out if i is not None]
        dataset.unread[name] = tuple(known) if len(known) == len(left_out) else None


_WHOLE_FILE = ("*", -1)


def _schema_errors(
    data: Any, kind: str, name: str, findings: list[Finding]
) -> set[tuple[str, int]]:
    """Report schema errors; return the (list, index) of each broken record, or _WHOLE_FILE."""
    broken: set[tuple[str, int]] = set()
    if quick_check_for(kind)(data):
        return broken
    for error in validator_for(kind).iter_errors(data):
        where = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # Point at the unknown field itself, not at the start of its record.
            schema: Any = error.schema
            known = schema.get("properties", {})
            where += tuple(k for k in error.instance if k not in known)[:1]
        if len(where) >= 2 and isinstance(where[1], int):
            broken.add((str(where[0]), where[1]))
        else:
            broken.add(_WHOLE_FILE)  # the file's envelope is wrong: load none of it
        findings.append(Finding(
            "schema", Severity.ERROR, describe(error), Location(name, path=format_path(where)),
        ))
    return broken


def _kind_of(data: Any, name: str, findings: list[Finding]) -> str | None:
    kinds = ", ".join(KINDS)
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else f"the single value {data!r:.40}"
        findings.append(Finding(
            "not-a-mapping", Severity.ERROR,
            f"the file holds {found}; it must be a mapping that starts with `kind: ...` "
            f"({kinds})",
            Location(name, 1, 1),
        ))
        return None
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        what = "has no `kind:`" if kind is None else f"has kind {kind!r:.60}"
        findings.append(Finding(
            "unknown-kind", Severity.ERROR,
            f"the file {what}: add `kind:` with one of {kinds}",
            Location(name, path="$.kind" if kind is not None else "$"),
        ))
        return None
    return str(kind)


def _structure_errors(exc: BaseException, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    """Walk cattrs' nested exception groups down to (path, message) pairs."""
    if isinstance(exc, BaseValidationError):
        with_notes, without_notes = exc.group_exceptions()
        for inner, note in with_notes:
            step: tuple[str | int, ...] = ()
            if isinstance(note, AttributeValidationNote):
                step = (note.name,)
            elif isinstance(note, IterableValidationNote):
                step = (note.index,)
            yield from _structure_errors(inner, (*path, *step))
        for inner in without_notes:
            yield from _structure_errors(inner, path)
    elif isinstance(exc, FieldValueError):
        yield (*path, exc.field), str(exc)
    elif isinstance(exc, StatedValueError):
        yield (*path, "states", exc.key), str(exc)
    else:
        yield path, str(exc) or type(exc).__name__


def _structure(item: Any, cls: type[Any], origin: Origin, findings: list[Finding]) -> Any:
    try:
        return quick_converter.structure(item, cls)
    except (ValueError, TypeError, KeyError):
        pass  # structure again with details, to say where
    try:
        return converter.structure(item, cls)
    except (BaseValidationError, ValueError) as exc:
        for where, message in _structure_errors(exc, ()):
            findings.append(Finding(
                "invalid-value", Severity.ERROR, f"{format_path(where)}: {message}",
                origin.at(*where),
            ))
    return None
