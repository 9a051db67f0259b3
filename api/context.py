"""Where views find the services the app factory built."""

from __future__ import annotations

from flask import current_app

from kg.knowledge import KnowledgeBase

EXTENSION = "council_kg"


def knowledge_base() -> KnowledgeBase:
    """The knowledge base of the app handling the current request."""
    return current_app.extensions[EXTENSION]
