"""The Flask application factory: builds the knowledge base once and registers one blueprint per resource."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from api import admin, ask, errors, health, pages, search, security, sparql
from api.context import EXTENSION
from kg.knowledge import KnowledgeBase
from kg.settings import Settings

WEB = Path(__file__).resolve().parent.parent / "web"
BLUEPRINTS = (health.bp, search.bp, sparql.bp, admin.bp, *pages.BLUEPRINTS, ask.bp)


def create_app(settings: Settings | None = None, *, knowledge: KnowledgeBase | None = None) -> Flask:
    """A configured app; ``knowledge`` may be passed to share an opened knowledge base."""
    settings = settings or Settings.load()
    app = Flask(
        __name__, template_folder=str(WEB / "templates"), static_folder=str(WEB / "static"),
        static_url_path="/static",
    )
    app.config.update(MAX_CONTENT_LENGTH=settings.max_upload_mb * 1024 * 1024, JSON_SORT_KEYS=False)
    app.extensions[EXTENSION] = knowledge or KnowledgeBase(settings)
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)
    errors.register(app)
    security.register(app, settings.write_token)
    return app
