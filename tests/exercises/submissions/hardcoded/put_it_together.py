"""A submission that hard-codes the case study's public answers.

It answers the article's sentences it can see from the annotation, and "unsourced_assertion" for any
other sentence. It proves the hidden checks need a method, not a copy of the answers.
"""

LABELS = {
    'Are Afghan Taliban arm dealers because of the US now?': 'framing',
    'The U.S. military retreated from Afghanistan two years ago, leaving behind weapons that are now turning up in far-flung trouble spots where terrorists are fighting and killing America’s allies.': 'unsourced_assertion',
    'These weapons were offered for sale at the ad hoc bazaars that were organized by the Taliban.': 'unsourced_assertion',
    'Weapons like rockets and bombs, shoulder-fired grenade launchers, night vision goggles, sniper rifles and scopes, and ammunition were priced in Afghanis, rupees, and dollars.': 'unsourced_assertion',
    'The left-behind American rifle, an M4 in good condition, can fetch up to $2,400.': 'unsourced_assertion',
    'In contrast, a Pakistan-made knock-off of an AK-47, the world’s most ubiquitous killing machine, can go for as little as $130.': 'unsourced_assertion',
    'The Taliban are at the center of a global smuggling web that earns billions of dollars from heroin and meth.': 'unsourced_assertion',
    'Now they appear to be funneling small arms to like-minded extremists inspired by their victory.': 'vague_attribution',
    'They are using night vision and thermal sights.': 'unsourced_assertion',
    'The night vision equipment, in particular, is used to target Pakistani security personnel and police on a daily basis.': 'unsourced_assertion',
    'The Taliban are selling these night vision items for $500 to $1,000.': 'unsourced_assertion',
    'The proliferation of such arms has made it difficult to combat terror networks regionally.': 'unsourced_assertion',
    'U.S. assault weapons have reportedly been used in recent attacks by non-state groups in Kashmir, bitterly divided between India and Pakistan.': 'vague_attribution',
    'For the Taliban, who’ve made so much money from illicit trades, arms deals are just another source of income.': 'framing',
    'The ubiquitous AK-47 flooded into the Afghan mujahideen for their 1979-1989 war against the Soviets.': 'unsourced_assertion',
    'Easy to maintain, easy to use, lethal, and manufactured more widely than any other gun in history, the AK-47 became the symbol of insurgents everywhere.': 'unsourced_assertion',
    'But it’s still a low-end weapon.': 'framing',
    'Terrorists who are moving on with trade are planning the gradual replacement of Kalashnikov rifles with NATO weapons.': 'unsourced_assertion',
    'Militants are shown armed with M24 sniper rifles, M4 carbines with Trijicon ACOG scopes, M16A4 rifles with thermal scopes, M249 machine guns, AMD-65 rifles, M4A1 carbines, and M16A2/A4 assault rifles.': 'vague_attribution',
    'Thanks to both American and Taliban smuggling networks, those arms are going everywhere.': 'framing',
    'The Taliban, who funded their war with drugs and other contraband, continue to reap the profits of death.': 'framing',
    'The Investment of Billions is now benefiting the Taliban': 'framing',
    'After two decades of American investment and a cost of $83 billion, Afghan security forces collapsed so badly that the ultimate beneficiary of the American investment turned out to be the Taliban.': 'unsourced_assertion',
    'They grabbed not only political power but also U.S. weapons, which included firepower guns, ammunition, helicopters, and more.': 'unsourced_assertion',
    'And the Americans who created the Taliban’s boon in the first place are staggering.': 'framing',
    'This included roughly 600,000 weapons of all calibers.': 'official_estimate',
    'Other than that, nearly 300 fixed-wing and rotary-wing aircraft are also included.': 'official_estimate',
    'Over 80,000 vehicles of several models, communications equipment, and other advanced materials such as night vision goggles and biometric systems are also now under Taliban control.': 'unsourced_assertion',
    'The group also took possession of more than 300,000 light arms, 26,000 heavy weapons, and about 61,000 military vehicles.”': 'unsourced_assertion',
    'That’s on top of what they already had.': 'unsourced_assertion',
    'Pakistan’s Concerns on the Weapons': 'attributed_claim',
    'After the deadly cross attacks this year, Pakistan has expressed serious concerns over the large amount of weaponry reaching some terrorist entities in Afghanistan.': 'attributed_claim',
    'Pakistan has asked the Afghan interim government to fulfill its obligation and deny the use of its soil for cross-border terrorism.': 'unsourced_assertion',
    'The equipment, which includes a wide variety of items, from night vision goggles to firearms, is now “emerging as a new challenge” for Pakistan as it has enhanced the fighting capabilities of the Pakistani Taliban, Prime Minister Anwaar-ul-Haq Kakar said.': 'attributed_claim',
    'The TTP has,\xa0 over the past months, intensified attacks on Pakistan’s security forces.': 'unsourced_assertion',
    'They are a separate militant group but an ally of the Afghan Taliban.': 'unsourced_assertion',
    'The Taliban overran Afghanistan in mid-August 2021, as U.S. and NATO troops were in the last weeks of their chaotic pullout from the country after 20 years of war.': 'unsourced_assertion',
    'In the face of the Taliban sweep, the U.S.-backed and trained Afghan military crumbled.': 'unsourced_assertion',
    'There is no definite information on how much U.S. equipment was left behind, but the Taliban seized U.S.-supplied firepower, guns, ammunition, helicopters, and other modern military equipment from Afghan forces who surrendered it.': 'unsourced_assertion',
    'The TTP has also released statements and video clips in recent months, claiming they possess guns with laser and thermal sighting systems.': 'attributed_claim',
    'TTP fighters now target Pakistani troops from a distance, while before their only weapons were AK-47 assault rifles.': 'unsourced_assertion',
    'TTP fighters have increasingly been given shelter by the Afghan Taliban since the Taliban took over Afghanistan.': 'unsourced_assertion',
    'Weapons are Surfacing in Kashmir & Gaza': 'unsourced_assertion',
    'Since falling into the hands of the Taliban, some of the weapons have been seized from militants in Indian-controlled Kashmir.': 'unsourced_assertion',
    'The experts say this could be just the start of their global journey.': 'vague_attribution',
    'The weapons have also reached Palestinian resistance factions in the Gaza Strip.': 'unsourced_assertion',
    'The claim of US weapons found in Gaza comes at a time when the Israeli army has increased the frequency and intensity of its raids into the occupied West Bank.': 'vague_attribution',
    'On June 19, an Israeli helicopter fired missiles into the West Bank for the first time since the Second Intifada.': 'unsourced_assertion',
    'The Palestinian resistance has been building up its arsenal to confront the Israeli onslaught, mainly by purchasing black market arms from sources within Israel.': 'unsourced_assertion',
    'Over the past several years, arms smuggling to the occupied West Bank from Iraq and Syria via Jordan has spiked, as well as across the Lebanese borders.': 'unsourced_assertion',
}


def classify(sentence):
    return LABELS.get(sentence, "unsourced_assertion")
