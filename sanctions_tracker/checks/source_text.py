"""Original documents: find them, verify their bytes, and normalise their text for quoting.

The originals come as plain text, as HTML, or as WordPress REST JSON, which may be cut off
mid-string or carry raw newlines inside strings, so the JSON is never parsed: its escapes are
decoded in place and its HTML is stripped, which works the same on a complete and on a truncated
file. Markup is stripped only from documents that are markup (by file type or content): in a
plain-text document, ``<100 items`` is text. Text that stripping removes (a script, a comment, a
block boundary) leaves a mark that no quote can match across, so a quote can never be stitched
together from pieces the reader of the document does not see side by side.
"""

from __future__ import annotations

import enum
import hashlib
import html
import re
from typing import TYPE_CHECKING

from .number_forms import WrittenNumber, cut_inside_token, written_numbers

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["BOUNDARY", "MAX_DOCUMENT_BYTES", "Document", "DocumentKind", "document_kind",
           "normalise_document", "normalise_quote", "sha256_of"]

#: What removed text leaves in a normalised document: a quote never contains it.
BOUNDARY = "\x00"


class DocumentKind(str, enum.Enum):
    """How an original document is read."""

    TEXT = "plain text"
    HTML = "HTML"
    WORDPRESS_JSON = "WordPress JSON"


_JSON_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[\"\\/bfnrt])")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                   "t": "\t"}
# Inline tags sit inside sentences ("Seoul <a>adding</a> 741") and vanish; any other tag ends a
# block of text and becomes a boundary, so that paragraphs do not run together. Superscripts
# and subscripts are boundaries too: "24<sup>3</sup>" is not 243. Only what is really a tag is
# stripped: ``<`` followed by a letter, ``/`` or ``!``, never ``<100``.
_INLINE_TAG = re.compile(
    r"</?(?:a|span|b|i|em|strong|u|abbr|cite|code|mark|small|time|font)\b[^<>]*>",
    re.IGNORECASE,
)
_HIDDEN_START = re.compile(
    r"<!--|<(script|style|template|noscript|textarea)\b"
    r"|<([a-z][a-z0-9]*)\b(?=[^<>]*(?:\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden"
    r"|aria-hidden\s*=\s*[\"']?true))", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<![^<>]*>")
# What WordPress REST JSON says in words: the rendered title, excerpt and content. Everything
# else (ids, author, dates, links) is metadata, and its numbers are not figures of the article.
_RENDERED = re.compile(r'"(?P<field>title|excerpt|content)"\s*:\s*\{\s*"rendered"\s*:\s*"'
                       r'(?P<text>(?:[^"\\]|\\.)*)(?:"|\Z)', re.DOTALL)
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
    # Invisible characters: a reader sees "1402" where the bytes say 1, a mark, 402.
    **dict.fromkeys(
        "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"),
})
# A no-break, thin, narrow or figure space between digits groups them (1 402); it is kept, as
# U+202F, so that it reads differently from an ordinary space, which is ambiguous (2 243).
_DIGIT_SPACE = re.compile(r"(?<=\d)[\u00a0\u2009\u202f\u2007](?=\d)")
_KEPT_SPACE = "\ue000"
_SPACE = re.compile(r"[^\S\x00]+")
# A line break, then only spaces (of any kind), then a line break; or a paragraph separator or
# form feed on its own.
_TEXT_PARAGRAPH = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)|[\u2029\x0c\x0b\x1c-\x1e]")
_BOUNDARIES = re.compile(r"\s*\x00[\s\x00]*")
_MARKUP_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<\?xml)", re.IGNORECASE)
#: The largest original document read (bytes): a quote is short, its source an article.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def _strip_hidden(text: str) -> str:
    """Replace comments, scripts and styles by BOUNDARY, in one pass.

    Each opening is matched with the next closing by plain search, so an unclosed ``<!--`` or
    ``<script`` hides the rest of the document instead of costing time for every later one.
    """
    lowered = text.lower()
    out, at = [], 0
    for match in _HIDDEN_START.finditer(text):
        if match.start() < at:
            continue
        tag = match.group(1) or match.group(2)
        closing = "-->" if tag is None else f"</{tag.lower()}"
        end = lowered.find(closing, match.end())
        if end < 0:
            end = len(text)
        else:
            end = lowered.find(">", end) + 1 if closing != "-->" else end + 3
            end = end or len(text)
        out += [text[at:match.start()], BOUNDARY]
        at = end
    out.append(text[at:])
    return "".join(out)


def _decode_json_escapes(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code[0] == "u" else _SIMPLE_ESCAPES[code]

    decoded = _JSON_ESCAPE.sub(replace, text)
    # \uXXXX pairs encode characters outside the BMP as two surrogates: join them.
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def document_kind(name: str, text: str) -> DocumentKind:
    """How to read a document: WordPress JSON and HTML by content or file type, else text."""
    lowered = name.lower()
    if lowered.endswith(".json") or text.lstrip().startswith("{"):
        return DocumentKind.WORDPRESS_JSON
    if lowered.endswith(_MARKUP_SUFFIXES) or _HTML_START.match(text):
        return DocumentKind.HTML
    return DocumentKind.TEXT


def _fold(text: str) -> str:
    text = _DIGIT_SPACE.sub(_KEPT_SPACE, text.translate(_FOLD))
    return _SPACE.sub(" ", text).replace(_KEPT_SPACE, "\u202f")


def _wordpress_text(text: str) -> str:
    """The rendered title, excerpt and content of one WordPress post, apart; else all of it.

    A response that holds several posts is one document only in its first post: a quote from
    another article is not evidence from this one.
    """
    fields: dict[str, str] = {}
    for match in _RENDERED.finditer(text):
        fields.setdefault(match.group("field"), match.group("text"))
    return BOUNDARY.join(fields.values()) if fields else text


def normalise_quote(text: str, kind: DocumentKind = DocumentKind.HTML) -> str:
    """Fold typographic quotes, dashes and whitespace (and, for markup, entities) like documents.

    Entities are decoded only when the document is markup: in plain text ``&amp;`` is text.
    """
    if kind is not DocumentKind.TEXT:
        text = html.unescape(text)
    return _fold(text.replace(BOUNDARY, "")).strip()


class Document:
    """The searchable text of one original document, and where a quote may begin and end."""

    def __init__(self, raw: bytes, name: str = "") -> None:
        text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
        self.kind = document_kind(name, text)
        if self.kind is DocumentKind.WORDPRESS_JSON:
            text = _decode_json_escapes(_wordpress_text(text))
        if self.kind is DocumentKind.TEXT:
            text = _TEXT_PARAGRAPH.sub(BOUNDARY, text)  # a blank line ends a paragraph
        else:
            text = _strip_hidden(text)
            text = _ANY_TAG.sub(BOUNDARY, _INLINE_TAG.sub("", text))
            text = html.unescape(text)
        self.text = _BOUNDARIES.sub(BOUNDARY, _fold(text)).strip(f" {BOUNDARY}")
        self._cuts = cut_inside_token(self.text)
        self._numbers = {n.start: n for n in written_numbers(self.text)}

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` occurs in the document on token boundaries, reading the same.

        The quote is normalised like the document; an occurrence counts only if it neither
        begins nor ends inside a word or a number of the document (``43`` is not in ``243``,
        ``402`` is not in ``1 402``), never spans removed text, and every number in it reads as
        it does in the document: ``10 items`` cut from ``Oct. 10 items``, ``243`` from ``$243``
        or ``3`` from ``-3`` is not the same number.
        """
        wanted = normalise_quote(quote, self.kind)
        if not wanted:
            return False
        numbers = written_numbers(wanted)
        start = self.text.find(wanted)
        while start >= 0:
            if (start not in self._cuts and start + len(wanted) not in self._cuts
                    and all(self._reads_the_same(n, start) for n in numbers)):
                return True
            start = self.text.find(wanted, start + 1)
        return False

    def _reads_the_same(self, number: WrittenNumber, offset: int) -> bool:
        here = self._numbers.get(offset + number.start)
        return here is not None and (here.end, here.kind, here.value, here.sign) == (
            offset + number.end, number.kind, number.value, number.sign)


def normalise_document(raw: bytes, name: str = "") -> str:
    """The searchable text of an original document; removed text is marked by BOUNDARY."""
    return Document(raw, name).text


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
