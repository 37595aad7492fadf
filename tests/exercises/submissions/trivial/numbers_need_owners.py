"""A trivial baseline: flag every run of digits as an amount, with no unit or approximator."""

import re


def find_quantities(sentence):
    return [{"text": digits, "value": int(digits), "high": None, "unit": None,
             "approximator": None} for digits in re.findall(r"\d+", sentence)]
