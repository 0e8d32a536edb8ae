"""Date rules: the dates of a record in their order, against their evidence and sources.

A record has up to four dates, each meaning one thing: ``announced`` (made public),
``promulgated`` (issued in legal form), ``effective`` (in force) and ``expected`` (the date a
source expected it to take effect, when that is all it gave). Evidence may state any of them;
the record's date must be one its evidence states, and sources that give different dates are
reported by :mod:`.agreement`.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from sanctions_tracker.findings import Finding, Severity
from sanctions_tracker.model.records import DATE_FIELDS

from .registry import Stage, rule

if TYPE_CHECKING:
    from sanctions_tracker.model.dataset import Dataset
    from sanctions_tracker.model.records import DesignationAction, ExportControlMeasure

    from .registry import CheckContext

__all__ = ["check_dates"]


@rule("dates", Stage.RECONCILIATION, codes={
    "effective-before-announced": "the effective date is before the announced date",
    "announced-after-publication": "an announcement is dated after the source that reports it",
    "series-out-of-order": "measures of a series are not listed in date order",
    "series-authority-mismatch": "a measure's authority differs from its series' authority",
    "promulgated-before-announced": "the promulgation date is before the announced date",
    "effective-before-promulgated": "the effective date is before the promulgation date",
    "expected-vs-effective": "a measure took effect on another day than a source expected",
    "expected-before-announced": "a measure was expected to take effect before it was announced",
    "date-unsupported": "a record's date (other than announced) is stated by none of its "
                        "evidence, or is none of the values its evidence states",
    "date-not-recorded": "evidence states a date that the record does not give",
})
def check_dates(context: CheckContext) -> list[Finding]:
    """Check the dates of actions and measures, and the order of measures within each series."""
    dataset = context.dataset
    findings: list[Finding] = []
    for record in dataset.figure_records():
        findings += _order(record, dataset)
        findings += _against_evidence(record, dataset)
        for index, item in enumerate(record.evidence):
            source = dataset.sources.get(item.source)
            dated = source.dated if source is not None else None
            if dated is not None and record.announced > dated:
                kind = "published" if source is not None and source.published else "updated"
                findings.append(Finding(
                    "announced-after-publication", Severity.ERROR,
                    f"announced {record.announced}, after {item.source} was {kind} "
                    f"({dated}), which reports it: check the date and how it was derived",
                    dataset.at(record.id, "announced"),
                    related=(dataset.at(record.id, "evidence", index, "source"),),
                ))
    for series_id, series in dataset.series.items():
        in_file_order = [m for m in dataset.measures.values() if m.series == series_id]
        if len(in_file_order) > 1:
            findings += _ordering_dates(in_file_order, dataset)
        for earlier, later in itertools.pairwise(in_file_order):
            if later.announced < earlier.announced and (
                    dataset.origins[later.id].file == dataset.origins[earlier.id].file):
                findings.append(Finding(
                    "series-out-of-order", Severity.WARNING,
                    f"announced {later.announced}, but listed after {earlier.id} of "
                    f"{earlier.announced}: list the measures of a series in date order",
                    dataset.at(later.id, "announced"),
                ))
        findings.extend(
            Finding(
                "series-authority-mismatch", Severity.ERROR,
                f"authority {m.authority}, but series {series_id} belongs to {series.authority}",
                dataset.at(m.id, "authority"),
            )
            for m in in_file_order if m.authority != series.authority
        )
    return findings


def _ordering_dates(measures: list[ExportControlMeasure], dataset: Dataset) -> list[Finding]:
    """A measure that its announcement date places in a chain must have that date evidenced.

    Without an effective date, ``announced`` decides where the measure sits in its series, and
    so which totals meet: a date no source gives and no ``date_derivation`` explains could
    reorder the chain and hide a break.
    """
    return [
        Finding(
            "date-unsupported", Severity.ERROR,
            f"announced {m.announced} places this measure in series {m.series}, but no evidence "
            "states it and no date_derivation explains it: add it to the `states` of the "
            "evidence that gives it, or say in date_derivation how it was worked out",
            dataset.at(m.id, "announced"),
        )
        for m in measures
        if m.effective is None and m.date_derivation is None
        and not any("announced" in e.dates for e in m.evidence)
    ]


# Pairs of dates in the order they must come: (code, severity, later, earlier, message), the
# message formatted with the two dates; a finding is located at the later date.
_ORDER = (
    ("effective-before-announced", Severity.ERROR, "effective", "announced",
     ("effective {later} is before announced {earlier}: a measure cannot take effect before it "
      "is announced")),
    ("promulgated-before-announced", Severity.WARNING, "promulgated", "announced",
     ("promulgated {later}, before announced {earlier}: announced is the first public "
      "statement; check both dates")),
    ("effective-before-promulgated", Severity.WARNING, "effective", "promulgated",
     ("effective {later}, before promulgated {earlier}: a measure in force before it is issued "
      "is retroactive; check both dates")),
    ("expected-before-announced", Severity.WARNING, "expected", "announced",
     ("expected by {later}, before it was announced ({earlier}): an expectation comes with or "
      "after the announcement; check both dates")),
)


def _order(record: DesignationAction | ExportControlMeasure, dataset: Dataset) -> list[Finding]:
    """Effective and promulgated after announced; an expectation against the actual day."""
    findings: list[Finding] = []
    for code, severity, later_field, earlier_field, message in _ORDER:
        later, earlier = getattr(record, later_field), getattr(record, earlier_field)
        if later is not None and earlier is not None and later < earlier:
            findings.append(Finding(code, severity, message.format(later=later, earlier=earlier),
                                    dataset.at(record.id, later_field)))
    if record.expected is not None and record.effective is not None:
        days = (record.effective - record.expected).days
        when = ("on the day expected" if days == 0 else
                f"{abs(days)} day{'s' if abs(days) != 1 else ''} "
                f"{'later' if days > 0 else 'earlier'} than expected")
        findings.append(Finding(
            "expected-vs-effective", Severity.INFO,
            f"expected by {record.expected}, in force {record.effective}: {when}",
            dataset.at(record.id, "effective"),
            related=(dataset.at(record.id, "expected"),),
        ))
    return findings


def _against_evidence(record: DesignationAction | ExportControlMeasure,
                      dataset: Dataset) -> list[Finding]:
    """Each date of the record must be one its evidence states.

    ``announced`` may be worked out from the reporting source (``date_derivation``: "on
    Thursday" in an article of Friday); the other dates order a chain and date a timeline, so,
    like a figure, each must be stated by some evidence: an effective date nobody gives could
    reorder a series and hide a break.
    """
    findings: list[Finding] = []
    given = record.dates()
    disputed = {d.figure for d in record.disputed}
    for name in DATE_FIELDS:
        stated = [(i, e.source, e.dates[name]) for i, e in enumerate(record.evidence)
                  if name in e.dates]
        value = given.get(name)
        if not stated:
            if value is not None and name != "announced":
                findings.append(Finding(
                    "date-unsupported", Severity.ERROR,
                    f"{name} {value} is stated by none of the record's evidence: add it to the "
                    f"`states` of the evidence that gives it ({name}: {value}), or leave it out",
                    dataset.at(record.id, name),
                ))
            continue
        said = ", ".join(f"{d} by {source}" for _, source, d in stated)
        if value is None:
            if name not in disputed:
                findings.append(Finding(
                    "date-not-recorded", Severity.WARNING,
                    f"the evidence states {name} {said}, but the record gives no {name}: "
                    f"add `{name}:`, or mark it disputed when the sources differ",
                    dataset.at(record.id, "evidence", stated[0][0], "states", name),
                ))
        elif all(d != value for _, _, d in stated):
            findings.append(Finding(
                "date-unsupported", Severity.ERROR,
                f"{name} {value} is stated by none of the record's evidence ({said}): "
                "correct the date, or add the evidence that states it",
                dataset.at(record.id, name),
                related=tuple(dataset.at(record.id, "evidence", i, "states", name)
                              for i, _, _ in stated),
            ))
    return findings
