"""Cross-source agreement: what each source states of a figure must agree, unless disputed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity

from .registry import Stage, rule

if TYPE_CHECKING:
    from sanctions_tracker.model.records import DesignationAction, ExportControlMeasure

    from .registry import CheckContext

__all__ = ["check_agreement"]


Statements = dict[str, list[tuple[int, str, int]]]


def _statements(record: DesignationAction | ExportControlMeasure) -> Statements:
    """Figure -> [(evidence index, source id, value)] in evidence order."""
    out: Statements = {}
    for index, item in enumerate(record.evidence):
        for figure, value in item.states.items():
            out.setdefault(figure, []).append((index, item.source, value))
    return out


@rule("agreement", Stage.RECONCILIATION, codes={
    "sources-disagree": "evidence from different sources states different figures",
    "disputed-figure": "sources disagree on a figure that the record marks as disputed",
    "dispute-without-disagreement": "a figure is marked disputed but the evidence agrees",
})
def check_agreement(context: CheckContext) -> list[Finding]:
    """Every figure stated by two or more sources must be stated alike by all of them."""
    dataset = context.dataset
    findings: list[Finding] = []
    for record in dataset.figure_records():
        disputed = {d.figure: d.note for d in record.disputed}
        statements = _statements(record)
        for figure, said in statements.items():
            first_index, first_source, first_value = said[0]
            for index, source, value in said[1:]:
                if value == first_value:
                    continue
                disputed_note = disputed.get(figure)
                findings.append(Finding(
                    "disputed-figure" if disputed_note else "sources-disagree",
                    Severity.WARNING if disputed_note else Severity.ERROR,
                    f"{figure}: {source} states {value:,} but {first_source} states "
                    f"{first_value:,}"
                    + (f" (marked disputed: {disputed_note})" if disputed_note else
                       "; correct one, or mark the figure disputed with a note"),
                    dataset.at(record.id, "evidence", index, "states", figure),
                    related=(dataset.at(record.id, "evidence", first_index, "states", figure),),
                ))
        for index, dispute in enumerate(record.disputed):
            values = {v for _, _, v in statements.get(dispute.figure, [])}
            if len(values) < 2:
                findings.append(Finding(
                    "dispute-without-disagreement", Severity.WARNING,
                    f"{dispute.figure} is marked disputed, but its evidence states "
                    f"{'one value' if values else 'no value'}: remove the mark, or add the "
                    "evidence that disagrees",
                    dataset.at(record.id, "disputed", index),
                ))
    return findings
