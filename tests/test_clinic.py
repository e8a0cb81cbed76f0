"""content/clinic.yaml: the clinic's details in one file, checked with file and field, and read by every place
that shows them: the app's footer (and the slides' sidebar), the light pages, the handout, the personal
summary and the preview of a shared link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from explainer import cards, facts, routes, share, web
from explainer import content as content_module
from explainer.content import ContentError
from explainer.content.__main__ import main as check_command
from explainer.html import handout, light
from explainer.ui.footer import clinic_markdown
from tests.conftest import ROOT
from tests.html_text import Html

CLINIC = {
    "name": 'Clínica "Río" & <Sur>',
    "phone": "+1 555 010 0199",
    "address": "12 River Road, Springfield",
    "report_error": "errors@clinic.example",
    "emergency": "112",
}


def edit_clinic(root: Path, **fields: object) -> None:
    path = root / "clinic.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def words(html: str) -> str:
    return " ".join(Html(html).text.split())


def test_the_projects_own_copy_names_no_clinic_and_gives_the_united_states_numbers(content):
    clinic = content.clinic
    assert (clinic.name, clinic.public_url, clinic.phone, clinic.address, clinic.report_error) == (None,) * 5
    assert (clinic.emergency, clinic.crisis) == ("911", "988")
    assert facts.clinic_lines(content) == [(content.text("clinic.report_none"), None)]


def test_the_numbers_to_call_are_in_one_place():
    for folder in (ROOT / "content", ROOT / "content" / "es"):
        site = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
        assert "emergency" not in site["help"] and "crisis" not in site["help"]
    assert not (ROOT / "content" / "es" / "clinic.yaml").exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"emergency": ""}, "content/clinic.yaml: field 'emergency' string should have at least 1 character"),
        ({"crisis": "call <b>now</b>"}, "content/clinic.yaml: field 'crisis' must be a phone number"),
        ({"phone": "ring us"}, "content/clinic.yaml: field 'phone' must be a phone number"),
        ({"public_url": "javascript:alert(1)"}, "content/clinic.yaml: field 'public_url' must be a web address"),
        ({"public_url": "https://clinic.example/guide?x=1"}, "content/clinic.yaml: field 'public_url' must be a web"),
        (
            {"public_url": 'https://clinic.example/"><script>'},
            "content/clinic.yaml: field 'public_url' must be a plain",
        ),
        ({"report_error": "nobody"}, "content/clinic.yaml: field 'report_error' must be an email address or a web"),
        ({"name": "x" * 81}, "content/clinic.yaml: field 'name' string should have at most 80 characters"),
        ({"fax": "555"}, "content/clinic.yaml: field 'fax' is not a known field"),
    ],
)
def test_a_malformed_clinic_file_is_named_with_its_field(content_copy, fields, message):
    edit_clinic(content_copy, **fields)
    with pytest.raises(ContentError, match=re.escape(message)):
        content_module.load(content_copy)


def test_a_missing_number_a_list_or_a_spanish_copy_is_named(content_copy, capsys):
    path = content_copy / "clinic.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["crisis"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert check_command([str(content_copy)]) == 1
    assert "Content problem: content/clinic.yaml: field 'crisis' is missing" in capsys.readouterr().err
    path.write_text("- name: a list\n", encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape("content/clinic.yaml: must be a mapping of fields")):
        content_module.load(content_copy)
    path.write_text(yaml.safe_dump({**data, "crisis": "988"}), encoding="utf-8")
    (content_copy / "es" / "clinic.yaml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"content/es/clinic.yaml: is not read: .* content/clinic.yaml only"):
        content_module.load(content_copy, "es")


def test_an_empty_field_is_none_and_a_mail_address_becomes_a_mail_link(content_copy):
    edit_clinic(content_copy, name="  ", report_error="mailto:errors@clinic.example", public_url="https://a.example/g/")
    clinic = content_module.load(content_copy).clinic
    assert clinic.name is None
    assert clinic.report_error == "errors@clinic.example" and clinic.report_href == "mailto:errors@clinic.example"
    assert clinic.public_url == "https://a.example/g"


def test_the_environment_variable_wins_over_the_clinics_public_address(monkeypatch):
    monkeypatch.delenv(share.ENV_BASE, raising=False)
    assert share.configured_base("https://clinic.example/guide") == "https://clinic.example/guide"
    assert share.configured_base(None) is None
    monkeypatch.setenv(share.ENV_BASE, "https://other.example")
    assert share.configured_base("https://clinic.example/guide") == "https://other.example"


@pytest.fixture
def clinic_copy(content_copy, monkeypatch):
    """A copy of content/ with a clinic filled in, which the app and every page read."""
    edit_clinic(content_copy, **CLINIC, public_url="https://pain.clinic.example/guide")
    monkeypatch.setattr(content_module, "CONTENT_DIR", content_copy)
    monkeypatch.delenv(share.ENV_BASE, raising=False)
    return content_copy


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
def test_the_clinic_shows_in_the_light_pages_handout_and_summary(clinic_copy, tmp_path, lang):
    content = content_module.load(clinic_copy, lang)
    said = [
        content.text("clinic.by", name=CLINIC["name"]),
        content.text("clinic.phone", phone=CLINIC["phone"]),
        content.text("clinic.address", address=CLINIC["address"]),
        content.text("clinic.report", contact=CLINIC["report_error"]),
    ]
    emergency = content.site.help.emergency_intro.format(emergency="112", crisis="988")  # type: ignore[union-attr]
    pages = [p.read_text(encoding="utf-8") for p in light.build(content, tmp_path)]
    pages.append(handout.render(content, ["massage"], "https://pain.clinic.example/guide/treatments"))
    pages.append(handout.render_summary(content, [], {}, [], None, {}, [], "", "https://x.example/treatments"))
    for html in pages:
        assert all(line in words(html) for line in said)
        assert emergency in words(html)
        assert "<Sur>" not in html and "&lt;Sur&gt;" in html
        assert 'href="mailto:errors@clinic.example"' in html


def test_the_clinic_names_the_preview_of_a_shared_link(clinic_copy):
    content = content_module.load(clinic_copy)
    card = cards.view_card(content, "pathway", {"stage": ["cortex"]})
    assert card.site_name == CLINIC["name"]
    tags = web.head(card, "https://pain.clinic.example/guide")
    assert '<meta property="og:site_name" content="Clínica &#34;Río&#34; &amp; &lt;Sur&gt;">' in tags
    scope = {"type": "http", "path": "/pathway", "query_string": b"stage=cortex", "headers": [(b"host", b"x.test")]}
    rewrite = web.plan(scope)
    assert callable(rewrite)
    assert b'content="https://pain.clinic.example/guide/pathway?stage=cortex"' in rewrite(b"<title>Streamlit</title>")
    base = web.site_base(scope, content.clinic.public_url)
    assert base == "https://pain.clinic.example/guide"
    assert "Sitemap: https://pain.clinic.example/guide/sitemap.xml" in web.robots(base)


@pytest.mark.parametrize("page_id", ["learn", "talk"])
def test_the_app_footer_and_the_slides_sidebar_show_the_clinic(clinic_copy, page_id):
    content = content_module.load(clinic_copy)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page(routes.BY_ID[page_id].script_path).run()
    assert not at.exception
    shown = "\n".join(e.value for e in [*at.caption, *at.sidebar.caption])
    assert clinic_markdown(content) in shown
    assert 'Clínica "Río" & \\<Sur\\>' in shown  # the clinic's words are text, not Markdown
    assert "(<mailto:errors@clinic.example>)" in shown
