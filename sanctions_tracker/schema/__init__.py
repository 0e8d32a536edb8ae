"""Schemas: the JSON Schemas of the data files, and validators built from them once per process.

Stage two of the flow (read -> **validate** -> structure -> check -> output). It owns the
schemas and their one-line messages (:mod:`.messages`), the country and authority lists read
from them (:mod:`.countries`) and where shipped resources are (:mod:`.resources`). It may import
only ``findings`` and ``errors``.

Each kind of data file (``kind:`` at its top) has one schema; shared definitions live in
``definitions.schema.json`` and are reached by ``$ref``, resolved locally (a registry of the
bundled schemas, for both validators), so no schema is ever fetched from the network.

Two validators come from the same schema files: :func:`quick_check_for` gives the verdict
(jsonschema-rs, which compiles a schema once and checks in Rust), and :func:`validator_for`
gives jsonschema's errors with their messages and paths, for files that fail the verdict only.
jsonschema is imported only when a file is invalid. Both follow Draft 2020-12 as it is, where
``1.0`` is an integer: the converter (:mod:`sanctions_tracker.model.converter`) is what refuses
a count written ``1.0``.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

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
    from jsonschema import Draft202012Validator  # noqa: PLC0415 (only on errors)
    from referencing import Registry, Resource  # noqa: PLC0415

    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(schema)) for uri, schema in _by_id().items()
    )
    return Draft202012Validator(
        schema_for(kind), registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _offline(uri: str) -> Any:
    """jsonschema-rs' retriever: every schema is in the registry, and none is ever downloaded."""
    raise ValueError(f"{uri} is not a bundled schema, and schemas are never fetched")


@functools.cache
def quick_check_for(kind: str) -> Callable[[Any], bool]:
    """A fast valid/invalid verdict for files of ``kind``, from jsonschema-rs.

    Valid files need nothing more; for an invalid one, :func:`validator_for` says why. On
    bench/run.py's 100,000 designations the verdict on all 97 files takes 0.046 s, against
    0.33 s for the hand-written Python checks it replaced. Where the two validators can disagree
    (JSON Schema's regular expressions are ECMA-262's, which jsonschema-rs follows and Python's
    ``re`` does not quite; RFC 3339 has a year 0000, Python's dates have none),
    tests/test_schema.py lists the cases. A value that cannot cross into Rust (a lone surrogate,
    which only PyYAML's pure-Python parser lets through) gets no quick verdict: jsonschema judges
    that file.
    """
    import jsonschema_rs  # noqa: PLC0415 (a compiled extension: load it when data is checked)

    registry = jsonschema_rs.Registry(list(_by_id().items()), retriever=_offline)
    # Draft 2020-12 makes `format` an annotation; jsonschema checks dates, so this one must.
    is_valid = jsonschema_rs.Draft202012Validator(
        schema_for(kind), registry=registry, retriever=_offline, validate_formats=True,
    ).is_valid

    def quick_check(data: Any) -> bool:
        try:
            return is_valid(data)
        except ValueError:  # UnicodeEncodeError: a str that is not valid UTF-8
            return False

    return quick_check
