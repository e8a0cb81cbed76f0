"""Content that passes the check renders every page in every state a link can ask for, in every language,
without an exception.

The states come from the content itself (every stage in both views, every treatment overlay and
comparison, every wish rated, every slide, every glossary term), so new content is covered as it is added.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from explainer import content as content_module
from explainer import routes
from tests import hostile
from tests.conftest import ROOT


def _states() -> Iterator[tuple[str, dict[str, str]]]:
    c = content_module.load(ROOT / "content")
    yield "home", {}
    for stage in c.stages:
        for view in ("acute", "chronic"):
            yield "pathway", {"stage": stage, "view": view}
    for tid in c.treatments:
        yield "pathway", {"treatment": tid, "view": "chronic"}
        yield "treatments", {"compare": tid}
    ids = [t.id for t in c.ladder()]
    yield "treatments", {"compare": ",".join(ids[-3:])}
    for wish in c.decision.wishes:
        yield "treatments", {"matters": f"{wish.id}:2"}
    every = ",".join(f"{w.id}:2" for w in c.decision.wishes)
    asks = ",".join(q.id for q in c.questions)
    yield "treatments", {"compare": ",".join(ids[:3]), "matters": every, "ask": asks}
    for n in range(1, len(c.slides) + 1):
        yield "talk", {"slide": str(n)}
    for term in c.glossary:
        yield "learn", {"term": term}


def _by_page() -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = {}
    for page_id, params in _states():
        grouped.setdefault(page_id, []).append(params)
    return grouped


def _on_page(page_id: str) -> AppTest:
    """The app run once, then switched to the page; each test sets the link and runs it again."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    if page_id != routes.HOME.id:
        at.switch_page(routes.BY_ID[page_id].script_path)
    return at


@pytest.mark.parametrize("lang", routes.LANGUAGES)
@pytest.mark.parametrize("page_id", routes.PAGE_IDS)
def test_every_state_of_every_page_renders(page_id: str, lang: str) -> None:
    states = [{**params, "lang": lang} for params in _by_page()[page_id]]
    at = _on_page(page_id)
    for params in states:
        at.query_params.clear()
        at.query_params.update(params)
        at.run()
        assert not at.exception, (page_id, params, at.exception)
        assert not at.info, (page_id, params, [i.value for i in at.info])  # every state is a valid link


@pytest.mark.parametrize("page_id", routes.PAGE_IDS)
def test_every_hostile_link_renders_the_page_with_a_notice_for_each_parameter(page_id: str, content) -> None:
    """Every page x parameter x hostile value (tests/hostile.py), as the server reads the link: the page
    renders, each parameter and the unknown one get their notice, and no notice repeats the value. The browser
    samples the same links for what only it can show (tests/e2e/test_hostile_links.py)."""
    path = routes.BY_ID[page_id].href
    at = _on_page(page_id)
    for name in hostile.NAMES:
        at.query_params.clear()
        at.query_params.update(hostile.decoded(path, name))
        at.run()
        assert not at.exception, (page_id, name, at.exception)
        assert at.title, (page_id, name, "no page title")
        notices = [i.value for i in at.info]
        assert content.text("notice.unknown-parameter") in notices, (page_id, name, notices)
        for param in hostile.CONTRACT[path]:
            assert hostile.expected_notices(content, param) & set(notices), (page_id, name, param, notices)
        for echoed in ("alert(1)", "onerror", "дорсальный", "\u202e", "aaaaaaaaaa"):
            assert not any(echoed in n for n in notices), (page_id, name, echoed)
