"""Original documents: find them, verify their bytes, and normalise their text for quoting.

The originals come as plain text or as WordPress REST JSON, which may be cut off mid-string or
carry raw newlines inside strings, so the JSON is never parsed: its escapes are decoded in place
and its HTML is stripped, which works the same on a complete and on a truncated file.
"""

from __future__ import annotations

import hashlib
import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["normalise_document", "normalise_quote", "sha256_of"]

_JSON_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[\"\\/bfnrt])")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                   "t": "\t"}
# Inline tags sit inside sentences ("Seoul <a>adding</a> 741") and vanish; any other tag ends a
# block of text and becomes a space, so that paragraphs do not run together.
_INLINE_TAG = re.compile(
    r"</?(?:a|span|b|i|em|strong|u|sup|sub|abbr|cite|code|mark|small|time|font)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
    "\u00ad": None, "\u200b": None,
})
_SPACE = re.compile(r"\s+")


def _decode_json_escapes(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code[0] == "u" else _SIMPLE_ESCAPES[code]

    decoded = _JSON_ESCAPE.sub(replace, text)
    # \uXXXX pairs encode characters outside the BMP as two surrogates: join them.
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def normalise_quote(text: str) -> str:
    """Fold entities, typographic quotes, dashes and whitespace so equal text compares equal."""
    return _SPACE.sub(" ", html.unescape(text).translate(_FOLD)).strip()


def normalise_document(raw: bytes) -> str:
    """The searchable text of an original document, plain text or (possibly cut-off) JSON."""
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if text.lstrip().startswith("{"):
        text = _decode_json_escapes(text)
    text = _ANY_TAG.sub(" ", _INLINE_TAG.sub("", text))
    return normalise_quote(text)


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
