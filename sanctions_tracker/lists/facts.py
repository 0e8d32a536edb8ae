"""What one list entry states, as plain values: what curated evidence naming the entry may claim.

``check`` verifies evidence of the form ``{source: <list file>, entry: <id>, states: {...}}`` by
reading the entry. Checks may not import this package, so the entry is handed over as a mapping
of fact names to the values the entry gives (raw text; the check folds names itself): ``name``
(every name, any kind), ``ship_imo`` and ``company_imo`` (valid or not, as read), ``mmsi``,
``call_sign``, ``nationality`` (ISO codes of the entry's nationalities), ``country`` (its
nationalities and the countries of its addresses: where an entity is), ``flag`` (a vessel's
flag, which OFAC gives in its remarks), ``birth_date`` (ISO prefixes) and ``subject`` (vessel,
entity, individual, aircraft). A person's nationality is never read from an address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .countries import to_code
from .model import IdScheme

if TYPE_CHECKING:
    from .model import Entry

__all__ = ["entry_facts"]

_SCHEME_FACT = {
    IdScheme.SHIP_IMO: "ship_imo",
    IdScheme.COMPANY_IMO: "company_imo",
    IdScheme.MMSI: "mmsi",
    IdScheme.CALL_SIGN: "call_sign",
}
#: Remarks of OFAC vessel rows give the flag as a note (see readers/ofac.py).
_FLAG_NOTE = "Vessel flag: "


def entry_facts(entry: Entry) -> dict[str, tuple[str, ...]]:
    """The facts of ``entry`` by name, each a tuple of the values the entry gives, in order."""
    facts: dict[str, list[str]] = {"subject": [entry.subject.value],
                                   "name": [name.text for name in entry.names]}
    for identifier in entry.identifiers:
        name = _SCHEME_FACT.get(identifier.scheme)
        if name is not None:
            facts.setdefault(name, []).append(identifier.value)
    nationalities = [c.code for c in entry.nationalities if c.code]
    facts["nationality"] = nationalities
    facts["country"] = nationalities + [a.country.code for a in entry.addresses
                                        if a.country is not None and a.country.code]
    facts["flag"] = [code for code in (to_code(note[len(_FLAG_NOTE):]) for note in entry.notes
                                       if note.startswith(_FLAG_NOTE)) if code]
    facts["birth_date"] = [d.start for d in entry.birth_dates if d.start]
    return {name: tuple(dict.fromkeys(values)) for name, values in facts.items() if values}
