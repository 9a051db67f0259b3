"""Fixtures: a small committed data directory, an app with its worker pool, a client."""

from __future__ import annotations

import pytest

from tests.sparql.data import FixedGraph, build_data_dir


@pytest.fixture(scope="session")
def data_settings(tmp_path_factory):
    """Settings of a committed two-document data directory (built once per session)."""
    return build_data_dir(tmp_path_factory.mktemp("sparql-data"))


@pytest.fixture(scope="session")
def app(data_settings):
    """The real app; its SPARQL worker pool is closed at the end of the session."""
    from api.app import create_app
    from api.sparql import EXTENSION

    application = create_app(data_settings, knowledge=FixedGraph(data_settings, data_settings.data / "graph"))
    yield application
    application.extensions[EXTENSION].runner.close()


def make_app(settings):
    """An app over the session's data directory with other settings (close its runner after)."""
    from api.app import create_app

    return create_app(settings, knowledge=FixedGraph(settings, settings.data / "graph"))


@pytest.fixture
def client(app):
    return app.test_client()
