"""Schemas: the JSON Schemas of the data files, and validators built from them once per process.

Stage two of the flow (read -> **validate** -> structure -> check -> output). It owns the
schemas and their one-line messages (:mod:`.messages`), the country and authority lists read
from them (:mod:`.countries`) and where shipped resources are (:mod:`.resources`). It may import
only ``findings`` and ``errors``.

Each kind of data file (``kind:`` at its top) has one schema; shared definitions live in
``definitions.schema.json`` and are reached by ``$ref``, resolved locally (through a
:mod:`referencing` registry for jsonschema), so no schema is ever fetched from the network.

Two validators come from the same schema files: :func:`quick_check_for` gives a fast verdict
(see :mod:`sanctions_tracker._compiled_schema`), and :func:`validator_for` gives jsonschema's
errors with their messages and paths. jsonschema is imported only when a file is invalid.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin

from ._compiled import Unsupported, compile_schema
from .resources import bundled_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    import jsonschema

__all__ = ["KINDS", "quick_check_for", "schema_for", "validator_for"]

#: The value of ``kind:`` for each kind of file, and the schema file that describes it.
KINDS: dict[str, str] = {
    "designations": "designations.schema.json",
    "export-controls": "export-controls.schema.json",
    "sources": "sources.schema.json",
}
_SHARED = "definitions.schema.json"


@functools.cache
def _load(file_name: str) -> dict[str, Any]:
    with (bundled_dir("schemas") / file_name).open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


@functools.cache
def _by_id() -> dict[str, dict[str, Any]]:
    schemas = [_load(name) for name in (_SHARED, *KINDS.values())]
    return {schema["$id"]: schema for schema in schemas}


def schema_for(kind: str) -> dict[str, Any]:
    """The schema of files of ``kind``."""
    return _load(KINDS[kind])


@functools.cache
def validator_for(kind: str) -> jsonschema.protocols.Validator:
    """A jsonschema validator for files of ``kind``, checking ``format: date``, built once."""
    from jsonschema import Draft202012Validator, validators  # noqa: PLC0415 (only on errors)
    from referencing import Registry, Resource  # noqa: PLC0415

    def is_strict_integer(_checker: Any, instance: Any) -> bool:
        # JSON Schema counts 1.0 as an integer; a count written 1.0 or 1e3 in YAML is a typo.
        return isinstance(instance, int) and not isinstance(instance, bool)

    strict = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", is_strict_integer),
    )
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(schema)) for uri, schema in _by_id().items()
    )
    validator: jsonschema.protocols.Validator = strict(
        schema_for(kind), registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return validator


def _resolve(base: str, ref: str) -> tuple[dict[str, Any], str]:
    uri, fragment = urldefrag(urljoin(base, ref))
    schema: Any = _by_id()[uri]
    for part in filter(None, fragment.split("/")):
        schema = schema[part.replace("~1", "/").replace("~0", "~")]
    return schema, uri


@functools.cache
def quick_check_for(kind: str) -> Callable[[Any], bool] | None:
    """A fast valid/invalid verdict for files of ``kind``, or None if it cannot be compiled.

    Valid files need nothing more; for an invalid one, :func:`validator_for` says why.
    """
    schema = schema_for(kind)
    try:
        return compile_schema(schema, schema["$id"], _resolve)
    except Unsupported:
        return None
