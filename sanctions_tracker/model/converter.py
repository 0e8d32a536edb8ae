"""The one cattrs converter of the package: how YAML data becomes records and back.

Data reaches :data:`converter` only after JSON Schema has checked it, so the converter never
has to guess at types (cattrs would happily turn ``True`` into ``1``). Subjects are a tagged
union on their ``type`` key; dates are ISO strings in the data and :class:`datetime.date` in
records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn

from .records import Entity, Individual, Subject, Vessel

__all__ = ["SUBJECT_TYPES", "converter", "quick_converter"]

#: The ``type`` tag of each subject class in the data files.
SUBJECT_TYPES: dict[str, type[Vessel | Entity | Individual]] = {
    "vessel": Vessel,
    "entity": Entity,
    "individual": Individual,
}
_TAG_OF = {cls: tag for tag, cls in SUBJECT_TYPES.items()}

converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
#: The same configuration without cattrs' detailed validation, which wraps every field in error
#: bookkeeping. Data that passed the schema structures through this one; if it fails anyway (an
#: IMO check digit), the loader structures again with :data:`converter` to say where.
quick_converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True,
                                   detailed_validation=False)


def _subject_hook(using: cattrs.Converter) -> Any:
    def structure(value: Any, _type: type) -> Vessel | Entity | Individual:
        fields = dict(value)
        cls = SUBJECT_TYPES[fields.pop("type")]
        return using.structure(fields, cls)

    return structure


def _structure_date(value: Any, _type: type) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


for _converter in (converter, quick_converter):
    _converter.register_structure_hook(dt.date, _structure_date)
    _converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    _converter.register_structure_hook(Subject, _subject_hook(_converter))

# Generated after the date hooks above, which the generated functions capture.
_PLAIN_UNSTRUCTURE = {
    cls: make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
    for cls in SUBJECT_TYPES.values()
}


def _unstructure_subject(subject: Vessel | Entity | Individual) -> dict[str, Any]:
    cls = type(subject)
    return {"type": _TAG_OF[cls], **_PLAIN_UNSTRUCTURE[cls](subject)}


converter.register_unstructure_hook(Subject, _unstructure_subject)
for _cls in SUBJECT_TYPES.values():
    converter.register_unstructure_hook(_cls, _unstructure_subject)
