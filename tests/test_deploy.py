"""deploy/: the nginx configuration compresses, caches, upgrades the websocket and sends security headers."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from deploy.proxy import write_config

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
CONF = (DEPLOY / "nginx.conf").read_text()
HEADERS = (DEPLOY / "headers.conf").read_text()
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def _directive(text: str, name: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(name + " ")]
    assert lines, f"no {name} directive"
    return " ".join(lines)


def test_gzip_covers_javascript_css_json_and_svg():
    assert "gzip on;" in CONF
    types = CONF[CONF.index("gzip_types") :].split(";", 1)[0]
    for mime in ("application/javascript", "text/javascript", "text/css", "application/json", "image/svg+xml"):
        assert mime in types
    assert "gzip_proxied any;" in CONF


def test_streamlit_assets_are_cached_for_a_year():
    static = CONF[CONF.index("location /static/") : CONF.index("location @frontend")]
    fallback = CONF[CONF.index("location @frontend") :]
    fallback = fallback[: fallback.index("}")]
    for block in (static, fallback):  # from build/www, or from Streamlit when the build lacks a file
        assert "max-age=31536000" in block and "immutable" in block
        assert "include headers.conf;" in block  # add_header in a location drops the server's headers


def test_streamlit_assets_come_precompressed_from_the_build():
    static = CONF[CONF.index("location /static/") : CONF.index("location @frontend")]
    assert "root www;" in static and "try_files $uri @frontend;" in static
    assert "gzip_static on;" in static and "include brotli.conf;" in static
    assert "text/javascript js" in static  # a module script is refused with another type


def test_the_websocket_is_upgraded_and_kept_open():
    stream = CONF[CONF.index("location /_stcore/stream") :]
    stream = stream[: stream.index("}")]
    assert "proxy_http_version 1.1;" in CONF
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $connection_upgrade;" in stream
    assert "include proxy_headers.conf;" in stream  # Host: Streamlit compares Origin with it
    assert "proxy_read_timeout 1d;" in stream


def test_security_headers():
    csp = _directive(HEADERS, "add_header Content-Security-Policy")
    for part in (
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "frame-ancestors 'self'",
    ):
        assert part in csp
    for header in ("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy"):
        assert f"add_header {header}" in HEADERS


def test_sessions_are_sticky():
    assert "hash $affinity consistent;" in CONF
    assert "explainer_affinity=" in CONF


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install -y nginx)")
def test_nginx_accepts_the_configuration():
    with tempfile.TemporaryDirectory() as prefix:
        conf = write_config(Path(prefix), ["127.0.0.1:8501", "127.0.0.1:8502"], "127.0.0.1:8080")
        result = subprocess.run([NGINX, "-t", "-p", prefix, "-c", str(conf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_dockerfile_checks_health():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "HEALTHCHECK" in dockerfile and "/_stcore/health" in dockerfile
