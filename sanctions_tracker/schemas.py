"""The JSON Schemas of the data files, and validators built from them once per process.

Each kind of data file (``kind:`` at its top) has one schema; shared definitions live in
``definitions.schema.json`` and are reached by ``$ref`` through a :mod:`referencing` registry,
so no schema is fetched from the network.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from ._resources import bundled_dir

__all__ = ["KINDS", "schema_for", "validator_for"]

#: The value of ``kind:`` for each kind of file, and the schema file that describes it.
KINDS: dict[str, str] = {
    "designations": "designations.schema.json",
    "export-controls": "export-controls.schema.json",
    "sources": "sources.schema.json",
}
_SHARED = "definitions.schema.json"


def _is_strict_integer(_checker: Any, instance: Any) -> bool:
    # JSON Schema counts 1.0 as an integer; a count written 1.0 or 1e3 in YAML is a typo here.
    return isinstance(instance, int) and not isinstance(instance, bool)


_StrictValidator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_strict_integer),
)


@functools.cache
def _load(file_name: str) -> dict[str, Any]:
    with (bundled_dir("schemas") / file_name).open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


@functools.cache
def _registry() -> Registry[Any]:
    resources = [
        Resource.from_contents(_load(name)) for name in (_SHARED, *KINDS.values())
    ]
    return Registry().with_resources((str(r.id()), r) for r in resources)


def schema_for(kind: str) -> dict[str, Any]:
    """The schema of files of ``kind``."""
    return _load(KINDS[kind])


@functools.cache
def validator_for(kind: str) -> jsonschema.protocols.Validator:
    """A validator for files of ``kind``, checking ``format: date``, built once and reused."""
    validator: jsonschema.protocols.Validator = _StrictValidator(
        schema_for(kind),
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return validator
