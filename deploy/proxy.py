"""Run the app behind nginx: `python -m deploy.proxy [--replicas N]` serves http://127.0.0.1:8080.

Starts N app processes (`python -m explainer.serve`) on 127.0.0.1 from --app-port on, and Debian's nginx as
an ordinary foreground process with deploy/nginx.conf in a temporary prefix (deploy/processes.py does both).
Ctrl-C or SIGTERM stops everything. nginx must be installed: `make serve` installs it with apt when run as
root; otherwise `sudo apt-get install -y nginx`.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from deploy.processes import NGINX_MISSING, StartFailed, cluster, find_nginx, write_config

# tests/test_deploy.py checks the nginx configuration through this module's write_config.
__all__ = ["main", "write_config"]


def _stop_on_sigterm(*_: object) -> None:
    sys.exit(0)  # unwinds through `with cluster(...)`, which stops nginx and the apps


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--host", default="127.0.0.1", help="where nginx listens (0.0.0.0 in a container)")
    parser.add_argument("--port", type=int, default=8080, help="where nginx listens")
    parser.add_argument("--app-port", type=int, default=8501, help="first replica's port")
    args = parser.parse_args(argv)
    if find_nginx() is None:
        raise SystemExit(NGINX_MISSING)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    ports = [args.app_port + i for i in range(args.replicas)]
    secret = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET")
    try:
        with cluster(listen=f"{args.host}:{args.port}", app_ports=ports, cookie_secret=secret) as running:
            print(
                f"Serving http://{args.host}:{args.port} (nginx -> {len(ports)} replica(s) on {ports}); Ctrl-C stops.",
                flush=True,
            )
            while all(p.running for p in running.processes):
                time.sleep(0.5)
            print("A process stopped; shutting down.", file=sys.stderr)
    except StartFailed as failure:
        raise SystemExit(str(failure)) from None
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
