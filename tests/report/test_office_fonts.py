"""LibreOffice is told the substitutes for the notice's official fonts up front (no search per run)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from audit.report import office_fonts
from audit.report.office_fonts import fontconfig_text, notice_fonts, office_env


def test_every_font_the_notice_names_gets_the_substitutes_after_it():
    root = ET.fromstring(fontconfig_text(notice_fonts()).split("\n", 2)[2])
    assert root.find("include").text == str(office_fonts.SYSTEM_CONF)  # the system's configuration is kept
    aliased = {a.find("family").text: [f.text for f in a.find("accept")] for a in root.findall("alias")}
    assert set(aliased) == {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}
    assert all(subs == list(office_fonts.SUBSTITUTES) for subs in aliased.values())


def test_the_environment_points_libreoffice_at_the_file_and_respects_a_users_choice(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path))
    if not office_fonts.SYSTEM_CONF.is_file():
        assert "FONTCONFIG_FILE" not in office_env({})
        pytest.skip("no fontconfig on this system: nothing is changed")
    env = office_env({"HOME": "/x"})
    conf = env["FONTCONFIG_FILE"]
    assert conf.startswith(str(tmp_path / "office")) and "宋体" in open(conf, encoding="utf-8").read()
    assert office_env({"FONTCONFIG_FILE": "/mine.conf"})["FONTCONFIG_FILE"] == "/mine.conf"


@pytest.mark.slow
def test_the_notice_pdf_uses_the_font_libreoffice_would_have_fallen_back_to(tmp_path, monkeypatch):
    if not (shutil.which("soffice") and shutil.which("fc-list") and shutil.which("pdffonts")):
        pytest.skip("needs LibreOffice, fontconfig and poppler-utils")
    if "WenQuanYi Zen Hei" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        pytest.skip("fonts-wqy-zenhei is not installed")
    if "仿宋_GB2312" in subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout:
        pytest.skip("the official font is installed: no substitute is used")
    import docx
    from docx.oxml.ns import qn

    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    doc = docx.Document()
    run = doc.add_paragraph().add_run("案卷评查整改通知书")
    run.font.name = "仿宋_GB2312"
    run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    doc.save(tmp_path / "n.docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "n.docx")], capture_output=True, timeout=120, env=office_env())
    fonts = subprocess.run(["pdffonts", str(tmp_path / "n.pdf")], capture_output=True, text=True).stdout
    assert "WenQuanYiZenHei" in fonts
