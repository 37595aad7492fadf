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
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from sourcewise.batch.project import Project
from sourcewise.casestudy import load_case_study
from sourcewise.exercises.catalogue import EXERCISES, HELPER_MODULES
from sourcewise.labels import LABELS
from sourcewise.site.runner import FOLDER as RUNNER_FOLDER

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

    Every text file is searched, and so is every text member of the archives in the bundle
    (``.zip``, ``.whl``): the browser runner's ``python.zip`` and Pyodide's standard
    library are files the runner loads. Files are read one at a time, each secret is
    reported once, in the first file (in path order) that holds it.
    """
    base = [words(text) for text in public_texts(project)]
    if revealed:  # the published solutions are public: a hidden hint may repeat their words
        base += [words(project.solution(e.name).read_text(encoding="utf-8")) for e in EXERCISES
                 if project.solution(e.name).is_file()]
    docs = [words(p.read_text(encoding="utf-8"))
            for p in sorted((project.root / "docs").rglob("*.md"))]
    public = {True: _Corpus(base), False: _Corpus(base + docs)}
    wanted: dict[int, dict[tuple[str, ...], list[int]]] = {CODE_RUN: {}, PROSE_RUN: {}}
    phrases: list[tuple[int, str]] = []  # short prose secrets, searched whole
    published = {"solution", "instructor answer"} if revealed else set()
    listed = [s for s in secrets(project) if s.kind not in published]
    for number, secret in enumerate(listed):
        tokens = words(secret.text)
        allowed = public[secret.answer]
        size = CODE_RUN if secret.code else PROSE_RUN
        if len(tokens) < size:
            whole = " " + " ".join(tokens) + " "
            if not (secret.code or len(tokens) < SHORT_PROSE or whole in allowed.joined):
                phrases.append((number, whole))
            continue
        for run in runs(tokens, size) - allowed.runs[size]:
            wanted[size].setdefault(run, []).append(number)
    found: dict[int, Leak] = {}  # by the secret's number: each secret once, first file
    texts = list(_bundle_texts(bundle))
    # Third-party code the runner loads (Pyodide's standard library, pytest, ...) is
    # searched first. A run of code found there is public, as the docs are: no answer
    # of ours, but a list of month names that a solution shares with calendar.py.
    for name, text in [t for t in texts if _third_party(t[0])]:
        for number, run in _hits(words(text), wanted):
            if listed[number].code:
                for size in wanted:
                    wanted[size].pop(run, None)
            elif number not in found:
                found[number] = Leak(listed[number], name, " ".join(run))
    for name, text in [t for t in texts if not _third_party(t[0])]:
        tokens = words(text)
        hits: dict[int, tuple[str, ...]] = {}
        for number, run in _hits(tokens, wanted):
            if number not in found and (number not in hits or run < hits[number]):
                hits[number] = run
        for number, run in hits.items():
            found[number] = Leak(listed[number], name, " ".join(run))
        if phrases:
            joined = " " + " ".join(tokens) + " "
            for number, whole in phrases:
                if number not in found and whole in joined:
                    found[number] = Leak(listed[number], name, whole.strip())
    return [found[number] for number in sorted(found)]


def _hits(tokens: list[str], wanted: dict[int, dict[tuple[str, ...], list[int]]]
          ) -> Iterable[tuple[int, tuple[str, ...]]]:
    """(secret number, run) for every run of ``tokens`` that a secret has."""
    for size, index in wanted.items():
        firsts = {run[0] for run in index}
        for start in range(len(tokens) - size + 1):
            if tokens[start] in firsts:
                run = tuple(tokens[start:start + size])
                for number in index.get(run, ()):
                    yield number, run


def _third_party(name: str) -> bool:
    """True for a file of the browser runner's that is not ours: Pyodide, and the members
    of its Python archive other than the sourcewise package and the checks."""
    path, _, member = name.replace("\\", "/").partition("!")
    if f"/{RUNNER_FOLDER}/pyodide/" in f"/{path}":
        return True
    return (path.endswith(f"{RUNNER_FOLDER}/python.zip") and bool(member)
            and not member.startswith(("sourcewise/", "checks/")))


ARCHIVES = (".zip", ".whl")
MAX_MEMBER_BYTES = 8 * 1024 * 1024


def _text_of(data: bytes, suffix: str) -> str | None:
    """``data`` as text, or None for binary data (fonts, images, WebAssembly)."""
    if b"\0" in data[:8192]:
        return None
    text = data.decode("utf-8", errors="replace")
    if suffix == ".json":
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


def _bundle_texts(bundle: Path) -> Iterable[tuple[str, str]]:
    """(name relative to the bundle, text) of every text file, archive members included
    (named ``archive.zip!member``)."""
    for path in sorted(bundle.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(bundle))
        if path.suffix in ARCHIVES and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in archive.infolist():
                    if member.is_dir() or member.file_size > MAX_MEMBER_BYTES:
                        continue
                    text = _text_of(archive.read(member), Path(member.filename).suffix)
                    if text is not None:
                        yield f"{name}!{member.filename}", text
            continue
        text = _text_of(path.read_bytes(), path.suffix)
        if text is not None:
            yield name, text


def _case_folders(project: Project) -> list[Path]:
    cases = project.package / "cases"
    return sorted(p for p in cases.iterdir() if (p / "case.yaml").is_file())


def _relative(project: Project, path: Path) -> str:
    return str(path.relative_to(project.root))
