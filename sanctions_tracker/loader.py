"""Load data folders: read each YAML file, validate it against its schema, structure records.

A broken record never hides the others: the file's schema errors are reported, the records they
touch are left out, and every other record of the file (and of the folder) is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cattrs import AttributeValidationNote, BaseValidationError, IterableValidationNote

from .converter import converter, quick_converter
from .dataset import Dataset, Origin
from .errors import InputError
from .findings import Finding, Location, Severity
from .records import (
    DesignationAction,
    ExportControlMeasure,
    ExportControlSeries,
    FieldValueError,
    Source,
)
from .schema_messages import describe
from .schemas import KINDS, quick_check_for, validator_for
from .yaml_reader import Limits, PathKey, format_path, read_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["RECORD_LISTS", "default_paths", "load", "yaml_files"]

#: For each kind of file: the top-level lists of records it may hold, and their record class.
RECORD_LISTS: dict[str, dict[str, type[Any]]] = {
    "designations": {"actions": DesignationAction},
    "export-controls": {"series": ExportControlSeries, "measures": ExportControlMeasure},
    "sources": {"sources": Source},
}
_SUFFIXES = (".yaml", ".yml")


def default_paths() -> list[Path]:
    """The shipped data and source records."""
    from ._resources import bundled_dir  # noqa: PLC0415 (only needed without --data)

    return [bundled_dir("data"), bundled_dir("seeds")]


def _display(path: Path) -> str:
    """The name users see for a file: relative to the working directory when it is below it."""
    try:
        name = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if name.startswith("..") else name


def yaml_files(root: Path) -> Iterator[tuple[Path, Finding | None]]:
    """The YAML files below ``root`` in a stable order, each with a finding if it is refused.

    A file reached through a symbolic link that leads outside ``root`` is refused: a data
    repository must not be able to make the tool read arbitrary files of the machine.
    """
    if root.is_file():
        yield root, None
        return
    top = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            if not name.endswith(_SUFFIXES) or name.startswith("."):
                continue
            path = Path(dirpath) / name
            real = path.resolve()
            if real != top and top not in real.parents:
                yield path, Finding(
                    "outside-data-folder", Severity.ERROR,
                    f"this file links to {real}, outside the data folder {root}: "
                    "copy the file into the folder instead of linking to it",
                    Location(_display(path)),
                )
            else:
                yield path, None


def load(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None, *,
         limits: Limits | None = None) -> Dataset:
    """Load every YAML file below ``path`` (a folder or file, or several) into one Dataset.

    With no path, loads the data and source records that ship with the tool. Problems in the
    files become ``dataset.findings``; only a path that does not exist raises
    :class:`~sanctions_tracker.errors.InputError`.
    """
    if path is None:
        roots = default_paths()
    elif isinstance(path, (str, os.PathLike)):
        roots = [Path(path)]
    else:
        roots = [Path(p) for p in path]
    limits = limits or Limits()
    dataset = Dataset()
    for root in roots:
        if not root.exists():
            raise InputError(f"{root}: no such file or folder")
        for file, refusal in yaml_files(root):
            if refusal is not None:
                dataset.findings.append(refusal)
                continue
            _load_file(dataset, file, _display(file), limits)
    return dataset


def _load_file(dataset: Dataset, path: Path, name: str, limits: Limits) -> None:
    dataset.files[name] = path
    data, problems = read_yaml(path, name, limits)
    dataset.findings.extend(problems)
    if data is None:
        return
    kind = _kind_of(data, name, dataset.findings)
    if kind is None:
        return
    broken = _schema_errors(data, kind, name, dataset.findings)
    if _WHOLE_FILE in broken:
        return
    for list_name, cls in RECORD_LISTS[kind].items():
        for index, item in enumerate(data.get(list_name, ())):
            if (list_name, index) in broken:
                continue
            origin = Origin(name, (list_name, index))
            record = _structure(item, cls, origin, dataset.findings)
            if record is not None:
                duplicate = dataset.add(record, origin)
                if duplicate is not None:
                    dataset.findings.append(duplicate)


_WHOLE_FILE = ("*", -1)


def _schema_errors(
    data: Any, kind: str, name: str, findings: list[Finding]
) -> set[tuple[str, int]]:
    """Report schema errors; return the (list, index) of each broken record, or _WHOLE_FILE."""
    broken: set[tuple[str, int]] = set()
    quick_check = quick_check_for(kind)
    if quick_check is not None and quick_check(data):
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
