"""The command line: parse options, call the library, print, and choose the exit status.

Exit statuses: 0 clean; 1 findings of severity error; 2 bad usage or unreadable input; 70 a bug
in the tool (an exception that is not the tool's own), reported in one line.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import io
import json
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from . import __version__
from .errors import SanctionsTrackerError, UsageError
from .findings import Severity, has_errors
from .lists import cli as lists_cli
from .matching import cli as matching_cli
from .output.report import REPORT_FORMATS, SECTIONS
from .output.text_width import DEFAULT_WIDTH, MIN_WIDTH
from .reading.yaml_reader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, Limits

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .checks import ListFile
    from .findings import Finding
    from .lists.model import Snapshot
    from .model.dataset import Dataset

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 70
MAX_FILE_SIZE_ENV = "SANCTIONS_TRACKER_MAX_FILE_SIZE"
MAX_DEPTH_ENV = "SANCTIONS_TRACKER_MAX_DEPTH"
TRACEBACK_ENV = "SANCTIONS_TRACKER_TRACEBACK"


def _positive_int(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} must be greater than 0")
    return value


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of columns") from None
    if value < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"{value} is narrower than a report can be laid out: "
                                         f"give at least {MIN_WIDTH} columns")
    return value


def _report_width(option: int | None) -> int:
    """The width to fit a text report to: --width, else the terminal's or COLUMNS, else 80.

    ``shutil.get_terminal_size`` reads ``COLUMNS`` first, then asks the terminal that
    standard output is, and falls back to :data:`DEFAULT_WIDTH` when it is not one.
    """
    import shutil  # noqa: PLC0415

    if option is not None:
        return option
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, MIN_WIDTH)
    return DEFAULT_WIDTH


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def _env_int(name: str, default: int) -> int:
    text = os.environ.get(name)
    if not text:
        return default
    try:
        return _positive_int(text)
    except argparse.ArgumentTypeError as exc:
        raise UsageError(f"environment variable {name}: {exc}") from None


def _limit_options() -> argparse.ArgumentParser:
    """The limits of the YAML reader, shared by every command that reads data files."""
    parser = argparse.ArgumentParser(add_help=False)
    limits = parser.add_argument_group("limits")
    limits.add_argument(
        "--max-file-size", type=_positive_int, metavar="BYTES",
        help=f"refuse YAML files larger than this (default {DEFAULT_MAX_BYTES:,}, "
             f"or ${MAX_FILE_SIZE_ENV})",
    )
    limits.add_argument(
        "--max-depth", type=_positive_int, metavar="N",
        help=f"refuse YAML nested deeper than this (default {DEFAULT_MAX_DEPTH}, "
             f"or ${MAX_DEPTH_ENV})",
    )
    return parser


def _data_options(limits: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """--data, --allow-empty, --sources and the limits: the options of every data command."""
    parser = argparse.ArgumentParser(add_help=False, parents=[limits])
    data = parser.add_argument_group("data")
    data.add_argument(
        "--data", action="append", type=Path, metavar="DIR",
        help="folder (or file) of YAML data to load; repeat for several "
             "(default: the data and source records shipped with the tool)",
    )
    data.add_argument(
        "--repo-layout", action="store_true",
        help="without --data, read data/ and seeds/ of the current folder, as a data "
             "repository keeps them (what the pre-commit hook runs); a missing one is an error",
    )
    data.add_argument(
        "--allow-empty", action="store_true",
        help="accept a --data folder or file that holds no records (by default that is a "
             "no-data error: nothing would be checked)",
    )
    data.add_argument(
        "--sources", type=Path, metavar="DIR",
        help="folder of the original documents, to compare quotes with "
             "(default: $SANCTIONS_TRACKER_SOURCES; without either the comparison is skipped)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sanctions-tracker``."""
    parser = argparse.ArgumentParser(
        prog="sanctions-tracker",
        description="Validate, reconcile and report curated sanctions and export-control figures.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--traceback", action="store_true",
        help=f"on an internal error (exit 70), print the full traceback (or set ${TRACEBACK_ENV})",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    limits = _limit_options()
    data = [_data_options(limits)]

    commands.add_parser(
        "validate", parents=data,
        help="check files against the schemas and quotes against their sources",
    )

    check = commands.add_parser(
        "check", parents=data, help="validate and reconcile; exit 1 on any inconsistent figure",
    )
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text lines, one JSON object, or GitHub Actions annotations")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--require-quotes", "--strict-evidence", dest="require_quotes",
                       action="store_true",
                       help="fail on cited figures (evidence without a quote) too")
    check.add_argument("--lists", type=Path, nargs="+", action="extend", metavar="PATH",
                       help="official list files or folders: check the itemized subjects "
                            "against them (names, IMO schemes, identifiers)")

    report = commands.add_parser(
        "report", parents=data,
        help="print summaries, export-control timelines, actions and findings",
    )
    report.add_argument("--format", choices=REPORT_FORMATS, default="simple",
                        help="output format (default: simple)")
    report.add_argument("--authority", action="append", type=str.upper, metavar="CODE",
                        help="only this authority (ISO 3166-1 alpha-2, or EU); repeatable")
    report.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                        help="only records announced on or after this date")
    report.add_argument("--until", type=_date, metavar="YYYY-MM-DD",
                        help="only records announced on or before this date")
    report.add_argument("--section", action="append", choices=SECTIONS,
                        help="only these sections (repeatable; default: all)")
    report.add_argument(
        "--output", metavar="FILE",
        help="write the report to FILE (replaced atomically when complete) instead of standard "
             "output; - is standard output")
    report.add_argument(
        "--lists", type=Path, nargs="+", action="extend", metavar="PATH",
        help="official list files or folders: check the itemized subjects against them (as "
             "check --lists), and show in the html page which lists carry each subject")
    report.add_argument(
        "--width", type=_width, metavar="N",
        help=f"fit the plain and simple formats to N columns (at least {MIN_WIDTH}; default: "
             f"the terminal's width, or $COLUMNS, or {DEFAULT_WIDTH} when not writing to a "
             "terminal); Markdown, HTML, CSV and JSON are never wrapped",
    )

    show = commands.add_parser("show", parents=data,
                               help="one record: every figure, its source and status")
    show.add_argument("id", help="the id of a record (action, measure, series or source)")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--lists", type=Path, nargs="+", action="extend", metavar="PATH",
                      help="official list files or folders: compare the list entries that "
                           "evidence the subjects' identifiers (as check --lists)")

    export = commands.add_parser(
        "export", parents=data,
        help="write FollowTheMoney entities, one JSON document, or CSV files",
    )
    export.add_argument("--format", choices=("ftm", "json", "csv"), required=True,
                        help="ftm: entity JSON lines; json: one document; csv: a folder of files")
    export.add_argument(
        "--output", required=True, metavar="PATH",
        help="file to write, or - for standard output (ftm, json); a new, empty or earlier "
             "export's folder for csv. Files are replaced atomically (through links); devices "
             "and FIFOs are written in place",
    )
    export.add_argument("--lists", type=Path, nargs="+", action="extend", metavar="PATH",
                        help="official list files or folders: compare the list entries that "
                             "evidence the subjects' identifiers, so that the evidence levels "
                             "say listed-verified (as check --lists)")

    diff = commands.add_parser("diff", parents=[limits],
                               help="compare two data folders record by record")
    diff.add_argument("old", type=Path, help="the earlier data folder")
    diff.add_argument("new", type=Path, help="the later data folder")
    diff.add_argument("--format", choices=("text", "json"), default="text")

    codes = commands.add_parser("codes", help="list every finding code, the rule that emits it "
                                              "and what it means")
    codes.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    lists_cli.add_parser(commands)
    matching_cli.add_parser(commands)
    return parser


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(
        max_bytes=args.max_file_size or _env_int(MAX_FILE_SIZE_ENV, DEFAULT_MAX_BYTES),
        max_depth=args.max_depth or _env_int(MAX_DEPTH_ENV, DEFAULT_MAX_DEPTH),
    )


#: The folders of a data repository, as the README lays it out; read by --repo-layout.
REPO_LAYOUT = ("data", "seeds")


def _repo_layout() -> list[Path]:
    """data/ and seeds/ of the current folder, each checked to be a folder.

    The pre-commit hook runs ``check --repo-layout`` with the user's ``args:`` appended: a
    default given as ``args:`` would be replaced by any of theirs (``[--strict]``), and the hook
    would then check the data shipped with the tool instead of the repository.
    """
    folders = [Path(name) for name in REPO_LAYOUT]
    for folder in folders:
        if not folder.is_dir():
            problem = "is not a folder" if os.path.lexists(folder) else "does not exist"
            raise UsageError(
                f"--repo-layout: {folder}/ {problem} in {Path.cwd()}: a data repository keeps its "
                f"YAML in {' and '.join(f'{n}/' for n in REPO_LAYOUT)}; create it, or pass "
                "--data with each folder of YAML data")
    return folders


def _load(args: argparse.Namespace) -> Dataset:
    from .model.load import load  # noqa: PLC0415 (keep --help and --version fast)

    if args.repo_layout and not args.data:
        args.data = _repo_layout()  # export reads args.data again: its inputs are never outputs
    for path in args.data or ():
        # The likeliest cause is a hook or CI job run with the wrong folder names or from the
        # wrong directory: say where the tool looked, and what it expects.
        if not os.path.lexists(path):
            raise UsageError(
                f"--data {path}: no such file or folder in {Path.cwd()}: pass --data with each "
                "folder of YAML data (a data repository keeps them in data/ and seeds/)")
    return load(args.data, limits=_limits(args), allow_empty=args.allow_empty)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .checks import documents_folder, validate  # noqa: PLC0415
    from .output.render import finding_line, summary_line  # noqa: PLC0415

    documents = documents_folder(args.sources)
    findings = validate(_load(args), documents)
    for finding in findings:
        print(finding_line(finding))
    print(summary_line(findings))
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from .checks import check, documents_folder  # noqa: PLC0415
    from .output.render import (  # noqa: PLC0415
        finding_line,
        findings_document,
        github_annotation,
        summary_line,
    )

    documents = documents_folder(args.sources)
    screen, list_files, _ = _lists_check(args.lists)
    findings = check(_load(args), documents, lists=screen, list_files=list_files,
                     require_quotes=args.require_quotes).findings
    failed = has_errors(findings) or (
        args.strict and any(f.severity is Severity.WARNING for f in findings))
    if args.format == "json":
        print(json.dumps(findings_document(findings, failed=failed), indent=2,
                         ensure_ascii=False))
    else:
        render = github_annotation if args.format == "github" else finding_line
        for finding in findings:
            print(render(finding))
        print(summary_line(findings) + (" (--strict: warnings fail)" if args.strict else ""))
    return EXIT_FINDINGS if failed else EXIT_OK


def _lists_check(paths: list[Path] | None) -> tuple[
        Callable[[Dataset], list[Finding]] | None, Callable[[str], ListFile | str] | None,
        tuple[Snapshot, ...]]:
    """``--lists``: the screening, the list files that evidence names entries of, the snapshots.

    The lists are read and indexed once, for all three (the snapshots serve the page's
    cross-reference).
    """
    if not paths:
        return None, None, ()
    from .matching import crosscheck, list_file_finder, lists_index, read_lists  # noqa: PLC0415

    snapshots = read_lists(paths)
    index = lists_index(snapshots)
    return (lambda dataset: crosscheck(dataset, index)), list_file_finder(paths, snapshots), \
        tuple(snapshots)


def _crossref_document(dataset: Dataset, snapshots: Sequence[Snapshot]) -> dict[str, Any]:
    """``crossref --format json`` of the curated subjects against the lists, for the page."""
    from .matching import crossref  # noqa: PLC0415
    from .matching.crossref import crossref_document  # noqa: PLC0415

    return crossref_document(crossref(dataset, list(snapshots)))


def _inputs(dataset: Dataset, args: argparse.Namespace, documents: Path | None,
            snapshots: Sequence[Snapshot] = ()) -> list[Path]:
    """Every file a command read, which its output may never replace.

    The data files, the original documents, every file of the official lists read (an OFAC
    set's companions too), and the tool's own files (schemas, templates, shipped data: an
    installed copy reads them on every run).
    """
    inputs: list[Path] = [*dataset.files.values(), *(args.data or ())]
    if documents is not None:
        inputs += [documents / s.file for s in dataset.sources.values() if s.file is not None]
    inputs += [Path(source.name) for snapshot in snapshots for source in snapshot.sources]
    package = Path(__file__).resolve().parent
    inputs += [path for path in package.rglob("*") if path.is_file()]
    return inputs


def _cmd_report(args: argparse.Namespace) -> int:
    from .checks import check, documents_folder  # noqa: PLC0415
    from .output.render import render_report  # noqa: PLC0415
    from .output.report import ReportFilter, build_report, filter_notes  # noqa: PLC0415

    if args.since and args.until and args.since > args.until:
        raise UsageError(f"--since {args.since} is after --until {args.until}")
    if args.output == "":
        raise UsageError("--output is empty: name a file, or - for standard output")
    documents = documents_folder(args.sources)
    dataset = _load(args)
    screen, list_files, snapshots = _lists_check(args.lists)
    result = check(dataset, documents, lists=screen, list_files=list_files)
    keep = ReportFilter(
        authorities=frozenset(args.authority or ()), since=args.since, until=args.until,
        sections=tuple(args.section or SECTIONS),
    )
    report = build_report(dataset, result, keep)
    if args.lists and args.format == "html":
        report = attrs.evolve(report, crossref=_crossref_document(dataset, snapshots))
    to_stdout = args.output in (None, "-")
    text = render_report(report, args.format, _report_width(args.width) if to_stdout
                         else args.width or DEFAULT_WIDTH)
    if to_stdout:
        sys.stdout.write(text)
    else:
        from .output.atomic_write import write_text_atomic  # noqa: PLC0415

        write_text_atomic(args.output, [text], keep=_inputs(dataset, args, documents, snapshots))
        print(f"wrote the {args.format} report to {args.output}", file=sys.stderr)
    # On stderr, so that csv and json stay parseable; a filter that matches nothing is not an
    # error in the data, so it does not change the exit status.
    for note in filter_notes(dataset, keep):
        print(f"note: {note}", file=sys.stderr)
    return EXIT_FINDINGS if has_errors(result.findings) else EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from .checks import check, documents_folder  # noqa: PLC0415
    from .output.show import describe_record, render_record  # noqa: PLC0415

    documents = documents_folder(args.sources)
    dataset = _load(args)
    screen, list_files, _ = _lists_check(args.lists)
    described = describe_record(
        dataset, check(dataset, documents, lists=screen, list_files=list_files), args.id)
    if args.format == "json":
        print(json.dumps(described, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_record(described))
    return EXIT_FINDINGS if described["status"] == "errors" else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from .checks import check, documents_folder  # noqa: PLC0415
    from .output.atomic_write import write_files_atomic, write_text_atomic  # noqa: PLC0415
    from .output.export import CSV_FILES, export_csv, export_ftm, export_json  # noqa: PLC0415

    # A str, not a Path: Path("./-") is Path("-"), and only a bare - means standard output.
    output: str = args.output
    if not output:
        raise UsageError("--output is empty: name a file, a folder for csv, or - for "
                         "standard output")
    if args.format == "csv" and output == "-":
        raise UsageError("--output -: csv writes a folder of files, which cannot go to "
                         "standard output; name a folder, or use --format json")
    documents = documents_folder(args.sources)
    dataset = _load(args)
    screen, list_files, snapshots = _lists_check(args.lists)
    result = check(dataset, documents, lists=screen, list_files=list_files)
    chunks: list[str] = []
    if args.format == "ftm":
        entities = list(export_ftm(dataset))
        chunks = [json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities]
        skipped = sum(1 for a in dataset.actions.values() if not a.subjects)
        what = f"{len(entities)} entities"
        if skipped:
            actions = "1 action without itemized subjects has" if skipped == 1 else (
                f"{skipped} actions without itemized subjects have")
            what += f" ({actions} nothing to export as entities)"
    elif args.format == "json":
        document = export_json(dataset, result)
        chunks = [json.dumps(document, indent=2, ensure_ascii=False), "\n"]
        what = f"{len(dataset.origins)} records"
    else:
        files = export_csv(dataset, result)
        write_files_atomic(output, files, names=CSV_FILES)
        what = f"{len(files)} CSV files"
    if args.format != "csv":
        sys.stdout.flush()  # /dev/stdout is written through its descriptor, after this
        if output == "-":
            sys.stdout.writelines(chunks)
            sys.stdout.flush()
        else:
            write_text_atomic(output, chunks, keep=_inputs(dataset, args, documents, snapshots))
    where = "standard output" if output == "-" else output
    print(f"wrote {what} to {where}", file=sys.stderr)
    if not result.passed:
        print("note: the data has errors; run `check` to see them", file=sys.stderr)
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from .model.load import load  # noqa: PLC0415
    from .output.diff import diff_datasets, render_diff  # noqa: PLC0415

    # An empty side is a real state (the first commit of a data repository), not an error.
    old, new = (load([folder], limits=_limits(args), allow_empty=True)
                for folder in (args.old, args.new))
    difference = diff_datasets(old, new, old_root=args.old, new_root=args.new)
    if args.format == "json":
        print(json.dumps(difference.as_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        sys.stdout.write(render_diff(difference))
    if difference.complete:
        return EXIT_OK
    for folder, side in ((args.old, "old"), (args.new, "new")):
        files = sum(1 for u in difference.unreadable if u.side == side)
        if files:
            print(f"note: {folder}: {files} file{'s' if files != 1 else ''} could not be read "
                  f"whole, so the comparison is incomplete: run `sanctions-tracker check "
                  f"--data {folder}` to see why", file=sys.stderr)
    return EXIT_USAGE


def _cmd_codes(args: argparse.Namespace) -> int:
    from .checks import RULES  # noqa: PLC0415 (registers every rule's codes)
    from .findings.codes import CODES  # noqa: PLC0415
    from .lists.codes import LIST_CODES  # noqa: PLC0415

    emitted_by = {code: f"check: {r.name} ({r.stage.value})" for r in RULES.values()
                  for code in r.codes}
    emitted_by.update(dict.fromkeys(LIST_CODES, "lists"))
    rows = [{"code": code, "emitted_by": emitted_by.get(code, "reading and loading"),
             "meaning": meaning} for code, meaning in CODES.items()]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        print("| code | emitted by | meaning |\n|---|---|---|")
        for r in rows:
            print(f"| `{r['code']}` | {r['emitted_by']} | {r['meaning']} |")
    else:
        width = max(len(r["code"]) for r in rows)
        for r in rows:
            print(f"{r['code']:<{width}}  {r['meaning']}  [{r['emitted_by']}]")
    return EXIT_OK


_COMMANDS = {
    "validate": _cmd_validate, "check": _cmd_check, "report": _cmd_report, "show": _cmd_show,
    "export": _cmd_export, "diff": _cmd_diff, "codes": _cmd_codes, "lists": lists_cli.run,
    "lookup": matching_cli.run, "crossref": matching_cli.run,
}


class _StandardOutputError(Exception):
    """Writing to standard output failed (full disk, closed descriptor, reader gone)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(cause.strerror or str(cause))
        self.cause = cause


class _GuardedOutput(io.TextIOBase):
    """Standard output for the length of one command: a failed write says it was stdout's.

    Only here can an OSError be told apart from one of the command's own files; ``None`` is
    what Python leaves in ``sys.stdout`` when descriptor 1 was closed (``>&-``).
    """

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream

    def _open(self) -> TextIO:
        if self._stream is None:
            raise _StandardOutputError(OSError(errno.EBADF, "it is closed"))
        return self._stream

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        """Whether the stream is a terminal: ``report`` then fits the terminal's width."""
        return self._stream is not None and self._stream.isatty()

    def write(self, text: str) -> int:
        try:
            return self._open().write(text)
        except OSError as exc:
            raise _StandardOutputError(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return  # nothing was written; a command that writes only files needs no stdout
        try:
            self._stream.flush()
        except OSError as exc:
            raise _StandardOutputError(exc) from None


def _discard_standard_output(stream: TextIO | None) -> None:
    """Let the interpreter's last flush of a failed stdout succeed silently.

    Python flushes ``sys.stdout`` at exit; the text that could not be written is still in its
    buffer, and a second failure there prints a traceback-like warning and exits 120. Pointing
    the descriptor at the null device (as Python's documentation advises for SIGPIPE) drops it.
    Only the process's real stdout is touched: a caller's stream (a test's capture) is theirs.
    """
    if stream is not sys.__stdout__ or stream is None:
        return
    descriptor = stream.fileno()
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, descriptor)
        finally:
            os.close(null)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    stdout = sys.stdout
    sys.stdout = _GuardedOutput(stdout)
    try:
        return _run(args, argv, stdout)
    finally:
        sys.stdout = stdout


def _run(args: argparse.Namespace, argv: Sequence[str] | None, stdout: TextIO | None) -> int:
    """Run one command; every failure becomes one line on stderr and an exit status."""
    try:
        status = _COMMANDS[args.command](args)
        sys.stdout.flush()  # here, where a failure can still be reported, not at exit
    except _StandardOutputError as exc:
        _discard_standard_output(stdout)
        print(f"sanctions-tracker: error: cannot write to standard output: {exc}",
              file=sys.stderr)
        return EXIT_USAGE
    except SanctionsTrackerError as exc:
        print(f"sanctions-tracker: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours, and nothing left to say.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 (the one place that must catch everything)
        command = " ".join(["sanctions-tracker", *(sys.argv[1:] if argv is None else argv)])
        if args.traceback or os.environ.get(TRACEBACK_ENV):
            traceback.print_exc()
        else:
            command += (f" (add --traceback after sanctions-tracker, or set {TRACEBACK_ENV}=1, "
                        "to see where)")
        print(
            f"sanctions-tracker: internal error ({type(exc).__name__}: {exc}); this is a bug, "
            f"please report it with the command line: {command}",
            file=sys.stderr,
        )
        return EXIT_BUG
    return status
