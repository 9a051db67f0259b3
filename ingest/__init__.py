"""Files in, typed records out: readers per format, then segmenting, extraction and the pipeline.

Nothing here does work at import time; each step is imported where it is used.
"""
