"""The one place that starts and stops the explainer's processes: app servers, nginx, and both together.

`make serve` (deploy/proxy.py), the benchmark (bench/) and the browser tests (tests/e2e/) all start their
processes here, so each is started the same way: an app is `python -m explainer.serve` (as `make run` starts
it) on a loopback port, ready once it answers /_stcore/health; nginx is Debian's binary run in the
foreground with deploy/nginx.conf in a temporary prefix. Installing nginx is not done here: that is the
Makefile's job (`make nginx`, which uses apt when run as root).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Self

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
NGINX_FILES = ("nginx.conf", "headers.conf", "proxy_headers.conf")
# Debian's Brotli module for nginx (libnginx-mod-http-brotli-static): `make nginx` installs it as root. Without
# it nginx still sends the gzip files made ahead of time.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
# Streamlit's frontend, precompressed, with the icon font cut down: `python -m deploy.assets` (make assets).
ASSETS = ROOT / "build" / "www"
NGINX_MISSING = (
    "nginx is not installed. Install Debian's package with `make nginx` (as root) or "
    "`sudo apt-get install -y nginx`, then try again."
)
# Streamlit exits when the port it was given is taken; a free port can be taken by another process between
# choosing it and binding it (the test workers start apps at the same moment), so a start is tried again.
START_ATTEMPTS = 3
# Debian's Chromium, for the browser tests and the benchmark. Without these flags it keeps calling out to a
# network that is closed here.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--no-sandbox",
]
# The features Playwright 1.64 turns off when it starts Chromium. Chromium reads only the last
# --disable-features, so the list below repeats them (tests/e2e/test_browser.py checks it still does).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,"
    "HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
    "AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,"
    "AimEnabled,PreconnectToSearch,msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion"
)
# Chromium prepares the address bar's suggestion popup, a page of its own, for every browser context: about
# 0.7 s of processor time each, for a bar no test and no benchmark uses.
OMNIBOX_POPUP = "WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup"
# Chromium as Playwright drives it in the tests and the benchmark.
PLAYWRIGHT_CHROMIUM_ARGS = [*CHROMIUM_ARGS, f"--disable-features={PLAYWRIGHT_DISABLED_FEATURES},{OMNIBOX_POPUP}"]


class StartFailed(RuntimeError):
    """A process did not start or did not become healthy; the message carries the end of its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on at this moment."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def find_nginx() -> str | None:
    """Debian's nginx binary (on PATH or in /usr/sbin, which an ordinary user's PATH may lack), or None."""
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def nginx_binary() -> str:
    found = find_nginx()
    if found is None:
        raise StartFailed(NGINX_MISSING)
    return found


def _log_tail(log: Path | None, chars: int = 2000) -> str:
    if log is None or not log.exists():
        return "(no log kept)"
    return log.read_text(encoding="utf-8", errors="replace")[-chars:]


def wait_healthy(
    url: str, timeout: float = 60, proc: subprocess.Popen[bytes] | None = None, log: Path | None = None
) -> None:
    """Wait until `url`/_stcore/health answers 200; fail at once if `proc` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise StartFailed(f"{url}: the process exited with {proc.returncode}; its log:\n{_log_tail(log)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise StartFailed(f"{url} did not answer /_stcore/health within {timeout:.0f} s; log:\n{_log_tail(log)}")


def stop(processes: Sequence[subprocess.Popen[bytes]], timeout: float = 10) -> None:
    """SIGTERM each process still running, then wait; one that does not stop in time is killed."""
    for proc in processes:
        if proc.poll() is None:
            proc.terminate()
    for proc in processes:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass
class Process:
    """A started process with its log file; stops on leaving a `with` block."""

    proc: subprocess.Popen[bytes]
    log: Path | None
    _log_file: IO[str] | None = field(default=None, repr=False)

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def log_text(self) -> str:
        if self._log_file is not None:
            self._log_file.flush()
        return "" if self.log is None else self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        stop([self.proc])
        if self._log_file is not None:
            self._log_file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


@dataclass
class App(Process):
    """One Streamlit server on 127.0.0.1 (or `address`)."""

    port: int = 0
    url: str = ""

    def rss_mb(self) -> float:
        """Resident memory of the server process in MB, from /proc (Linux)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for process {self.proc.pid}")


@dataclass
class Nginx(Process):
    """nginx running from its own temporary prefix, removed when it stops."""

    url: str = ""
    prefix: Path | None = None

    def stop(self) -> None:
        super().stop()
        if self.prefix is not None:
            shutil.rmtree(self.prefix, ignore_errors=True)


def _spawn(command: list[str], env: Mapping[str, str], log: Path | None) -> tuple[subprocess.Popen[bytes], IO[str]]:
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
    log_file = log.open("w", encoding="utf-8") if log is not None else open(os.devnull, "w")  # noqa: SIM115
    proc = subprocess.Popen(command, cwd=ROOT, env=dict(env), stdout=log_file, stderr=subprocess.STDOUT)
    return proc, log_file


def start_app(
    port: int | None = None,
    *,
    address: str = "127.0.0.1",
    content_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    cookie_secret: str | None = None,
    log: Path | None = None,
    options: Sequence[str] = (),
    script: Path | None = None,
    timeout: float = 60,
) -> App:
    """Start an app server and wait until it is healthy.

    port: None picks a free one (tried again if it is taken meanwhile). content_dir: serve this copy of
    content/ (EXPLAINER_CONTENT_DIR). cookie_secret: replicas behind one balancer share one, so a browser
    moved to another replica keeps a valid XSRF cookie. log: where its output goes (dropped if None).
    options: more `streamlit run` options. script: a plain Streamlit script to serve instead of the app
    (the benchmark's reference page); it runs under `streamlit run` itself.
    """
    environment = {**os.environ, **(env or {})}
    if content_dir is not None:
        environment["EXPLAINER_CONTENT_DIR"] = str(content_dir)
    if cookie_secret is not None:
        environment["STREAMLIT_SERVER_COOKIE_SECRET"] = cookie_secret
    target = ["-m", "explainer.serve"] if script is None else ["-m", "streamlit", "run", str(script)]
    attempt = 1
    while True:
        chosen = port or free_port()
        command = [
            sys.executable,
            *target,
            "--server.port",
            str(chosen),
            "--server.address",
            address,
            "--server.headless",
            "true",
            *options,
        ]
        proc, log_file = _spawn(command, environment, log)
        url = f"http://127.0.0.1:{chosen}" if address in ("127.0.0.1", "0.0.0.0") else f"http://{address}:{chosen}"
        app = App(proc, log, log_file, port=chosen, url=url)
        try:
            wait_healthy(url, timeout, proc, log)
            return app
        except StartFailed:
            exited = proc.poll() is not None  # a taken port ends the server at once; a slow start does not
            app.stop()
            if port is not None or not exited or attempt == START_ATTEMPTS:
                raise
        attempt += 1


def _shell_map() -> str:
    """The guide's first screen per language (explainer/html/shell.py); none if the content is broken, which
    the app itself then reports."""
    from explainer.content import ContentError, load_all
    from explainer.html.shell import NGINX_VARIABLE, nginx_map

    try:
        shell = nginx_map(load_all())
    except ContentError:
        shell = f"map $html_lang {NGINX_VARIABLE} {{\n    default '';\n}}\n"
    return shell + f"map $html_lang $app_css {{\n    default '{_stylesheet_link()}';\n}}\n"


def _stylesheet_link() -> str:
    """Streamlit's style sheet link, as its page has it in the head. nginx moves it to after the first
    screen: in the head it holds back every paint until it has arrived; after the screen it does not."""
    import streamlit

    page = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    found = re.search(r'<link rel="stylesheet" crossorigin href="(\./static/css/[^"\'$\\]+\.css)">', page)
    return f'<link rel="stylesheet" crossorigin href="{found.group(1)}">' if found else ""


def write_config(prefix: Path, upstreams: Sequence[str], listen: str = "127.0.0.1:8080") -> Path:
    """Copy deploy/'s nginx files into prefix with these replicas (host:port) and this listen address."""
    prefix.mkdir(parents=True, exist_ok=True)
    prefix.chmod(0o755)  # nginx workers (another user, when started as root) read from here
    for name in NGINX_FILES:
        text = (DEPLOY / name).read_text()
        if name == "nginx.conf":
            text = text.replace("listen 127.0.0.1:8080;", f"listen {listen};")
        (prefix / name).write_text(text)
    (prefix / "upstream.conf").write_text("".join(f"server {u} max_fails=1 fail_timeout=10s;\n" for u in upstreams))
    brotli = BROTLI_MODULE.exists()
    (prefix / "modules.conf").write_text(f"load_module {BROTLI_MODULE};\n" if brotli else "")
    (prefix / "brotli.conf").write_text("brotli_static on;\n" if brotli else "")
    (prefix / "shell.conf").write_text(_shell_map())
    www = prefix / "www"
    if not www.exists():
        www.symlink_to(ASSETS, target_is_directory=True)
    (prefix / "tmp").mkdir(exist_ok=True)
    return prefix / "nginx.conf"


def start_nginx(
    upstreams: Sequence[str], listen: str | None = None, *, log: Path | None = None, timeout: float = 30
) -> Nginx:
    """nginx in front of these replicas (host:port each), in a temporary prefix removed when it stops.

    listen: host:port, default a free loopback port. Waits until /_stcore/health answers through it.
    """
    binary = nginx_binary()
    listen = listen or f"127.0.0.1:{free_port()}"
    prefix = Path(tempfile.mkdtemp(prefix="explainer-nginx-"))
    conf = write_config(prefix, upstreams, listen)
    checked = subprocess.run([binary, "-t", "-q", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)
    if checked.returncode != 0:
        shutil.rmtree(prefix, ignore_errors=True)
        raise StartFailed(f"nginx rejected {conf}:\n{checked.stderr}")
    proc, log_file = _spawn([binary, "-p", str(prefix), "-c", str(conf)], os.environ, log)
    host, _, port = listen.rpartition(":")
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"
    nginx = Nginx(proc, log, log_file, url=url, prefix=prefix)
    try:
        wait_healthy(url, timeout, proc, log)
    except StartFailed:
        nginx.stop()
        raise
    return nginx


@dataclass
class Cluster:
    """N app replicas behind one nginx with sticky sessions."""

    url: str
    apps: list[App]
    nginx: Nginx

    @property
    def processes(self) -> list[Process]:
        return [*self.apps, self.nginx]


@contextlib.contextmanager
def cluster(
    replicas: int = 1,
    *,
    listen: str | None = None,
    app_ports: Sequence[int] | None = None,
    cookie_secret: str | None = None,
    log_dir: Path | None = None,
) -> Iterator[Cluster]:
    """Start `replicas` apps (on `app_ports`, or free ports) and nginx on `listen`; stop all on leaving.

    The replicas share one cookie secret (given, or made here) so a browser moved to another one keeps working.
    """
    secret = cookie_secret or secrets.token_hex(32)
    ports: list[int | None] = list(app_ports) if app_ports is not None else [None] * replicas
    started: list[Process] = []
    try:
        apps: list[App] = []
        for port in ports:
            log = None if log_dir is None else log_dir / f"replica-{len(apps) + 1}.log"
            apps.append(start_app(port, cookie_secret=secret, log=log))
            started.append(apps[-1])
        nginx = start_nginx(
            [f"127.0.0.1:{app.port}" for app in apps], listen, log=None if log_dir is None else log_dir / "nginx.log"
        )
        started.append(nginx)
        yield Cluster(nginx.url, apps, nginx)
    finally:
        stop([p.proc for p in started])
        for p in started:
            p.stop()
