"""The case study as validated data: the verbatim article, its units and their annotations."""
