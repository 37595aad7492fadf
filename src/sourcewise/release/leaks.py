"""Search a built bundle for anything a student must not see, before it is released.

Secrets are the reference solutions, the hidden checks, the hidden items' sentences and
explanations, and the instructor-only answers of the case study (the rationales that say
why each hand-labelling unit has its label; what a fact-check found is a fact about the
world, which lessons may teach). Text is compared as runs of words (lower case,
letters and digits; HTML tags and JSON escapes undone), so a secret is found even when the
site re-renders it. A run counts only if it is not also in material students may see
anyway (the taxonomy, the starters, the public checks, the article and its other
annotations; for code and explanations also the hand-written docs): a solution may share a
docstring with its starter, an explanation a phrase with a label's definition.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from sourcewise.batch.project import Project
from sourcewise.casestudy import load_case_study
from sourcewise.exercises.catalogue import EXERCISES, HELPER_MODULES
from sourcewise.labels import LABELS

CODE_RUN = 12  # words in a run of code that counts as a leak
PROSE_RUN = 10  # words in a run of prose that counts as a leak
SHORT_PROSE = 4  # prose shorter than PROSE_RUN words is searched whole from this length

_WORD = re.compile(r"[a-z0-9]+")
_TAG = re.compile(r"<[A-Za-z/!?][^<>]{0,2000}>")  # an HTML tag, not a comparison in code
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\[nrt]")


@dataclass(frozen=True)
class Secret:
    kind: str  # "solution", "hidden check", "hidden item", "instructor answer"
    origin: str  # where it comes from, relative to the project
    text: str
    code: bool  # compared in runs of CODE_RUN words, else PROSE_RUN
    answer: bool  # an answer itself (a hidden sentence, a rationale): the docs are no excuse


@dataclass(frozen=True)
class Leak:
    secret: Secret
    found_in: str  # the bundle file
    piece: str  # the words found


class _Corpus:
    """Texts as word runs of both sizes, and as one string for whole-phrase searches."""

    def __init__(self, texts: Iterable[list[str]]) -> None:
        self.tokens = list(texts)
        self.runs = {size: set().union(*(runs(t, size) for t in self.tokens))
                     for size in (CODE_RUN, PROSE_RUN)}
        self.joined = "\n".join(" " + " ".join(t) + " " for t in self.tokens)


def words(text: str) -> list[str]:
    """``text`` as lower-case words, after undoing HTML entities, tags and JSON escapes."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else " ", text)
    text = html.unescape(_TAG.sub(" ", text))
    return _WORD.findall(text.casefold())


def runs(tokens: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def secrets(project: Project) -> list[Secret]:
    """Everything instructor-only that a student bundle must not contain."""
    found: list[Secret] = []
    for exercise in EXERCISES:
        for kind, path in (("solution", project.solution(exercise.name)),
                           ("hidden check", project.hidden_checks(exercise.name))):
            if path.is_file():
                found.append(Secret(kind, _relative(project, path),
                                    path.read_text(encoding="utf-8"), code=True, answer=False))
        items = project.hidden_items(exercise.name)
        if items.is_file():
            data = yaml.safe_load(items.read_text(encoding="utf-8")) or {}
            for item in data.get("items", []):
                for key in ("text", "why"):
                    if isinstance(item.get(key), str):
                        found.append(Secret("hidden item", f"{_relative(project, items)} "
                                            f"{item.get('id')}.{key}", item[key], code=False,
                                            answer=key == "text"))
    for case_folder in _case_folders(project):
        case = load_case_study(case_folder)
        for unit in case.hand_label_units:
            where = f"{_relative(project, case_folder)} {unit.id}"
            found.append(Secret("instructor answer", f"{where}.rationale", unit.rationale,
                                code=False, answer=True))
    return found


def public_texts(project: Project) -> Iterable[str]:
    """Material any secret may legitimately share words with: the taxonomy's definitions,
    the starters, the public checks, and the case study without its hand-labelling units.
    Not the rest of the package or the site: a secret copied there must still be found."""
    for label in LABELS:
        yield " ".join((label.name, label.test, *label.typical_cues))
    for exercise in EXERCISES:
        for path in (project.starter(exercise.name), project.public_checks(exercise.name)):
            if path.is_file():
                yield path.read_text(encoding="utf-8")
    for helper in HELPER_MODULES:
        if project.helper(helper).is_file():
            yield project.helper(helper).read_text(encoding="utf-8")
    for case_folder in _case_folders(project):
        case = load_case_study(case_folder)
        yield case.text
        for unit in case.units:
            if not unit.hand_label:
                yield unit.rationale
                yield from (check.finding for check in unit.factchecks)
        yield from (source.note for source in case.sources)
        yield from (f"{n.scope} {n.period} {n.official}" for n in case.numbers)


def find_leaks(project: Project, bundle: Path, revealed: bool = False) -> list[Leak]:
    """Every secret of ``project`` (or a long run of it) found in the ``bundle`` folder.

    A ``revealed`` bundle (``release --reveal``) publishes the solutions and the
    hand-labelling notes on purpose; the hidden checks and hidden items stay secret.

    For code and explanations (solutions, hidden checks, why an item is right), the
    hand-written pages in ``docs/`` count as public too: a rule explained on a lesson page
    is no secret because a solution's comment repeats it. Answers themselves (hidden
    sentences, hand-labelling rationales) must not be anywhere.
    """
    base = [words(text) for text in public_texts(project)]
    if revealed:  # the published solutions are public: a hidden hint may repeat their words
        base += [words(project.solution(e.name).read_text(encoding="utf-8")) for e in EXERCISES
                 if project.solution(e.name).is_file()]
    docs = [words(p.read_text(encoding="utf-8"))
            for p in sorted((project.root / "docs").rglob("*.md"))]
    public = {True: _Corpus(base), False: _Corpus(base + docs)}
    files = {str(p.relative_to(bundle)): words(text) for p, text in _bundle_texts(bundle)}
    file_runs = {size: {name: runs(tokens, size) for name, tokens in files.items()}
                 for size in (CODE_RUN, PROSE_RUN)}
    joined = {name: " " + " ".join(tokens) + " " for name, tokens in files.items()}
    leaks: list[Leak] = []
    published = {"solution", "instructor answer"} if revealed else set()
    for secret in (s for s in secrets(project) if s.kind not in published):
        tokens = words(secret.text)
        allowed = public[secret.answer]
        size = CODE_RUN if secret.code else PROSE_RUN
        if len(tokens) < size:
            whole = " " + " ".join(tokens) + " "
            if secret.code or len(tokens) < SHORT_PROSE or whole in allowed.joined:
                continue
            leaks += [Leak(secret, name, whole.strip()) for name, text in joined.items()
                      if whole in text][:1]
            continue
        private = runs(tokens, size) - allowed.runs[size]
        for name, present in file_runs[size].items():
            shared = private & present
            if shared:
                leaks.append(Leak(secret, name, " ".join(min(shared))))
                break
    return leaks


def _bundle_texts(bundle: Path) -> Iterable[tuple[Path, str]]:
    for path in sorted(bundle.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue  # fonts and images
        text = data.decode("utf-8", errors="replace")
        if path.suffix == ".json":
            with contextlib.suppress(ValueError):
                text = json.dumps(json.loads(text), ensure_ascii=False)
        yield path, text


def _case_folders(project: Project) -> list[Path]:
    cases = project.package / "cases"
    return sorted(p for p in cases.iterdir() if (p / "case.yaml").is_file())


def _relative(project: Project, path: Path) -> str:
    return str(path.relative_to(project.root))
