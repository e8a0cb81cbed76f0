"""Content that breaks what the code relies on is rejected by the check, with file, entry and field.

Each case is one small breakage of the real content files, of the kind a staff edit makes: the check must
name it. The other half of the guarantee, that content passing the check renders every page in every
state, is tests/test_every_state.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from explainer import content as content_module
from explainer.content import ContentError


def _yaml(folder: Path, name: str, change: Callable[[dict], object]) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _entry(items: list[dict], entry_id: str) -> dict:
    return next(item for item in items if item.get("id") == entry_id)


def _drop(items: list[dict], entry_id: str) -> None:
    items.remove(_entry(items, entry_id))


def _first_number(d: dict) -> dict:
    return d["numbers"][0]


MUTATIONS: dict[str, tuple[str, Callable[[dict], object], str]] = {
    "a source the personal summary cites is removed": (
        "sources.yaml",
        lambda d: _drop(d["sources"], "ottawa-opdg"),
        r"content/sources\.yaml: source 'ottawa-opdg' is missing \(the personal summary cites it; keep this id\)",
    ),
    "a placeholder is mistyped": (
        "site.yaml",
        lambda d: d["text"].update({"share.qr_alt": "QR code that opens {ur}"}),
        r"content/site\.yaml: field 'text': key 'share\.qr_alt' uses unknown placeholder \{ur\} "
        r"\(it may use: \{url\}\)",
    ),
    "a month is left out of the month names": (
        "site.yaml",
        lambda d: d["text"].update({"date.months": d["text"]["date.months"].replace("March, ", "")}),
        r"content/site\.yaml: field 'text': key 'date\.months' names 11 months, separated by ', ' \(needs 12\)",
    ),
    "a brace is left open": (
        "site.yaml",
        lambda d: d["text"].update({"treatments.step": "Step {tier"}),
        r"content/site\.yaml: field 'text': key 'treatments\.step': has a stray '\{' or '\}'.*",
    ),
    "a text key is misspelt": (
        "site.yaml",
        lambda d: d["text"].update({"talk.nxet": d["text"].pop("talk.next")}),
        r"content/site\.yaml: field 'text' is missing key 'talk\.next'",
    ),
    "the help text names a number the clinic file does not have": (
        "site.yaml",
        lambda d: d["help"].update(mood="Call {hotline} now."),
        r"content/site\.yaml: help: field 'mood' uses unknown placeholder \{hotline\} .*",
    ),
    "a stage is removed that treatments still name": (
        "stages.yaml",
        lambda d: _drop(d["stages"], "thalamus"),
        r"content/stages\.yaml: stages must be, in signal order: .*\(found: .*\)",
    ),
    "a stage is moved off the body": (
        "stages.yaml",
        lambda d: _entry(d["stages"], "cortex").update(x=1, y=99),
        r"content/stages\.yaml: stage 'cortex': fields 'x' and 'y' \(1, 99\) are outside the body outline .*",
    ),
    "the body loses its outline": (
        "stages.yaml",
        lambda d: _drop(d["body"], "outline"),
        r"content/stages\.yaml: field 'body' needs a part of kind 'outline' \(the person the stages sit on\)",
    ),
    "a point of the body is off the grid": (
        "stages.yaml",
        lambda d: _entry(d["body"], "spine")["points"][0].__setitem__(1, 120),
        r"content/stages\.yaml: body part 'spine': field 'points\.0\.1' input should be less than or equal to 100",
    ),
    "a shape of the body has too few points": (
        "stages.yaml",
        lambda d: _entry(d["body"], "brain").update(points=[[20, 90], [22, 92]]),
        r"content/stages\.yaml: body part 'brain': field 'points' needs at least 3 points for a shape",
    ),
    "a part of the body is drawn as an unknown kind": (
        "stages.yaml",
        lambda d: _entry(d["body"], "brain").update(kind="organ"),
        r"content/stages\.yaml: body part 'brain': field 'kind' input should be .*",
    ),
    "a part of the body appears twice": (
        "stages.yaml",
        lambda d: d["body"].append(dict(_entry(d["body"], "spine"))),
        r"content/stages\.yaml: body part 'spine' appears twice \(ids must be unique\)",
    ),
    "a treatment acts at a stage that does not exist": (
        "treatments.yaml",
        lambda d: _entry(d["treatments"], "massage")["acts_at"].update({"elbow": "No."}),
        r"content/treatments\.yaml: treatment 'massage': field 'acts_at' names unknown stage 'elbow'",
    ),
    "a medicine class cites a missing source": (
        "treatments.yaml",
        lambda d: _entry(d["treatments"], "medications")["classes"][0].update(sources=["nope"]),
        r"content/treatments\.yaml: treatment 'medications': class '[a-z-]+': field 'sources' names unknown "
        r"source 'nope'",
    ),
    "a slide names a chart that does not exist": (
        "talk.yaml",
        lambda d: d["slides"][0].update(visual="pie-chart"),
        r"content/talk\.yaml: slide '[a-z-]+': field 'visual' input should be .*",
    ),
    "a comparison slide names a missing treatment": (
        "talk.yaml",
        lambda d: next(s for s in d["slides"] if s.get("visual") == "compare").update(
            compare=["massage", "acupuncture"]
        ),
        r"content/talk\.yaml: slide '[a-z-]+': field 'compare' names unknown treatment 'acupuncture'",
    ),
    "a trial number loses its time frame": (
        "evidence.yaml",
        lambda d: _first_number(d).pop("how_long"),
        r"content/evidence\.yaml: number '[a-z0-9-]+': field 'how_long' is missing",
    ),
    "a trial number loses its comparison group": (
        "evidence.yaml",
        lambda d: _first_number(d)["groups"].pop(),
        r"content/evidence\.yaml: number '[a-z0-9-]+': field 'groups' needs two groups: the option first, then "
        r"what it was compared with",
    ),
    "a trial number cites a missing source": (
        "evidence.yaml",
        lambda d: _first_number(d).update(source="someone-said"),
        r"content/evidence\.yaml: number '[a-z0-9-]+': field 'source' names unknown source 'someone-said'",
    ),
    "a trial number has no certainty": (
        "evidence.yaml",
        lambda d: _first_number(d).pop("certainty"),
        r"content/evidence\.yaml: number '[a-z0-9-]+': field 'certainty' is missing",
    ),
    "an option has neither numbers nor a reason why not": (
        "evidence.yaml",
        lambda d: d["no_numbers"].pop(0),
        r"content/evidence\.yaml: option '[a-z-]+' needs a benefit in numbers or a no_numbers entry that says "
        r"why there are none",
    ),
    "a wish leaves a fact value without a fit": (
        "decision.yaml",
        lambda d: _entry(d["wishes"], "low-risk")["fits"].pop("serious"),
        r"content/decision\.yaml: wish 'low-risk': field 'fits' has no value for 'serious'.*",
    ),
    "a quiz answer is not one of its options": (
        "quiz.yaml",
        lambda d: d["pages"]["pathway"][0].update(answer="maybe"),
        r"content/quiz\.yaml: question '[a-z0-9-]+': field 'answer' names 'maybe', which is not one of its options",
    ),
    "a quiz link points to a stage that does not exist": (
        "quiz.yaml",
        lambda d: d["pages"]["pathway"][0].update(read_again="/pathway?stage=spleen"),
        r"content/quiz\.yaml: question '[a-z0-9-]+': field 'read_again' has a part that points nowhere \(stage\)",
    ),
    "a quiz link points to a page that does not exist": (
        "quiz.yaml",
        lambda d: d["pages"]["treatments"][0].update(read_again="/surgery-tips"),
        r"content/quiz\.yaml: question '[a-z0-9-]+': field 'read_again' names no page of the app \('/surgery-tips'\)",
    ),
    "a quiz slide names a question that does not exist": (
        "talk.yaml",
        lambda d: next(s for s in d["slides"] if s.get("visual") == "quiz").update(quiz="nope"),
        r"content/talk\.yaml: slide '[a-z0-9-]+': field 'quiz' names unknown quiz question 'nope'",
    ),
    "an option loses the profile its fits come from": (
        "treatments.yaml",
        lambda d: _entry(d["treatments"], "spine-surgery").pop("profile"),
        r"content/treatments\.yaml: treatment 'spine-surgery': field 'profile' is missing",
    ),
}


@pytest.mark.parametrize("case", MUTATIONS)
def test_the_check_names_each_breakage(case: str, content_copy: Path) -> None:
    name, change, expected = MUTATIONS[case]
    _yaml(content_copy, name, change)
    with pytest.raises(ContentError) as caught:
        content_module.load(content_copy)
    assert re.fullmatch(expected, str(caught.value)), str(caught.value)


def test_a_removed_page_file_is_named(content_copy: Path) -> None:
    (content_copy / "pages" / "learn.md").unlink()
    with pytest.raises(ContentError, match=r"^content/pages/learn\.md: file is missing$"):
        content_module.load(content_copy)


def test_a_translation_that_moves_the_body_is_named(content_copy: Path) -> None:
    """Every language draws the same person: the body's numbers are not words a translator changes."""
    _yaml(content_copy / "es", "stages.yaml", lambda d: _entry(d["body"], "spine")["points"][1].__setitem__(1, 44))
    with pytest.raises(ContentError, match=r"^content/es/stages\.yaml: body part 'spine': .*must be the same as in"):
        content_module.load(content_copy, "es")
