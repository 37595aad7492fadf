"""A submission that hard-codes the case study's public answers.

It answers the article's sentences it can see from the annotation, and an empty list for any
other sentence. It proves the hidden checks need a method, not a copy of the answers.
"""

ANSWERS = {
    'Now they appear to be funneling small arms to like-minded extremists inspired by their victory.': ['appear to'],
    'U.S. assault weapons have reportedly been used in recent attacks by non-state groups in Kashmir, bitterly divided between India and Pakistan.': ['reportedly'],
    'Militants are shown armed with M24 sniper rifles, M4 carbines with Trijicon ACOG scopes, M16A4 rifles with thermal scopes, M249 machine guns, AMD-65 rifles, M4A1 carbines, and M16A2/A4 assault rifles.': ['are shown'],
    'The experts say this could be just the start of their global journey.': ['The experts say', 'could'],
    'The claim of US weapons found in Gaza comes at a time when the Israeli army has increased the frequency and intensity of its raids into the occupied West Bank.': ['The claim'],
}

# The example of the public format check.
ANSWERS["The mayor reportedly plans to step down."] = ["reportedly"]


def find_hedges(sentence):
    return ANSWERS.get(sentence, [])
