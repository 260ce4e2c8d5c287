"""Load, validate and search the FAQ knowledge base.

Names are imported on first use, so a cached start never imports YAML.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "BUNDLED_KB",
    "FaqError",
    "InputError",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Matcher",
    "MatchResult",
    "Problem",
    "load",
    "load_knowledge_base",
]

_WHERE = {
    "BUNDLED_KB": "kb.files",
    "FaqError": "errors",
    "InputError": "errors",
    "KnowledgeBaseError": "errors",
    "Problem": "errors",
    "KnowledgeBase": "kb.model",
    "Matcher": "search.matcher",
    "MatchResult": "search.results",
    "load": "search.cache",
    "load_knowledge_base": "kb.loader",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'faq' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
