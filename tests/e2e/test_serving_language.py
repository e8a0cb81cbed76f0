"""The production server tells assistive technology the page's language: Streamlit's page always says
English, so nginx (deploy/nginx.conf) writes in the language the app will show."""

from __future__ import annotations

import gzip
import urllib.request

import pytest

from deploy.processes import cluster, find_nginx

pytestmark = pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (apt-get install -y nginx)")


def _page(url: str, headers: dict[str, str]) -> str:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
    return body.decode("utf-8")


def test_the_html_lang_follows_the_link_then_the_browser() -> None:
    cases = [
        ("/pathway?stage=dorsal-horn&lang=es", {}, "es"),
        ("/", {"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}, "es"),
        ("/treatments?lang=en", {"Accept-Language": "es-US"}, "en"),
        ("/learn", {"Accept-Language": "en-GB"}, "en"),
        ("/?lang=klingon", {}, "en"),
    ]
    with cluster(1) as running:
        for path, headers, lang in cases:
            html = _page(running.url + path, headers)
            assert f'<html lang="{lang}">' in html, (path, headers)
            assert html.count("<html") == 1
