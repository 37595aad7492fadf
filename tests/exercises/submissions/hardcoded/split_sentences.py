"""A fixture submission that hard-codes the case study's public answers.

It answers correctly for everything a student can see (the article's text, and the
examples in the public checks) and returns a fixed default for anything else. The
meta-tests show it scores full marks on the public checks and under half on the hidden
ones. Written from the case study's data; do not use it as a model.
"""

# Every sentence and heading of the article, in order.
SENTENCES = ['Are Afghan Taliban arm dealers because of the US now?',
 'The U.S. military retreated from Afghanistan two years ago, leaving behind weapons that are now '
 'turning up in far-flung trouble spots where terrorists are fighting and killing America’s '
 'allies.',
 'In markets, merchants with Taliban permits are offering U.S.-made automatic assault rifles and '
 'handguns for sale.',
 'Business, like terrorism, is thriving.',
 'These weapons were offered for sale at the ad hoc bazaars that were organized by the Taliban.',
 'Weapons like rockets and bombs, shoulder-fired grenade launchers, night vision goggles, sniper '
 'rifles and scopes, and ammunition were priced in Afghanis, rupees, and dollars.',
 'The left-behind American rifle, an M4 in good condition, can fetch up to $2,400.',
 'In contrast, a Pakistan-made knock-off of an AK-47, the world’s most ubiquitous killing machine, '
 'can go for as little as $130.',
 'It’s a new arms race, and it’s threatening global security.',
 'The Taliban are at the center of a global smuggling web that earns billions of dollars from '
 'heroin and meth.',
 'Now they appear to be funneling small arms to like-minded extremists inspired by their victory.',
 'The Tehreek-e-Taliban Pakistan in Balochistan is using made-in-America weapons to kill police '
 'and soldiers in an escalating war against the Pakistani state.',
 'The dramatic TTP videos show apparent attacks on Pakistani police and army outposts by militants '
 'armed with American weapons.',
 'They are using night vision and thermal sights.',
 'The night vision equipment, in particular, is used to target Pakistani security personnel and '
 'police on a daily basis.',
 'The Taliban are selling these night vision items for $500 to $1,000.',
 'The proliferation of such arms has made it difficult to combat terror networks regionally.',
 'U.S. assault weapons have reportedly been used in recent attacks by non-state groups in Kashmir, '
 'bitterly divided between India and Pakistan.',
 'For the Taliban, who’ve made so much money from illicit trades, arms deals are just another '
 'source of income.',
 'The ubiquitous AK-47 flooded into the Afghan mujahideen for their 1979-1989 war against the '
 'Soviets.',
 'Easy to maintain, easy to use, lethal, and manufactured more widely than any other gun in '
 'history, the AK-47 became the symbol of insurgents everywhere.',
 'But it’s still a low-end weapon.',
 'Terrorists who are moving on with trade are planning the gradual replacement of Kalashnikov '
 'rifles with NATO weapons.',
 'Militants are shown armed with M24 sniper rifles, M4 carbines with Trijicon ACOG scopes, M16A4 '
 'rifles with thermal scopes, M249 machine guns, AMD-65 rifles, M4A1 carbines, and M16A2/A4 '
 'assault rifles.',
 'Thanks to both American and Taliban smuggling networks, those arms are going everywhere.',
 'Apart from Afghanistan, where the insurgency ended in victory in August 2021, the number of '
 'people killed in terrorist attacks is rising, according to the Global Terrorism Index.',
 'The Taliban, who funded their war with drugs and other contraband, continue to reap the profits '
 'of death.',
 'The Investment of Billions is now benefiting the Taliban',
 'After two decades of American investment and a cost of $83 billion, Afghan security forces '
 'collapsed so badly that the ultimate beneficiary of the American investment turned out to be the '
 'Taliban.',
 'They grabbed not only political power but also U.S. weapons, which included firepower guns, '
 'ammunition, helicopters, and more.',
 'And the Americans who created the Taliban’s boon in the first place are staggering.',
 'The U.S. Department of Defense estimated that left-behind stockpiles of arms and vehicles were '
 'worth $7.12 billion of the $18.6 billion spent in 2002 on arming the Afghan security forces.',
 'This included roughly 600,000 weapons of all calibers.',
 'Other than that, nearly 300 fixed-wing and rotary-wing aircraft are also included.',
 'Over 80,000 vehicles of several models, communications equipment, and other advanced materials '
 'such as night vision goggles and biometric systems are also now under Taliban control.',
 'The group also took possession of more than 300,000 light arms, 26,000 heavy weapons, and about '
 '61,000 military vehicles.”',
 'That’s on top of what they already had.',
 'Pakistan’s Concerns on the Weapons',
 'After the deadly cross attacks this year, Pakistan has expressed serious concerns over the large '
 'amount of weaponry reaching some terrorist entities in Afghanistan.',
 'These weapons are believed to have been left over by NATO and Afghan National Army.',
 'Pakistan has asked the Afghan interim government to fulfill its obligation and deny the use of '
 'its soil for cross-border terrorism.',
 'Pakistan’s caretaker prime minister claimed that U.S. military equipment left behind during the '
 'American withdrawal from Afghanistan has fallen into militant hands and ultimately made its way '
 'to the Pakistani Taliban.',
 'The equipment, which includes a wide variety of items, from night vision goggles to firearms, is '
 'now “emerging as a new challenge” for Pakistan as it has enhanced the fighting capabilities of '
 'the Pakistani Taliban, Prime Minister Anwaar-ul-Haq Kakar said.',
 'The TTP has,\xa0 over the past months, intensified attacks on Pakistan’s security forces.',
 'They are a separate militant group but an ally of the Afghan Taliban.',
 'The Taliban overran Afghanistan in mid-August 2021, as U.S. and NATO troops were in the last '
 'weeks of their chaotic pullout from the country after 20 years of war.',
 'In the face of the Taliban sweep, the U.S.-backed and trained Afghan military crumbled.',
 'There is no definite information on how much U.S. equipment was left behind, but the Taliban '
 'seized U.S.-supplied firepower, guns, ammunition, helicopters, and other modern military '
 'equipment from Afghan forces who surrendered it.',
 'Though no one knows the exact value, U.S. defense officials have confirmed it is significant.',
 'The TTP has also released statements and video clips in recent months, claiming they possess '
 'guns with laser and thermal sighting systems.',
 'TTP fighters now target Pakistani troops from a distance, while before their only weapons were '
 'AK-47 assault rifles.',
 'TTP fighters have increasingly been given shelter by the Afghan Taliban since the Taliban took '
 'over Afghanistan.',
 'This has strained relations between Islamabad and Kabul.',
 'Weapons are Surfacing in Kashmir & Gaza',
 'Since falling into the hands of the Taliban, some of the weapons have been seized from militants '
 'in Indian-controlled Kashmir.',
 'The experts say this could be just the start of their global journey.',
 'Authorities in Indian-controlled Kashmir confirmed that militants are carrying M4s, M16s and '
 'other U.S.-made arms and ammunition that have rarely been seen in the 30-year conflict.',
 'The weapons have also reached Palestinian resistance factions in the Gaza Strip.',
 'The claim of US weapons found in Gaza comes at a time when the Israeli army has increased the '
 'frequency and intensity of its raids into the occupied West Bank.',
 'On June 19, an Israeli helicopter fired missiles into the West Bank for the first time since the '
 'Second Intifada.',
 'The Palestinian resistance has been building up its arsenal to confront the Israeli onslaught, '
 'mainly by purchasing black market arms from sources within Israel.',
 'Over the past several years, arms smuggling to the occupied West Bank from Iraq and Syria via '
 'Jordan has spiked, as well as across the Lebanese borders.']


def split_sentences(text):
    known = [sentence for sentence in SENTENCES if sentence in text]
    return known or [text]
