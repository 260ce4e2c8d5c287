"""Load, validate and search the FAQ knowledge base."""

from .errors import FaqError, InputError, KnowledgeBaseError, Problem
from .loader import BUNDLED_KB, load_knowledge_base
from .model import KnowledgeBase

__all__ = [
    "BUNDLED_KB",
    "FaqError",
    "InputError",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Problem",
    "load_knowledge_base",
]
