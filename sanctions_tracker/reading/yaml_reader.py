"""Read one YAML file into plain Python data, refusing everything that could mislead or hurt.

PyYAML's loaders resolve scalars by YAML 1.1 rules, where ``01402`` is octal 770, ``1:30`` is
90, ``no`` is False and ``1,159`` is quietly a string; they also expand aliases, which lets a
1 KB "billion laughs" file claim gigabytes. This reader builds data straight from libyaml's
parser events instead:

* scalars resolve by a strict subset of the YAML 1.2 core schema; every YAML 1.1 trap is an
  error whose message says what to write instead;
* anchors, aliases, tags, duplicate keys and non-string keys are errors at their line and column,
  reported before anything walks the data (an alias is never expanded);
* no node objects and no marks are kept for valid data; :func:`locate` parses a file again to
  find where a JSON path is, and is called only when there is something to report.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs
import yaml

from sanctions_tracker.findings import Finding, Location, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

    from sanctions_tracker.findings.paths import PathKey

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "MAX_NUMBER_LENGTH",
    "Limits",
    "file_type",
    "locate",
    "printable",
    "read_yaml",
]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64
#: A file with more problems than this is not worth reading further: the first ones say enough.
MAX_PROBLEMS_PER_FILE = 50
#: The longest plain scalar read as a number. Figures have at most nine digits (the schemas say
#: so), so a longer number is a typo or an attack; and Python refuses to convert more than
#: ``sys.get_int_max_str_digits()`` digits (4,300 by default, never set below 640), so the reader
#: refuses long numbers itself, by their length, before anything converts them.
MAX_NUMBER_LENGTH = 100

@attrs.frozen
class Limits:
    """How large and how deeply nested a file may be before it is refused unread."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH


class _Stop(Exception):  # noqa: N818 (control flow inside this module, never escapes it)
    """Reading this file cannot usefully go on."""


class _Problems:
    """Collects one file's problems, and stops the read when there are too many."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Finding] = []

    def add(self, code: str, message: str, line: int | None = None, column: int | None = None,
            path: str = "") -> None:
        self.items.append(
            Finding(code, Severity.ERROR, message, Location(self.file, line, column, path))
        )
        if len(self.items) >= MAX_PROBLEMS_PER_FILE:
            self.items.append(Finding(
                "too-many-problems", Severity.ERROR,
                f"stopped reading after {MAX_PROBLEMS_PER_FILE} problems; fix these first",
                Location(self.file),
            ))
            raise _Stop

    def at(self, code: str, message: str, mark: Any) -> None:
        self.add(code, message, mark.line + 1, mark.column + 1)


# --- scalar resolution -------------------------------------------------------------------------

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)")
_OCTAL = re.compile(r"[-+]?0[0-7]+")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_RADIX = re.compile(r"[-+]?0(?:[xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)")
# The lookahead (rather than `[0-9_]*_[0-9_]*`) keeps the match linear in the length of the text.
_UNDERSCORES = re.compile(r"[-+]?[0-9](?=[0-9_]*_)[0-9_]*(?:\.[0-9_]*)?")
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_BOOL_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false"})
_NULL_WORDS = frozenset({"~", "Null", "NULL"})
# Everything the rules below read as a number or as a YAML 1.1 number trap; each pattern matches
# in time linear in the length of the text.
_NUMBER_FORMS = (_INT, _FLOAT, _LEADING_ZERO, _RADIX, _UNDERSCORES, _THOUSANDS, _SEXAGESIMAL)
# Scalars that cannot trip any rule below start with one of these characters; testing the first
# character first keeps the common case (names, quotes, ids) to one set lookup.
_MAYBE_SPECIAL = frozenset("0123456789+-.~nNyYoOtTfF")


def _sexagesimal_value(text: str) -> int | float:
    sign = -1 if text.startswith("-") else 1
    total: float = 0
    for part in text.lstrip("+-").replace("_", "").split(":"):
        total = total * 60 + float(part)
    return sign * (int(total) if total.is_integer() else total)


def _trap_message(text: str) -> str | None:  # noqa: PLR0911 (one return per YAML 1.1 trap)
    """Say why a plain scalar is ambiguous and what to write instead, or None if it is not."""
    if text in _NULL_WORDS:
        return f"{text!r} means null in YAML: write null, or quote it ('{text}') for the text"
    if text.lower() in _BOOL_WORDS:
        return (f"YAML 1.1 reads {text} as a boolean: write true or false, "
                f"or quote it ('{text}') if you mean the word")
    if _LEADING_ZERO.fullmatch(text):
        digits = text.lstrip("+-").lstrip("0") or "0"
        if _OCTAL.fullmatch(text):
            octal = int(text.lstrip("+-"), 8)
            return (f"{text} has a leading zero, which YAML 1.1 reads as octal ({octal}): "
                    f"write {digits}, or quote it if it is an identifier")
        return f"{text} has a leading zero: write {digits}, or quote it if it is an identifier"
    if _RADIX.fullmatch(text):
        return f"{text} is not a decimal number: write it in decimal digits, or quote it"
    if _THOUSANDS.fullmatch(text):
        return (f"{text} is text in YAML, not a number: write {text.replace(',', '')} "
                "without thousands separators")
    if _UNDERSCORES.fullmatch(text):
        return (f"{text} reads as a number only in YAML 1.1: "
                f"write {text.replace('_', '')} without underscores")
    if _SEXAGESIMAL.fullmatch(text):
        return (f"YAML 1.1 reads {text} as the base-60 number {_sexagesimal_value(text)}: "
                f"write that number if you mean it, or quote '{text}'")
    if _SPECIAL_FLOAT.fullmatch(text):
        return f"{text} is a special float (infinity or not-a-number): write a whole number"
    return None


def _is_long_number(text: str) -> bool:
    """Whether ``text`` is too long to be converted, and would be read as a number."""
    return len(text) > MAX_NUMBER_LENGTH and any(p.fullmatch(text) for p in _NUMBER_FORMS)


def _long_number_message(text: str) -> str:
    return (f"this number is written with {len(text):,} characters, more than the "
            f"{MAX_NUMBER_LENGTH} a number may have: correct it, or quote it if it is text")


def _resolve_plain(text: str) -> tuple[Any, tuple[str, str] | None]:  # noqa: C901, PLR0911 (per type)
    """Resolve an untagged plain scalar: (value, None), or (None, (code, why it is refused))."""
    if not text or text == "null":
        return None, None
    if text[0] not in _MAYBE_SPECIAL:
        return text, None
    if text == "true":
        return True, None
    if text == "false":
        return False, None
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return text, None  # dates stay text; the schema's format check judges them
    if len(text) > MAX_NUMBER_LENGTH:
        # Checked before any conversion: int() of 4,301 digits raises, and every message below
        # would echo the whole number.
        if _is_long_number(text):
            return None, ("number-too-long", _long_number_message(text))
        return text, None
    if _INT.fullmatch(text):
        return int(text), None
    problem = _trap_message(text)
    if problem is not None:
        return None, ("ambiguous-value", problem)
    if _FLOAT.fullmatch(text):
        return float(text), None
    return text, None


#: What a plain key resolves to when it is a number too long to convert.
_LONG_NUMBER = object()


@functools.lru_cache(maxsize=1024)
def _resolve_key(text: str) -> Any:
    if not text or text == "null":
        return None
    if text in ("true", "false"):
        return text == "true"
    if _is_long_number(text):
        return _LONG_NUMBER
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


# --- reading -----------------------------------------------------------------------------------

_FILE_TYPES = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
# Opening a FIFO without O_NONBLOCK waits for a writer, forever; a terminal must not become the
# controlling one. Neither flag changes how a regular file is read.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def printable(name: str) -> str:
    r"""A file name as it may be printed: bytes that are not UTF-8 shown as ``\xff``.

    Python decodes such bytes of a name to lone surrogates, which a strict UTF-8 stdout (any
    UTF-8 locale, PYTHONIOENCODING=utf-8) refuses to print: one badly named file would stop the
    whole run.
    """
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def file_type(mode: int) -> str:
    """What a stat mode is, in words (``a named pipe (FIFO)``), for refusals."""
    return next((name for test, name in _FILE_TYPES if test(mode)), "not a regular file")


def _not_regular(mode: int, problems: _Problems) -> None:
    problems.add("unreadable-file",
                 f"this is {file_type(mode)}, not a regular file, so it was not read: "
                 "replace it with the YAML file, or remove it")
    raise _Stop


def _os_error_message(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return ("cannot read the file: it is a loop of symbolic links: point the link at a "
                "file, or remove it")
    if exc.errno == errno.ENOENT and path.is_symlink():
        target = printable(str(path.readlink()))
        return (f"cannot read the file: it is a symbolic link to {target}, which does not "
                "exist: point the link at a file, or remove it")
    return f"cannot read the file: {exc.strerror or exc}"


def _read_on(fh: BinaryIO, start: bytes, max_bytes: int) -> bytes:
    """``start`` and what follows it in ``fh``, stopping one byte past ``max_bytes``."""
    chunks, total = [start], len(start)
    while total <= max_bytes:
        chunk = fh.read(min(max_bytes + 1 - total, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_regular_file(path: Path, max_bytes: int, problems: _Problems) -> bytes:
    """The bytes of ``path``, or raise _Stop after saying why the file is refused.

    Only a regular file is opened: a FIFO would block the read forever and a device could
    stream without end. The type is checked before opening (a FIFO is never opened) and again
    on the open descriptor, in case the file was replaced in between; the read stops one byte
    past the size limit, in case the file grows while it is read.
    """
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            _not_regular(mode, problems)
        fd = os.open(path, _OPEN_FLAGS)
        with open(fd, "rb") as fh:  # noqa: PTH123 (a descriptor, not a path)
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                _not_regular(info.st_mode, problems)
            size = info.st_size
            if size <= max_bytes:
                raw = fh.read(size + 1)
                if len(raw) > size:  # it grew since fstat: read on, up to the limit
                    raw = _read_on(fh, raw, max_bytes)
            if size > max_bytes or len(raw) > max_bytes:
                has = (f"has {size:,} bytes, more than" if size > max_bytes
                       else "grew, while it was read, past")
                problems.add("file-too-large",
                             f"the file {has} the limit of {max_bytes:,}: "
                             "split it, or raise --max-file-size")
                raise _Stop
    except OSError as exc:
        problems.add("unreadable-file", _os_error_message(path, exc))
        raise _Stop from None
    return raw


# --- decoding ----------------------------------------------------------------------------------

def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _decode(raw: bytes, problems: _Problems) -> str:
    """UTF-8 text without BOM, or raise _Stop after saying why the bytes are refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add("not-utf8", "the file is UTF-16 encoded: save it as UTF-8", 1, 1)
        raise _Stop
    nul = raw.find(b"\x00")
    if nul >= 0:
        problems.add("nul-byte", "the file contains a NUL byte: it is binary or not UTF-8 text",
                     *_line_col(raw, nul))
        raise _Stop
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add("not-utf8",
                     f"byte 0x{raw[exc.start]:02x} is not valid UTF-8: save the file as UTF-8",
                     *_line_col(raw, exc.start))
        raise _Stop from None
    return text.removeprefix("\ufeff")


# --- building data from events -----------------------------------------------------------------

_STANDARD_TAGS = "tag:yaml.org,2002:"
_KEY_PENDING = object()
_INVALID_KEY = object()


class _Builder:
    """Turns a stream of parser events into dicts, lists and scalars, with an explicit stack."""

    def __init__(self, problems: _Problems, max_depth: int) -> None:
        self.problems = problems
        self.max_depth = max_depth
        # Each frame: [container, pending key or _KEY_PENDING (mappings) / None (sequences)]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.documents = 0
        # Anchors and aliases come in crowds (an alias bomb has dozens): the first of each is
        # reported where it stands, with the total, instead of one line per occurrence.
        self.first: dict[str, tuple[str, Any]] = {}
        self.count = {"anchor": 0, "alias": 0}

    def _reference(self, kind: str, name: str, mark: Any) -> None:
        self.count[kind] += 1
        self.first.setdefault(kind, (name, mark))

    def report_references(self) -> None:
        """Report the first anchor and the first alias of the file, with how many there are."""
        for kind, code, sign, fix in (
            ("anchor", "yaml-anchor", "&", "write each value out in full"),
            ("alias", "yaml-alias", "*",
             "write the value out in full instead of referring to an anchor"),
        ):
            if kind in self.first:
                name, mark = self.first[kind]
                n = self.count[kind]
                plural = f"{kind}{'es' if kind == 'alias' else 's'}"
                more = f" (the file has {n} {plural})" if n > 1 else ""
                self.problems.at(code, f"{kind} {sign}{name} is not allowed: {fix}{more}", mark)

    def _refuse_anchor_tag(self, event: Any, *, implicit_ok: bool) -> None:
        if event.anchor is not None:
            self._reference("anchor", event.anchor, event.start_mark)
        tag = event.tag
        if tag is not None and not (implicit_ok and tag == "!"):
            standard = tag.startswith(_STANDARD_TAGS)
            shown = "!!" + tag.removeprefix(_STANDARD_TAGS) if standard else tag
            self.problems.at("yaml-tag",
                             f"tag {shown} is not allowed: remove it (values are plain data)",
                             event.start_mark)

    def _add(self, value: Any, event: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if type(container) is list:
            container.append(value)
            return
        key = frame[1]
        if key is _KEY_PENDING:
            if value is _LONG_NUMBER:
                self.problems.at("number-too-long", _long_number_message(event.value),
                                 event.start_mark)
                frame[1] = _INVALID_KEY
            elif type(value) is not str:
                shown = "a mapping" if isinstance(value, dict) else (
                    "a list" if isinstance(value, list) else repr(value))
                self.problems.at("non-string-key",
                                 f"key {shown} is not text: keys must be field names",
                                 event.start_mark)
                frame[1] = _INVALID_KEY
            elif value in container:
                self.problems.at("duplicate-key",
                                 f"key {value!r} appears twice in this mapping: keep one",
                                 event.start_mark)
                frame[1] = _INVALID_KEY
            else:
                frame[1] = value
            return
        if key is not _INVALID_KEY:
            container[key] = value
        frame[1] = _KEY_PENDING

    def _too_deep(self, event: Any) -> None:
        self.problems.at("too-deep",
                         f"nesting deeper than {self.max_depth} levels: the data format "
                         "needs far fewer (raise --max-depth only if this is intended)",
                         event.start_mark)
        raise _Stop

    def feed(self, get_event: Callable[[], Any]) -> None:  # noqa: C901, PLR0912, PLR0915
        """Consume events until the stream ends, building ``self.root``.

        This loop runs once per event, millions of times on a large dataset: the common cases
        (a plain or quoted scalar as a key or value) are handled inline, and everything rare
        (anchors, tags, YAML 1.1 traps, errors) goes through the methods above.
        """
        scalar, mstart, mend = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
        sstart, send, alias = yaml.SequenceStartEvent, yaml.SequenceEndEvent, yaml.AliasEvent
        stack, key_pending, maybe_special = self.stack, _KEY_PENDING, _MAYBE_SPECIAL
        max_depth = self.max_depth
        while True:
            event = get_event()
            if event is None:
                return
            cls = type(event)
            if cls is scalar:
                if event.anchor is not None or event.tag is not None:
                    self._refuse_anchor_tag(event, implicit_ok=not event.implicit[0])
                text = event.value
                frame = stack[-1] if stack else None
                if frame is not None and frame[1] is key_pending:
                    # A key is a field name: YAML 1.1 words such as `no` stay text here, and
                    # only what YAML 1.2 itself reads as a number, boolean or null is refused.
                    key = text if event.style else _resolve_key(text)
                    if type(key) is str and key not in frame[0]:
                        frame[1] = key
                    else:
                        self._add(key, event)
                    continue
                if event.style or (text and text[0] not in maybe_special):
                    value: Any = text  # quoted, block, or plain text that cannot be a trap
                else:
                    value, problem = _resolve_plain(text)
                    if problem is not None:
                        self.problems.at(*problem, event.start_mark)
                if frame is None:
                    self.root = value
                elif frame[1] is None:
                    frame[0].append(value)
                else:
                    if frame[1] is not _INVALID_KEY:
                        frame[0][frame[1]] = value
                    frame[1] = key_pending
            elif cls is mstart or cls is sstart:
                if event.anchor is not None or event.tag is not None:
                    self._refuse_anchor_tag(event, implicit_ok=False)
                if len(stack) >= max_depth:
                    self._too_deep(event)
                stack.append([{}, key_pending] if cls is mstart else [[], None])
            elif cls is mend or cls is send:
                container = stack.pop()[0]
                frame = stack[-1] if stack else None
                if frame is None:
                    self.root = container
                elif frame[1] is None:
                    frame[0].append(container)
                elif frame[1] is key_pending:  # a mapping or list used as a key
                    self._add(container, event)
                else:
                    if frame[1] is not _INVALID_KEY:
                        frame[0][frame[1]] = container
                    frame[1] = key_pending
            elif cls is alias:
                self._reference("alias", event.anchor, event.start_mark)
                self._add(None, event)
            elif cls is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.problems.at("multiple-documents",
                                     "a second YAML document ('---') starts here: "
                                     "put one document in each file", event.start_mark)
                    raise _Stop


def _events(text: str) -> Iterator[Any]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _char_at(source: str, line: int, column: int) -> str:
    lines = source.splitlines()
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def _syntax_problem(exc: yaml.YAMLError, source: str, problems: _Problems) -> None:
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        # No mark, and an offset in bytes (libyaml) or characters (PyYAML's own reader): the
        # character itself says where, the same way for both parsers.
        at = source.find(chr(exc.character))
        where = () if at < 0 else (source.count("\n", 0, at) + 1,
                                   at - (source.rfind("\n", 0, at) + 1) + 1)
        problems.add("yaml-syntax", f"the character U+{exc.character:04X} (a control character "
                     "or non-character) is not allowed in YAML text: remove it", *where)
        return
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"{context}, {problem}" if context else str(problem)
    if "nesting depth" in str(problem):
        # libyaml has a nesting limit of its own (1,000 levels since 0.2.5), which its scanner
        # may reach before the builder sees the events: it is the same refusal as ours.
        problems.add("too-deep",
                     "nesting deeper than the YAML parser allows: the data format needs far "
                     "fewer levels", *((mark.line + 1, mark.column + 1) if mark else ()))
        return
    if mark is not None and _char_at(source, mark.line, mark.column) == "\t":
        text += " (a tab: YAML does not allow tabs for indentation, use spaces)"
    if mark is not None:
        problems.add("yaml-syntax", f"YAML syntax error: {text}", mark.line + 1, mark.column + 1)
    else:
        problems.add("yaml-syntax", f"YAML syntax error: {text}")


def read_yaml(path: Path, display: str, limits: Limits | None = None) -> tuple[Any, list[Finding]]:
    """Read ``path`` and return ``(data, findings)``.

    ``data`` is None when the file could not be read as a whole; findings then say why, located
    at ``display`` (the name users see). Never raises for anything inside the file; an OSError
    from reading is reported as an ``unreadable-file`` finding too.
    """
    limits = limits or Limits()
    problems = _Problems(display)
    try:
        raw = _read_regular_file(path, limits.max_bytes, problems)
        text = _decode(raw, problems)
        builder = _Builder(problems, limits.max_depth)
        try:
            loader = _Loader(text)
        except yaml.YAMLError as exc:  # PyYAML's pure-Python reader checks characters up front
            _syntax_problem(exc, text, problems)
            raise _Stop from None
        try:
            builder.feed(loader.get_event)
        except yaml.YAMLError as exc:
            _syntax_problem(exc, text, problems)
            raise _Stop from None
        finally:
            loader.dispose()
            builder.report_references()
    except _Stop:
        return None, problems.items
    if builder.documents == 0:
        problems.add("empty-file", "the file is empty: it needs at least a `kind:` line", 1, 1)
    if problems.items:
        return None, problems.items
    return builder.root, []


def locate(path: Path, targets: Iterable[PathKey]) -> dict[PathKey, tuple[int, int]]:
    """Find the 1-based line and column of each target path in a YAML file.

    A path that does not exist (a missing property) is located at the nearest existing parent,
    which is where the user has to add it. Files that cannot be parsed give no locations.
    """
    wanted = set(targets)
    if not wanted:
        return {}
    prefixes = {t[:i] for t in wanted for i in range(len(t) + 1)}
    found: dict[PathKey, tuple[int, int]] = {}
    try:
        # Read as safely as the first time: the file may have been swapped for a FIFO since.
        raw = _read_regular_file(path, sys.maxsize, _Problems(""))
        text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
        _walk_marks(text, prefixes, found)
    except (_Stop, yaml.YAMLError):
        pass
    result: dict[PathKey, tuple[int, int]] = {}
    for target in wanted:
        for cut in range(len(target), -1, -1):
            if target[:cut] in found:
                result[target] = found[target[:cut]]
                break
    return result


def _walk_marks(  # noqa: C901 (one branch per event type)
    text: str, prefixes: set[PathKey], found: dict[PathKey, tuple[int, int]]
) -> None:
    """Record the start mark of every node whose path is in ``prefixes``."""
    # Each frame: [path of the container, is mapping, next index / current key, expecting key]
    stack: list[list[Any]] = []
    for event in _events(text):
        cls = type(event)
        if cls in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent,
                   yaml.AliasEvent):
            if stack:
                frame = stack[-1]
                if frame[1] and frame[3]:  # a key of a mapping
                    frame[2] = event.value if cls is yaml.ScalarEvent else None
                    frame[3] = False
                    if cls is yaml.ScalarEvent or cls is yaml.AliasEvent:
                        continue
                    node_path: PathKey = (*frame[0], "\0complex key")  # never a target
                elif frame[1]:
                    node_path = (*frame[0], frame[2])
                    frame[3] = True
                else:
                    node_path = (*frame[0], frame[2])
                    frame[2] += 1
            else:
                node_path = ()
            if node_path in prefixes and node_path not in found:
                found[node_path] = (event.start_mark.line + 1, event.start_mark.column + 1)
            if cls is yaml.MappingStartEvent:
                stack.append([node_path, True, None, True])
            elif cls is yaml.SequenceStartEvent:
                stack.append([node_path, False, 0, False])
        elif cls in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            stack.pop()
