"""Fixtures for the content format tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def write_file(tmp_path):
    """Write content (a dict, or raw text) to a file and return its path."""

    def write(content, name: str = "content.json") -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else json.dumps(content, indent=2, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
