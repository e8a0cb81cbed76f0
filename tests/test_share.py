"""Shared addresses: the configured base wins, the visitor's page path is dropped, QR codes encode exactly."""

from explainer import share
from tests.qr import expected_matrix, matrix_from_svg


def test_configured_base_wins():
    assert (
        share.base_url("https://pain.clinic.example/guide/", "http://10.0.0.5:8501/pathway")
        == "https://pain.clinic.example/guide"
    )


def test_visitor_address_loses_the_page_path_and_query():
    assert share.base_url(None, "http://localhost:8501/treatments") == "http://localhost:8501"
    assert share.base_url(None, "https://host.example/app/pathway?x=1#y") == "https://host.example/app"
    assert share.base_url(None, "https://host.example/") == "https://host.example"


def test_bad_configuration_falls_back():
    assert share.base_url("javascript:alert(1)", "http://localhost:8501/") == "http://localhost:8501"
    assert share.base_url("", None) == "http://localhost:8501"


def test_qr_svg_draws_exactly_the_url():
    url = "https://pain.clinic.example/pathway?stage=dorsal-horn&view=chronic"
    drawn = matrix_from_svg(share.qr_svg(url))
    assert drawn == expected_matrix(url)
    assert drawn != expected_matrix(url + "x")


def test_an_address_too_long_for_a_qr_code_gives_none():
    assert share.qr_svg("https://x.example/?" + "a" * 5000) is None
