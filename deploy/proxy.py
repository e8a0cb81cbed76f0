"""Run the app behind nginx: `python -m deploy.proxy [--replicas N]` serves http://127.0.0.1:8080.

Starts N app processes (`python -m explainer.serve`) on 127.0.0.1 from --app-port on, and Debian's nginx as
an ordinary foreground process with deploy/nginx.conf in a temporary prefix. Ctrl-C stops everything.
"""
from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
CONFIG_FILES = ("nginx.conf", "headers.conf", "proxy_headers.conf")
INSTALL_HINT = "nginx is needed: sudo apt-get install -y nginx"


def nginx_binary(install: bool = True) -> str:
    """The nginx executable; as root, install Debian's package if it is missing."""
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if found:
        return found
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's nginx", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        return nginx_binary(install=False)
    raise SystemExit(INSTALL_HINT)


def write_config(prefix: Path, upstreams: list[str], listen: str = "127.0.0.1:8080") -> Path:
    """Copy deploy/'s nginx files into prefix with these replicas and this listen address."""
    prefix.mkdir(parents=True, exist_ok=True)
    prefix.chmod(0o755)  # nginx workers (another user, when started as root) read from here
    for name in CONFIG_FILES:
        text = (DEPLOY / name).read_text()
        if name == "nginx.conf":
            text = text.replace("listen 127.0.0.1:8080;", f"listen {listen};")
        (prefix / name).write_text(text)
    (prefix / "upstream.conf").write_text(
        "".join(f"server {u} max_fails=1 fail_timeout=10s;\n" for u in upstreams))
    (prefix / "tmp").mkdir(exist_ok=True)
    return prefix / "nginx.conf"


def start_nginx(prefix: Path, log) -> subprocess.Popen:
    nginx = nginx_binary()
    subprocess.run([nginx, "-t", "-q", "-p", str(prefix), "-c", str(prefix / "nginx.conf")], check=True)
    return subprocess.Popen([nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                            stdout=log, stderr=subprocess.STDOUT)


def start_replica(port: int, cookie_secret: str, log) -> subprocess.Popen:
    """One app process. Replicas share a cookie secret so a browser moved to another keeps working."""
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    return subprocess.Popen(
        [sys.executable, "-m", "explainer.serve", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer /_stcore/health within {timeout:.0f} s")


def stop(processes: list[subprocess.Popen]) -> None:
    for proc in processes:
        if proc.poll() is None:
            proc.terminate()
    for proc in processes:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--host", default="127.0.0.1", help="where nginx listens (0.0.0.0 in a container)")
    parser.add_argument("--port", type=int, default=8080, help="where nginx listens")
    parser.add_argument("--app-port", type=int, default=8501, help="first replica's port")
    args = parser.parse_args()
    nginx_binary()
    secret = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
    ports = [args.app_port + i for i in range(args.replicas)]
    processes: list[subprocess.Popen] = []
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with tempfile.TemporaryDirectory(prefix="explainer-nginx-") as prefix:
        try:
            processes += [start_replica(port, secret, None) for port in ports]
            for port in ports:
                wait_healthy(f"http://127.0.0.1:{port}")
            write_config(Path(prefix), [f"127.0.0.1:{p}" for p in ports], f"{args.host}:{args.port}")
            processes.append(start_nginx(Path(prefix), None))
            print(f"Serving http://{args.host}:{args.port} (nginx -> {len(ports)} replica(s) on {ports}); "
                  "Ctrl-C stops.", flush=True)
            while all(proc.poll() is None for proc in processes):
                time.sleep(0.5)
            print("A process stopped; shutting down.", file=sys.stderr)
        except KeyboardInterrupt:
            pass
        finally:
            stop(processes)


if __name__ == "__main__":
    main()
