"""The knowledge base as plain data and back, through a whitelist of its own classes.

`encode` turns a `KnowledgeBase` into JSON-ready data: a dataclass becomes
`{"@": "ClassName", field: value, ...}`, a mapping `{"@": "map", "items": {...}}`, a
tuple a list. `decode` builds only the dataclasses `faq.kb.model` defines (`CLASSES`),
with only their own fields; anything else is a `ValueError`. No code is ever looked up
by a name the data gives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from faq.kb import model, vocabulary

__all__ = ["CLASSES", "decode", "encode", "loads"]

CLASSES: dict[str, type] = {
    name: cls
    for name, cls in vars(model).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ in (model.__name__, vocabulary.__name__)
}
"""The whitelist: the dataclasses `faq.kb.model` defines (the vocabulary's in `faq.kb.vocabulary`), by name;
nothing else is ever built."""
_FIELDS = {name: frozenset(f.name for f in dataclasses.fields(cls)) for name, cls in CLASSES.items()}
_MAX_DEPTH = 32


def encode(value: Any) -> Any:
    """Return `value` (a knowledge base or any part of it) as JSON-ready data.

    Raises:
        TypeError: It holds something the codec does not know.
    """
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and CLASSES.get(name) is type(value):
        out: dict[str, Any] = {"@": name}
        for f in dataclasses.fields(value):
            out[f.name] = encode(getattr(value, f.name))
        return out
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("mapping keys must be strings")
        return {"@": "map", "items": {k: encode(v) for k, v in value.items()}}
    raise TypeError(f"cannot encode {name}")


def decode(data: Any, depth: int = 0) -> Any:
    """Return the value `encode` made of it, building only whitelisted classes.

    Raises:
        ValueError: The data is not what `encode` makes.
    """
    if depth > _MAX_DEPTH:
        raise ValueError("nested too deeply")
    if data is None or isinstance(data, str | bool | int | float):
        return data
    if isinstance(data, list):
        return tuple(decode(v, depth + 1) for v in data)
    if not isinstance(data, dict):
        raise ValueError(f"unexpected {type(data).__name__}")
    kind = data.get("@")
    if kind == "map" and set(data) == {"@", "items"} and isinstance(data["items"], dict):
        return {str(k): decode(v, depth + 1) for k, v in data["items"].items()}
    if not isinstance(kind, str) or kind not in CLASSES:
        raise ValueError(f"unknown kind {str(kind)[:40]!r}")
    fields = {k: v for k, v in data.items() if k != "@"}
    if not set(fields) <= _FIELDS[kind]:
        raise ValueError(f"unknown field of {kind}")
    try:
        return CLASSES[kind](**{k: decode(v, depth + 1) for k, v in fields.items()})
    except TypeError as exc:
        raise ValueError(f"{kind}: {exc}") from None


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _object(data: dict[str, Any]) -> Any:
    """Build one JSON object of `encode`'s output (its members are built already)."""
    kind = data.get("@")
    if kind is None:
        return data
    if kind == "map" and len(data) == 2 and isinstance(data.get("items"), dict):
        return {k: _tuples(v) for k, v in data["items"].items()}
    if not isinstance(kind, str) or kind not in CLASSES:
        raise ValueError(f"unknown kind {str(kind)[:40]!r}")
    del data["@"]
    if not data.keys() <= _FIELDS[kind]:
        raise ValueError(f"unknown field of {kind}")
    try:
        return CLASSES[kind](**{k: _tuples(v) for k, v in data.items()})
    except TypeError as exc:
        raise ValueError(f"{kind}: {exc}") from None


def loads(text: bytes | str) -> Any:
    """Return the value of `encode`'s output as JSON text (faster than `decode(json.loads(...))`).

    Raises:
        ValueError: The text is not JSON, or not what `encode` makes.
    """
    import json

    try:
        value = json.loads(text, object_hook=_object)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    return _tuples(value)
