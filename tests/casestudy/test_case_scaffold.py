"""The scaffold proposes units with exact offsets; on the bundled article it matches the curation."""

import yaml

from sourcewise.casestudy.scaffold import skeleton_units, skeleton_units_yaml, split_sentences


def test_scaffold_matches_the_curated_segmentation(case):
    """On the case article the proposed ids and offsets equal the hand-checked units."""
    proposed = [(u["id"], u["kind"], u["start"], u["end"]) for u in skeleton_units(case.text)]
    assert proposed == [(u.id, u.kind, u.start, u.end) for u in case.units]


def test_split_sentences_handles_the_article_traps():
    """Abbreviations hold, a glued full stop splits, closing quotes stay with their sentence."""
    text = 'The U.S. Department said so. It was late.Then "it ended." And \u201cso?\u201d Yes'
    assert split_sentences(text) == [
        "The U.S. Department said so.",
        "It was late.",
        'Then "it ended."',
        "And \u201cso?\u201d",
        "Yes",
    ]


def test_headings_and_paragraph_numbers():
    """Blocks without closing punctuation are headings; sentence ids count paragraphs from 0."""
    text = "A title\n\nFirst one. Second one.\n\nA heading\n\nThird one."
    units = skeleton_units(text)
    assert [(u["id"], u["kind"], u["text"]) for u in units] == [
        ("h0", "heading", "A title"),
        ("p01s01", "sentence", "First one."),
        ("p01s02", "sentence", "Second one."),
        ("h1", "heading", "A heading"),
        ("p03s01", "sentence", "Third one."),
    ]
    assert all(text[u["start"]:u["end"]] == u["text"] for u in units)


def test_skeleton_yaml_leaves_annotation_for_the_author():
    """The YAML skeleton parses back to the units, with every annotation field empty."""
    text = "Title\n\nOne sentence here."
    parsed = yaml.safe_load(skeleton_units_yaml(text))
    assert parsed == skeleton_units(text)
    assert parsed[1]["label"] is None
    assert parsed[1]["rationale"] == ""
    assert parsed[1]["cues"] == []
    assert parsed[1]["hand_label"] is False


def test_module_examples_run():
    """The usage examples in the scaffold and loader docstrings run as written."""
    import doctest

    from sourcewise.casestudy import loader, scaffold

    for module in (scaffold, loader):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0, module.__name__
        assert result.failed == 0, module.__name__
