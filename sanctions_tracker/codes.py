"""Every finding code the tool can report, with what it means.

Codes are stable: users match on them in scripts, and a finding with a code not listed here is
refused when it is created, so a typo cannot ship.
"""

from __future__ import annotations

__all__ = ["CODES"]

CODES: dict[str, str] = {
    # reading files
    "unreadable-file": "the file could not be read from disk",
    "outside-data-folder": "a link in the data or sources folder points outside it",
    "file-too-large": "the file is larger than the size limit",
    "not-utf8": "the file is not UTF-8 text (for instance UTF-16, or invalid bytes)",
    "nul-byte": "the file contains a NUL byte",
    "yaml-syntax": "the file is not well-formed YAML",
    "empty-file": "the file holds no YAML document",
    "multiple-documents": "the file holds more than one YAML document",
    "too-deep": "the file nests deeper than the depth limit",
    "too-many-problems": "reading stopped after many problems in one file",
    "duplicate-key": "a mapping has the same key twice",
    "non-string-key": "a mapping key is a number, boolean, null or collection",
    "yaml-anchor": "an anchor (&name) was used",
    "yaml-alias": "an alias (*name) was used",
    "yaml-tag": "a tag (!name, !!python/...) was used",
    "ambiguous-value": "a plain value that YAML 1.1 and 1.2 read differently (01402, 1,159, yes)",
    "number-too-long": "a plain number is longer than any figure (more than 100 characters)",
    # structure
    "not-a-mapping": "the top of the file is a list or a single value, not a mapping",
    "unknown-kind": "the file's `kind:` is missing or unknown",
    "schema": "a value does not match the JSON Schema of its file",
    "invalid-value": "a value passes the schema but is invalid (an IMO check digit)",
    "duplicate-id": "two records share an id",
    "no-data": "a --data folder or file holds no records (nothing was checked)",
    # references and evidence
    "no-sources": "records cite evidence but no source records were loaded",
    "unknown-source": "evidence cites a source id that no source record defines",
    "unknown-series": "a measure names a series that no series record defines",
    "figure-not-in-quote": "a figure the evidence states is not written in its quote",
    "figure-not-in-evidence": "a figure of a record is stated by none of its quotes",
    "figure-ambiguous": "a quote writes several numbers and does not say which one a figure is",
    "figure-sign-mismatch": "a figure's sign or direction contradicts what its quote says",
    "sign-not-stated": "a signed figure's quote does not say whether items were added or removed",
    "quotes-not-checked": "quotes were not compared with the original documents",
    "source-file-missing": "the original document of a source is not in the sources folder",
    "source-hash-mismatch": "the original document's SHA-256 differs from the source record",
    "quote-not-in-source": "a quote does not occur in its original document",
    # Reconciliation of totals and chains.
    "total-mismatch": "total before plus the change does not give the total after",
    "negative-total": "a derived total is below zero",
    "derived-value": "a total not given was derived from the measure's other figures",
    "chain-break": "a measure does not start where the previous measure of its series ended",
    "chain-unchecked": "a link of a chain rests on an unknown total",
    "ambiguous-order": "measures of a series share a date and nothing in the data orders them",
    "series-out-of-order": "measures of a series are not listed in date order",
    "series-authority-mismatch": "a measure's authority differs from its series' authority",
    # Reconciliation of counts, sources and dates.
    "itemized-count-mismatch": "itemized subjects do not match the stated count",
    "duplicate-subject": "a designation action lists the same subject twice",
    "partly-itemized": "fewer subjects are named than the stated count",
    "not-itemized": "the sources name none of the subjects",
    "sources-disagree": "evidence from different sources states different figures",
    "disputed-figure": "sources disagree on a figure that the record marks as disputed",
    "dispute-without-disagreement": "a figure is marked disputed but the evidence agrees",
    "effective-before-announced": "the effective date is before the announced date",
    "announced-after-publication": "an announcement is dated after the source that reports it",
}
