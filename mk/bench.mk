# `make bench` measures the app and writes docs/benchmarks.md; `make serve` runs it behind nginx on :8080.
# Included by the Makefile; also usable alone: make -f mk/bench.mk bench
VENV ?= .venv
PY ?= $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
REPLICAS ?= 1

.PHONY: bench serve nginx lighthouse

# Debian's nginx and its Brotli module, installed when missing and run as root; otherwise say what to install.
# The only place they are installed: deploy/processes.py, which starts nginx for serve, bench and the tests,
# only looks for them (without the module nginx sends the gzip files instead).
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's nginx"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	else \
		echo "make serve, make bench and the replica tests need nginx." \
			"Install it with: sudo apt-get install -y nginx libnginx-mod-http-brotli-static" >&2; exit 1; \
	fi
	@if [ -e $(BROTLI_MODULE) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing nginx's Brotli module"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static >/dev/null; \
	else \
		echo "nginx will send gzip, not Brotli: sudo apt-get install -y libnginx-mod-http-brotli-static" >&2; \
	fi

serve: nginx
	test -x $(PY) || $(MAKE) $(VENV)/.runtime-installed
	$(PY) -m deploy.proxy --replicas $(REPLICAS)

# Lighthouse from npm, pinned in bench/lighthouse/package-lock.json, for the simulated phone. Optional: without
# npm (or on a Node.js older than 18.16) the benchmark says so and measures the rest.
LIGHTHOUSE_DIR := bench/lighthouse
lighthouse:
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm not found: make bench skips Lighthouse (install Node.js 18.16+ with npm to include it)" >&2; \
	elif [ ! -x $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse ] \
		|| [ $(LIGHTHOUSE_DIR)/package-lock.json -nt $(LIGHTHOUSE_DIR)/node_modules/.package-lock.json ]; then \
		echo "Installing Lighthouse for the benchmark (npm ci in $(LIGHTHOUSE_DIR))"; \
		(cd $(LIGHTHOUSE_DIR) && npm ci --no-audit --no-fund --silent) \
			|| echo "Lighthouse did not install: make bench skips it" >&2; \
	fi

bench: nginx lighthouse
	@test -x $(CHROMIUM) || { echo "make bench needs Chromium: apt-get install -y chromium" >&2; exit 1; }
	$(PY) -m bench.run
