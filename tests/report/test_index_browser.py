"""The batch index sorts by a column when its header is clicked (real Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium")


def test_clicking_a_header_sorts_the_cases(sample_batch: Path):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto((sample_batch / "index.html").as_uri())

            def scores() -> list[float]:
                return [float(t) for t in page.locator("tbody tr td:nth-child(5)").all_inner_texts()]

            page.click("th:has-text('得分')")
            ascending = scores()
            assert ascending == sorted(ascending)
            page.click("th:has-text('得分')")
            assert scores() == sorted(ascending, reverse=True)
            assert page.locator("th:has-text('得分')").get_attribute("aria-sort") == "descending"
            page.click("tbody tr >> nth=0 >> a")
            assert page.url.endswith("/report.html")
        finally:
            browser.close()
