"""A submission that hard-codes the case study's public answers.

It answers the article's sentences it can see from the annotation, and no loaded words and not framing for any
other sentence. It proves the hidden checks need a method, not a copy of the answers.
"""

LOADED = {
    'Are Afghan Taliban arm dealers because of the US now?': ['because of the US'],
    'The U.S. military retreated from Afghanistan two years ago, leaving behind weapons that are now turning up in far-flung trouble spots where terrorists are fighting and killing America’s allies.': ['retreated'],
    'In contrast, a Pakistan-made knock-off of an AK-47, the world’s most ubiquitous killing machine, can go for as little as $130.': ['killing machine'],
    'The Taliban are at the center of a global smuggling web that earns billions of dollars from heroin and meth.': ['global smuggling web'],
    'For the Taliban, who’ve made so much money from illicit trades, arms deals are just another source of income.': ['so much money', 'just another source of income'],
    'But it’s still a low-end weapon.': ['low-end'],
    'Thanks to both American and Taliban smuggling networks, those arms are going everywhere.': ['going everywhere'],
    'The Taliban, who funded their war with drugs and other contraband, continue to reap the profits of death.': ['reap the profits of death'],
    'And the Americans who created the Taliban’s boon in the first place are staggering.': ['created', 'boon', 'staggering'],
    'The weapons have also reached Palestinian resistance factions in the Gaza Strip.': ['resistance'],
    'The Palestinian resistance has been building up its arsenal to confront the Israeli onslaught, mainly by purchasing black market arms from sources within Israel.': ['resistance', 'onslaught'],
}

FRAMING = [
    'And the Americans who created the Taliban’s boon in the first place are staggering.',
    'Are Afghan Taliban arm dealers because of the US now?',
    'But it’s still a low-end weapon.',
    'For the Taliban, who’ve made so much money from illicit trades, arms deals are just another source of income.',
    'Thanks to both American and Taliban smuggling networks, those arms are going everywhere.',
    'The Investment of Billions is now benefiting the Taliban',
    'The Taliban, who funded their war with drugs and other contraband, continue to reap the profits of death.',
]

# The example of the public format check.
LOADED["The heartless bosses slashed everyone's pay."] = ["heartless", "slashed"]


def find_loaded_words(sentence):
    return LOADED.get(sentence, [])


def is_framing(sentence):
    return sentence in FRAMING
