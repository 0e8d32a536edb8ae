"""Exceptions for the tool's own failure to proceed.

Problems *in the data* are never raised: they are :class:`~sanctions_tracker.findings.Finding`
values. These exceptions are for the cases where the tool cannot go on at all (a folder that does
not exist, a bad option, a file it may not write) and the CLI turns each into one line and exit 2.
"""

from __future__ import annotations

__all__ = ["InputError", "SanctionsTrackerError", "UsageError", "WriteError"]


class SanctionsTrackerError(Exception):
    """Base of every exception this package raises on purpose."""


class UsageError(SanctionsTrackerError):
    """An option or argument cannot be used as given."""


class InputError(SanctionsTrackerError):
    """An input folder or file cannot be read at all."""


class WriteError(SanctionsTrackerError):
    """An output could not be written; nothing half-written was left behind."""
