"""A trivial baseline: every expression means the dateline's year."""


def resolve_time(expression, dateline):
    year = dateline[:4]
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}
