"""The ``lists`` command group: ``summary``, ``diff`` and ``export`` of official list files.

Registered by the main CLI with :func:`add_parser`; :func:`run` returns the exit status: 0 clean,
1 when a summarised file has findings of severity error, 2 (raised as the package's errors, which
the main CLI turns into one line) when a file cannot be read or an option cannot be used. ``diff``
exits 0 whatever the differences.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sanctions_tracker.errors import InputError, UsageError
from sanctions_tracker.output.atomic_write import write_text_atomic

from ._read import read
from .detect import FORMATS
from .diff import diff
from .export import EXPORT_FORMATS, export_csv, export_ftm, export_json
from .files import list_files
from .report import (
    diff_csv,
    diff_document,
    diff_text,
    has_errors,
    summary_csv,
    summary_document,
    summary_text,
    totals,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Snapshot

__all__ = ["add_parser", "run"]

EXIT_OK, EXIT_FINDINGS = 0, 1
_OUTPUTS = ("text", "json", "csv")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lists summary``, ``lists diff`` and ``lists export`` to the main CLI."""
    lists = commands.add_parser(
        "lists", help="read official sanctions lists (OFAC, UN, EU, UK, FtM): summary, diff",
    )
    sub = lists.add_subparsers(dest="lists_command", required=True, metavar="COMMAND")
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument(
        "--list-format", choices=FORMATS, metavar="FORMAT",
        help=f"read every file as this format ({', '.join(FORMATS)}) instead of telling it "
             "from the content",
    )
    summary = sub.add_parser(
        "summary", parents=[reading],
        help="counts by authority, list, programme and subject type, identifiers, dates, "
             "findings; exit 1 on findings of severity error",
    )
    summary.add_argument("paths", nargs="+", type=Path, metavar="FILE|DIR",
                         help="list files, or folders searched for them")
    summary.add_argument("--format", choices=_OUTPUTS, default="text")
    summary.add_argument("--snapshot-date", type=_date, metavar="YYYY-MM-DD",
                         help="the date of the snapshot, when the file does not state it")
    compare = sub.add_parser(
        "diff", parents=[reading],
        help="entries added, removed and changed between two snapshots of one list; exit 0 "
             "whatever the differences",
    )
    compare.add_argument("old", type=Path, metavar="OLD")
    compare.add_argument("new", type=Path, metavar="NEW")
    compare.add_argument("--format", choices=_OUTPUTS, default="text")
    export = sub.add_parser(
        "export", parents=[reading],
        help="write a list as FollowTheMoney entities (ids stable across snapshots), one JSON "
             "document, or CSV; exit 1 when the list has findings of severity error",
    )
    export.add_argument("path", type=Path, metavar="FILE")
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True,
                        help="ftm: entity JSON lines; json: one document; csv: one row per entry")
    export.add_argument("--output", default="-", metavar="PATH",
                        help="file to write (replaced only when complete), or - for standard "
                             "output (default)")
    export.add_argument("--snapshot-date", type=_date, metavar="YYYY-MM-DD",
                        help="the date of the snapshot, when the file does not state it")


def _files(paths: list[Path]) -> list[Path]:
    """The list files of ``paths``; a file in a folder that is not a list is noted on stderr."""
    files = list_files(paths, passed_over=lambda exc: print(f"note: passed over {exc}",
                                                            file=sys.stderr))
    if not files:
        raise InputError(f"no list files in {', '.join(map(str, paths))}")
    return files


def _summary(args: argparse.Namespace) -> int:
    snapshots: list[Snapshot] = [
        read(path, format=args.list_format, snapshot_date=args.snapshot_date)
        for path in _files(args.paths)
    ]
    if args.format == "json":
        documents = [summary_document(s) for s in snapshots]
        failed = any(has_errors(s.findings) for s in snapshots)
        print(json.dumps({"status": "errors" if failed else "ok", "snapshots": documents,
                          "totals": totals(snapshots)}, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(summary_csv(snapshots))
        for snapshot in snapshots:  # CSV carries the counts; the findings go beside it
            for finding in snapshot.findings:
                print(finding, file=sys.stderr)
    else:
        sys.stdout.write(summary_text(snapshots))
    return EXIT_FINDINGS if any(has_errors(s.findings) for s in snapshots) else EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    for path in (args.old, args.new):
        if path.is_dir():
            raise UsageError(f"{path} is a folder: `lists diff` compares two list files")
    old = read(args.old, format=args.list_format)
    new = read(args.new, format=args.list_format)
    result = diff(old, new)
    if args.format == "json":
        print(json.dumps(diff_document(result), indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(diff_csv(result))
        for finding in result.findings:  # about the comparison itself: not a CSV row
            print(finding, file=sys.stderr)
    else:
        sys.stdout.write(diff_text(result))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    snapshot = read(args.path, format=args.list_format, snapshot_date=args.snapshot_date)
    chunks: Iterable[str]
    if args.format == "ftm":
        chunks = export_ftm(snapshot)
    elif args.format == "json":
        chunks = [export_json(snapshot)]
    else:
        chunks = [export_csv(snapshot)]
    if args.output == "-":
        sys.stdout.writelines(chunks)
    else:
        # The writes of `export`: atomic, through links, into devices, never over the input.
        # Every file read is an input: an OFAC set's companions (alt, add, comments) too.
        inputs = [args.path, *(source.name for source in snapshot.sources)]
        write_text_atomic(args.output, chunks, keep=inputs)
        print(f"wrote {snapshot.read:,} entries to {args.output}", file=sys.stderr)
    for finding in snapshot.findings:
        print(finding, file=sys.stderr)
    return EXIT_FINDINGS if has_errors(snapshot.findings) else EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Run a ``lists`` sub-command; the main CLI's error handling applies around it."""
    if args.lists_command == "summary":
        return _summary(args)
    if args.lists_command == "export":
        return _export(args)
    return _diff(args)
