"""Shared fixtures: the real content, and copies of it that a test can break on purpose."""

import shutil
from pathlib import Path

import pytest

from explainer import content as content_module

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def content():
    return content_module.load(ROOT / "content")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target
