"""Privacy kept to the letter: ``audit ocr`` masks like every other output, and the
self-check page's 清除 leaves no trace of a scanned case anywhere — not in the working
folder, not in the cache root (page readings, crops, read cases)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .procwatch import assert_clean, audit_env, run_audit

pytestmark = pytest.mark.slow
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
PHONE = "13912345678"


def _scan(path: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    if not FONT.exists():
        pytest.skip("no CJK font (fonts-wqy-zenhei) to draw a test page")
    image = Image.new("RGB", (1240, 600), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 44)
    for i, line in enumerate(["行政处罚决定书", "当事人：张某某", f"联系电话：{PHONE}"]):
        draw.text((80, 80 + i * 120), line, fill="black", font=font)
    image.save(path, dpi=(150, 150))
    return path


def _traces(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and PHONE.encode() in p.read_bytes()]


def test_audit_ocr_masks_by_default(tmp_path):
    page = _scan(tmp_path / "page.png")
    env = audit_env(tmp_path)
    masked = run_audit(["ocr", page, "--no-cache"], env)
    assert masked.rc == 0, masked.output[-2000:]
    assert_clean(masked)
    assert "联系电话" in masked.stdout and PHONE not in masked.stdout and "139" in masked.stdout
    shown = run_audit(["ocr", page, "--no-cache", "--no-mask", "--format", "json"], env)
    assert PHONE in json.dumps(json.loads(shown.stdout), ensure_ascii=False)


def test_web_clear_removes_everything_read_from_a_scan(tmp_path, monkeypatch):
    from tests.web.helpers import make_client, upload, wait_done

    cache = tmp_path / "cache"
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(cache))
    page = _scan(tmp_path / "page.png")
    work = tmp_path / "work"
    with make_client(work, masked=False) as client:
        job = upload(client, ("page.png", page.read_bytes())).json()["id"]
        assert wait_done(client, job, timeout=300)["state"] == "done"
        assert client.get(f"/cases/{job}/report.html").status_code == 200  # crops made
        assert _traces(work), "the reading (with the number) was not kept in the case's folder"
        client.post("/clear")
    assert not _traces(work)
    assert not cache.exists() or not _traces(cache)
    assert not (cache / "ocr").exists() and not (cache / "crops").exists()
