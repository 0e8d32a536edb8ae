"""The one cattrs converter of the package: how YAML data becomes records and back.

Data reaches :data:`converter` only after JSON Schema has checked it, so the converter never
has to guess at types (cattrs would happily turn ``True`` into ``1``). One gap is the
converter's to close: JSON Schema counts ``1.0`` as an integer, and a count written ``1.0`` (or
``1e3``) in YAML is a typo, so an ``int`` field takes an ``int`` and nothing else. Subjects are
a tagged union on their ``type`` key; dates are ISO strings in the data and
:class:`datetime.date` in records. Evidence writes one ``states`` mapping in the data and keeps
figures, dates and text apart in the record (:class:`~.records.Evidence`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn
from cattrs.strategies import configure_tagged_union

from .records import DATE_FIELDS, Entity, Evidence, Individual, Subject, Vessel

__all__ = ["SUBJECT_TYPES", "StatedValueError", "converter", "quick_converter"]

#: The ``type`` tag of each subject class in the data files.
SUBJECT_TYPES: dict[str, type[Vessel | Entity | Individual]] = {
    "vessel": Vessel,
    "entity": Entity,
    "individual": Individual,
}
_TAG_OF: dict[type, str] = {cls: tag for tag, cls in SUBJECT_TYPES.items()}

converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
#: The same configuration without cattrs' detailed validation, which wraps every field in error
#: bookkeeping. Data that passed the schema structures through this one; if it fails anyway (an
#: IMO check digit), the loader structures again with :data:`converter` to say where.
quick_converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True,
                                   detailed_validation=False)


def _structure_int(value: Any, _type: type) -> int:
    if type(value) is int:
        return value
    if isinstance(value, float) and value.is_integer():
        raise ValueError(f"expected a whole number, found the decimal number {value!r}; "
                         f"write {int(value)}, not {value!r}")
    found = str(value).lower() if isinstance(value, bool) else repr(value)
    raise ValueError(f"expected a whole number, found {found}")


def _structure_date(value: Any, _type: type) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:  # the schema's date format takes a year 0000; Python's dates have none
        raise ValueError(f"{value!r} is not a real calendar date: write YYYY-MM-DD") from None


#: Names in ``states`` whose values are dates; text facts of subjects; the rest are numbers.
_DATE_NAMES = frozenset((*DATE_FIELDS, "birth_date"))
_TEXT_NAMES = frozenset(("name", "flag", "country", "nationality", "call_sign"))


class StatedValueError(ValueError):
    """A value of ``states`` that is not of its name's type, naming the key to point at it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _stated(key: str, item: Any) -> int | dt.date | str:
    try:
        if key in _DATE_NAMES:
            return _structure_date(item, dt.date)
        if key not in _TEXT_NAMES:
            return _structure_int(item, int)
    except ValueError as exc:
        raise StatedValueError(key, str(exc)) from None
    if not isinstance(item, str):
        raise StatedValueError(key, f"expected text, found {item!r}")
    return item


def _structure_evidence(value: Any, _type: type) -> Evidence:
    """One ``states`` mapping of the data into the record's figures, dates and facts."""
    if not isinstance(value, dict):
        raise TypeError(f"expected a mapping, found {type(value).__name__}")
    rest = dict(value)
    states: dict[str, int] = {}
    dates: dict[str, dt.date] = {}
    facts: dict[str, str] = {}
    given = rest.pop("states", None) or {}
    if not isinstance(given, dict):
        raise TypeError(f"states: expected a mapping, found {type(given).__name__}")
    for key, item in given.items():
        stated = _stated(str(key), item)
        if isinstance(stated, dt.date):
            dates[key] = stated
        elif isinstance(stated, str):
            facts[key] = stated
        else:
            states[key] = stated
    known = {"source", "quote", "entry"}
    extra = set(rest) - known
    if extra:
        raise ValueError(f"unknown keys: {', '.join(sorted(map(str, extra)))}")
    return Evidence(source=rest["source"], quote=rest.get("quote"), entry=rest.get("entry"),
                    states=states, dates=dates, facts=facts)


def _unstructure_evidence(evidence: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"source": evidence.source}
    if evidence.entry is not None:
        out["entry"] = evidence.entry
    if evidence.quote is not None:
        out["quote"] = evidence.quote
    stated = {k: v.isoformat() if isinstance(v, dt.date) else v
              for k, v in evidence.stated().items()}
    if stated:
        out["states"] = stated
    return out


def _tag(cls: type) -> str:
    return _TAG_OF[cls]


# Hooks first: the functions cattrs generates for the records capture the hooks registered when
# they are generated.
for _converter in (converter, quick_converter):
    _converter.register_structure_hook(int, _structure_int)
    _converter.register_structure_hook(dt.date, _structure_date)
    _converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    _converter.register_structure_hook(Evidence, _structure_evidence)
    _converter.register_unstructure_hook(Evidence, _unstructure_evidence)

_PLAIN_UNSTRUCTURE = {
    cls: make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
    for cls in SUBJECT_TYPES.values()
}


def _unstructure_subject(subject: Vessel | Entity | Individual) -> dict[str, Any]:
    """A subject as the data files write it, ``type`` first.

    Also on its own, outside the union (export hashes that into the subject's id); and the
    union's strategy, which would add the tag last, keeps it where this puts it.
    """
    cls = type(subject)
    return {"type": _TAG_OF[cls], **_PLAIN_UNSTRUCTURE[cls](subject)}


for _cls in SUBJECT_TYPES.values():
    converter.register_unstructure_hook(_cls, _unstructure_subject)
# The union: structuring picks the class by `type` (and refuses what the class does not know,
# since forbid_extra_keys holds for each member); unstructuring goes through the hooks above,
# which the strategy takes as they are now.
for _converter in (converter, quick_converter):
    configure_tagged_union(Subject, _converter, tag_generator=_tag, tag_name="type")
