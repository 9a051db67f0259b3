"""Benchmarks of Council KG (``make bench``); each prints a table and records it in docs/benchmarks.md."""
