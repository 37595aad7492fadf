"""A fixture submission that hard-codes the case study's public answers.

It answers correctly for everything a student can see (the article's text, and the
examples in the public checks) and returns a fixed default for anything else. The
meta-tests show it scores full marks on the public checks and under half on the hidden
ones. Written from the case study's data; do not use it as a model.
"""

ANSWERS = {'The left-behind American rifle, an M4 in good condition, can fetch up to $2,400.': [{'text': '$2,400',
                                                                                       'value': 2400.0,
                                                                                       'high': None,
                                                                                       'unit': 'USD',
                                                                                       'approximator': 'up '
                                                                                                       'to'}],
 'In contrast, a Pakistan-made knock-off of an AK-47, the world’s most ubiquitous killing machine, can go for as little as $130.': [{'text': '$130',
                                                                                                                                     'value': 130.0,
                                                                                                                                     'high': None,
                                                                                                                                     'unit': 'USD',
                                                                                                                                     'approximator': 'as '
                                                                                                                                                     'little '
                                                                                                                                                     'as'}],
 'The Taliban are selling these night vision items for $500 to $1,000.': [{'text': '$500 to $1,000',
                                                                           'value': 500.0,
                                                                           'high': 1000.0,
                                                                           'unit': 'USD',
                                                                           'approximator': None}],
 'The ubiquitous AK-47 flooded into the Afghan mujahideen for their 1979-1989 war against the Soviets.': [],
 'Easy to maintain, easy to use, lethal, and manufactured more widely than any other gun in history, the AK-47 became the symbol of insurgents everywhere.': [],
 'Militants are shown armed with M24 sniper rifles, M4 carbines with Trijicon ACOG scopes, M16A4 rifles with thermal scopes, M249 machine guns, AMD-65 rifles, M4A1 carbines, and M16A2/A4 assault rifles.': [],
 'Apart from Afghanistan, where the insurgency ended in victory in August 2021, the number of people killed in terrorist attacks is rising, according to the Global Terrorism Index.': [],
 'After two decades of American investment and a cost of $83 billion, Afghan security forces collapsed so badly that the ultimate beneficiary of the American investment turned out to be the Taliban.': [{'text': '$83 '
                                                                                                                                                                                                                   'billion',
                                                                                                                                                                                                           'value': 83000000000.0,
                                                                                                                                                                                                           'high': None,
                                                                                                                                                                                                           'unit': 'USD',
                                                                                                                                                                                                           'approximator': None}],
 'The U.S. Department of Defense estimated that left-behind stockpiles of arms and vehicles were worth $7.12 billion of the $18.6 billion spent in 2002 on arming the Afghan security forces.': [{'text': '$7.12 '
                                                                                                                                                                                                          'billion',
                                                                                                                                                                                                  'value': 7120000000.0,
                                                                                                                                                                                                  'high': None,
                                                                                                                                                                                                  'unit': 'USD',
                                                                                                                                                                                                  'approximator': None},
                                                                                                                                                                                                 {'text': '$18.6 '
                                                                                                                                                                                                          'billion',
                                                                                                                                                                                                  'value': 18600000000.0,
                                                                                                                                                                                                  'high': None,
                                                                                                                                                                                                  'unit': 'USD',
                                                                                                                                                                                                  'approximator': None}],
 'This included roughly 600,000 weapons of all calibers.': [{'text': '600,000',
                                                             'value': 600000.0,
                                                             'high': None,
                                                             'unit': 'weapons',
                                                             'approximator': 'roughly'}],
 'Other than that, nearly 300 fixed-wing and rotary-wing aircraft are also included.': [{'text': '300',
                                                                                         'value': 300.0,
                                                                                         'high': None,
                                                                                         'unit': 'aircraft',
                                                                                         'approximator': 'nearly'}],
 'Over 80,000 vehicles of several models, communications equipment, and other advanced materials such as night vision goggles and biometric systems are also now under Taliban control.': [{'text': '80,000',
                                                                                                                                                                                            'value': 80000.0,
                                                                                                                                                                                            'high': None,
                                                                                                                                                                                            'unit': 'vehicles',
                                                                                                                                                                                            'approximator': 'over'}],
 'The group also took possession of more than 300,000 light arms, 26,000 heavy weapons, and about 61,000 military vehicles.”': [{'text': '300,000',
                                                                                                                                 'value': 300000.0,
                                                                                                                                 'high': None,
                                                                                                                                 'unit': 'light '
                                                                                                                                         'arms',
                                                                                                                                 'approximator': 'more '
                                                                                                                                                 'than'},
                                                                                                                                {'text': '26,000',
                                                                                                                                 'value': 26000.0,
                                                                                                                                 'high': None,
                                                                                                                                 'unit': 'heavy '
                                                                                                                                         'weapons',
                                                                                                                                 'approximator': None},
                                                                                                                                {'text': '61,000',
                                                                                                                                 'value': 61000.0,
                                                                                                                                 'high': None,
                                                                                                                                 'unit': 'military '
                                                                                                                                         'vehicles',
                                                                                                                                 'approximator': 'about'}],
 'The Taliban overran Afghanistan in mid-August 2021, as U.S. and NATO troops were in the last weeks of their chaotic pullout from the country after 20 years of war.': [{'text': '20',
                                                                                                                                                                          'value': 20.0,
                                                                                                                                                                          'high': None,
                                                                                                                                                                          'unit': 'years',
                                                                                                                                                                          'approximator': None}],
 'TTP fighters now target Pakistani troops from a distance, while before their only weapons were AK-47 assault rifles.': [],
 'Authorities in Indian-controlled Kashmir confirmed that militants are carrying M4s, M16s and other U.S.-made arms and ammunition that have rarely been seen in the 30-year conflict.': [{'text': '30',
                                                                                                                                                                                           'value': 30.0,
                                                                                                                                                                                           'high': None,
                                                                                                                                                                                           'unit': 'years',
                                                                                                                                                                                           'approximator': None}],
 'On June 19, an Israeli helicopter fired missiles into the West Bank for the first time since the Second Intifada.': []}


# The example of the public format check.
ANSWERS["Almost 40 ducks crossed the road in 2019."] = [
    {"text": "40", "value": 40, "high": None, "unit": "ducks", "approximator": "almost"}]


def find_quantities(sentence):
    return ANSWERS.get(sentence, [])
