"""Content loading: the real content is valid, and every kind of broken file says what is wrong and where."""

import re

import pytest
import yaml

from explainer import content as content_module
from explainer.content import ContentError
from explainer.content import __main__ as check_command

DESIGN_TREATMENTS = {
    1: ["education", "physical-therapy", "massage", "pain-psychology", "pain-management-programme"],
    2: ["medications"],
    3: ["epidural-steroid-injection", "selective-nerve-root-block", "facet-block"],
    4: ["radiofrequency-ablation", "discogenic-procedures"],
    5: ["spinal-cord-stimulation"],
    6: ["spine-surgery"],
}


def test_real_content_has_the_stable_ids_of_the_link_contract(content):
    assert tuple(content.stages) == content_module.STAGE_IDS
    by_tier = {tier: [t.id for t in content.ladder() if t.tier == tier] for tier in range(1, 7)}
    assert by_tier == DESIGN_TREATMENTS


def test_ladder_runs_from_least_to_most_invasive(content):
    tiers = [t.tier for t in content.ladder()]
    assert tiers == sorted(tiers) and tiers[0] == 1 and tiers[-1] == 6


def test_every_reference_resolves(content):
    for t in content.treatments.values():
        assert set(t.acts_at) <= set(content.stages) and set(t.sources) <= set(content.sources)
    for page in content.pages.values():
        assert page.meta.sources and set(page.meta.sources) <= set(content.sources)
        assert page.meta.reviewed <= page.meta.next_review


def test_every_stage_is_reached_by_some_treatment(content):
    acted = {sid for t in content.treatments.values() for sid in t.acts_at}
    assert acted >= {"nerve-root", "dorsal-horn", "cortex", "descending-pathway"}


def test_loading_is_cached_until_a_file_changes(content_copy):
    first = content_module.load(content_copy)
    assert content_module.load(content_copy) is first
    page = content_copy / "pages" / "home.md"
    page.write_text(page.read_text().replace("---\n", "---\n", 1) + "\nOne more line.\n")
    import os

    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    assert content_module.load(content_copy) is not first


def _edit(folder, name, change):
    path = folder / name
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def _entry(items, entry_id):
    return next(item for item in items if item["id"] == entry_id)


def _error(folder) -> str:
    with pytest.raises(ContentError) as caught:
        content_module.load(folder)
    return str(caught.value)


def test_tier_out_of_range_names_file_entry_and_field(content_copy):
    _edit(content_copy, "treatments.yaml", lambda d: _entry(d["treatments"], "massage").update(tier=9))
    assert _error(content_copy) == "content/treatments.yaml: treatment 'massage': field 'tier' must be 1-6"


def test_missing_field(content_copy):
    _edit(content_copy, "stages.yaml", lambda d: _entry(d["stages"], "thalamus").pop("chronic"))
    assert _error(content_copy) == "content/stages.yaml: stage 'thalamus': field 'chronic' is missing"


def test_unknown_stage_in_a_treatment(content_copy):
    _edit(
        content_copy,
        "treatments.yaml",
        lambda d: _entry(d["treatments"], "facet-block")["acts_at"].update({"elbow": "No."}),
    )
    assert _error(content_copy) == (
        "content/treatments.yaml: treatment 'facet-block': field 'acts_at' names unknown stage 'elbow'"
    )


def test_page_citing_a_missing_source(content_copy):
    page = content_copy / "pages" / "learn.md"
    page.write_text(re.sub(r"sources: \[", "sources: [no-such-paper, ", page.read_text(), count=1))
    assert _error(content_copy) == "content/pages/learn.md: field 'sources' names unknown source 'no-such-paper'"


def test_duplicate_id(content_copy):
    _edit(content_copy, "glossary.yaml", lambda d: d["terms"].append(dict(d["terms"][0])))
    first = yaml.safe_load((content_copy / "glossary.yaml").read_text())["terms"][0]["id"]
    assert _error(content_copy) == f"content/glossary.yaml: term '{first}' appears twice (ids must be unique)"


def test_bad_yaml_gives_the_line(content_copy):
    (content_copy / "questions.yaml").write_text("questions:\n  - id: goal\n    text: [unclosed\n")
    assert re.fullmatch(r"content/questions\.yaml: not valid YAML \(line \d+\): .+", _error(content_copy))


def test_bad_id_shape(content_copy):
    _edit(content_copy, "stages.yaml", lambda d: d["stages"][0].update(id="Danger Sensors"))
    assert _error(content_copy).startswith("content/stages.yaml: stage 'Danger Sensors': field 'id' ")


def test_stage_order_is_checked(content_copy):
    _edit(content_copy, "stages.yaml", lambda d: d["stages"].reverse())
    assert _error(content_copy).startswith("content/stages.yaml: stages must be, in signal order:")


def test_missing_ui_text_key(content_copy):
    _edit(content_copy, "site.yaml", lambda d: d["text"].pop("pathway.stage"))
    assert _error(content_copy) == "content/site.yaml: field 'text' is missing key 'pathway.stage'"


def test_missing_file(content_copy):
    (content_copy / "talk.yaml").unlink()
    assert _error(content_copy) == "content/talk.yaml: file is missing"


def test_command_line_check_reports_problems(content_copy, capsys, monkeypatch):
    _edit(content_copy, "treatments.yaml", lambda d: _entry(d["treatments"], "massage").update(tier=0))
    monkeypatch.setattr("sys.argv", ["check", str(content_copy)])
    assert check_command.main() == 1
    assert "treatment 'massage': field 'tier' must be 1-6" in capsys.readouterr().err
