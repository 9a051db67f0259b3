"""Who may write, what an upload may do, and the headers every response carries."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from api.app import create_app
from api.security import READ_ONLY_POSTS, SAFE_METHODS
from kg.errors import ConfigError
from kg.knowledge import KnowledgeBase
from kg.settings import Settings
from tests.reliability.hostile import GOOD_TEXT, good_cases, hostile_cases

TOKEN = "t0ken-for-tests-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def make_app(tmp_path: Path, embedder, **overrides):
    settings = Settings.load({}, data=tmp_path / "data", parse_timeout=8, parse_memory_mb=1024, **overrides)
    app = create_app(settings, knowledge=KnowledgeBase(settings, embedder))
    app.config["TESTING"] = True
    return app


@pytest.fixture()
def client(tmp_path, fast_embedder):
    return make_app(tmp_path, fast_embedder, write_token=TOKEN, max_upload_mb=1).test_client()


def upload(client, name: str, data: bytes, headers=AUTH, **fields):
    form = {"file": (io.BytesIO(data), name), **fields}
    return client.post("/api/documents", data=form, headers=headers, content_type="multipart/form-data")


def write_routes(app) -> list[tuple[str, str]]:
    """(method, url) of every route that is not a safe read, from the URL map."""
    out = []
    for rule in app.url_map.iter_rules():
        url = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", "some-id", rule.rule)
        for method in sorted((rule.methods or set()) - SAFE_METHODS):
            if rule.rule not in READ_ONLY_POSTS:
                out.append((method, url))
    return out


@pytest.mark.parametrize("token", ["", TOKEN])
def test_every_write_route_refuses_without_the_token(tmp_path, fast_embedder, token):
    app = make_app(tmp_path, fast_embedder, write_token=token)
    routes = write_routes(app)
    assert ("POST", "/api/documents") in routes and ("DELETE", "/api/documents/some-id") in routes
    client = app.test_client()
    bad = [{}, {"Authorization": "Bearer"}, {"Authorization": "Bearer wrong-token-0123456789"},
           {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"}]
    for method, url in routes:
        for headers in bad:
            response = client.open(url, method=method, headers=headers, data={"file": (io.BytesIO(b"x"), "a.txt")})
            expected = 403 if not token else 401
            assert response.status_code == expected, (method, url, headers, response.status_code)
    # an unknown write route is refused too: deny by default
    assert client.put("/api/anything-new").status_code in {401, 403}
    if not token:  # even the right-looking token does nothing when writes are disabled
        assert client.delete("/api/documents/x", headers=AUTH).status_code == 403


def test_read_only_posts_need_no_token(tmp_path, fast_embedder):
    app = make_app(tmp_path, fast_embedder, write_token=TOKEN)
    paths = {r.rule for r in app.url_map.iter_rules() if "POST" in (r.methods or ())}
    client = app.test_client()
    for path in paths & READ_ONLY_POSTS:
        response = client.post(path, data={"query": "ASK {}"}, headers={"Accept": "application/json"})
        assert response.status_code not in {401, 403}, path


def test_short_token_is_refused(tmp_path, fast_embedder):
    with pytest.raises(ConfigError, match="at least 16"):
        make_app(tmp_path, fast_embedder, write_token="short")


def test_upload_search_and_remove(client, tmp_path):
    response = upload(client, "budget_2024.txt", GOOD_TEXT.format(n=9).encode(), title="Budget monitoring",
                      meeting_date="2024-11-14")
    assert response.status_code == 201, response.json
    [result] = response.json["results"]
    assert result["status"] == "added" and result["paragraphs"] > 0
    doc_id = result["document_id"]
    kept = list((tmp_path / "data" / "uploads").glob("*/budget_2024.txt"))
    assert len(kept) == 1 and len(kept[0].parent.name) == 64
    hits = client.get("/api/search?q=overspend placements").json["results"]
    assert hits and hits[0]["document_id"] == doc_id and hits[0]["title"] == "Budget monitoring"
    again = upload(client, "budget_2024.txt", GOOD_TEXT.format(n=9).encode(), title="Budget monitoring",
                   meeting_date="2024-11-14")
    assert again.json["results"][0]["status"] == "unchanged"
    assert client.delete(f"/api/documents/{doc_id}").status_code == 401
    gone = client.delete(f"/api/documents/{doc_id}", headers=AUTH)
    assert gone.status_code == 200 and gone.json["removed"] == doc_id
    assert all(h["document_id"] != doc_id for h in client.get("/api/search?q=overspend").json["results"])
    assert client.delete(f"/api/documents/{doc_id}", headers=AUTH).status_code == 404


def test_upload_limits_and_sniffing(client):
    assert upload(client, "big.txt", b"word " * 300_000).status_code == 413
    assert upload(client, "image.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8).status_code == 415
    assert upload(client, "empty.txt", b"").status_code == 400
    assert client.post("/api/documents", headers=AUTH, data={}).status_code == 400
    assert upload(client, "x.txt", b"Some text", meeting_date="yesterday").status_code == 400
    broken = upload(client, "broken.pdf", b"%PDF-1.7\n1 0 obj << >>\n")
    assert broken.status_code == 422 and "broken.pdf" in broken.json["results"][0]["reason"]
    assert "/tmp" not in broken.json["results"][0]["reason"]


ESCAPES = ["../../escaped.txt", "/tmp/escaped.txt", "..\\..\\escaped.txt", "a\x00b.txt", ".hidden.txt",
           "C:\\escaped.txt", "..", "sub/dir.txt", ""]


@pytest.mark.parametrize("name", ESCAPES)
def test_path_escapes_are_refused(client, tmp_path, name):
    response = upload(client, name, GOOD_TEXT.format(n=1).encode())
    assert response.status_code == 400, (name, response.status_code, response.json)
    assert not list(tmp_path.rglob("escaped.txt"))
    assert not (tmp_path / "data" / "uploads").exists() or not any((tmp_path / "data" / "uploads").iterdir())


def test_symlinks_cannot_redirect_writes(client, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    data_dir = tmp_path / "data"
    data_dir.mkdir(exist_ok=True)
    (data_dir / "uploads").symlink_to(outside, target_is_directory=True)
    assert upload(client, "paper.txt", GOOD_TEXT.format(n=2).encode()).status_code == 400
    assert not any(outside.iterdir())
    (data_dir / "uploads").unlink()
    # a planted symlink where the upload would go
    from kg.datadir import content_hash

    body = GOOD_TEXT.format(n=3).encode()
    folder = data_dir / "uploads" / content_hash(body)
    folder.mkdir(parents=True)
    victim = outside / "victim.txt"
    victim.write_text("untouched")
    (folder / "paper.txt").symlink_to(victim)
    assert upload(client, "paper.txt", body).status_code == 400
    assert victim.read_text() == "untouched"


@pytest.mark.parametrize("doc_id", ["..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", ".hidden", "a b"])
def test_delete_refuses_odd_ids(client, doc_id):
    assert client.delete(f"/api/documents/{doc_id}", headers=AUTH).status_code in {400, 404, 405}


def test_hostile_uploads_leave_the_server_answering(client):
    cases = [c for c in hostile_cases() if len(c.data) < 900_000][::12] + good_cases()[:1]
    statuses = set()
    for case in cases:
        response = upload(client, case.name, case.data)
        statuses.add(response.status_code)
        assert response.status_code in {201, 400, 413, 415, 422}, (case.name, response.status_code)
        if response.status_code == 422:
            assert case.name in response.json["results"][0]["reason"] or "DATA" in response.json["results"][0]["reason"]
        assert client.get("/health").status_code == 200
    assert 201 in statuses and statuses - {201}


def test_security_headers_and_cors_only_on_sparql(client):
    paths = ["/health", "/api/search?q=budget", "/api/search", "/no-such-page", "/sparql?query=ASK%20%7B%7D"]
    for path in paths:
        response = client.get(path, headers={"Origin": "https://elsewhere.example"})
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Frame-Options"] == "DENY"
        cors = [h for h in response.headers.keys() if h.lower().startswith("access-control-")]
        if not path.startswith("/sparql"):
            assert not cors, (path, cors)
    assert client.post("/api/documents").headers["WWW-Authenticate"].startswith("Bearer")


def test_debug_off_and_autoescape(tmp_path, fast_embedder):
    settings = Settings.load({}, data=tmp_path / "data")
    app = create_app(settings, knowledge=KnowledgeBase(settings, fast_embedder))
    assert not app.debug and not app.testing
    assert app.jinja_env.autoescape("page.html") is True
    with app.test_request_context():
        from flask import render_template_string

        assert "&lt;script&gt;" in render_template_string("{{ x }}", x="<script>")
    serve_source = Path(__file__).resolve().parents[2].joinpath("api", "cli.py").read_text()
    assert "waitress.serve(" in serve_source and "debug=True" not in serve_source
