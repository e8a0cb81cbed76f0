# `make bench` measures the app and writes docs/benchmarks.md; `make serve` runs it behind nginx on :8080.
# Included by the Makefile; also usable alone: make -f mk/bench.mk bench
VENV ?= .venv
PY ?= $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
REPLICAS ?= 1

.PHONY: bench serve nginx

# Debian's nginx, installed when missing and run as root; otherwise say what to install.
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's nginx"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	else \
		echo "make serve needs nginx. Install it with: sudo apt-get install -y nginx" >&2; exit 1; \
	fi

serve: nginx
	test -x $(PY) || $(MAKE) $(VENV)/.runtime-installed
	$(PY) -m deploy.proxy --replicas $(REPLICAS)

bench: nginx
	@test -x $(CHROMIUM) || { echo "make bench needs Chromium: apt-get install -y chromium" >&2; exit 1; }
	$(PY) -m bench.run
