"""One query against the index: a name, an IMO number, an MMSI or an entry id.

A query that is an identifier is first looked up as one, under the scheme its check digit
allows (a ship IMO and a company IMO are different numbers with different check digits; a
number that passes both is looked up under both, and each match says which); every query is
also tried as an entry id and, unless it is only digits, as a name.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from sanctions_tracker.lists.model import Identifier, IdScheme

from .index import DEFAULT_THRESHOLD, Match, NameIndex
from .targets import ship_or_company_imo

__all__ = ["Query", "Result", "lookup"]

# Read after NFKC, in ASCII: "IMO-9003550", "IMO No. 9003550", "(IMO) number: 9003550" and
# full-width digits are all 9003550 (a bare \d took full-width digits, which no list holds).
_IMO = re.compile(r"(?:\(?IMO\)?[\W_]*(?:(?:no|nr|num|number)\b[\W_]*)?)?(\d{7})",
                  re.IGNORECASE | re.ASCII)
_MMSI = re.compile(r"(?:MMSI[\W_]*)?(\d{9})", re.IGNORECASE | re.ASCII)


@attrs.frozen
class Query:
    """What one screening asks: a name or identifier, and optional facts that narrow it.

    ``subject`` keeps one type (vessel, entity, individual); ``imo`` is looked up as an
    identifier beside the name; ``country`` and ``birth_date`` are carried to the result.
    """

    text: str
    subject: str | None = None
    imo: str | None = None
    country: str | None = None
    birth_date: str | None = None


@attrs.frozen
class Result:
    """The matches of one query, best first, and what the query itself was read as."""

    query: Query
    notes: tuple[str, ...]
    matches: tuple[Match, ...]


def _imo_notes(number: str, identifiers: tuple[Identifier, ...]) -> list[str]:
    kinds = [i.scheme for i in identifiers if i.valid]
    if not kinds:
        return [(f"{number} passes neither IMO check digit (ship or company): not an IMO "
                 "number as written")]
    if kinds == [IdScheme.SHIP_IMO]:
        return [f"{number} is a valid ship IMO number (not a company IMO number)"]
    if kinds == [IdScheme.COMPANY_IMO]:
        return [f"{number} is a valid company IMO number (not a ship IMO number)"]
    return [(f"{number} passes both the ship and the company IMO check digits: matches say "
             "which scheme each list gives it")]


def _by_imo(index: NameIndex, number: str, notes: list[str]) -> list[Match]:
    """Targets with this IMO number under each scheme it passes (both when it passes none)."""
    identifiers = ship_or_company_imo(number)
    notes += _imo_notes(number, identifiers)
    schemes = [i for i in identifiers if i.valid] or [
        Identifier(IdScheme.SHIP_IMO, number, number, valid=False),
        Identifier(IdScheme.COMPANY_IMO, number, number, valid=False)]
    return [match for identifier in schemes for match in index.by_identifier(identifier)]


def lookup(index: NameIndex, query: Query | str, *, threshold: float = DEFAULT_THRESHOLD,
           limit: int | None = 10) -> Result:
    """Every target the query names, identifier matches first, one match per target."""
    if isinstance(query, str):
        query = Query(query)
    text = unicodedata.normalize("NFKC", query.text).strip()
    notes: list[str] = []
    found: list[Match] = []
    given_imo = unicodedata.normalize("NFKC", query.imo).strip() if query.imo else ""
    numbers = [text] + ([given_imo] if given_imo not in {"", text} else [])
    for number in numbers:
        imo = _IMO.fullmatch(number)
        if imo is not None:
            found += _by_imo(index, imo.group(1), notes)
        elif given_imo and number == given_imo:
            notes.append(f'imo {query.imo!r} is not an IMO number (seven digits, after "IMO" '
                         "or not): it was not looked up")
    mmsi = _MMSI.fullmatch(text)
    if mmsi:
        notes.append(f"{mmsi.group(1)} is read as an MMSI (nine digits)")
        found += index.by_identifier(Identifier(IdScheme.MMSI, mmsi.group(1), mmsi.group(1)))
    found += index.by_entry_id(text)
    if text and not _IMO.fullmatch(text) and not mmsi and not text.isdigit():
        found += index.search(text, threshold=threshold, subject=query.subject)
    seen: set[int] = set()
    matches: list[Match] = []
    for match in found:
        if query.subject is not None and match.target.subject != query.subject:
            continue
        if id(match.target) not in seen:
            seen.add(id(match.target))
            matches.append(match)
    return Result(query, tuple(notes), tuple(matches[:limit] if limit else matches))
