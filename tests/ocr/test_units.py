"""Small parts: geometry, layout, metrics, fixes, seals on synthetic images, scan rendering."""

from __future__ import annotations

import numpy as np
import pdfplumber
import pytest

from audit.model import Line, LineSource
from audit.ocr.engines.base import RawLine
from audit.ocr.fixes import fix_text
from audit.ocr.geometry import rotate_box, rotate_point, rotate_quads
from audit.ocr.ink import signature_ink
from audit.ocr.layout import assemble
from audit.ocr.metrics import cer, cer_unordered, normalise, substring_distance
from audit.ocr.seals import find_seals, under_seal
from tests.ocr.conftest import SIMPLE


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_quarter_turns_round_trip(turn):
    w, h = 300.0, 200.0
    x, y = rotate_point(10, 20, turn, w, h)
    nw, nh = (h, w) if turn % 180 else (w, h)
    assert rotate_point(x, y, (360 - turn) % 360, nw, nh) == pytest.approx((10, 20))
    box = rotate_box((10, 20, 50, 40), turn, w, h)
    assert box[0] < box[2] and box[1] < box[3]
    quad = rotate_quads([[(10, 20), (50, 20), (50, 40), (10, 40)]], turn, w, h)[0]
    assert quad[0] == pytest.approx(min(quad, key=lambda p: (p[0] + p[1])))  # still starts top-left


def test_pieces_on_one_skewed_row_become_one_line():
    # two pieces on a row tilted by 2°, a third line below
    def quad(x0, y0, w, h, dy=0.0):
        return [(x0, y0), (x0 + w, y0 - dy), (x0 + w, y0 + h - dy), (x0, y0 + h)]
    raw = [RawLine("当事人：", quad(100, 100, 160, 40, 5), 0.99),
           RawLine("某某诊所", quad(300, 93, 160, 40, 5), 0.9),
           RawLine("地址：某路1号", quad(100, 170, 280, 40), 0.98)]
    lines = assemble(raw, skew=1.8, points_per_pixel=0.5)
    assert [line.text for line in lines] == ["当事人： 某某诊所", "地址：某路1号"]
    assert lines[0].confidence == 0.9 and lines[0].source is LineSource.OCR
    assert lines[0].box == (50.0, 48.3, 230.0, 65.7)  # boxes narrowed to the glyphs (BOX_HEIGHT_SHARE)
    assert lines[0].span_box(5, 9)[0] == pytest.approx(150.0)  # "某某诊所" starts at x = 300 px


def test_metrics_normalise_width_and_whitespace():
    assert normalise("（一） ，：\u3000A") == "(一),:A"
    assert cer("甲乙丙丁", "甲乙丙丁") == (0, 4)
    assert cer("甲乙丙丁", "甲乙丁") == (1, 4)
    assert cer_unordered("第一行\n第二行", "第二行\n第一行") == (0, 6)
    assert cer_unordered("第一行\n第二行", "第二行 第一行 多") == (1, 6)


def test_order_free_cer_costs_a_misread_line_its_differences_only():
    truth = "■直接送达 □留置送达 □委托送达 □邮寄送达 □电子\n送达方式"
    read = "送达方式\n直接送达留置送达委托送达邮寄送达电子"  # five tick boxes dropped
    assert cer_unordered(truth, read) == (5, 27)
    # two table rows merged into one line, one of them misread: still its differences
    assert cer_unordered("受送达人\n某某诊所", "受送达人某菜诊所") == (1, 8)
    # a line read as something else entirely costs its substitutions; a stray reading costs in full
    assert cer_unordered("甲乙丙丁", "子丑寅卯") == (4, 4)
    assert cer_unordered("甲乙丙丁", "子丑") == (4, 4) and cer_unordered("甲乙", "子丑寅卯") == (6, 2)
    # a line repeated in a table cell ("日" wrapped under a date) is counted as often as it occurs
    assert cer_unordered("日\n日\n日", "日\n目\n目") == (2, 3)
    assert substring_distance("直接送达", "■直接送达□") == (0, 1, 5)
    assert substring_distance("直接送达", "直按送达") == (1, 0, 4)


def test_fixes_are_narrow():
    assert fix_text("0.9%氯化钠注射液250m1") == "0.9%氯化钠注射液250ml"
    assert fix_text("型号m1000 编号A1m1x") == "型号m1000 编号A1m1x"
    assert fix_text("检查时间：22023年5月9日") == "检查时间：2023年5月9日"
    assert fix_text("编号122023年") == "编号122023年" and fix_text("33333年") == "33333年"
    assert fix_text("未取得《医疗机构执业许可证〉擅自执业") == "未取得《医疗机构执业许可证》擅自执业"
    assert fix_text("〈医疗废物管理条例》第十条") == "《医疗废物管理条例》第十条"
    assert fix_text("〈条例〉") == "〈条例〉"  # a matched pair is left as written
    assert fix_text("佛山悅颜金属制品有限公司") == "佛山悦颜金属制品有限公司"
    assert fix_text("二二三年二月十三日") == "二〇二三年二月十三日"
    assert fix_text("二〇二三年") == "二〇二三年" and fix_text("十二二三年") == "十二二三年"


def _seal_page(dpi=100):
    w, h = int(595 * dpi / 72), int(842 * dpi / 72)
    img = np.full((h, w, 3), 245, np.uint8)
    import cv2
    centre, radius = (int(450 * dpi / 72), int(600 * dpi / 72)), int(55 * dpi / 72)
    cv2.circle(img, centre, radius, (205, 25, 30), thickness=max(2, dpi // 25))
    cv2.putText(img, "*", (centre[0] - 20, centre[1] + 20), cv2.FONT_HERSHEY_SIMPLEX, 2, (205, 25, 30), 4)
    cv2.rectangle(img, (50, 50), (w - 50, 56), (205, 25, 30), -1)  # a red header rule: not a seal
    return img


def test_seal_found_by_colour_and_red_rule_ignored():
    seals = find_seals(_seal_page(), 72 / 100)
    assert len(seals) == 1
    x0, y0, x1, y1 = seals[0].box
    assert (x0 + x1) / 2 == pytest.approx(450, abs=4) and (y0 + y1) / 2 == pytest.approx(600, abs=4)
    assert under_seal((420, 590, 480, 610), seals) and not under_seal((60, 590, 200, 610), seals)


def test_signature_ink_beside_labels():
    img = np.full((200, 600, 3), 250, np.uint8)
    img[40:60, 200:260] = (30, 40, 120)  # blue-black pen after the first label
    lines = [Line("当事人签名： 　　　　执法人员签名：", box=(20.0, 40.0, 560.0, 60.0),
                  char_x=[(20 + 15 * i, 35 + 15 * i) for i in range(18)])]
    lines[0].char_x = [(20.0 + 30 * i, 50.0 + 30 * i) for i in range(len(lines[0].text))]
    ink = signature_ink(lines, img, 1.0)
    assert ink == {"当事人签名": True, "执法人员签名": False}


def test_scanned_rendering_is_deterministic_and_has_no_text_layer(tmp_path, scan):
    a = scan.render_scanned_pdf(SIMPLE, tmp_path / "a.pdf", seed=1, rotations={2: 90}, photographed={3})
    scan.render_scanned_pdf(SIMPLE, tmp_path / "b.pdf", seed=1, rotations={2: 90}, photographed={3})
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert [p["rotation"] for p in a] == [0, 90, 0] and a[2]["photographed"] and "corners" in a[2]
    assert all(abs(p["skew"]) <= 2 for p in a)
    with pdfplumber.open(tmp_path / "a.pdf") as pdf:
        assert len(pdf.pages) == 3 and not any(page.chars for page in pdf.pages)
        assert pdf.pages[1].width > pdf.pages[1].height  # turned page is landscape
    assert (tmp_path / "a.pdf").stat().st_size < 3 * 150_000


def test_a_character_read_by_two_overlapping_pieces_is_kept_once():
    def quad(x0, x1):
        return [(x0, 100), (x1, 100), (x1, 140), (x0, 140)]
    raw = [RawLine("检查时间：2", quad(195, 395), 0.99), RawLine("2023年5月9日", quad(366, 700), 0.99)]
    line = assemble(raw, skew=0.0, points_per_pixel=1.0)[0]
    assert line.text == "检查时间：2023年5月9日"
    assert len(line.char_x) == len(line.text)
    apart = [RawLine("第2", quad(100, 160), 0.99), RawLine("2页", quad(200, 260), 0.99)]
    assert assemble(apart, skew=0.0, points_per_pixel=1.0)[0].text == "第2 2页"  # no overlap: both kept
