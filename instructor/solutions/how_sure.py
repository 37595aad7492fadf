"""Reference solution for exercise 4, "How sure are they?": find hedges and vague sources.

The method combines the CoNLL-2010 hedge cues with Wikipedia's "words to watch":

1. Hedge words ("reportedly", "apparent", "likely", "may", ...) and hedge phrases
   ("appears to", "seems to", "is believed", "it is thought", "the claim that").
   A passive "are shown" with no one doing the showing hides the source too.
2. Vague attributions: a source found by exercise 3's method whose head is an unnamed
   group ("officials", "experts", "sources", "some", or any bare plural such as
   "teachers") and which names no organisation or person ("U.S. defense officials" is vague; "Environment Agency officials" is not).
3. Traps: "May" the month is not a hedge; "claim" is only a hedge as "the claim of/that";
   a modal owned by a named source ("The central bank said rates would likely
   rise") is that source's attributed forecast, not the writer hedging.
"""

from __future__ import annotations

import re

# =======================================================================================
# Copied from the reference answer to who_says_so.py, so that this file stands alone
# (a broken who_says_so.py must not break it). Keep the two copies the same.
# =======================================================================================

SAYING_VERBS = {
    "said", "says", "say", "told", "tells", "tell", "claimed", "claims", "claim", "stated",
    "announced", "announces", "warned", "warns", "warn", "argued", "argues", "argue",
    "reported", "reports", "report", "confirmed", "confirms", "insisted", "noted", "wrote",
    "alleged", "alleges", "predicted", "estimated", "estimates", "explained", "admitted",
    "acknowledged", "denied", "added", "stressed", "believe", "believes", "suspect",
    "suspects", "fear", "fears", "forecast", "forecasts", "projected", "projects",
    "calculated", "calculates", "expressed",
    # more reporting verbs of the kinds PARC 3.0 annotates as attribution cues
    "asserted", "asserts", "maintained", "maintains", "contended", "contends", "disclosed",
    "conceded", "concedes", "pledged", "promised", "vowed", "urged", "recalled", "replied",
    "responded", "testified", "declared", "declares", "insists", "indicated", "observed",
    "remarked", "commented", "cautioned", "complained", "complains", "complain", "ruled",
    "expect", "expects", "hope", "hopes", "think", "thinks", "agreed", "agree", "countered",
    "issued", "raised", "voiced",
}
# Verbs that are only cues with a noun of saying as their object: "expressed concerns",
# "issued a warning", "raised doubts". "Issued new passports" credits nobody.
CUES_WITH_OBJECT = {"expressed", "issued", "raised", "voiced"}
# "The group did X, claiming Y": the participle credits the main clause's subject.
PARTICIPLE_CUES = {"claiming", "saying", "insisting", "arguing", "warning", "alleging"}
# Nouns that "expressed" takes into its cue: "expressed serious concerns".
EXPRESSED_NOUNS = {"concern", "concerns", "doubt", "doubts", "fear", "fears", "hope", "hopes",
                   "regret", "support", "opposition", "confidence", "alarm", "warning",
                   "warnings", "statement", "alert", "objections", "questions"}
# A verb of saying with one of these as its object reports an act, not a claim.
EMPTY_OBJECTS = {"nothing", "little", "goodbye", "hello", "sorry", "grace"}
FINDING_VERBS = {
    "found", "finds", "find", "show", "shows", "showed", "reveal", "reveals", "revealed",
    "states", "state", "concluded", "concludes", "suggest", "suggests", "suggested",
    "indicate", "indicates", "confirm",
}
# Present-tense forms that are also plural nouns ("claims", "reports") or bare verbs that
# need a plural subject ("critics claim"): they are only cues after a plural source.
BARE_FORMS = {
    "say", "tell", "claim", "warn", "argue", "report", "find", "show", "reveal", "state",
    "believe", "suspect", "fear", "expect", "hope", "think", "complain", "agree", "suggest",
    "indicate", "confirm",
}
NOUN_LIKE_FORMS = {"claims", "reports", "shows", "states", "finds"}
# After one of these, a bare form is a noun: "filed a claim", "the report".
NOUN_MARKERS = {"a", "an", "the", "this", "that", "their", "his", "her", "its", "our", "any",
                "no", "every", "each", "new", "first", "latest"}
PLURAL_WORDS = {"people", "police", "staff", "some", "many", "others", "data", "media"}
DOCUMENT_WORDS = {
    "report", "study", "audit", "survey", "review", "analysis", "investigation", "inquiry",
    "research", "data", "figures", "records", "memo", "judgment", "judgement", "accounts",
    "census", "index", "document", "documents", "letter", "filing", "poll", "paper", "statistics",
    "ruling", "minutes", "papers", "budget", "transcript", "log",
    "trial", "trials", "experiment", "assessment", "evaluation", "inspection", "model",
    "forecast", "results", "readings", "register", "archive", "file", "files", "filings",
    "testing", "tests", "paperwork", "publication", "journal", "application", "contract",
    "licence", "license", "permit", "policy", "manifest", "ledger", "invoice", "receipt",
    "certificate", "deed", "map", "chart", "footage", "recording", "photographs",
}
# A source is a noun phrase: these words mean the candidate holds a verb of its own.
VERB_WORDS = {
    "can", "will", "would", "should", "must", "could", "may", "might", "is", "are", "was",
    "were", "do", "does", "did", "came", "went", "been", "has", "have", "had",
}
TRAILING_AUXILIARIES = {"have", "has", "had", "also", "now", "then", "later", "previously"}
ASIDE_OPENERS = {"who", "which", "whose", "the", "a", "an", "his", "her", "its", "their"}
STOP_AFTER_SOURCE = {
    "after", "on", "at", "during", "when", "while", "as", "before", "to", "who", "which",
    "last", "yesterday", "today", "tonight", "earlier", "this", "adding", "noting", "in",
}
PREPOSITIONS = {"at", "in", "on", "for", "of", "from", "by", "with", "about", "into"}
LEADING_LINKS = {"and", "but", "while", "though", "although", "because", "so", "yet", "as"}
HEAD_ENDS = PREPOSITIONS | {"close", "familiar", "who", "which", "that", "since"}
# Past participles that start a phrase after the head noun ("records kept since 1884").
IRREGULAR_PARTICIPLES = {"kept", "made", "held", "written", "given", "taken", "seen", "done",
                         "run", "built", "sent", "paid", "led"}
MAX_SOURCE_WORDS = 10

_ACCORDING_TO = re.compile(r"\b(according to)\s+([^,.;]+)", re.IGNORECASE)
_CUE = re.compile(r"\b[a-z]+\b")
_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019"


def _word_list(text: str) -> list[str]:
    return [w.strip(".,;:\"'\u201c\u201d").lower() for w in text.split()]


def _clean(text: str) -> str:
    """Strip quotes, spaces and a leading linking word ("and critics" -> "critics")."""
    text = text.strip(_EDGE).strip(",").strip(_EDGE)
    first, _, rest = text.partition(" ")
    return rest.strip() if first.lower() in LEADING_LINKS and rest else text


def _is_aside(segment: str) -> bool:
    first = _word_list(segment)[:1]
    # "X, who ...,", "X, the lead author,", "X, speaking on Monday," or "X, published in May,"
    return bool(first) and (first[0] in ASIDE_OPENERS or first[0].endswith(("ing", "ed")))


def _source_before(left: str) -> str | None:
    """The noun phrase just before a cue, or None when the cue directly follows a comma."""
    segments = re.split(r"[;:]|,(?!\d)", left)
    last = _clean(segments[-1])
    if last:
        return last
    if len(segments) < 3 or not _clean(segments[-3]):
        return None
    # "X, who chairs the board, told ..." or "X, the lead author, said ...": skip the aside.
    if _is_aside(segments[-2]):
        return _clean(segments[-3])
    # "The school's head, Ana Ruiz, said ...": the name in apposition is the source.
    name = _clean(segments[-2])
    if len(name.split()) >= 2 and all(word[:1].isupper() for word in name.split()):
        return name
    return None


def _source_after(right: str) -> str | None:
    """The source after a cue ("..., said coach Brandt after the game") up to a stop word."""
    kept: list[str] = []
    for word in re.split(r"[,.;]", right, maxsplit=1)[0].split():
        if kept and word.lower() in STOP_AFTER_SOURCE:
            break
        kept.append(word)
    return _clean(" ".join(kept)) or None


def _trim_auxiliaries(source: str) -> str:
    words = source.split()
    while words and words[-1].lower() in TRAILING_AUXILIARIES:
        words.pop()
    return " ".join(words)


def _plausible_source(source: str, cue: str, next_word: str) -> bool:
    words = _word_list(source)
    if not words or len(words) > MAX_SOURCE_WORDS or VERB_WORDS & set(words):
        return False
    singulars = {w.removesuffix("s") for w in words} | set(words)
    if cue in FINDING_VERBS and cue not in SAYING_VERBS and not DOCUMENT_WORDS & singulars:
        return False
    if cue in NOUN_LIKE_FORMS and next_word in PREPOSITIONS:
        return False
    head = head_noun(source)
    return cue not in BARE_FORMS or head.endswith("s") or head in PLURAL_WORDS


def head_noun(source: str) -> str:
    """The main noun of a source: its last word before any of-, from- or who-phrase."""
    words = _word_list(source)
    for index, word in enumerate(words):
        participle = word in IRREGULAR_PARTICIPLES or (len(word) > 4 and word.endswith("ed"))
        if index and (word in HEAD_ENDS or participle):
            return words[index - 1]
    return words[-1] if words else ""


def _according_to(sentence: str) -> dict | None:
    match = _ACCORDING_TO.search(sentence)
    if not match:
        return None
    source = _clean(match.group(2))
    if not source or len(source.split()) > MAX_SOURCE_WORDS:
        return None
    return {"source": source, "cue": match.group(1)}


def _cue_span(cue: str, right: str) -> str | None:
    """The cue's words: "expressed" (and the other CUES_WITH_OBJECT) runs on to its noun of
    saying when one follows within 3 words, and is no cue without one."""
    if cue not in CUES_WITH_OBJECT:
        return cue
    words = right.split()[:3]
    for index, word in enumerate(words):
        if word.strip(",.").lower() in EXPRESSED_NOUNS:
            return " ".join([cue, *words[:index], word.strip(",.")])
    return None


def _main_subject(sentence: str) -> str | None:
    """The subject of the main clause: the words before its first auxiliary verb."""
    words = sentence.split(",")[0].split()
    for index, word in enumerate(words):
        if word.lower() in VERB_WORDS:
            return " ".join(words[:index]) or None
    return None


def _verb_cue(sentence: str) -> dict | None:
    for match in _CUE.finditer(sentence):
        cue = match.group()
        left, right = sentence[: match.start()], sentence[match.end() :]
        if cue in PARTICIPLE_CUES and left.rstrip().endswith(","):
            source = _main_subject(sentence)
            if source and _plausible_source(source, cue, ""):
                return {"source": source, "cue": cue}
            continue
        if cue not in SAYING_VERBS and cue not in FINDING_VERBS:
            continue
        next_word = (_word_list(right) or [""])[0]
        previous = (_word_list(left) or [""])[-1]
        if (cue in BARE_FORMS or cue in NOUN_LIKE_FORMS) and previous in NOUN_MARKERS:
            continue
        span = _cue_span(cue, right)
        if span is None or next_word in EMPTY_OBJECTS:
            continue
        before = _source_before(left)
        source = _trim_auxiliaries(before) if before is not None else _source_after(right)
        if source and _plausible_source(source, cue, next_word):
            return {"source": source, "cue": span}
    return None


def find_attribution(sentence: str) -> dict | None:
    """Return {"source": ..., "cue": ...} for an attributed sentence, or None."""
    return _according_to(sentence) or _verb_cue(sentence)

# =======================================================================================
# This exercise's own rules
# =======================================================================================

# Hedges that a named source can own as its forecast ("X said it could rain").
MODAL_HEDGES = {"could", "may", "might", "likely", "unlikely", "possibly", "probably", "perhaps"}
# Hedges that always hide who is unsure or that something is unproven.
HEDGE_WORDS = {
    "reportedly", "allegedly", "apparently", "apparent", "purportedly", "supposedly",
    "seemingly", "presumably", "arguably", "rumoured", "rumored",
}
EVIDENCE_WORDS = {"results", "evidence", "data", "findings", "signs", "figures", "research", "studies"}
VAGUE_HEADS = {
    "officials", "official", "experts", "sources", "source", "analysts", "critics", "observers",
    "witnesses", "researchers", "scientists", "insiders", "residents", "people", "person",
    "some", "many", "others", "authorities", "reports", "diplomats",
}
QUANTIFIERS = {"some", "many", "several", "various", "most", "few"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
# "May" that gives permission ("visitors may park here") softens nothing: a verb of doing
# follows it, of the kind rules and notices use.
PERMISSION_VERBS = {
    "apply", "book", "buy", "bring", "use", "park", "enter", "visit", "register", "vote",
    "choose", "request", "join", "keep", "take", "leave", "collect", "pay", "order", "attend",
    "contact", "call", "submit", "borrow", "return", "swim", "fish", "camp",
}
MONTH_NEIGHBOURS = {"in", "on", "since", "until", "of", "from", "to", "early", "late", "mid",
                    "last", "next", "this", "by", "during"}

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")
_PHRASES = re.compile(
    r"\b(?:appears?|appeared|seems?|seemed) to\b"
    r"|\b(?:[Ii]t )?(?:is|are|was|were) (?:believed|thought|understood|rumou?red)\b"
    r"|\b(?:is|are|was|were) (?:said|reported|alleged) to\b"
    r"|\b(?:is|are|was|were) shown\b(?! (?:by|in|on)\b)"
    r"|\b[Tt]he claims? (?=of\b|that\b)"
)


def _is_month(words: list[str], index: int) -> bool:
    """'May' the month: capitalised mid-sentence, or next to a number or a date word."""
    word = words[index]
    before = words[index - 1].lower() if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return (
        (word == "May" and index > 0)
        or after[:1].isdigit()
        or before[:1].isdigit()
        or before in MONTH_NEIGHBOURS
    )


def _is_vague(source: str) -> bool:
    """True when a source's head is an unnamed group and it names no organisation or person."""
    words = source.split()
    head, first = head_noun(source), words[0].lower()
    # A bare plural ("Teachers say", "Local farmers fear") is a group nobody names; a bare
    # plural record ("Court records show") is a document, not a group.
    bare_plural = (first not in DETERMINERS and not first.endswith("'s") and head.endswith("s")
                   and head not in DOCUMENT_WORDS)
    unnamed_group = head in VAGUE_HEADS or first in QUANTIFIERS or bare_plural
    # A capitalised word after the first names someone ("Agency", "Kashmir"); country
    # abbreviations written with full stops ("U.S.") describe, they do not name.
    return unnamed_group and not any(w[:1].isupper() and "." not in w for w in words[1:])


def _vague_attribution(sentence: str, attribution: dict | None) -> list[tuple[int, str]]:
    if attribution is None or not _is_vague(attribution["source"]):
        return []
    source, cue = attribution["source"], attribution["cue"]
    start, cue_at = sentence.find(source), sentence.lower().find(cue.lower())
    first, last = sorted([(start, start + len(source)), (cue_at, cue_at + len(cue))])
    between = sentence[first[1] : last[0]].split()
    if first[0] < 0 or len(between) > 2:
        return [(start, source)]
    return [(first[0], sentence[first[0] : last[1]])]


def find_hedges(sentence: str) -> list[str]:
    """Return the hedges and vague attributions in ``sentence``, in reading order."""
    attribution = find_attribution(sentence)
    named_source = attribution is not None and not _is_vague(attribution["source"])
    found = [(m.start(), m.group().strip()) for m in _PHRASES.finditer(sentence)]
    words = list(_WORD.finditer(sentence))
    texts = [m.group() for m in words]
    for index, match in enumerate(words):
        word = match.group().lower()
        if word in HEDGE_WORDS:
            found.append((match.start(), match.group()))
        elif word in MODAL_HEDGES and not named_source:
            after = texts[index + 1].lower() if index + 1 < len(texts) else ""
            permission = word == "may" and after in PERMISSION_VERBS
            if not permission and (word != "may" or not _is_month(texts, index)):
                found.append((match.start(), match.group()))
        elif word in {"suggest", "suggests", "suggested"}:
            before = texts[index - 1].lower() if index else ""
            after = texts[index + 1].lower() if index + 1 < len(texts) else ""
            if after == "that" or before in EVIDENCE_WORDS:
                found.append((match.start(), match.group()))
    found += _vague_attribution(sentence, attribution)
    return [text for start, text in _without_overlaps(found)]


def _without_overlaps(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The phrases in reading order, a phrase inside a longer one dropped ("were rumoured"
    and "rumoured" give "were rumoured")."""
    kept: list[tuple[int, str]] = []
    for start, text in sorted(found, key=lambda f: (f[0], -len(f[1]))):
        if not any(s <= start and start + len(text) <= s + len(t) for s, t in kept):
            kept.append((start, text))
    return kept
