"""Start the app and the reference page for a benchmark, the way `make run` starts the app."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from deploy.proxy import wait_healthy

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = ["--server.address", "127.0.0.1", "--server.headless", "true"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Streamlit process on a free loopback port: the app (`explainer.serve`) or bench/minimal.py."""

    def __init__(self, reference: bool = False, log_dir: Path | None = None, options: tuple[str, ...] = ()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = (["-m", "streamlit", "run", str(ROOT / "bench" / "minimal.py")] if reference
                   else ["-m", "explainer.serve"])
        log = open(os.devnull, "w") if log_dir is None else (log_dir / f"server-{self.port}.log").open("w")
        self.proc = subprocess.Popen([sys.executable, *command, "--server.port", str(self.port), *OPTIONS, *options],
                                     cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        wait_healthy(self.url)

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *_) -> None:
        self.stop()
