"""A fixture submission built only from what the student site shows.

The student copy of the case study hides the labels of the twelve hand-labelling sentences
but shows every other label. This submission gives each of the twelve the label of the
next sentence whose label is visible, with empty evidence for an unsourced assertion and
the sentence's first three words otherwise. The meta-tests check that these are exactly
the labels the student copy gives, and that the submission scores under half on the hidden
checks.
"""

ANSWERS = {'p01s02': {'label': 'unsourced_assertion', 'evidence': []},
 'p01s03': {'label': 'unsourced_assertion', 'evidence': []},
 'p04s01': {'label': 'unsourced_assertion', 'evidence': []},
 'p04s04': {'label': 'unsourced_assertion', 'evidence': []},
 'p05s01': {'label': 'unsourced_assertion', 'evidence': []},
 'p09s02': {'label': 'framing', 'evidence': ['Apart from Afghanistan,']},
 'p13s01': {'label': 'official_estimate', 'evidence': ['The U.S. Department']},
 'p17s02': {'label': 'unsourced_assertion', 'evidence': []},
 'p18s01': {'label': 'attributed_claim', 'evidence': ['Pakistan’s caretaker prime']},
 'p22s02': {'label': 'attributed_claim', 'evidence': ['Though no one']},
 'p24s02': {'label': 'unsourced_assertion', 'evidence': []},
 'p26s03': {'label': 'unsourced_assertion', 'evidence': []}}


def answers():
    return ANSWERS
