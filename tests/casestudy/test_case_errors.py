"""Each kind of broken case-study data fails with a message naming file, unit and field."""

import shutil

import pytest
import yaml

from sourcewise.casestudy import CaseStudyError, load_case_study


def rewrite(folder, name, change):
    """Load a YAML file of the copied case, apply ``change`` to its data, write it back."""
    path = folder / name
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    change(data)
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


def entry(data, entry_id):
    return next(item for item in data if item["id"] == entry_id)


def setter(entry_id, key, value):
    def change(data):
        entry(data, entry_id)[key] = value
    return change


def nested(entry_id, key, index, field, value):
    def change(data):
        entry(data, entry_id)[key][index][field] = value
    return change


def drop(entry_id):
    def change(data):
        data.remove(entry(data, entry_id))
    return change


def remove_key(entry_id, key):
    def change(data):
        del entry(data, entry_id)[key]
    return change


def duplicate_after(entry_id, new_id):
    def change(data):
        copy = dict(entry(data, entry_id), id=new_id)
        data.insert(data.index(entry(data, entry_id)) + 1, copy)
    return change


def rename(entry_id, new_id):
    return setter(entry_id, "id", new_id)


def widen_title(data):
    title = entry(data, "h0")
    title["end"] = entry(data, "p01s01")["end"]
    title["text"] = (
        "Are Afghan Taliban arm dealers because of the US now?\n\n"
        + entry(data, "p01s01")["text"]
    )
    data.remove(entry(data, "p01s01"))


def shift_title_start(data):
    title = entry(data, "h0")
    title["start"], title["text"] = 4, title["text"][4:]


BREAKAGES = [
    ("unknown label", "units.yaml", setter("p13s01", "label", "opinion"),
     "p13s01", "label", ["'opinion' is not valid", "sourced_fact"]),
    ("misspelt label", "units.yaml", setter("p13s01", "label", "oficial_estimate"),
     "p13s01", "label", ["Did you mean 'official_estimate'?"]),
    ("accept repeats label", "units.yaml", setter("p14s01", "accept", ["official_estimate"]),
     "p14s01", "accept", ["repeats the label"]),
    ("unknown cue kind", "units.yaml", nested("p13s01", "cues", 0, "kind", "weasel"),
     "p13s01", "cues[0].kind", ["'weasel' is not valid", "attribution, hedge"]),
    ("unknown verdict", "units.yaml", nested("p13s01", "factchecks", 0, "verdict", "false"),
     "p13s01", "factchecks[0].verdict", ["'false' is not valid", "out of date"]),
    ("unknown teaching point", "units.yaml", setter("p13s01", "points", ["wrong-date"]),
     "p13s01", "points[0]", ["'wrong-date' is not valid", "wrong-period"]),
    ("cue at the wrong offset", "units.yaml", nested("p13s01", "cues", 0, "at", 32),
     "p13s01", "cues[0].at",
     ["'estimated' is not at offset 32", "reads 'stimated '", "It occurs at offset 31"]),
    ("cue not in the unit", "units.yaml", nested("p13s01", "cues", 0, "text", "guessed"),
     "p13s01", "cues[0].at", ["'guessed' is not at offset", "does not occur"]),
    ("cue past the end", "units.yaml", nested("p13s01", "cues", 0, "at", 900),
     "p13s01", "cues[0].at", ["past the end of the unit's text"]),
    ("source at the wrong offset", "units.yaml",
     setter("p13s01", "source", {"text": "The U.S. Department of Defense", "at": 4}),
     "p13s01", "source.at", ["is not at offset 4", "It occurs at offset 0"]),
    ("quantity at the wrong offset", "units.yaml", nested("p13s01", "quantities", 0, "at", 100),
     "p13s01", "quantities[0].at", ["'$7.12 billion' is not at offset 100", "offset 101"]),
    ("approximator not before the figure", "units.yaml",
     nested("p14s01", "quantities", 0, "approximator", "about"),
     "p14s01", "quantities[0].approximator", ["'about' is not the lower-case word"]),
    ("range upside down", "units.yaml", nested("p05s04", "quantities", 0, "high", 100),
     "p05s04", "quantities[0].high", ["below the value"]),
    ("unit text differs from the article", "units.yaml",
     setter("p01s03", "text", "Business, like terrorism, is booming."),
     "p01s03", "text", ["is not the article's text", "reads 'Business, like terrorism, is thriving.'"]),
    ("unit offsets shifted", "units.yaml", setter("p01s03", "start", 364),
     "p01s03", "text", ["article[364:401] reads", "The text occurs at offset 363"]),
    ("units overlap", "units.yaml", duplicate_after("p01s01", "p01s01b"),
     "p01s01b", "start", ["before the previous unit 'p01s01' ends", "overlap"]),
    ("text between units", "units.yaml", drop("p01s02"),
     "p01s03", "start", ["between unit 'p01s01' and this unit is not whitespace", "In markets"]),
    ("text before the first unit", "units.yaml", shift_title_start,
     "h0", "start", ["between the start of the article and this unit", "'Are'"]),
    ("text after the last unit", "units.yaml", drop("p30s01"),
     None, None, ["continues after the last unit 'p29s01'", "Over the past several years"]),
    ("unit spans a paragraph break", "units.yaml", widen_title,
     "h0", "text", ["spans a blank line"]),
    ("duplicate id", "units.yaml", rename("p01s02", "p01s01"),
     "p01s01", "id", ["the id is used twice"]),
    ("missing rationale", "units.yaml", remove_key("p13s01", "rationale"),
     "p13s01", "rationale", ["is missing", "one or two plain sentences"]),
    ("empty rationale", "units.yaml", setter("p13s01", "rationale", "  "),
     "p13s01", "rationale", ["is empty"]),
    ("misspelt field", "units.yaml",
     lambda data: entry(data, "p13s01").update(rationle=entry(data, "p13s01").pop("rationale")),
     "p13s01", "rationle", ["not a field", "Did you mean 'rationale'?"]),
    ("factcheck without a citation", "units.yaml", nested("p13s01", "factchecks", 0, "citations", []),
     "p13s01", "factchecks[0].citations", ["cites nothing", "Cite at least one record"]),
    ("citation that names no record", "units.yaml",
     nested("p13s01", "factchecks", 0, "citations", ["the CNN report"]),
     "p13s01", "factchecks[0].citations[0]", ["'the CNN report' is not a record in citations.yaml"]),
    ("citation given as a URL", "units.yaml",
     nested("p13s01", "factchecks", 0, "citations", ["https://sofrep.com/news/x"]),
     "p13s01", "factchecks[0].citations[0]", ["is not a record", "Cite records by id, not by URL"]),
    ("unknown source kind", "sources.yaml", setter("dod", "kind", "government"),
     "dod", "kind", ["'government' is not valid", "official body"]),
    ("ledger points at a missing unit", "sources.yaml", setter("dod", "units", ["p99s99"]),
     "dod", "units[0]", ["points at unit 'p99s99', which does not exist"]),
    ("upstream outlet without a citation", "sources.yaml", setter("ap-2021", "citations", []),
     "ap-2021", "citations", ["cites nothing"]),
    ("audit points at a missing unit", "numbers.yaml", setter("aircraft", "unit", "p14s09"),
     "aircraft", "unit", ["points at unit 'p14s09'"]),
    ("audited figure is not a quantity", "numbers.yaml", setter("aircraft", "figure", "208"),
     "aircraft", "figure", ["'208' is not a quantity of unit 'p14s02'", "['300']"]),
    ("unknown audit verdict", "numbers.yaml", setter("aircraft", "verdict", "inflated"),
     "aircraft", "verdict", ["'inflated' is not valid"]),
    ("publication date not a date", "case.yaml",
     lambda data: data.update(date="September 2023"),
     None, "date", ["must be a date written YYYY-MM-DD"]),
    ("estimated date without citations", "case.yaml",
     lambda data: data.update(date_citations=[]),
     None, "date_citations", ["cites nothing"]),
]


@pytest.mark.parametrize(
    ("file", "change", "unit", "field", "fragments"),
    [pytest.param(*rest, id=name) for name, *rest in BREAKAGES],
)
def test_broken_data_names_file_unit_and_field(case_copy, file, change, unit, field, fragments):
    """A deliberately broken copy fails with a CaseStudyError saying where and what to fix."""
    rewrite(case_copy, file, change)
    with pytest.raises(CaseStudyError) as caught:
        load_case_study(case_copy)
    err = caught.value
    assert err.file == str(case_copy / file)
    assert (err.unit, err.field) == (unit, field)
    message = str(err)
    assert message.startswith(str(case_copy / file))
    for fragment in fragments:
        assert fragment in message, message


def test_intact_copy_loads(case_copy, case):
    """The scratch copy the breakage tests start from loads and equals the bundled case."""
    assert load_case_study(case_copy) == case


def test_broken_yaml_gives_line_and_column(case_copy):
    """Malformed YAML is reported with its line and column."""
    path = case_copy / "sources.yaml"
    path.write_text("- id: dod\n  name: [unclosed\n  kind: vague\n", encoding="utf-8")
    with pytest.raises(CaseStudyError, match=r"broken YAML at line \d+, column \d+") as caught:
        load_case_study(case_copy)
    assert caught.value.file == str(path)


def test_wrong_encoding_is_reported(case_copy):
    """A file saved in another encoding is reported as not UTF-8, with the fix."""
    path = case_copy / "units.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(CaseStudyError, match="is not UTF-8 text.*Save the file with UTF-8"):
        load_case_study(case_copy)


def test_missing_file_is_named(case_copy):
    """A missing file is named, with the list of files a case folder needs."""
    (case_copy / "numbers.yaml").unlink()
    with pytest.raises(CaseStudyError, match="numbers.yaml: the file is missing.*article.txt"):
        load_case_study(case_copy)


def test_wrong_top_level_shape_is_reported(case_copy):
    """A units file that is a mapping instead of a list says which shape it needs."""
    (case_copy / "units.yaml").write_text("id: h0\n", encoding="utf-8")
    with pytest.raises(CaseStudyError, match="top level is dict, expected a list"):
        load_case_study(case_copy)


def test_empty_article_is_reported(case_copy):
    """An empty article file is reported as empty, not as a thousand offset errors."""
    (case_copy / "article.txt").write_bytes(b"\n")
    with pytest.raises(CaseStudyError, match="the article is empty"):
        load_case_study(case_copy)


def test_missing_folder_is_reported(tmp_path):
    """Pointing the loader at a folder that does not exist says so."""
    with pytest.raises(CaseStudyError, match="the case folder does not exist"):
        load_case_study(tmp_path / "nowhere")


def test_case_error_is_a_value_error(case_copy):
    """CaseStudyError is a ValueError, so callers catching bad input catch it too."""
    shutil.rmtree(case_copy)
    with pytest.raises(ValueError, match="does not exist"):
        load_case_study(case_copy)
