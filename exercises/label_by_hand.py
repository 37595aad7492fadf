"""Exercise 1: Label by hand.

Before any code, use your own judgment. Below are 12 sentences from the case-study article.
For each one, choose the label of its main claim and quote the words that show it.

The six labels (the lessons on the course site explain each one):

    sourced_fact         checkable, and tied to a named record or body that can know it
    official_estimate    a figure produced by an official body; approximate
    attributed_claim     credited to an identifiable person or group; not verified here
    vague_attribution    the source cannot be identified, or the certainty is softened
    unsourced_assertion  stated as fact with no source at all
    framing              loaded, evaluative or speculative wording that asserts nothing checkable

How to answer, for each sentence:

    "label": one of the six ids above, as a string, for example "attributed_claim".
    "evidence": a list of 1 to 3 quotes, copied word for word from the sentence, each at
        most 8 words: the words that show the label (the source and its verb, a hedge such
        as "reportedly", a loaded word). For an unsourced assertion the evidence is that
        there is no source, so leave the list empty: [].

For example, for the sentence (not one of yours)
    "The city council said on Monday that the pool will reopen in May."
you would write
    {"label": "attributed_claim", "evidence": ["The city council said"]}

Check the form of your answers with:

    pytest exercises/test_label_by_hand.py

Those checks only look at the form (every sentence answered, labels spelled right, quotes
found in their sentence). Whether your labels are right is graded by your instructor.
"""

ANSWERS = {
    "p01s02": {
        "sentence": "In markets, merchants with Taliban permits are offering U.S.-made automatic assault rifles and handguns for sale.",
        "label": None,
        "evidence": [],
    },
    "p01s03": {
        "sentence": "Business, like terrorism, is thriving.",
        "label": None,
        "evidence": [],
    },
    "p04s01": {
        "sentence": "It’s a new arms race, and it’s threatening global security.",
        "label": None,
        "evidence": [],
    },
    "p04s04": {
        "sentence": "The Tehreek-e-Taliban Pakistan in Balochistan is using made-in-America weapons to kill police and soldiers in an escalating war against the Pakistani state.",
        "label": None,
        "evidence": [],
    },
    "p05s01": {
        "sentence": "The dramatic TTP videos show apparent attacks on Pakistani police and army outposts by militants armed with American weapons.",
        "label": None,
        "evidence": [],
    },
    "p09s02": {
        "sentence": "Apart from Afghanistan, where the insurgency ended in victory in August 2021, the number of people killed in terrorist attacks is rising, according to the Global Terrorism Index.",
        "label": None,
        "evidence": [],
    },
    "p13s01": {
        "sentence": "The U.S. Department of Defense estimated that left-behind stockpiles of arms and vehicles were worth $7.12 billion of the $18.6 billion spent in 2002 on arming the Afghan security forces.",
        "label": None,
        "evidence": [],
    },
    "p17s02": {
        "sentence": "These weapons are believed to have been left over by NATO and Afghan National Army.",
        "label": None,
        "evidence": [],
    },
    "p18s01": {
        "sentence": "Pakistan’s caretaker prime minister claimed that U.S. military equipment left behind during the American withdrawal from Afghanistan has fallen into militant hands and ultimately made its way to the Pakistani Taliban.",
        "label": None,
        "evidence": [],
    },
    "p22s02": {
        "sentence": "Though no one knows the exact value, U.S. defense officials have confirmed it is significant.",
        "label": None,
        "evidence": [],
    },
    "p24s02": {
        "sentence": "This has strained relations between Islamabad and Kabul.",
        "label": None,
        "evidence": [],
    },
    "p26s03": {
        "sentence": "Authorities in Indian-controlled Kashmir confirmed that militants are carrying M4s, M16s and other U.S.-made arms and ammunition that have rarely been seen in the 30-year conflict.",
        "label": None,
        "evidence": [],
    },
}


def answers():
    """Return your answers. You do not need to change this function: fill in ANSWERS above."""
    return ANSWERS
