"""Grading: the pytest plugin, the sandboxed worker and the result model."""
