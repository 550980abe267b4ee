"""The self-check web application, through Starlette's test client."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.checks.profile import load_profile
from audit.cli import main
from audit.errors import AuditError
from audit.model import Case, Page
from audit.parse.identifiers import id_check_char

from .helpers import BASE, SAMPLE, make_client, upload, wait_done

STATIC = Path(__file__).resolve().parents[2] / "audit" / "web" / "static"


def _rules(html: str) -> list[str]:
    return re.findall(r'class="rule">(\w+)<', html)


@pytest.fixture(scope="module")
def read_sample(tmp_path_factory):
    """One client with the sample read once (reading is the slow part)."""
    with make_client(tmp_path_factory.mktemp("work")) as c:
        reply = upload(c, ("案卷.pdf", SAMPLE.read_bytes()))
        assert reply.status_code == 200, reply.text
        job = reply.json()["id"]
        assert wait_done(c, job)["state"] == "done"
        yield c, job


def test_home_page_is_local_only(client):
    page = client.get("/")
    assert page.status_code == 200 and "把案卷文件或文件夹拖到这里" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for text in (page.text, *(p.read_text("utf-8") for p in STATIC.iterdir())):
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", text)  # no CDN, nothing fetched from outside
        assert "fetch(\"http" not in text
    assert client.get("/static/app.js").status_code == 200


def test_findings_grouped_by_document_with_images_and_downloads(read_sample):
    client, job = read_sample
    page = client.get(f"/cases/{job}?view=self")
    assert page.status_code == 200
    html = page.text
    rules = _rules(html)
    assert "PRO005" in rules
    assert not set(rules) & set(load_profile("self-check")["ignore"])  # no rule with a measured false alarm
    assert "需要修改" in html and "先改这些" in html and "评分：" not in html
    assert 'id="doc-' in html and "怎么改" in html and "依据：" in html
    assert "Traceback" not in html
    # the veto item is listed first
    todo = html.split('<ol class="todo">', 1)[1].split("</ol>", 1)[0]
    assert "否决项" in todo.split("</li>", 1)[0]
    # the article text is shown
    assert "<blockquote>" in html
    crops = re.findall(r'src="(/cases/[^"]+/crop/[^"]+)"', html)
    assert crops
    image = client.get(crops[0].replace("&amp;", "&"))
    assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"
    assert image.content[:3] == b"\xff\xd8\xff"
    whole = re.findall(r'src="(/cases/[^"]+/pages/[^"]+)"', html)[0]
    assert client.get(whole.replace("&amp;", "&")).content[:4] == b"\x89PNG"

    full = client.get(f"/cases/{job}?view=full").text
    assert "评分：" in full and set(_rules(full)) >= set(rules)
    assert "评分：" in client.get(f"/cases/{job}?view=self&score=1").text

    report = client.get(f"/cases/{job}/report.html?view=full")
    assert report.status_code == 200 and "attachment" in report.headers["content-disposition"]
    assert "评查报告" in report.text
    notice = client.get(f"/cases/{job}/notice.docx")
    assert notice.status_code == 200 and notice.content[:2] == b"PK"


def test_correcting_a_field_reruns_the_checks_and_is_saved_beside_the_case(read_sample, tmp_path):
    client, job = read_sample
    html = client.get(f"/cases/{job}").text
    # the veto's evidence links to the decision date's correction form
    link = re.search(r'href="#fix-(d\d+-decision)-(date|decided)"', html)
    assert link, "the decision date can be corrected from its finding"
    doc, key = link.groups()
    bad = client.post(f"/cases/{job}/fields", data={"document": doc, "field": key, "value": "九月某日"})
    assert bad.status_code == 400 and "不是完整的日期" in bad.text
    saved = client.post(f"/cases/{job}/fields", data={"document": doc, "field": key, "value": "2022年9月8日",
                                                        "reason": "扫描不清", "who": "张三", "view": "self"},
                        follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].endswith(f"#doc-{doc}")
    after = client.get(f"/cases/{job}").text
    assert "PRO005" not in _rules(after) and "已人工更正" in after and "原识别为：2022年8月31日" in after
    app = client.app.state.audit
    source = app.ws.get(job).source
    entries = json.loads(source.with_name(source.stem + ".overrides.json").read_text("utf-8"))
    assert entries[0]["document"] == doc and entries[0]["value"] == "2022年9月8日" and entries[0]["who"] == "张三"

    unknown = client.post(f"/cases/{job}/fields", data={"document": doc, "field": "penalties", "value": "x"})
    assert unknown.status_code == 400 and "不是可更正的内容" in unknown.text
    party = client.post(f"/cases/{job}/fields", data={"document": doc, "field": "party_name",
                                                        "value": "<script>alert(1)</script>诊所"})
    assert "<script>alert(1)" not in party.text and "&lt;script&gt;alert(1)&lt;/script&gt;诊所" in party.text
    client.post(f"/cases/{job}/fields/undo", data={"document": doc, "field": "party_name"})

    undone = client.post(f"/cases/{job}/fields/undo", data={"document": doc, "field": key})
    assert undone.status_code == 200  # redirected back to the case page
    assert "PRO005" in _rules(client.get(f"/cases/{job}").text)


def test_bad_input_gets_the_bilingual_message(client):
    reply = upload(client, ("broken.pdf", b"%PDF-1.7 this is not a pdf"))
    status = wait_done(client, reply.json()["id"])
    assert status["state"] == "error"
    assert "错误：" in status["message"] and "Error:" in status["message"]
    page = client.get(f"/cases/{reply.json()['id']}").text
    assert "Traceback" not in page and "返回重新上传" in page

    unsupported = upload(client, ("virus.exe", b"MZ"))
    assert unsupported.status_code == 400 and "不支持的文件类型" in unsupported.json()["error"]
    nothing = client.post("/cases", data={"view": "self"})
    assert nothing.status_code == 400 and "请先选择" in nothing.text


def test_an_unexpected_failure_shows_no_internals(tmp_path):
    def reader(path: Path) -> Case:  # no progress parameter: the page falls back to a spinner
        raise RuntimeError("secret internal detail")

    with make_client(tmp_path, reader=reader) as client:
        status = wait_done(client, upload(client, ("a.pdf", b"%PDF")).json()["id"])
    assert status["state"] == "error" and "secret" not in status["message"] and "意外错误" in status["message"]


def test_progress_is_reported_while_pages_are_read(tmp_path):
    release = threading.Event()
    reached = threading.Event()

    def reader(path: Path, progress=None) -> Case:
        progress(0, 4, "read")
        progress(2, 4, "ocr")
        reached.set()
        release.wait(10)
        raise AuditError("x", "示例错误", "sample error")

    with make_client(tmp_path, reader=reader) as client:
        job = upload(client, ("scan.pdf", b"%PDF")).json()["id"]
        assert reached.wait(10)
        status = client.get(f"/cases/{job}/status").json()
        page = client.get(f"/cases/{job}")
        release.set()
        final = wait_done(client, job)
    assert (status["state"], status["done"], status["total"]) == ("reading", 2, 4)
    assert "识别" in status["stage_text"]
    assert 'id="progress"' in page.text and "2 / 4 页" in page.text
    assert final["message"] == "错误：示例错误\nError: sample error"


def test_several_files_are_one_case_in_the_order_given(tmp_path):
    seen: list[list[str]] = []

    def reader(path: Path, progress=None) -> Case:
        seen.append(sorted(p.name for p in path.iterdir()))
        return Case(case_id=path.name, source=str(path), pages=[Page(1, "x")])

    with make_client(tmp_path, reader=reader) as client:
        job = upload(client, ("b.txt", b"b"), ("a.txt", b"a"), ("notes.json", b"{}"), ("c.jpg", b"c")).json()["id"]
        wait_done(client, job)
        folder = upload(client, ("2.png", b"2"), ("10.png", b"1"), ("1.png", b"0"),
                        paths=["扫描件/2.png", "扫描件/10.png", "扫描件/1.png"]).json()["id"]
        wait_done(client, folder)
        meta = client.app.state.audit.ws.get(folder).meta
    assert seen[0] == ["001-b.txt", "002-a.txt", "003-c.jpg"]  # side files left out, order kept
    assert seen[1] == ["001-1.png", "002-2.png", "003-10.png"]  # a folder in natural order
    assert meta["name"] == "扫描件"


def test_file_names_cannot_escape_the_working_folder(tmp_path):
    from audit.web.uploads import safe_name

    assert safe_name("../../etc/passwd.pdf") == "passwd.pdf"
    assert safe_name("C:\\Users\\x\\案卷.pdf") == "案卷.pdf"
    assert safe_name("..pdf") == "file.pdf"
    assert "/" not in safe_name("a/b/../c.pdf") and safe_name("a<b>.pdf") == "a_b_.pdf"


def test_upload_limit(tmp_path, monkeypatch):
    from audit.limits import LIMITS

    monkeypatch.setattr(LIMITS, "max_file_mb", 0.001)
    with make_client(tmp_path) as client:
        reply = upload(client, ("big.pdf", b"%PDF" + b"0" * 5000))
    assert reply.status_code == 413 and "超出处理上限" in reply.json()["error"]
    assert not list((tmp_path).glob("c-*"))  # nothing kept of a refused upload


def test_personal_numbers_are_masked(tmp_path):
    first17 = "11010119900307451"
    number = first17 + id_check_char(first17)
    text = ("行政处罚决定书\n穗天卫医罚〔2022〕87号\n当事人：张某某\n公民身份号码：" + number +
            "\n联系电话：13912345678\n").encode("utf-8")
    with make_client(tmp_path) as client:
        job = upload(client, ("决定书.txt", text)).json()["id"]
        assert wait_done(client, job)["state"] == "done"
        html = client.get(f"/cases/{job}?view=full").text
    assert number not in html and "13912345678" not in html


def test_only_this_computer_may_use_it(client):
    assert client.get("/", headers={"Host": "example.org"}).status_code == 400
    refused = client.post("/clear", headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403
    assert client.post("/clear", headers={"Origin": BASE}, follow_redirects=False).status_code == 303


def test_clearing_removes_every_file(tmp_path):
    with make_client(tmp_path) as client:
        job = upload(client, ("a.txt", "行政处罚决定书\n".encode())).json()["id"]
        wait_done(client, job)
        assert (tmp_path / job).exists()
        home = client.post("/clear")
        assert "已清除" in home.text and not (tmp_path / job).exists()
        assert client.get(f"/cases/{job}").status_code == 404


def test_a_restart_keeps_the_cases(tmp_path):
    with make_client(tmp_path) as client:
        job = upload(client, ("a.txt", "行政处罚决定书\n穗天卫医罚〔2022〕87号\n".encode())).json()["id"]
        wait_done(client, job)
    with make_client(tmp_path) as client:
        assert job in client.get("/").text
        assert client.get(f"/cases/{job}").status_code == 200


def test_serve_listens_on_loopback_only():
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--no-open"])
    assert result.exit_code == 2 and "只能在本机地址" in result.output


def test_a_port_in_use_gets_a_clear_message():
    import socket

    import click

    from audit.web.command import free_port

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(click.ClickException, match="已被占用"):
            free_port("127.0.0.1", port)
    assert free_port("127.0.0.1", 0) > 0


def test_an_unknown_case_is_a_plain_404(client):
    page = client.get("/cases/c-0000000000")
    assert page.status_code == 404 and "找不到这个案卷" in page.text
    assert client.get("/cases/../../etc/passwd").status_code == 404
