"""The guards one by one, in-process and fast: decoding, budgets, crop boxes, side-file
names, cache retention, the CSRF rules, printable names, worker life-lines."""

from __future__ import annotations

import os
import time
import zipfile

import pytest

from audit import errors
from audit.batch.guards import manifest, outputs_intact, printable, unique_ids
from audit.cache_admin import clear, prune, usage
from audit.ingest.text import decode, plausibility
from audit.lifeline import alive
from audit.report.crops import MAX_RENDER_PIXELS, render_scale, valid_box
from audit.sidefiles import exists, side_path

from .conftest import bilingual

DECISION = "卫生健康行政处罚决定书\n当事人：某某诊所。经查，你单位违反了《医疗机构管理条例》第十四条的规定，罚款人民币五千元。\n"
TRADITIONAL = "衛生健康行政處罰決定書\n當事人：某某診所。經查，你單位違反了《醫療機構管理條例》第十四條的規定。\n"


@pytest.mark.parametrize("data, expected", [
    (DECISION.encode("utf-8"), DECISION),
    (DECISION.encode("utf-8-sig"), DECISION),
    (DECISION.encode("gb18030"), DECISION),
    (DECISION.encode("gbk"), DECISION),
    (DECISION.encode("utf-16"), DECISION),
    (TRADITIONAL.encode("big5"), TRADITIONAL),
    (TRADITIONAL.encode("utf-8"), TRADITIONAL),
])
def test_text_is_decoded_by_plausibility(data, expected):
    assert decode(data, "x.txt") == expected


def test_mojibake_scores_low_and_noise_is_refused():
    assert plausibility(TRADITIONAL.encode("big5").decode("gb18030")) < 0.6 <= plausibility(DECISION)
    with pytest.raises(errors.InputError) as caught:
        decode(bytes(range(128, 256)) * 20, "noise.txt")
    assert caught.value.code == "unreadable_text" and bilingual(caught.value.message())


def test_docx_parts_are_summed_before_unpacking(tmp_path, monkeypatch):
    from audit.ingest.docx import read_docx
    from audit.limits import LIMITS

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a>" + b" " * (3 * 1024 * 1024) + b"</a>")
    monkeypatch.setattr(LIMITS, "max_unpacked_mb", 2.0)
    assert path.stat().st_size < 50_000
    with pytest.raises(errors.InputError) as caught:
        read_docx(path, "bomb.docx")
    message = caught.value.message()
    assert caught.value.code == "too_large" and "解压后 3 MB" in message and "3 MB unpacked" in message


def test_page_size_budget(tmp_path):
    from reportlab.pdfgen import canvas

    from audit.ingest.pdf import read_pdf

    path = tmp_path / "wall.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.drawString(72, 720, "ok")
    pdf.showPage()
    pdf.setPageSize((14400, 14400))
    pdf.drawString(72, 72, "wall")
    pdf.showPage()
    pdf.save()
    with pytest.raises(errors.InputError) as caught:
        read_pdf(path, "wall.pdf")
    message = caught.value.message()
    assert "第 2 页幅面 508×508 厘米" in message and "page 2 measures 508×508 cm" in message


def test_the_english_half_of_the_page_limit_is_english(tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    from audit.ingest.pdf import read_pdf
    from audit.limits import LIMITS

    path = tmp_path / "many.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(3):
        pdf.drawString(72, 720, "page")
        pdf.showPage()
    pdf.save()
    monkeypatch.setattr(LIMITS, "max_pages", 2)
    with pytest.raises(errors.InputError) as caught:
        read_pdf(path, "many.pdf")
    assert "(3 pages, limit 2 pages)" in caught.value.en and "页" not in caught.value.en


@pytest.mark.parametrize("box, expected", [
    ((10, 20, 30, 40), (10, 20, 30, 40)),
    ((30, 40, 10, 20), (10, 20, 30, 40)),  # corners in either order
    ((-1e30, -1e30, 1e30, 1e30), (0, 0, 600, 800)),  # clipped to the page, not rendered at 1e30
    ((float("nan"), 0, 1, 1), None),
    ((float("inf"), 0, 1, 1), None),
    ((700, 900, 800, 1000), None),  # off the page
    (("a", 0, 1, 1), None),
])
def test_crop_boxes_are_validated(box, expected):
    assert valid_box(box, 600, 800) == expected


def test_renders_are_capped_by_pixels():
    assert render_scale(595, 842) == pytest.approx(1.6)
    k = render_scale(20000, 20000)
    assert 20000 * 20000 * k * k <= MAX_RENDER_PIXELS * 1.0001


def test_crop_of_a_huge_page_stays_small(tmp_path):
    from reportlab.pdfgen import canvas

    from audit.model import Case, Line, LineSource, Page
    from audit.report.crops import PageImages

    path = tmp_path / "big.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(7000, 7000))
    pdf.drawString(100, 6900, "text")
    pdf.showPage()
    pdf.save()
    page = Page(number=1, source_file="big.pdf", source_page=1, width=7000, height=7000,
                lines=[Line(text="text", source=LineSource.TEXT_LAYER)])
    case = Case(case_id="big", source=str(path), pages=[page])
    images = PageImages(case, masked=False, use_cache=False)
    t0 = time.perf_counter()
    image = images.page_image(page)
    assert image.width * image.height <= MAX_RENDER_PIXELS * 1.01
    assert images.crop(1, (1e30, 1e30, 1e30, 1e30)) is None  # off the page: nothing drawn
    assert images.crop(1, (-1e30, 0, 1e30, 50)) is not None
    assert time.perf_counter() - t0 < 20


def test_long_side_file_names_fit(tmp_path):
    base = "案" * 80 + ".txt"  # 243 bytes: a legal name
    (tmp_path / base).write_text("x", encoding="utf-8")
    side = side_path(tmp_path, base, ".waivers.yaml")
    assert len(os.fsencode(side.name)) <= 255 and side.name.endswith(".waivers.yaml")
    assert side != side_path(tmp_path, "案" * 79 + "卷.txt", ".waivers.yaml")  # still unique
    assert not exists(tmp_path / (base + ".waivers.yaml"))  # too long a name: absent, not a crash
    side.write_text("waivers: []\n", encoding="utf-8")
    from audit.waivers import load_waivers

    assert load_waivers(tmp_path / base) == []


def test_atomic_writes_with_long_and_undecodable_names(tmp_path):
    from audit.atomic import write_atomic

    long = tmp_path / ("案" * 84)  # 252 bytes: the temporary name must still fit
    write_atomic(long, "内容")
    assert long.read_text("utf-8") == "内容"
    odd = tmp_path / "x.json"
    write_atomic(odd, os.fsdecode(b"name \xff\xfe"))
    assert odd.read_text("utf-8") == "name \ufffd\ufffd"


def test_printable_and_unique_ids():
    raw = os.fsdecode(b"\xff\xfe\xe6\xa1\x88")
    assert printable(raw) == "\ufffd\ufffd案"
    assert unique_ids([raw, os.fsdecode(b"\xfe\xff\xe6\xa1\x88"), "a", "A"]) == ["\ufffd\ufffd案", "\ufffd\ufffd案-2",
                                                                                "a", "A-2"]


def test_outputs_are_verified_by_size_and_hash(tmp_path):
    (tmp_path / "record.json").write_text("{}", encoding="utf-8")
    (tmp_path / "report.html").write_text("<p>报告</p>", encoding="utf-8")
    recorded = manifest(tmp_path)
    assert outputs_intact(tmp_path, recorded)
    (tmp_path / "report.html").write_text("<p>报告", encoding="utf-8")
    assert not outputs_intact(tmp_path, recorded)
    assert not outputs_intact(tmp_path, None)  # an old done.json without a manifest: redo


def test_cache_retention_and_clear(tmp_path):
    for folder in ("ocr", "crops", "cases", "rules", "yaml"):
        old = tmp_path / folder / "ab" / "old.json"
        old.parent.mkdir(parents=True)
        old.write_text("{}")
        os.utime(old, (time.time() - 40 * 86400,) * 2)
        (tmp_path / folder / "ab" / "new.json").write_text("{}")
    swept = prune(tmp_path, 30)
    assert swept.files == 5 and usage(tmp_path).files == 5
    assert clear(tmp_path).files == 5 and usage(tmp_path).files == 0


def test_cache_clear_command(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from audit.cli import main

    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path))
    (tmp_path / "ocr" / "ab").mkdir(parents=True)
    (tmp_path / "ocr" / "ab" / "k.json").write_text('{"text": "13912345678"}')
    result = CliRunner().invoke(main, ["cache", "clear"])
    assert result.exit_code == 0 and "已删除 1 个缓存文件" in result.output
    assert not any(tmp_path.rglob("*.json"))


def test_liveness_of_processes():
    assert alive(os.getpid())
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not alive(child.pid)


def test_csrf_rules(tmp_path):
    from starlette.testclient import TestClient

    from audit.web.app import create_app

    app = create_app(tmp_path / "work")
    token = app.state.audit.csrf_token
    base = "http://127.0.0.1:8765"
    with TestClient(app, base_url=base) as client:
        def post(**headers):
            return client.post("/clear", headers=headers, follow_redirects=False).status_code

        assert post(Origin="null", **{"X-CSRF-Token": token}) == 403
        assert post(Origin="http://evil.example", **{"X-CSRF-Token": token}) == 403
        assert post(Origin=base) == 403  # no token
        assert post(**{"Sec-Fetch-Site": "cross-site", "X-CSRF-Token": token}) == 403
        assert post(**{"Sec-Fetch-Site": "same-site", "X-CSRF-Token": token}) == 403
        assert post(Origin=base, **{"X-CSRF-Token": "x" * 43}) == 403
        assert post(Origin=base, **{"Sec-Fetch-Site": "same-origin", "X-CSRF-Token": token}) == 303
        assert client.post(f"/clear?csrf={token}", headers={"Origin": base}, follow_redirects=False).status_code == 303
        refused = client.post("/clear", headers={"Origin": "null"})
        assert bilingual(refused.text)
        home = client.get("/").text
        assert f"csrf={token}" in home
    assert create_app(tmp_path / "work").state.audit.csrf_token == token  # a restart keeps open pages working
    assert (tmp_path / "work" / ".csrf-token").stat().st_mode & 0o077 == 0


def test_web_clear_leaves_no_case_text_behind(tmp_path):
    from tests.web.helpers import make_client, upload, wait_done

    text = "行政处罚决定书\n当事人：张某某\n联系电话：13912345678\n".encode()
    with make_client(tmp_path / "work") as client:
        job = upload(client, ("决定书.txt", text)).json()["id"]
        wait_done(client, job)
        client.post("/clear")
    leftovers = [p for p in (tmp_path / "work").rglob("*") if p.is_file() and b"13912345678" in p.read_bytes()]
    assert not leftovers


def test_web_crop_box_of_1e30_is_cheap(tmp_path):
    from tests.web.helpers import SAMPLE, make_client, upload, wait_done

    with make_client(tmp_path / "work") as client:
        job = upload(client, ("text.pdf", SAMPLE.read_bytes())).json()["id"]
        wait_done(client, job)
        t0 = time.perf_counter()
        reply = client.get(f"/cases/{job}/crop/1.png?box=1e30,1e30,1e30,1e30")
        assert reply.status_code == 404 and time.perf_counter() - t0 < 5
        assert client.get(f"/cases/{job}/crop/1.png?box=10,10,100,40").status_code == 200


def test_web_limits_are_bilingual(tmp_path, monkeypatch):
    from audit.limits import LIMITS
    from tests.web.helpers import make_client, upload

    monkeypatch.setattr(LIMITS, "max_pages", 2)
    with make_client(tmp_path / "work") as client:
        reply = upload(client, *[(f"{i}.txt", b"x") for i in range(60)])
        assert reply.status_code == 413 and bilingual(reply.json()["error"]), reply.text
        big = client.post("/cases", content=b"x" * 10, headers={"Content-Length": str(10**12),
                                                                "Accept": "application/json"})
        assert big.status_code == 413 and bilingual(big.json()["error"])


def test_a_full_work_disk_is_a_bilingual_line():
    from audit.web.refusals import from_exception

    refusal = from_exception(OSError(28, "No space left on device"))
    assert refusal is not None and bilingual(refusal.message()) and "磁盘已满" in refusal.zh


def test_an_ofd_zip_bomb_is_refused_too(tmp_path, monkeypatch):
    from audit.ingest.ofd import read_ofd
    from audit.limits import LIMITS

    path = tmp_path / "bomb.ofd"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", b"<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'>" + b" " * (3 * 1024 * 1024) + b"</ofd:OFD>")
    monkeypatch.setattr(LIMITS, "max_unpacked_mb", 2.0)
    with pytest.raises(errors.InputError) as caught:
        read_ofd(path, "bomb.ofd")
    assert caught.value.code == "too_large"
