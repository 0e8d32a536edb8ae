"""Matching: who a subject is, across the curated data and every official list.

Owns name normalisation (:mod:`.normalize`, on rigour and normality), the index of names and
identifiers (:mod:`.index`, scored with rapidfuzz), queries (:mod:`.lookup`), the
cross-reference of curated subjects with the lists and its findings (:mod:`.crossref`), and the
``lookup`` and ``crossref`` commands (:mod:`.cli`). It may import ``findings``, ``errors``,
``reading``, ``schema``, ``model``, ``checks`` (for the contract of list-entry evidence,
:class:`~sanctions_tracker.checks.ListFile`) and ``lists``; ``cli`` and ``output`` may import it,
and ``checks`` runs its findings through the callables the CLI passes in (checks never imports
it). :func:`list_file_finder` reads the list files that curated evidence names entries of.
"""

from __future__ import annotations

from sanctions_tracker.findings.codes import register_codes

from .codes import MATCHING_CODES

register_codes(MATCHING_CODES)  # before any module below can create a Finding

from .crossref import Crossref, SubjectCrossref, crosscheck, crossref, lists_index  # noqa: E402
from .index import DEFAULT_THRESHOLD, How, Match, NameIndex  # noqa: E402
from .lookup import Query, Result, lookup  # noqa: E402
from .normalize import NameForms, name_forms  # noqa: E402
from .sources import (  # noqa: E402
    LISTS_ENV,
    build_index,
    list_file_finder,
    list_paths,
    read_lists,
)
from .targets import ListRef, Target, TargetName, curated_targets, list_targets  # noqa: E402

__all__ = [
    "DEFAULT_THRESHOLD",
    "LISTS_ENV",
    "Crossref",
    "How",
    "ListRef",
    "Match",
    "NameForms",
    "NameIndex",
    "Query",
    "Result",
    "SubjectCrossref",
    "Target",
    "TargetName",
    "build_index",
    "crosscheck",
    "crossref",
    "curated_targets",
    "list_file_finder",
    "list_paths",
    "list_targets",
    "lists_index",
    "lookup",
    "name_forms",
    "read_lists",
]
