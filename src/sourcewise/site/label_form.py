"""The form of exercise 1 (Label by hand) on its page: the exercise done without code.

The page's ``<!-- sourcewise:label-form -->`` marker becomes this form: each hand-labelling
sentence of the case study, written word by word as checkboxes (click a word, or select
words with the mouse, to mark it as evidence), with the six labels as radio buttons.
``docs/javascripts/label-form.js`` turns the marks into the ``ANSWERS`` dictionary of
``exercises/label_by_hand.py``, saves them in the browser, checks them with the exercise's
public checks and downloads the file. The sentences and labels come only from here (the
case study and ``sourcewise.labels``); the script reads them from the page.

Without JavaScript the form stays hidden and the page says how to fill in the file by hand,
listing the sentences with their ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sourcewise.casestudy.model import CaseStudy, Unit
from sourcewise.exercises.hand_labels import MAX_QUOTES, MAX_WORDS, NO_SOURCE
from sourcewise.labels import LABELS, Label
from sourcewise.site.html import attrs, element, esc, plural

MARKER_NAME = "label-form"
EXERCISE = "label_by_hand"
FILE_NAME = f"{EXERCISE}.py"
_WORD = re.compile(r"\S+")


def words(sentence: str) -> list[str]:
    """The sentence's words as the form shows them: the runs of non-space characters."""
    return _WORD.findall(sentence)


def _input(**values: str) -> str:
    return f"<input{attrs({key.rstrip('_'): value for key, value in values.items()})}>"


def _word_boxes(unit: Unit) -> str:
    boxes = []
    for index, word in enumerate(words(unit.text)):
        box = _input(type="checkbox", class_="sw-lf-box", id=f"lf-{unit.id}-w{index}",
                     tabindex="0" if index == 0 else "-1")
        boxes.append(element("label", box + esc(word), class_="sw-lf-word",
                             for_=f"lf-{unit.id}-w{index}"))
    return " ".join(boxes)


def _label_choice(unit: Unit, label: Label) -> str:
    box_id = f"lf-{unit.id}-l-{label.id}"
    radio = _input(type="radio", name=f"lf-{unit.id}-label", value=label.id, id=box_id)
    text = (element("span", esc(label.tag), class_="sw-lf-tag") + " " + esc(label.name)
            + " " + element("code", esc(label.id)))
    css = "sw-lf-label sw-l-" + label.id.replace("_", "-")
    return element("label", radio + text, class_=css, for_=box_id)


def _unit_item(unit: Unit, number: int, total: int, labels: Sequence[Label]) -> str:
    legend = element("legend", f"Sentence {number} of {total} " + element("code", esc(unit.id)))
    word_legend = element("legend", "Its words: mark the ones that show the label",
                          class_="sw-lf-hint")
    sentence = element("p", _word_boxes(unit), class_="sw-lf-sentence", lang="en",
                       data_sentence=unit.text)
    choices = element("fieldset", element("legend", "Label", class_="sw-lf-hint")
                      + "".join(_label_choice(unit, label) for label in labels),
                      class_="sw-lf-labels")
    quotes = element("p", "No words marked yet.", class_="sw-lf-quotes",
                     id=f"lf-{unit.id}-quotes", aria_live="polite")
    clear = element("button", "Clear this sentence", type="button", class_="sw-lf-clear md-button")
    body = (legend + element("fieldset", word_legend + sentence, class_="sw-lf-words")
            + quotes + choices + clear)
    return element("li", element("fieldset", body, class_="sw-lf-unit"), class_="sw-lf-item",
                   id=f"lf-{unit.id}", data_unit=unit.id)


def _how_to() -> str:
    steps = [
        "For each sentence, choose its label.",
        "Mark the words that show the label: click a word (or press Space on it), or select "
        "several words with the mouse. Marked words next to each other make one quote (a comma, "
        "semicolon or colon ends a quote). Use at most "
        f"{MAX_QUOTES} quotes of at most {MAX_WORDS} words each.",
        f"For an unsourced assertion (<code>{NO_SOURCE}</code>), mark no words.",
        "With the keyboard: Tab reaches a sentence's words; the arrow keys move between them; "
        "Space marks or unmarks a word.",
    ]
    return element("ol", "".join(element("li", step) for step in steps), class_="sw-lf-steps")


def _actions() -> str:
    buttons = [
        element("button", "Check my answers", type="button",
                class_="sw-lf-check md-button md-button--primary"),
        element("button", f"Download {FILE_NAME}", type="button",
                class_="sw-lf-download md-button"),
        element("button", "Download all my exercises (zip)", type="button",
                class_="sw-lf-download-all md-button"),
        element("button", "Start again", type="button", class_="sw-lf-reset md-button"),
    ]
    status = element("p", "", class_="sw-lf-status", role="status")
    return element("div", " ".join(buttons), class_="sw-lf-actions") + status


def _preview() -> str:
    summary = element("summary", f"See the {FILE_NAME} this form makes")
    code = element("pre", element("code", "", class_="sw-lf-preview language-python"))
    return element("details", summary + code, class_="sw-lf-file")


def _no_script(units: Sequence[Unit]) -> str:
    items = "".join(element("li", element("code", esc(u.id)) + ": " + esc(u.text)) for u in units)
    text = (
        element("p", "<strong>This form needs JavaScript, which is off in your browser.</strong> "
                f"You can do the same exercise in the file <code>exercises/{FILE_NAME}</code>: "
                "follow <em>What to do</em> above, then run its checks with <code>pytest</code>. "
                f"The {plural(len(units), 'sentence')} are:")
        + element("ol", items, class_="sw-lf-plain")
    )
    return f"<noscript>{element('div', text, class_='admonition note')}</noscript>"


def render_label_form(case: CaseStudy, labels: Sequence[Label] = LABELS) -> str:
    """The form for the case's hand-labelling sentences, as one raw HTML block."""
    units = case.hand_label_units
    if not units:
        return element("p", "This case study has no sentences to label by hand.")
    items = "".join(_unit_item(u, n, len(units), labels) for n, u in enumerate(units, start=1))
    form = element(
        "form",
        _how_to() + element("ol", items, class_="sw-lf-list") + _preview() + _actions()
        + element("div", "", class_="sw-lf-results", aria_live="polite"),
        class_="sw-lf", id="sw-label-form", hidden=True, data_exercise=EXERCISE,
        data_file=FILE_NAME, data_max_quotes=MAX_QUOTES, data_max_words=MAX_WORDS,
        aria_label="Label by hand, in the browser",
    )
    return form + "\n" + _no_script(units)
