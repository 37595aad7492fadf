"""The package installs and exposes its command line and taxonomy."""

import subprocess
import sys

import pytest

from sourcewise import labels


def test_six_labels_with_distinct_ids_and_tags():
    """The taxonomy has exactly the six labels of the design, each with its own visible tag."""
    assert labels.LABEL_IDS == (
        "sourced_fact",
        "official_estimate",
        "attributed_claim",
        "vague_attribution",
        "unsourced_assertion",
        "framing",
    )
    assert len({label.tag for label in labels.LABELS}) == 6


def test_every_label_maps_onto_one_of_three_groups():
    """Each label belongs to one of the coarse groups: sourced, official estimate, unsupported."""
    assert {labels.group_of(i) for i in labels.LABEL_IDS} == set(labels.GROUPS)


def test_unknown_label_error_names_the_valid_ids():
    """Looking up a label that does not exist says which ids are valid."""
    with pytest.raises(KeyError, match="sourced_fact"):
        labels.get("opinion")


def test_console_script_reports_its_version():
    """`sourcewise --version` runs from the installed package."""
    out = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "--version"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.startswith("sourcewise ")
