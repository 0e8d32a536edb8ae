"""One-line, fix-oriented messages for JSON Schema errors.

jsonschema's own messages print whole instances and schema fragments; a user editing YAML by
hand needs the offending value and what to write instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .countries import authority_codes, country_codes

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

__all__ = ["describe"]

_MAX_SHOWN = 60
_TYPE_NAMES = {
    "integer": "a whole number", "string": "text", "object": "a mapping", "array": "a list",
    "boolean": "true or false", "null": "null", "number": "a number",
}


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else (
        "a mapping" if isinstance(value, dict) else "a list")
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _found(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"text {_shown(value)}"
    if isinstance(value, float):
        return f"the decimal number {value}"
    return _shown(value)


def _not_in(options: list[Any]) -> str:
    """What an enum refused, named by the list it is: codes by their standard, others listed.

    The country and authority lists are the schema's own (``$defs/country``, ``$defs/authority``,
    read by :mod:`.countries`); 250 codes are no help in a message, the standard they follow is.
    """
    codes = frozenset(o for o in options if isinstance(o, str))
    if len(codes) < len(options):  # a value that is no code (a number, a mapping)
        codes = frozenset()
    if codes == country_codes():
        return "is not a country code (ISO 3166-1 alpha-2 in capitals, or XK for Kosovo)"
    if codes == authority_codes():
        return "is not an authority code (ISO 3166-1 alpha-2 in capitals, or EU)"
    return f"is not one of {', '.join(map(repr, options))}"


#: Why a field that the schema forbids in one place is forbidden there, and what to do.
_NOT_ALLOWED = {
    ("entry",): "list entries evidence a subject's facts; give the entry in the evidence of the "
                "subject (subjects: [{..., evidence: [{source, entry, states}]}])",
    ("quote",): "a subject's evidence cites its source or names a list entry; quote the source "
                "in the record's own evidence",
}


def describe(error: ValidationError) -> str:  # noqa: C901, PLR0912, PLR0915 (a branch per keyword)
    """A message that names the value and how to fix it, prefixed by the JSON path."""
    where = error.json_path
    keyword = error.validator
    value: Any = error.instance
    expected: Any = error.validator_value
    schema: Any = error.schema
    if keyword == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        text = f"missing required field {', '.join(repr(k) for k in missing)}: add it"
    elif keyword == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        text = (f"unknown field {', '.join(repr(k) for k in extra)}: remove it or check the "
                f"spelling (allowed: {', '.join(allowed)})")
    elif keyword == "type":
        want = expected if isinstance(expected, str) else expected[0]
        hint = ""
        if want == "integer" and isinstance(value, str):
            hint = "; quote nothing and write digits only"
        elif want == "string" and isinstance(value, (int, float, bool)) and value is not None:
            hint = "; quote it to keep it as text"
        text = f"expected {_TYPE_NAMES.get(want, want)}, found {_found(value)}{hint}"
    elif keyword == "format" and expected == "date":
        text = f"{_shown(value)} is not a real calendar date: write YYYY-MM-DD"
    elif keyword == "pattern":
        text = f"{_shown(value)} does not have the expected form ({expected})"
    elif keyword == "enum":
        text = f"{_shown(value)} {_not_in(expected)}"
    elif keyword == "const":
        text = f"{_shown(value)} must be {expected!r}"
    elif keyword == "minimum":
        text = f"{_shown(value)} is below the minimum {expected:,}"
    elif keyword == "maximum":
        text = f"{_shown(value)} is above the maximum {expected:,}"
    elif keyword == "maxLength":
        text = f"text of {len(value):,} characters is longer than the limit of {expected:,}"
    elif keyword == "minLength":
        text = "text must not be empty"
    elif keyword == "maxItems" and expected == 0 and where.endswith(".subjects"):
        text = ("subjects must be empty when itemized is none "
                "(set itemized: complete or partial to list them)")
    elif keyword == "minItems":
        text = f"needs at least {expected} item{'s' if expected != 1 else ''}"
    elif keyword == "minProperties":
        text = f"needs at least {expected} field{'s' if expected != 1 else ''}"
    elif keyword == "uniqueItems":
        text = "has the same item more than once: keep one"
    elif keyword == "dependentRequired":
        text = error.message.replace("is a dependency of", "is required with")
    elif (keyword == "not" and isinstance(expected, dict) and list(expected) == ["required"]
          and isinstance(value, dict)):
        present = [k for k in expected["required"] if k in value]
        text = (f"{', '.join(repr(k) for k in present)} is not allowed here: "
                + _NOT_ALLOWED.get(tuple(present), "remove it"))
    else:
        text = error.message if len(error.message) <= 200 else error.message[:197] + "..."
    return f"{where}: {text}"
