# The commands a person types. `make run` serves the app; `make test` checks the code and runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
ARGS ?=
CHROMIUM ?= /usr/bin/chromium

.PHONY: run light assets test test-unit test-e2e lint format check-content browser clean

# Pictures and compressed assets already made from the same inputs are taken from here (explainer/build_cache.py);
# the container test's build of the image's recipe reads them too.
export EXPLAINER_BUILD_CACHE ?= $(CURDIR)/build/cache

# A stamp per requirements file, so a change to the pins reinstalls.
$(VENV)/.runtime-installed: requirements.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.runtime-installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

check-content: $(VENV)/.runtime-installed
	$(PY) -m explainer.content

# The light pages are made from content/, so they are made again whenever the app starts; so are the
# pictures of shared links, the slides' charts, the wind-up the pathway page opens with and the 100-person
# pictures (drawn again only when what they show has changed).
light: check-content
	$(PY) -m explainer.html.light
	$(PY) -m explainer.pictures

# Streamlit's frontend compressed ahead of time and its icon font cut to the icons in use, for nginx
# (deploy/assets.py; about half a minute, then only again when Streamlit or the icons change).
assets: $(VENV)/.runtime-installed
	$(PY) -m deploy.assets

run: light
	$(PY) -m explainer.serve --server.port $(PORT) $(ARGS)

# Debian's Chromium drives the browser tests; browser downloads do not work offline.
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM). Install it with: sudo apt-get install -y chromium" >&2; \
		exit 1; \
	fi

# Lint, formatting and types (settings in pyproject.toml), then every test. pytest.ini runs the tests on
# parallel workers (pytest-xdist), each with its own app server and browser.
test: $(VENV)/.dev-installed browser nginx light assets lint
	$(PY) -m pytest

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m mypy

# Rewrites the code in the one house style that `make lint` checks.
format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format .

test-unit: $(VENV)/.dev-installed
	$(PY) -m pytest --ignore=tests/e2e

test-e2e: $(VENV)/.dev-installed browser nginx light assets
	$(PY) -m pytest tests/e2e

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache

# bench, serve and nginx: the benchmark and production serving behind nginx (mk/bench.mk).
include mk/bench.mk
serve: light assets
bench: $(VENV)/.dev-installed light assets
