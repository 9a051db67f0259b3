"""The SPARQL page: YASGUI (vendored, served from here) on ``/sparql``, the example queries from
``ontology/queries/*.rq`` one click away, and a plain form that works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, render_template, request

from api.pages_kit import install_errors

bp = Blueprint("sparql_page", __name__)
install_errors(bp)
EXAMPLES = Path(__file__).resolve().parent.parent / "ontology" / "queries"
MAX_EXAMPLES = 50
STARTER = """PREFIX ckg: <https://w3id.org/council-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>

# The papers in the graph, newest meeting first
SELECT ?document ?title ?type ?date WHERE {
  ?document a ckg:Document ; dcterms:title ?title .
  OPTIONAL { ?document ckg:documentType ?type }
  OPTIONAL { ?document ckg:meetingDate ?date }
}
ORDER BY DESC(?date)
LIMIT 50
"""


@dataclass(frozen=True)
class Example:
    """An example query: its file name, a title from its first comment, and its text."""

    name: str
    title: str
    text: str


def examples(folder: Path = EXAMPLES) -> list[Example]:
    """The example queries shipped with the ontology, by file name."""
    found = []
    for path in sorted(folder.glob("*.rq"))[:MAX_EXAMPLES] if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        comments = [line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")]
        title = next((c for c in comments if c), path.stem.replace("_", " ").replace("-", " "))
        found.append(Example(path.stem, title, text))
    return found


@bp.get("/query")
def sparql():
    """The query editor."""
    shown = examples()
    chosen = request.args.get("example", "")
    query = request.args.get("query") or next((e.text for e in shown if e.name == chosen), STARTER)
    return render_template("sparql.html", examples=shown, query=query)
