"""The codes a country field and an authority field accept, read from the one list in the schemas.

``definitions.schema.json`` enumerates them: ``$defs/country`` (ISO 3166-1 alpha-2, and XK for
Kosovo as sanctions lists use it) and ``$defs/authority`` (ISO 3166-1 alpha-2, and EU). The schema
is the source: the records' validators and the tests' strategies read the codes here, so that a
record can never hold a code that the schema refuses (hypothesis once built an action with
``authority: XK``, which the model took and the schema did not). Read on first use, once.
"""

from __future__ import annotations

import functools
import json

from .resources import bundled_dir

__all__ = ["authority_codes", "country_codes"]


@functools.cache
def _enum(definition: str) -> frozenset[str]:
    with (bundled_dir("schemas") / "definitions.schema.json").open(encoding="utf-8") as fh:
        codes: list[str] = json.load(fh)["$defs"][definition]["enum"]
    return frozenset(codes)


def country_codes() -> frozenset[str]:
    """The codes a subject's country, flag or nationality, and a target country, may take."""
    return _enum("country")


def authority_codes() -> frozenset[str]:
    """The codes the authority of an action, a series or a measure may take."""
    return _enum("authority")
