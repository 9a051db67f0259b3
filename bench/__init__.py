"""Benchmarks and load tests (not part of the installed package)."""
