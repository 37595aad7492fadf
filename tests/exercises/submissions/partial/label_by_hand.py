"""A plausible partial submission: labels chosen by a few attribution words.

It knows that 'according to' marks a sourced fact, 'estimated' an official estimate,
'claimed' or 'said' an attributed claim and 'believed' a hedge, and calls everything else
an unsourced assertion. It misses framing, 'show' and 'confirmed'.
"""

SENTENCES = {
    "p01s02": "In markets, merchants with Taliban permits are offering U.S.-made automatic assault rifles and handguns for sale.",
    "p01s03": "Business, like terrorism, is thriving.",
    "p04s01": "It’s a new arms race, and it’s threatening global security.",
    "p04s04": "The Tehreek-e-Taliban Pakistan in Balochistan is using made-in-America weapons to kill police and soldiers in an escalating war against the Pakistani state.",
    "p05s01": "The dramatic TTP videos show apparent attacks on Pakistani police and army outposts by militants armed with American weapons.",
    "p09s02": "Apart from Afghanistan, where the insurgency ended in victory in August 2021, the number of people killed in terrorist attacks is rising, according to the Global Terrorism Index.",
    "p13s01": "The U.S. Department of Defense estimated that left-behind stockpiles of arms and vehicles were worth $7.12 billion of the $18.6 billion spent in 2002 on arming the Afghan security forces.",
    "p17s02": "These weapons are believed to have been left over by NATO and Afghan National Army.",
    "p18s01": "Pakistan’s caretaker prime minister claimed that U.S. military equipment left behind during the American withdrawal from Afghanistan has fallen into militant hands and ultimately made its way to the Pakistani Taliban.",
    "p22s02": "Though no one knows the exact value, U.S. defense officials have confirmed it is significant.",
    "p24s02": "This has strained relations between Islamabad and Kabul.",
    "p26s03": "Authorities in Indian-controlled Kashmir confirmed that militants are carrying M4s, M16s and other U.S.-made arms and ammunition that have rarely been seen in the 30-year conflict.",
}
KEYWORDS = (
    ("according to", "sourced_fact"),
    ("estimated", "official_estimate"),
    ("claimed", "attributed_claim"),
    ("said", "attributed_claim"),
    ("believed", "vague_attribution"),
)


def answer(sentence):
    for word, label in KEYWORDS:
        if word in sentence:
            return {"label": label, "evidence": [word]}
    return {"label": "unsourced_assertion", "evidence": []}


def answers():
    return {unit_id: answer(sentence) for unit_id, sentence in SENTENCES.items()}
