"""Finding codes of the official-list readers, with what each means.

The package ``__init__`` registers them (:func:`sanctions_tracker.findings.codes.register_codes`)
before any finding is created.
"""

from __future__ import annotations

__all__ = ["LIST_CODES"]

LIST_CODES: dict[str, str] = {
    "list-malformed-row": "a row or record of an official list cannot be read and was skipped",
    "list-unknown-subject": "a row's subject type is not vessel, entity, individual or aircraft",
    "list-duplicate-id": "two entries of one list share an entry id (the later one was skipped)",
    "list-missing-id": "a row has no id of its own: its entry id was derived from its content",
    "list-id-whitespace": "an entry id carries leading or trailing spaces (they were removed)",
    "list-orphan-row": "a companion row (address, alias, comment) names an entry that is absent",
    "list-remarks-truncated": "OFAC Remarks stop at exactly 1,000 characters and no COMMENTS "
                              "file continues them: the text is cut",
    "list-imo-malformed": "an IMO number is not seven digits",
    "list-imo-invalid": "an IMO number fails the check digit of its scheme (ship or company)",
    "list-imo-other-scheme": "an IMO number fails the scheme its row calls for and passes the "
                             "other one",
    "list-imo-company-label": "an entity row carries a company IMO number under a vessel label",
    "list-imo-duplicate": "the same ship IMO number is on two entries of one list",
    "list-date-unreadable": "a date cannot be read: its raw text is kept, with unknown precision",
    "list-date-offset": "a date carries a UTC offset, which was set aside (not read as a time)",
    "list-script-misspelt": "a script name is misspelt in the file (Cryillic, Cyrilic)",
    "list-country-unresolved": "a country or nationality resolves to no country code (a "
                               "Soviet-era SSR name, a postcode, free text)",
    "list-no-snapshot-date": "the file states no date and none was given: the snapshot is undated",
    "list-not-target": 'FtM entities marked "target": false (related parties such as owners, '
                       "not sanctioned) were not read as entries; one finding gives how many",
    "list-delta-index": "the file is an index of delta versions, not a list of entities",
    "list-diff-few-shared-ids": "two snapshots compared share under half the entry ids of the "
                                "smaller: they may be two lists (a renamed file), not two "
                                "versions of one",
}
