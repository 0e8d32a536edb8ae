"""One reader per list format; each turns file(s) into a :class:`~..model.Snapshot`.

Readers never raise on bad rows: a row that cannot be read is skipped with a located finding.
They raise :class:`~sanctions_tracker.errors.InputError` only when the file itself cannot be
read (missing, not UTF-8, not the format asked for).
"""
