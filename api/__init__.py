"""The HTTP service and the command line: thin front doors over ``kg`` and ``ingest``."""
