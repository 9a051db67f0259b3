"""Read models of the web pages: what each page shows, computed from one committed snapshot.

Nothing here renders HTML; ``api.pages_*`` turns these frozen views into pages. SPARQL used by
the pages lives in ``queries/*.rq``, one query a file, loaded by name (see :mod:`kg.pages.sparql`).
"""
