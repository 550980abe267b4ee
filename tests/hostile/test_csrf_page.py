"""A page on another site attacks the self-check page in headless Chromium: a sandboxed
iframe (``Origin: null``) posts to ``/clear`` and a plain cross-site form posts to the
case's ``/delete``. Both are refused (403) and the case stays; the page's own 清除 button,
clicked in the same browser, still works."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium "
                                 "(apt-get install chromium; .ci/run installs it)")]

DECISION = "行政处罚决定书\n当事人：某某诊所\n经查，你单位违反了《医疗废物管理条例》第十六条的规定。\n"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Recorder:
    """ASGI wrapper that notes every POST and the status it got."""

    def __init__(self, app) -> None:
        self.app, self.posts = app, []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)

        async def noting(message):
            if message["type"] == "http.response.start":
                self.posts.append((scope["path"], message["status"]))
            await send(message)

        return await self.app(scope, receive, noting)


@pytest.fixture
def site(tmp_path) -> Iterator[dict]:
    import uvicorn

    from audit.web.app import create_app

    app = create_app(tmp_path / "work")
    recorder = Recorder(app)
    port = _port()
    server = uvicorn.Server(uvicorn.Config(recorder, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    token = app.state.audit.csrf_token
    yield {"base": base, "token": token, "posts": recorder.posts, "work": tmp_path / "work", "app": app}
    server.should_exit = True
    thread.join(10)


def _upload_text(base: str, token: str) -> str:
    boundary = "----hostile"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"决定书.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n{DECISION}\r\n--{boundary}--\r\n").encode()
    request = urllib.request.Request(base + "/cases", data=body, method="POST", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", "Accept": "application/json",
        "Origin": base, "X-CSRF-Token": token})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=30) as reply:
        job = json.loads(reply.read())["id"]
    for _ in range(300):
        with opener.open(f"{base}/cases/{job}/status", timeout=30) as reply:
            if json.loads(reply.read())["state"] in ("done", "error"):
                return job
        time.sleep(0.1)
    raise AssertionError("the case was never read")


def _attacker(target: str, job: str) -> Iterator[str]:
    page = f"""<!doctype html><meta charset="utf-8"><title>优惠活动</title>
<iframe sandbox="allow-forms allow-scripts"
  srcdoc="<form id=f method=post action='{target}/clear'></form><script>document.getElementById('f').submit()</script>">
</iframe>
<iframe name="sink"></iframe>
<form id="g" method="post" action="{target}/cases/{job}/delete" target="sink"></form>
<script>document.getElementById('g').submit()</script>"""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            data = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def test_attack_page_cannot_clear_or_delete(site):
    playwright = pytest.importorskip("playwright.sync_api")
    job = _upload_text(site["base"], site["token"])
    assert (site["work"] / job).is_dir()
    attack = _attacker(site["base"], job)
    url = next(attack)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.goto(url)
        deadline = time.time() + 20
        while len([x for x in site["posts"] if x[0] != "/cases"]) < 2 and time.time() < deadline:
            page.wait_for_timeout(200)
        attacks = [x for x in site["posts"] if x[0] != "/cases"]
        assert sorted(attacks) == sorted([("/clear", 403), (f"/cases/{job}/delete", 403)]), attacks
        assert (site["work"] / job).is_dir(), "the attack page deleted the case"

        # the page itself still works: its own 清除 button, in the same browser
        own = browser.new_page()
        own.on("dialog", lambda dialog: dialog.accept())
        own.goto(site["base"] + "/")
        own.click("form[action^='/clear'] button")
        own.wait_for_load_state()
        deadline = time.time() + 10
        while (site["work"] / job).is_dir() and time.time() < deadline:
            own.wait_for_timeout(200)
        assert not (site["work"] / job).is_dir()
        assert ("/clear", 303) in site["posts"]
        browser.close()
    next(attack, None)
