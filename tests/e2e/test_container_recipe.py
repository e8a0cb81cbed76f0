"""deploy/Dockerfile, step by step, without a Docker engine: the build context its ignore file leaves, its
pip install of requirements.txt alone in a new virtualenv, its RUN steps, then its CMD and HEALTHCHECK.

What this does not cover: the base image (python:3.11-slim-bookworm) and its apt-get of nginx; the host's
Debian nginx stands in for that one. The RUN steps read the build cache `make light` and `make assets` fill
(explainer/build_cache.py), as Docker's own cache would: every builder runs and writes its files in the new
folder, but a picture or a compressed file made before from the same bytes is copied, not made again.
"""

import json
import os
import posixpath
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from deploy.processes import find_nginx, free_port
from explainer import build_cache
from tests.e2e.conftest import ROOT

DOCKERFILE = ROOT / "deploy" / "Dockerfile"
# The build command deploy/README.md gives: `docker build -f <Dockerfile> [options] <context>`.
BUILD = re.search(r"^\s*docker build -f (\S+) .*?(\S+)$", (ROOT / "deploy" / "README.md").read_text(), re.M)


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def _context() -> Path:
    assert BUILD, "deploy/README.md gives no `docker build -f ... <context>` command"
    assert (ROOT / BUILD.group(1)).resolve() == DOCKERFILE, BUILD.group(0)
    return (ROOT / BUILD.group(2)).resolve()


def _ignore_file() -> Path:
    """The file Docker reads: <Dockerfile>.dockerignore beside the Dockerfile if there is one, else the
    context's .dockerignore."""
    beside = DOCKERFILE.with_name(DOCKERFILE.name + ".dockerignore")
    return beside if beside.exists() else _context() / ".dockerignore"


def _pattern(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern as Docker matches it: `**` any number of directories, `*` and `?` within one."""
    pattern = posixpath.normpath(pattern.lstrip("/"))
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + "$")


def _rules() -> list[tuple[bool, re.Pattern[str]]]:
    """(excludes, pattern) for each line of the ignore file, in order; a `!` line lets files back in."""
    lines = [line.strip() for line in _ignore_file().read_text().splitlines()]
    return [
        (not line.startswith("!"), _pattern(line.removeprefix("!")))
        for line in lines
        if line and not line.startswith("#")
    ]


def _ignored(relative: str, rules: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """Docker leaves a path out when the last rule matching it, or one of its parent folders, excludes."""
    parts = relative.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    verdict = False
    for excludes, pattern in rules:
        if any(pattern.match(c) for c in candidates):
            verdict = excludes
    return verdict


def _build_context(target: Path) -> None:
    """Copy the build context as `COPY . .` would, leaving out what the ignore file names."""
    context, rules = _context(), _rules()
    for folder, dirs, files in os.walk(context):
        here = Path(folder).relative_to(context).as_posix()
        prefix = "" if here == "." else here + "/"
        dirs[:] = [d for d in dirs if not _ignored(prefix + d, rules)]  # Docker does not descend into them
        for name in files:
            if not _ignored(prefix + name, rules):
                (target / prefix).mkdir(parents=True, exist_ok=True)
                shutil.copy2(Path(folder) / name, target / prefix / name)


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_the_ignore_file_docker_reads_leaves_out_local_environments_and_generated_files():
    assert _ignore_file() == ROOT / "deploy" / "Dockerfile.dockerignore"
    assert not (_context() / ".dockerignore").exists(), "a second ignore file that Docker never reads"
    rules = _rules()
    for path in (
        ".venv/bin/python",
        ".git/HEAD",
        "explainer/__pycache__/x.pyc",
        "static/light/index.html",
        "build/www/static/js/index.js.br",
        "tests/e2e/artifacts/server.log",
        "bench/lighthouse/node_modules/x/index.js",
    ):
        assert _ignored(path, rules), f"{path} would be sent to the image"
    for path in (
        "app.py",
        "requirements.txt",
        "content/site.yaml",
        "deploy/nginx.conf",
        "static/favicon.png",
        ".streamlit/config.toml",
        "explainer/routes.py",
    ):
        assert not _ignored(path, rules), f"{path} would be missing from the image"


@pytest.mark.skipif(find_nginx() is None, reason="needs nginx: apt-get install -y nginx")
def test_the_container_recipe_builds_serves_and_passes_its_healthcheck(tmp_path):
    steps = _instructions()
    kinds = [kind for kind, _ in steps]
    assert kinds[0] == "FROM" and "HEALTHCHECK" in kinds and kinds[-1] == "CMD"
    app, venv = tmp_path / "app", tmp_path / "venv"
    app.mkdir()
    # Without a pip of its own (putting one in takes several seconds): this runner's pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        build_cache.VARIABLE: str(ROOT / "build" / "cache"),
    }
    # As in the image, Python keeps the bytecode of what it imports: the first step compiles Streamlit and
    # pandas, the later steps and the server reuse it (each compiled them afresh before, about 4 s apiece).
    for name in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    healthcheck = cmd = None
    for kind, args in steps:
        if kind == "COPY":
            source, _, dest = args.rpartition(" ")
            if source == ".":
                _build_context(app)
            else:
                shutil.copy2(_context() / source, app / dest)
        elif kind == "RUN" and "apt-get" not in args:  # the base image's nginx: the host's stands in
            # pip may use its cache here, and leave compiling to the imports that need it (compiling every module
            # is half its time): what is installed is the same.
            pip = f"{shlex.quote(sys.executable)} -m pip --python {shlex.quote(str(venv / 'bin' / 'python'))}"
            command = args.replace("pip install --no-cache-dir ", f"{pip} install --no-compile ")
            assert command != args or "pip install" not in args, f"a pip command the test does not know: {args}"
            subprocess.run(["sh", "-c", command], cwd=app, env=env, check=True, stdout=subprocess.DEVNULL)
        elif kind == "ENV":
            env.update(dict(pair.split("=", 1) for pair in shlex.split(args)))
        elif kind == "HEALTHCHECK":
            healthcheck = shlex.split(args.split(" CMD ", 1)[1])
        elif kind == "CMD":
            cmd = json.loads(args)
    assert (app / "static" / "light" / "index.html").exists(), "the RUN steps did not write the light pages"
    assert (app / "build" / "www" / ".stamp").exists(), "the RUN steps did not build the compressed assets"
    assert not (app / ".venv").exists() and not (app / ".git").exists()

    # The container's ports, moved to free ones on this host.
    port, app_port = free_port(), free_port()
    cmd = [part.replace("--port 8080", f"--port {port} --app-port {app_port}") for part in cmd]
    healthcheck = [part.replace(":8080/", f":{port}/") for part in healthcheck]
    log = (tmp_path / "container.log").open("w")
    proc = subprocess.Popen(cmd, cwd=app, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(
            lambda: subprocess.run(healthcheck, cwd=app, env=env, capture_output=True).returncode == 0,
            90,
            "the HEALTHCHECK to pass",
        )
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/pathway", timeout=10) as response:
            assert response.status == 200
            assert response.headers.get("Content-Security-Policy")
            assert "<noscript>" in response.read().decode()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/app/static/light/index.html", timeout=10) as page:
            assert "Pain after back surgery" in page.read().decode()
        # The app answers a real session through nginx with the page's own words.
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                "import asyncio, sys; from bench.wsclient import Session\n"
                "async def main():\n"
                f"    s = await Session('http://127.0.0.1:{port}').connect()\n"
                "    run = await s.open('pathway'); await s.close()\n"
                "    print(run.exceptions, any('Danger sensors' in t for t in s.texts))\n"
                "asyncio.run(main())",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.stdout.strip() == "[] True", out.stdout + out.stderr
    finally:
        proc.send_signal(signal.SIGTERM)  # what `docker stop` sends to the container's first process
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError("the container's command did not stop on SIGTERM") from None
    log.close()
    assert "Serving http://0.0.0.0:" in (tmp_path / "container.log").read_text()
    # nginx and the app stopped with it: nothing is left in the container's process group.
    _wait(lambda: not _group_alive(proc.pid), 15, "nginx and the app to stop")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
