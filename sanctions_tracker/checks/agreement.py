"""Cross-source agreement: what each source states must agree, unless marked disputed.

Figures, dates and a subject's facts (its name, country, identifiers) alike: two sources that
give different values of one thing are reported, and a ``disputed`` note on the record (or the
subject) keeps both on purpose. Two names agree when they are the same words, or when they are
written in different scripts and the subject records both as its names (its name and an alias:
미사일총국 and Missile General Bureau are one name in two scripts). Two spellings in one script
(Sin Kum Chol, Sin Hong Chol) disagree whatever aliases the subject lists. A dispute must have
something to explain: sources that disagree, or, for a figure of a measure, a running total that
does not close (:mod:`.totals`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity
from sanctions_tracker.model.records import DesignationAction

from .list_entries import fold_name
from .registry import Stage, rule

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sanctions_tracker.findings import Location
    from sanctions_tracker.model.records import Dispute, Evidence

    from .registry import CheckContext

__all__ = ["check_agreement", "show_value"]

Value = int | str | dt.date
Statements = dict[str, list[tuple[int, str, Value]]]


def show_value(value: Value) -> str:
    """A stated value as messages write it: counts grouped by thousands, text quoted."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, str):
        return repr(value)
    return value.isoformat()


def _statements(evidence: Sequence[Evidence]) -> Statements:
    """Name -> [(evidence index, source id, value)] in evidence order."""
    out: Statements = {}
    for index, item in enumerate(evidence):
        for name, value in item.stated().items():
            out.setdefault(name, []).append((index, item.source, value))
    return out


def _same(a: Value, b: Value) -> bool:
    if isinstance(a, str) and isinstance(b, str):  # a name in other case or spacing is the same
        return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
    return a == b


@rule("agreement", Stage.RECONCILIATION, codes={
    "sources-disagree": "evidence from different sources states different figures, dates or "
                        "facts of one record or subject",
    "disputed-figure": "sources disagree on a figure, date or fact that the record marks as "
                       "disputed",
    "dispute-without-disagreement": "a figure, date or fact is marked disputed but the evidence "
                                    "agrees (and no running total breaks through it)",
})
def check_agreement(context: CheckContext) -> list[Finding]:
    """Every value stated by two or more sources must be stated alike by all of them."""
    dataset = context.dataset
    totals = context.reconciled()[1]
    findings: list[Finding] = []
    for record in dataset.figure_records():
        accepted = frozenset(totals[record.id].accepted) if record.id in totals else frozenset()
        findings += _agreement(record.evidence, record.disputed, accepted,
                               lambda *parts, r=record.id: dataset.at(r, *parts))
        if isinstance(record, DesignationAction):
            for s_index, subject in enumerate(record.subjects):
                findings += _agreement(
                    subject.evidence, subject.disputed, frozenset(),
                    lambda *parts, r=record.id, s=s_index: dataset.at(r, "subjects", s, *parts),
                    _names_of({fold_name(n) for n in (subject.name, *subject.aliases)}))
    return findings


def _scripts(name: str) -> set[str]:
    """The scripts of a name's letters, by the first word of their Unicode names."""
    return {unicodedata.name(char, "?").split(" ")[0] for char in name if char.isalpha()}


def _names_of(names: set[tuple[str, ...]]) -> Callable[[Value, Value], bool]:
    """Values that agree for one subject: alike, or its name in two scripts it records."""
    def same(a: Value, b: Value) -> bool:
        return _same(a, b) or (isinstance(a, str) and isinstance(b, str)
                               and fold_name(a) in names and fold_name(b) in names
                               and not _scripts(a) & _scripts(b))
    return same


def _agreement(evidence: Sequence[Evidence], disputed: Sequence[Dispute],
               accepted: frozenset[str], at: Callable[..., Location],
               same: Callable[[Value, Value], bool] | None = None) -> list[Finding]:
    same = same or _same
    findings: list[Finding] = []
    notes = {d.figure: d.note for d in disputed}
    statements = _statements(evidence)
    for name, said in statements.items():
        first_index, first_source, first_value = said[0]
        for index, source, value in said[1:]:
            if same(value, first_value):
                continue
            note = notes.get(name)
            findings.append(Finding(
                "disputed-figure" if note else "sources-disagree",
                Severity.WARNING if note else Severity.ERROR,
                f"{name}: {source} states {show_value(value)} but {first_source} states "
                f"{show_value(first_value)}"
                + (f" (marked disputed: {note})" if note else
                   "; correct one, or mark it disputed with a note"),
                at("evidence", index, "states", name),
                related=(at("evidence", first_index, "states", name),),
            ))
    for index, dispute in enumerate(disputed):
        values = [v for _, _, v in statements.get(dispute.figure, [])]
        differ = any(not same(v, values[0]) for v in values[1:])
        if not differ and dispute.figure not in accepted:
            findings.append(Finding(
                "dispute-without-disagreement", Severity.WARNING,
                f"{dispute.figure} is marked disputed, but its evidence states "
                f"{'one value' if values else 'no value'}: remove the mark, or add the "
                "evidence that disagrees",
                at("disputed", index),
            ))
    return findings
