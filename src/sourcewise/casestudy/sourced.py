""""The same story, sourced": our rewrite of the article's core claims, loaded and checked.

``sourced.yaml`` in a case folder holds paragraphs of our own sentences. Each paragraph
names the article's units it rewrites; each sentence has a label (the same six as the
article), the words in it that credit its source, and the citation records it rests on.
``load_sourced`` checks every field against the case study and its ``citations.yaml``,
raising :class:`CaseStudyError` with the file, the sentence and the field.

    >>> from sourcewise.casestudy import default_case_study
    >>> version = load_sourced(default_case_study())
    >>> all(s.cites for p in version.paragraphs for s in p.sentences)
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sourcewise import labels
from sourcewise.casestudy.citations import Citation
from sourcewise.casestudy.errors import CaseStudyError
from sourcewise.casestudy.fields import Fields
from sourcewise.casestudy.files import read_yaml
from sourcewise.casestudy.loader import DEFAULT_CASE_FOLDER
from sourcewise.casestudy.model import CaseStudy

FILE = "sourced.yaml"


@dataclass(frozen=True)
class SourcedSentence:
    """One sentence of our version: its text, label, crediting words and records."""

    id: str  # "s3" for the third sentence, in reading order
    text: str
    label: str
    credit: str  # the words of the text that credit the source
    cites: tuple[Citation, ...]


@dataclass(frozen=True)
class SourcedParagraph:
    heading: str
    original: tuple[str, ...]  # the ids of the article's units this paragraph rewrites
    sentences: tuple[SourcedSentence, ...]


@dataclass(frozen=True)
class SourcedVersion:
    title: str
    paragraphs: tuple[SourcedParagraph, ...]

    @property
    def sentences(self) -> tuple[SourcedSentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)


def _sentence(number: int, raw: object, file: str, case: CaseStudy) -> SourcedSentence:
    fields = Fields(raw, file=file, unit=f"sentence {number}", what="sentence")
    fields.only(("text", "label", "credit", "cites"))
    text = " ".join(fields.text("text").split())
    label = fields.choice("label", [label.id for label in labels.LABELS])
    credit = fields.text("credit")
    if credit not in text:
        raise fields.error("credit", f"{credit!r} is not in the sentence.",
                           "Copy the words of the sentence that name its source.")
    ids = fields.texts("cites", empty_ok=False)
    for index, record in enumerate(ids):
        if record not in case.citations:
            raise fields.error(f"cites[{index}]", f"{record!r} is not a record of citations.yaml.",
                               "Every fact is cited to an original: add its record, or use its id.")
    return SourcedSentence(f"s{number}", text, label, credit,
                           tuple(case.citations[r] for r in ids))


def load_sourced(case: CaseStudy, folder: str | Path | None = None) -> SourcedVersion:
    """Load and check ``sourced.yaml`` of a case folder against the case study."""
    path = Path(folder if folder is not None else DEFAULT_CASE_FOLDER) / FILE
    file = str(path)
    top = Fields(read_yaml(path, dict), file=file, what="file")
    top.only(("title", "paragraphs"))
    order = {unit.id: n for n, unit in enumerate(case.units)}
    seen: set[str] = set()
    paragraphs = []
    number = 0
    for index, raw in enumerate(top.items("paragraphs", empty_ok=False)):
        fields = Fields(raw, file=file, unit=f"paragraphs[{index}]", what="paragraph")
        fields.only(("heading", "original", "sentences"))
        original = fields.texts("original", empty_ok=False)
        for n, unit_id in enumerate(original):
            if unit_id not in order:
                raise fields.error(f"original[{n}]", f"{unit_id!r} is not a unit of case "
                                   f"{case.id!r}.", "Use unit ids from units.yaml.")
            if unit_id in seen:
                raise fields.error(f"original[{n}]", f"{unit_id!r} is rewritten by two "
                                   "paragraphs.", "Give each unit to one paragraph.")
            seen.add(unit_id)
        sentences = []
        for raw_sentence in fields.items("sentences", empty_ok=False):
            number += 1
            sentences.append(_sentence(number, raw_sentence, file, case))
        paragraphs.append(SourcedParagraph(fields.text("heading"),
                                           tuple(sorted(original, key=order.__getitem__)),
                                           tuple(sentences)))
    return SourcedVersion(" ".join(top.text("title").split()), tuple(paragraphs))


__all__ = ["CaseStudyError", "SourcedVersion", "load_sourced"]
