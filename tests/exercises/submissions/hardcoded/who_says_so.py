"""A submission that hard-codes the case study's public answers.

It answers the article's sentences it can see from the annotation, and None for any
other sentence. It proves the hidden checks need a method, not a copy of the answers.
"""

ANSWERS = {
    'After the deadly cross attacks this year, Pakistan has expressed serious concerns over the large amount of weaponry reaching some terrorist entities in Afghanistan.': {'source': 'Pakistan', 'cue': 'has expressed serious concerns'},
    'The equipment, which includes a wide variety of items, from night vision goggles to firearms, is now “emerging as a new challenge” for Pakistan as it has enhanced the fighting capabilities of the Pakistani Taliban, Prime Minister Anwaar-ul-Haq Kakar said.': {'source': 'Prime Minister Anwaar-ul-Haq Kakar', 'cue': 'said'},
    'The TTP has also released statements and video clips in recent months, claiming they possess guns with laser and thermal sighting systems.': {'source': 'The TTP', 'cue': 'released statements and video clips'},
}

# The example of the public format check.
ANSWERS["The fire brigade said the blaze started in a kitchen."] = {"source": "The fire brigade", "cue": "said"}


def find_attribution(sentence):
    return ANSWERS.get(sentence)
