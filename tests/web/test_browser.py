"""The self-check page driven in headless Chromium: upload a sample, see its defects,
correct a mis-read date, see the finding go.

Uses Debian's /usr/bin/chromium through Playwright's Python package (no browser download);
skipped only where that browser is absent (CI installs it).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit.checks import load_rules
from audit.selfcheck import self_check_selection

from .helpers import SAMPLE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium "
                                "(apt-get install chromium; .ci/run installs it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    import uvicorn

    from audit.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(tmp_path_factory.mktemp("work"))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _expected_rules() -> dict[str, set[str]]:
    """Injected defect type → the self-check rules that declare they detect it."""
    _, _, ignore = self_check_selection(None, None, None)
    truth = json.loads((SAMPLE.parent / "truth.json").read_text("utf-8"))
    rules = [r for r in load_rules() if r.code not in set(ignore or [])]
    out = {}
    for defect in truth["defects"]:
        codes = {r.code for r in rules if defect["type"] in r.detects}
        if codes:
            out[defect["type"]] = codes
    return out


def test_upload_see_defects_correct_a_date(server, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")
    page.set_input_files("#pick-files", str(SAMPLE))
    assert "text.pdf" in page.inner_text("#chosen")
    page.click("#start")
    page.wait_for_url("**/cases/c-*")
    page.wait_for_selector("#verdict", timeout=60_000)

    shown = set(page.locator(".finding .rule").all_inner_texts())
    expected = _expected_rules()
    assert len(expected) >= 4
    missing = {kind: codes for kind, codes in expected.items() if not codes & shown}
    assert not missing, f"injected defects not reported: {missing}; shown {sorted(shown)}"
    assert page.locator("#verdict .count.fail").inner_text().startswith("需要修改")
    assert page.locator("#verdict .score").count() == 0  # no score unless asked

    # the veto: the decision is dated before the defence period ended. Suppose the date was
    # misread: correct it from the finding's evidence and check again.
    veto = page.locator("article.finding", has=page.locator(".rule", has_text="PRO005"))
    link = veto.locator("a.fixlink[href*='-decision-']").first
    target = link.get_attribute("href")[1:]
    link.click()
    form = page.locator(f"[id='{target}'] form.fixform")
    form.wait_for(state="visible")
    form.locator("input[name=value]").fill("2022年9月8日")
    form.locator("input[name=reason]").fill("扫描不清，日期识别错误")
    form.locator("input[name=who]").fill("张三")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**#doc-*")
    page.wait_for_selector("#verdict")
    after = set(page.locator(".finding .rule").all_inner_texts())
    assert "PRO005" not in after and shown - {"PRO005"} <= after  # only the veto went
    assert page.locator("tr.corrected").count() == 1
    assert "原识别为：2022年8月31日" in page.locator("tr.corrected").inner_text()

    page.click("a.tab:has-text('全面评查')")
    page.wait_for_selector("#verdict .score")
    assert "评分" in page.inner_text("#verdict .score")
    assert not errors, errors
    page.close()
