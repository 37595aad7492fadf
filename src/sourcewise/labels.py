"""The six labels of the taxonomy, the test a student applies for each, and their groups."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """One label of the taxonomy, as students meet it on the site and in the exercises."""

    id: str
    name: str
    test: str
    typical_cues: tuple[str, ...]
    group: str
    tag: str  # a short visible tag, so colour is never the only signal


LABELS: tuple[Label, ...] = (
    Label(
        "sourced_fact",
        "Sourced fact",
        "Checkable, and tied to a named record or body that can know it.",
        ("according to (a report or index)", "confirmed by (a named authority)", "a dated document"),
        "sourced",
        "FACT",
    ),
    Label(
        "official_estimate",
        "Official estimate",
        "A figure produced by an official body; approximate; its scope and period must travel with it.",
        ("estimated", "valued at", "roughly", "nearly", "about", "more than"),
        "official estimate",
        "EST",
    ),
    Label(
        "attributed_claim",
        "Attributed claim",
        "Credited to an identifiable person or group, often with a stake; the article does not verify it.",
        ("said", "claimed", "told", "alleged", "statements or videos released by"),
        "sourced",
        "CLAIM",
    ),
    Label(
        "vague_attribution",
        "Vague or hedged",
        "The source cannot be identified, or the certainty is softened.",
        ("reportedly", "it is believed", "experts say", "officials (unnamed)", "appear to", "apparent"),
        "unsupported",
        "VAGUE",
    ),
    Label(
        "unsourced_assertion",
        "Unsourced assertion",
        "Stated as fact with no source at all; it may still be true, so check it laterally.",
        ("none: the absence of any source is the cue",),
        "unsupported",
        "NO SOURCE",
    ),
    Label(
        "framing",
        "Unsupported framing",
        "Evaluative, loaded or speculative language that asserts nothing checkable, "
        "or sells an interpretation as fact.",
        ("killing machine", "thriving", "onslaught", "staggering", "boon", "rhetorical questions"),
        "unsupported",
        "FRAMING",
    ),
)

LABEL_IDS: tuple[str, ...] = tuple(label.id for label in LABELS)
GROUPS: tuple[str, ...] = ("sourced", "official estimate", "unsupported")


def get(label_id: str) -> Label:
    """Return the label with this id, or raise KeyError naming the valid ids."""
    for label in LABELS:
        if label.id == label_id:
            return label
    raise KeyError(f"unknown label {label_id!r}; expected one of: {', '.join(LABEL_IDS)}")


def group_of(label_id: str) -> str:
    """Map a label onto the three coarse groups the mission names."""
    return get(label_id).group
