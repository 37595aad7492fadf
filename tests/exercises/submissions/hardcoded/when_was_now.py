"""A fixture submission that hard-codes the case study's public answers.

It answers correctly for everything a student can see (the article's text, and the
examples in the public checks) and returns a fixed default for anything else. The
meta-tests show it scores full marks on the public checks and under half on the hidden
ones. Written from the case study's data; do not use it as a model.
"""

# The article's time expressions, read against its dateline (2023-09-04), and the example
# of the public format check ("last year" on 2020-05-17).
ANSWERS = {'now': {'start': '2023-09-04', 'end': '2023-09-04'},
 'Now': {'start': '2023-09-04', 'end': '2023-09-04'},
 'two years ago': {'start': '2021-01-01', 'end': '2021-12-31'},
 '1979-1989': {'start': '1979-01-01', 'end': '1989-12-31'},
 'this year': {'start': '2023-01-01', 'end': '2023-12-31'},
 'over the past months': {'start': None, 'end': '2023-09-04'},
 'in mid-August 2021': {'start': '2021-08-01', 'end': '2021-08-31'},
 'in recent months': {'start': None, 'end': '2023-09-04'},
 'On June 19': {'start': '2023-06-19', 'end': '2023-06-19'},
 'Over the past several years': {'start': None, 'end': '2023-09-04'},
 'August 2021': {'start': '2021-08-01', 'end': '2021-08-31'},
 'in 2002': {'start': '2002-01-01', 'end': '2002-12-31'},
 'last year': {'start': '2019-01-01', 'end': '2019-12-31'}}


def resolve_time(expression, dateline):
    return ANSWERS.get(expression)
