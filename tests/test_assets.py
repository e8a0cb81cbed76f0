"""deploy/assets.py and the first screen: the icon font keeps exactly the icons in use, and the first screen
that nginx writes into the page is escaped for HTML and for nginx's own syntax."""

from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

import brotli
import pytest
from fontTools.ttLib import TTFont

from deploy import assets
from explainer import build_cache, routes
from explainer.content import load
from explainer.html.shell import NGINX_VARIABLE, nginx_map, shell

FONT = next((assets.STREAMLIT_STATIC / "static" / "media").glob(assets.ICON_FONT))


def test_icon_names_are_read_from_code(tmp_path: Path) -> None:
    code = tmp_path / "x.py"
    code.write_text('st.button("Go", icon=":material/arrow_forward:")\nst.markdown(":material/info: Note")\n')
    assert assets.icon_names([code]) == {"arrow_forward", "info"}


def test_every_icon_of_the_app_and_of_streamlit_is_wanted() -> None:
    wanted = assets.wanted_icons()
    for route in routes.ROUTES:
        assert route.icon.removeprefix(":material/").removesuffix(":") in wanted
    # Streamlit's own: the sidebar's open and close, an expander's arrow
    assert {"keyboard_double_arrow_right", "keyboard_double_arrow_left", "expand_more"} <= wanted


def test_the_cut_font_spells_exactly_the_icons_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "icons.woff2"
    kept = assets.cut_icon_font(FONT, target, {"home", "share", "expand_more", "not_an_icon"})
    assert kept == ["expand_more", "home", "share"]
    assert set(assets.ligatures(TTFont(target))) == {"expand_more", "home", "share"}
    assert target.stat().st_size < FONT.stat().st_size / 20


def test_the_build_is_skipped_when_nothing_changed(tmp_path: Path) -> None:
    out = tmp_path / "www"
    out.mkdir()
    (out / ".stamp").write_text(assets.stamp())
    assert assets.build(out) is False
    (out / ".stamp").write_text("an older build")
    # a changed stamp means a rebuild; not run here (it takes half a minute), only decided
    assert (out / ".stamp").read_text() != assets.stamp()


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
def test_the_first_screen_names_the_guide_and_links_the_light_pages(lang: str) -> None:
    content = load(lang=lang)
    html = shell(content)
    assert f">{content.site.name}</h1>" in html
    assert content.text("shell.loading") in html
    assert "/app/static/light/" in html and "<script" not in html


def test_hostile_words_cannot_break_out_of_html_or_nginx() -> None:
    content = load()
    hostile = "Tom's <script>alert(1)</script> $request_uri \\ '; } server { "
    site = content.site.model_copy(update={"name": hostile})
    text = nginx_map({"en": dataclasses.replace(content, site=site)})
    body = text.split("'", 1)[1].rsplit("'", 1)[0]  # the one single-quoted nginx string
    assert "'" not in body and "\\" not in body and "$" not in body and "<script>" not in body
    assert text.startswith(f"map $html_lang {NGINX_VARIABLE} {{") and text.rstrip().endswith("}")


def test_the_build_cache_compresses_the_same_bytes_once_and_gives_them_back_whole(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(build_cache.VARIABLE, str(tmp_path / "cache"))
    text = b"const streamlit = 1;\n" * 400
    first, again, other = (tmp_path / name for name in ("a.js", "b.js", "c.js"))
    first.write_bytes(text)
    assets._compress(first)
    assert brotli.decompress((tmp_path / "a.js.br").read_bytes()) == text
    assert gzip.decompress((tmp_path / "a.js.gz").read_bytes()) == text

    def no_compressing(*_: object, **__: object) -> bytes:
        raise AssertionError("compressed again")

    monkeypatch.setattr(brotli, "compress", no_compressing)
    monkeypatch.setattr(gzip, "compress", no_compressing)
    again.write_bytes(text)
    assets._compress(again)  # the same bytes elsewhere: from the cache
    assert (tmp_path / "b.js.br").read_bytes() == (tmp_path / "a.js.br").read_bytes()
    assert (tmp_path / "b.js.gz").read_bytes() == (tmp_path / "a.js.gz").read_bytes()
    other.write_bytes(text + b"// one more line\n")
    with pytest.raises(AssertionError, match="compressed again"):  # other bytes are not taken for them
        assets._compress(other)
