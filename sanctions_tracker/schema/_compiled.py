"""A fast yes/no JSON Schema check, compiled from the project's own schemas into closures.

jsonschema interprets a schema afresh for every value, resolving ``$ref`` through the registry
each time; on 100,000 designations that is most of the run. Valid data only needs a verdict, so
:func:`compile_schema` turns a schema into nested Python closures once, covering exactly the
keywords our schemas use. When the verdict is "invalid", the loader asks jsonschema for the
errors, so messages and locations are jsonschema's own. A schema with any other keyword raises
:class:`Unsupported` at compile time, and the caller then uses jsonschema for everything.

tests/test_compiled_schema.py holds this to jsonschema's verdict on every fixture and on
generated documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Unsupported", "compile_schema"]


_IGNORED = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment", "examples",
                      "default"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


class Unsupported(Exception):  # noqa: N818 (a verdict about a schema, not an error of the user's)
    """The schema uses a keyword this compiler does not implement."""


def _is_type(name: str) -> Callable[[Any], bool]:
    checks: dict[str, Callable[[Any], bool]] = {
        "object": lambda v: type(v) is dict,
        "array": lambda v: type(v) is list,
        "string": lambda v: type(v) is str,
        "integer": lambda v: type(v) is int,  # strict: no bool, no 1.0 (as schemas.py)
        "number": lambda v: type(v) in (int, float),
        "boolean": lambda v: type(v) is bool,
        "null": lambda v: v is None,
    }
    if name not in checks:
        raise Unsupported(f"type {name!r}")
    return checks[name]


def _json_equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _is_date(value: Any) -> bool:
    if type(value) is not str:
        return True  # format applies to strings only
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _bounded(test: Callable[[Any, Any], bool], bound: Any, value: Any) -> bool:
    return test(value, bound)


def _unique(items: list[Any]) -> bool:
    try:
        return len(set(items)) == len(items)
    except TypeError:
        return all(not _json_equal(a, b) for i, a in enumerate(items) for b in items[i + 1:])


def _all_of(checks: list[Callable[[Any], bool]]) -> Callable[[Any], bool]:
    # A plain loop: all() over a generator costs a frame per value, on millions of values.
    frozen = tuple(checks)

    def check(value: Any) -> bool:
        for c in frozen:  # noqa: SIM110 (a loop is faster than all() over a generator)
            if not c(value):
                return False
        return True

    return check


def _every_item(item: Callable[[Any], bool]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if type(value) is list:
            for x in value:
                if not item(x):
                    return False
        return True

    return check


_STRING_KEYS = frozenset({"type", "minLength", "maxLength", "pattern", "format"}) | _IGNORED
_INTEGER_KEYS = frozenset({"type", "minimum", "maximum"}) | _IGNORED


def _fused_scalar(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """One closure for the commonest schemas (a constrained string or integer), or None.

    Most values in the data are names, ids, dates and counts; checking each with one call
    instead of one per keyword is most of what makes validation cheap.
    """
    keys = schema.keys()
    if schema.get("type") == "string" and keys <= _STRING_KEYS:
        if schema.get("format", "date") != "date":
            return None
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        search = re.compile(schema["pattern"]).search if "pattern" in schema else None
        date = "format" in schema

        def string(v: Any) -> bool:
            if type(v) is not str:
                return False
            n = len(v)
            if n < low or (high is not None and n > high):
                return False
            if search is not None and search(v) is None:
                return False
            return not date or _is_date(v)

        return string
    if schema.get("type") == "integer" and keys <= _INTEGER_KEYS:
        low, high = schema.get("minimum"), schema.get("maximum")

        def integer(v: Any) -> bool:
            return (type(v) is int and (low is None or v >= low)
                    and (high is None or v <= high))

        return integer
    return None


class _Compiler:
    def __init__(self, resolve: Callable[[str, str], tuple[dict[str, Any], str]]) -> None:
        self.resolve = resolve
        self.cache: dict[tuple[str, str], Callable[[Any], bool]] = {}

    def ref(self, base: str, ref: str) -> Callable[[Any], bool]:
        schema, uri = self.resolve(base, ref)
        key = (uri, ref.partition("#")[2])
        if key not in self.cache:
            holder: list[Callable[[Any], bool]] = []
            self.cache[key] = lambda v: holder[0](v)  # noqa: PLW0108 (bound late: recursion)
            compiled = self.compile(schema, uri)
            holder.append(compiled)
            self.cache[key] = compiled
        return self.cache[key]

    def compile(self, schema: Any, base: str) -> Callable[[Any], bool]:  # noqa: C901, PLR0912, PLR0915
        if schema is True:
            return lambda _v: True
        if schema is False:
            return lambda _v: False
        checks: list[Callable[[Any], bool]] = []
        unknown = set(schema) - _IGNORED - _KNOWN
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        fused = _fused_scalar(schema)
        if fused is not None:
            return fused
        if "$ref" in schema:
            checks.append(self.ref(base, schema["$ref"]))
        if "type" in schema:
            kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            tests = [_is_type(k) for k in kinds]
            checks.append(tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests))
        if "enum" in schema:
            options = schema["enum"]
            if all(type(o) is str for o in options):
                allowed = frozenset(options)
                checks.append(lambda v: type(v) is str and v in allowed)
            else:
                checks.append(lambda v: any(_json_equal(v, o) for o in options))
        if "const" in schema:
            const = schema["const"]
            if type(const) is str:
                checks.append(lambda v: type(v) is str and v == const)
            else:
                checks.append(lambda v: _json_equal(v, const))
        if "pattern" in schema:
            search = re.compile(schema["pattern"]).search
            checks.append(lambda v: type(v) is not str or search(v) is not None)
        if "format" in schema:
            if schema["format"] != "date":
                raise Unsupported(f"format {schema['format']!r}")
            checks.append(_is_date)
        bounds: tuple[tuple[str, Callable[[Any, Any], bool]], ...] = (
            ("minLength", lambda v, n: type(v) is not str or len(v) >= n),
            ("maxLength", lambda v, n: type(v) is not str or len(v) <= n),
            ("minItems", lambda v, n: type(v) is not list or len(v) >= n),
            ("maxItems", lambda v, n: type(v) is not list or len(v) <= n),
            ("minProperties", lambda v, n: type(v) is not dict or len(v) >= n),
            ("minimum", lambda v, n: type(v) not in (int, float) or v >= n),
            ("maximum", lambda v, n: type(v) not in (int, float) or v <= n),
        )
        for keyword, test in bounds:
            if keyword in schema:
                checks.append(functools.partial(_bounded, test, schema[keyword]))
        if schema.get("uniqueItems"):
            checks.append(lambda v: type(v) is not list or _unique(v))
        if "required" in schema:
            required = tuple(schema["required"])
            checks.append(lambda v: type(v) is not dict or all(k in v for k in required))
        if "dependentRequired" in schema:
            deps = {k: tuple(r) for k, r in schema["dependentRequired"].items()}
            checks.append(lambda v: type(v) is not dict or all(
                all(r in v for r in needs) for k, needs in deps.items() if k in v))
        if "properties" in schema or "additionalProperties" in schema:
            checks.append(self._object(schema, base))
        if "propertyNames" in schema:
            names = self.compile(schema["propertyNames"], base)
            checks.append(lambda v: type(v) is not dict or all(names(k) for k in v))
        if "items" in schema:
            checks.append(_every_item(self.compile(schema["items"], base)))
        if "allOf" in schema:
            checks.append(_all_of([self.compile(s, base) for s in schema["allOf"]]))
        if "if" in schema:
            cond = self.compile(schema["if"], base)
            then = self.compile(schema.get("then", True), base)
            other = self.compile(schema.get("else", True), base)
            checks.append(lambda v: then(v) if cond(v) else other(v))
        if not checks:
            return lambda _v: True
        return checks[0] if len(checks) == 1 else _all_of(checks)

    def _object(  # noqa: C901 (two specialised closures, chosen once)
        self, schema: dict[str, Any], base: str
    ) -> Callable[[Any], bool]:
        props = {k: self.compile(s, base) for k, s in schema.get("properties", {}).items()}
        extra = schema.get("additionalProperties", True)
        extra_check = None if extra is True else self.compile(extra, base)
        if extra_check is None:
            # Only the named properties matter (an `if` testing `type`, say): look those up
            # instead of walking every key of the instance.
            named = tuple(props.items())

            def check_named(value: Any) -> bool:
                if type(value) is not dict:
                    return True
                for key, sub in named:  # noqa: SIM110 (a loop is faster than all())
                    if key in value and not sub(value[key]):
                        return False
                return True

            return check_named

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return True
            for key, item in value.items():
                sub = props.get(key)
                if sub is not None:
                    if not sub(item):
                        return False
                elif extra_check is not None and not extra_check(item):
                    return False
            return True

        return check


_KNOWN = frozenset({
    "$ref", "type", "enum", "const", "pattern", "format", "minLength", "maxLength", "minItems",
    "maxItems", "minProperties", "minimum", "maximum", "uniqueItems", "required",
    "dependentRequired", "properties", "additionalProperties", "propertyNames", "items",
    "allOf", "if", "then", "else",
})


def compile_schema(schema: dict[str, Any], base: str,
                   resolve: Callable[[str, str], tuple[dict[str, Any], str]]
                   ) -> Callable[[Any], bool]:
    """Compile ``schema`` (whose URI is ``base``) into a function telling if an instance is valid.

    ``resolve(base, ref)`` returns the schema a ``$ref`` points to and that schema's own URI.
    Raises :class:`Unsupported` when the schema uses a keyword not implemented here.
    """
    return _Compiler(resolve).compile(schema, base)
