"""The loaded data: typed records by kind and id, where each came from, and what loading found."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

import attrs

from sanctions_tracker.findings import Finding, Location, Severity
from sanctions_tracker.findings.paths import PathKey, format_path, parse_path
from sanctions_tracker.reading.yaml_reader import locate

from .records import DesignationAction, ExportControlMeasure, ExportControlSeries, Source

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .records import Evidence

__all__ = ["Dataset", "Origin", "Record", "resolve_locations"]

Record = Union[Source, DesignationAction, ExportControlSeries, ExportControlMeasure]  # noqa: UP007


@attrs.frozen
class Origin:
    """Where a record was read from: the file (as shown to users and on disk) and its JSON path."""

    file: str
    path: PathKey

    def at(self, *parts: str | int) -> Location:
        """A location inside this record; line and column are filled in by resolve_locations."""
        return Location(self.file, path=format_path((*self.path, *parts)))


@attrs.define
class Dataset:
    """Every record of a data folder, by id, with the findings of loading it.

    Records are kept in file order within each kind. ``findings`` holds what reading and schema
    validation found; checks that need the whole dataset (evidence, reconciliation) return their
    own findings and do not add them here.
    """

    sources: dict[str, Source] = attrs.Factory(dict)
    actions: dict[str, DesignationAction] = attrs.Factory(dict)
    series: dict[str, ExportControlSeries] = attrs.Factory(dict)
    measures: dict[str, ExportControlMeasure] = attrs.Factory(dict)
    origins: dict[str, Origin] = attrs.Factory(dict)
    findings: list[Finding] = attrs.Factory(list)
    files: dict[str, Path] = attrs.Factory(dict)
    #: Files (by the name users see) that could not be loaded whole: the ids of the records left
    #: out, or None when what the file holds is not known (it could not be read or parsed, or a
    #: record left out has no readable id). ``diff`` must not call such records removed.
    unread: dict[str, tuple[str, ...] | None] = attrs.Factory(dict)

    def get(self, record_id: str) -> Record:
        """The record with this id, whatever its kind; KeyError if there is none."""
        for table in (self.actions, self.measures, self.series, self.sources):
            if record_id in table:
                return table[record_id]
        raise KeyError(record_id)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.origins

    def at(self, record_id: str, *parts: str | int) -> Location:
        """A location inside the record ``record_id`` (line filled in later)."""
        return self.origins[record_id].at(*parts)

    def add(self, record: Record, origin: Origin) -> Finding | None:
        """Add a record; if its id is taken, keep the first and return a duplicate-id finding."""
        first = self.origins.get(record.id)
        if first is not None:
            return Finding(
                "duplicate-id", Severity.ERROR,
                f"id {record.id!r} is already used by the record at {first.file} "
                f"{format_path(first.path)}: ids must be unique across all files",
                origin.at("id"), related=(first.at("id"),),
            )
        self.origins[record.id] = origin
        table = _TABLES[type(record)]
        getattr(self, table)[record.id] = record
        return None

    def figure_records(self) -> list[DesignationAction | ExportControlMeasure]:
        """The records that state figures and carry evidence: actions, then measures."""
        return [*self.actions.values(), *self.measures.values()]

    def all_evidence(self) -> Iterator[
            tuple[DesignationAction | ExportControlMeasure, tuple[str | int, ...], Evidence]]:
        """Every evidence item with its record and its path inside the record.

        A record's own evidence is at ``("evidence", i)``; a subject's at
        ``("subjects", s, "evidence", i)``: rules about sources (references, citations, list
        entries) hold for both.
        """
        for record in self.figure_records():
            for index, item in enumerate(record.evidence):
                yield record, ("evidence", index), item
            if isinstance(record, DesignationAction):
                for s_index, subject in enumerate(record.subjects):
                    for index, item in enumerate(subject.evidence):
                        yield record, ("subjects", s_index, "evidence", index), item

    def measures_of(self, series_id: str) -> list[ExportControlMeasure]:
        """The measures of one series by date (in force where known, else announced), ties by id.

        File order never decides: the reconciliation orders measures of one day by their totals
        (see :mod:`sanctions_tracker.totals`).
        """
        found = [m for m in self.measures.values() if m.series == series_id]
        return sorted(found, key=lambda m: (m.in_force, m.announced, m.id))


_TABLES = {
    Source: "sources",
    DesignationAction: "actions",
    ExportControlSeries: "series",
    ExportControlMeasure: "measures",
}

def resolve_locations(findings: Iterable[Finding], files: dict[str, Path]) -> list[Finding]:
    """Fill in line and column of every finding that has only a JSON path.

    Each file with such findings is parsed once more, here; valid data never pays for positions.
    """
    findings = list(findings)
    wanted: dict[str, set[PathKey]] = {}
    for f in findings:
        for loc in (f.location, *f.related):
            if loc.line is None and loc.path and loc.file in files:
                wanted.setdefault(loc.file, set()).add(parse_path(loc.path))
    marks = {name: locate(files[name], paths) for name, paths in wanted.items()}

    def fill(loc: Location) -> Location:
        if loc.line is not None or loc.file not in marks:
            return loc
        mark = marks[loc.file].get(parse_path(loc.path))
        return loc if mark is None else attrs.evolve(loc, line=mark[0], column=mark[1])

    return [
        attrs.evolve(f, location=fill(f.location), related=tuple(fill(r) for r in f.related))
        for f in findings
    ]
