"""Helpers for the search page's browser tests."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

RESULT_LINKS = ".card-list > li h3 a"
SCREENSHOTS = Path(settings.BASE_DIR) / "build" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def status(tab) -> str:
    return " ".join(tab.locator("#result-count").inner_text().split())


def facet_label(tab, facet: str, value: str) -> str:
    return " ".join(tab.locator(f'label[for="f-{facet}-{value}"]').text_content().split())


def screenshot(tab, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
