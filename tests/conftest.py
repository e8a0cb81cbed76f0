"""Shared fixtures: the real content, and copies of it that a test can break on purpose."""

import os
import shutil
from pathlib import Path

import pytest

from explainer import build_cache
from explainer import content as content_module

ROOT = Path(__file__).resolve().parents[1]
# Tests build with no cache (`make test` sets one for its builds), so what they build is made and counted;
# the container test gives its build the cache itself.
os.environ.pop(build_cache.VARIABLE, None)


@pytest.fixture(scope="session")
def content():
    return content_module.load(ROOT / "content")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target
