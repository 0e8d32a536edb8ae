"""The ``lookup`` and ``crossref`` commands: who is this subject, and who else lists it.

Registered by the main CLI with :func:`add_parser`; :func:`run` returns the exit status (0:
both commands report what they find, matches or none). Bad options, a list or data path that
does not exist and unreadable files are raised as the package's errors, which the main CLI
turns into one line and exit 2.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError, UsageError
from sanctions_tracker.lists.model import SubjectType

from .crossref import crossref, crossref_csv, crossref_document, crossref_text
from .index import DEFAULT_THRESHOLD
from .lookup import Query, lookup
from .report import CSV_FIELDS, match_row, result_document, result_text
from .sources import LISTS_ENV, build_index, list_paths, read_lists

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sanctions_tracker.model.dataset import Dataset

    from .index import NameIndex

__all__ = ["LONGEST_QUERY", "add_parser", "run"]

# Longer lines are refused, whatever limit the csv module was given by another import (its
# default, 131,072, made a longer field end the program with exit 70).
LONGEST_QUERY = 10_000
_SUBJECTS = (SubjectType.VESSEL.value, SubjectType.ENTITY.value, SubjectType.INDIVIDUAL.value)


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a score: write a number from 0 to 1")
    return value


def _limit(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a count: write a whole number >= 1")
    return int(text)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lookup`` and ``crossref`` to the main CLI."""
    sources = argparse.ArgumentParser(add_help=False)
    sources.add_argument(
        "--lists", type=Path, nargs="+", action="extend", metavar="PATH",
        help=f"official list files or folders of them (default: ${LISTS_ENV}; without "
             "either, only the curated data)")
    sources.add_argument("--data", type=Path, action="append", metavar="PATH",
                         help="folder or file of curated YAML data (default: the shipped data)")
    sources.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD,
                         metavar="SCORE",
                         help=f"lowest score of a name match, 0 to 1 (default {DEFAULT_THRESHOLD})")
    look = commands.add_parser(
        "lookup", parents=[sources],
        help="find a subject (name, IMO number, MMSI or entry id) in the curated data and the "
             "official lists, saying how each match matched")
    look.add_argument("query", nargs="?", metavar="QUERY",
                      help="a name, an IMO number (9003550, 'IMO 9003550'), an MMSI or an entry id")
    look.add_argument("--batch", type=Path, metavar="FILE",
                      help="screen every query of FILE: one per line, or a CSV with a name column "
                           "(and optional type, imo, country, birth_date columns)")
    look.add_argument("--limit", type=_limit, default=10, metavar="N",
                      help="at most N matches a query (default 10)")
    look.add_argument("--type", choices=_SUBJECTS, dest="subject",
                      help="only subjects of this type")
    look.add_argument("--format", choices=("text", "json", "csv"), default="text",
                      help="text, JSON (JSON lines with --batch) or CSV (one row per match)")
    cross = commands.add_parser(
        "crossref", parents=[sources],
        help="for each curated subject, the official lists that carry it: by identifier first, "
             "then by name")
    cross.add_argument("--format", choices=("text", "json", "csv"), default="text")
    cross.add_argument("--entries", type=Path, metavar="FILE",
                       help="cross-reference every entry of this list file instead of the "
                            "curated subjects (against the other --lists)")


def _dataset(args: argparse.Namespace) -> Dataset:
    from sanctions_tracker.model.load import load  # noqa: PLC0415 (keep --help fast)

    for path in args.data or ():
        if not path.exists():
            raise UsageError(f"--data {path}: no such file or folder: pass --data with a folder "
                             "of YAML data")
    return load(args.data)


def _index(args: argparse.Namespace) -> NameIndex:
    return build_index(read_lists(list_paths(args.lists)), _dataset(args))


def run(args: argparse.Namespace) -> int:
    """Run ``lookup`` or ``crossref``; the exit status."""
    if args.command == "crossref":
        return _crossref(args)
    if (args.query is None) == (args.batch is None):
        raise UsageError("lookup: give a QUERY or --batch FILE (one of the two)")
    index = _index(args)
    if args.batch is not None:
        return _batch(args, index)
    result = lookup(index, Query(args.query, subject=args.subject), threshold=args.threshold,
                    limit=args.limit)
    if args.format == "json":
        print(json.dumps(result_document(result), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(match_row(result.query.text, m) for m in result.matches)
    else:
        print(result_text(result))
    return 0


def batch_queries(path: Path) -> list[Query]:
    """The queries of a batch file: a CSV with a ``name`` column, or one query a line.

    InputError names the file (and line) when it cannot be read or a row has no name.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise InputError(f"{path}: cannot read the batch file ({reason}): check the path") from None
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if len(line) > LONGEST_QUERY:
            raise InputError(f"{path}:{number}: the line is {len(line):,} characters long, more "
                             f"than a query may be ({LONGEST_QUERY:,}): a query is a name, not a "
                             "document; check the file")
    delimiter = _delimiter(path, lines[:1])
    if delimiter is None:
        return [Query(line.strip()) for line in lines if line.strip()]
    queries = []
    for number, row in _rows(path, text, delimiter):
        name = (row.get("name") or "").strip()
        imo = (row.get("imo") or "").strip() or None
        if not name and not imo:
            raise InputError(f"{path}:{number}: the row has no name (nor imo): fill it in or "
                             "remove the row")
        subject = (row.get("type") or "").strip().casefold() or None
        if subject is not None and subject not in _SUBJECTS:
            raise InputError(f"{path}:{number}: type {subject!r} is not one of "
                             f"{', '.join(_SUBJECTS)}")
        queries.append(Query(name or imo or "", subject=subject, imo=imo,
                             country=(row.get("country") or "").strip() or None,
                             birth_date=(row.get("birth_date") or "").strip() or None))
    return queries


#: Field separators of a batch table: commas, and the semicolons and tabs of spreadsheets set
#: to locales that write decimal commas.
_DELIMITERS = (",", ";", "\t")


def _delimiter(path: Path, first: list[str]) -> str | None:
    """The separator of a batch table whose header has a ``name`` column, or None for a list.

    A ``name;type`` header read as one comma field would make every row one query, header
    included, and find nothing: a screening that silently misses is the worst answer.
    """
    for delimiter in _DELIMITERS:
        try:
            # Not strict: a plain list of names may start with a lone quote; the CSV rows are.
            header = next(csv.reader(first, delimiter=delimiter), []) if first else []
        except csv.Error as exc:
            raise InputError(f"{path}:1: {_csv_reason(exc)}") from None
        if "name" in [h.strip().casefold() for h in header]:
            return delimiter
    return None


def _rows(path: Path, text: str, delimiter: str = ",") -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a batch CSV with the line each starts on.

    Strict: an unterminated quote would otherwise swallow the rows after it into one query,
    silently; a field past the csv module's limit would end the program.
    """
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    number = 1
    try:
        reader.fieldnames = [f.strip().casefold() for f in reader.fieldnames or ()]
        number = reader.line_num + 1
        for row in reader:
            yield number, row
            number = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path}:{number}: {_csv_reason(exc)}") from None


def _csv_reason(exc: csv.Error) -> str:
    reason = str(exc)
    if "field limit" in reason:
        return (f"a field is longer than {csv.field_size_limit():,} characters: a query is a "
                "name, not a document; check the file")
    if "unexpected end of data" in reason:
        return ("a quoted field is not closed before the end of the file: close the quote "
                '("...") or remove it')
    return f"not valid CSV ({reason}): check the quotes on this line"


def _batch(args: argparse.Namespace, index: NameIndex) -> int:
    queries = batch_queries(args.batch)
    progress = sys.stderr.isatty()
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
    for number, query in enumerate(queries, 1):
        result = lookup(index, query if args.subject is None else Query(
            query.text, args.subject, query.imo, query.country, query.birth_date),
            threshold=args.threshold, limit=args.limit)
        if writer is not None:
            rows = [match_row(query.text, m) for m in result.matches]
            writer.writerows(rows or [dict.fromkeys(CSV_FIELDS, "") | {"query": query.text}])
        elif args.format == "json":
            print(json.dumps(result_document(result), ensure_ascii=False))
        else:
            print(result_text(result), end="\n\n")
        if progress:
            print(f"\r{number:,}/{len(queries):,} queries", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    return 0


def _crossref(args: argparse.Namespace) -> int:
    snapshots = read_lists(list_paths(args.lists))
    if args.entries is not None:
        entries = read_lists([args.entries])
        if len(entries) != 1:
            raise UsageError(f"--entries {args.entries}: name one list file")
        report = crossref(None, snapshots, threshold=args.threshold, entries=entries[0])
    else:
        report = crossref(_dataset(args), snapshots, threshold=args.threshold)
    if args.format == "json":
        print(json.dumps(crossref_document(report), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        crossref_csv(report, sys.stdout)
    else:
        print(crossref_text(report))
    return 0
