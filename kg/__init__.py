"""The knowledge layer: records, graph store, vector and lexical indexes, search.

Nothing here imports ``ingest`` or ``api``, and nothing is opened at import time.
"""
