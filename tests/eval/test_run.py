"""``audit eval`` end to end: the hand-made samples, an image-only case, the committed corpus."""

import json
from pathlib import Path

from click.testing import CliRunner
from PIL import Image, ImageDraw

from audit.eval import eval_command, evaluate

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"cases", "fields", "defects", "rules", "clean_cases_with_fail"}


def test_hand_made_samples_score_perfectly(hand_made_eval):
    report = hand_made_eval
    assert report["cases"] == 3 and report["renderings"] == {"text": 3}
    assert report["fields"]["accuracy"] == 1.0, report["field_misses"]
    assert report["defects"]["by_type"]["party_name_mismatch"]["tp"] == 1
    assert report["defects"]["by_type"]["amount_capitals_digits_mismatch"]["tp"] == 1
    assert report["clean_cases"] == 2 and report["clean_cases_with_fail"] == 0
    assert not report["errors"]


def test_json_keys_are_stable(tmp_path):
    result = CliRunner().invoke(eval_command, [str(ROOT / "samples" / "cases"), "--format", "json", "--rendering",
                                               "text", "--quiet", "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert KEYS <= set(report)
    assert {"accuracy", "by_field", "by_rendering", "by_document", "by_template"} <= set(report["fields"])
    assert {"text", "scanned"} <= set(report["fields"]["by_rendering"])
    assert {"precision", "recall", "by_type"} <= set(report["defects"])
    for entry in report["defects"]["by_type"].values():
        assert {"tp", "fp", "fn", "needs_review"} <= set(entry)
    for entry in report["rules"].values():
        assert {"tp", "fp", "fn", "needs_review", "precision", "recall", "detects"} <= set(entry)
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == report


def test_text_report_is_readable():
    result = CliRunner().invoke(eval_command, [str(ROOT / "samples" / "cases"), "--rendering", "text", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "字段提取" in result.output and "缺陷检出" in result.output and "精确率" in result.output


def test_image_only_rendering_is_reported_not_crashed(tmp_path):
    case = tmp_path / "img-case"
    case.mkdir()
    page = Image.new("RGB", (827, 1169), "white")
    ImageDraw.Draw(page).rectangle((100, 100, 700, 140), fill="black")
    page.save(case / "scanned.pdf", "PDF", resolution=100.0)
    truth = {"case_id": "img-case", "truth_version": "corpus/1", "case_number": {"value": "杭西卫医罚〔2023〕12号"},
             "party": {"name": {"value": "某诊所"}}, "defects": [{"type": "seal_missing", "page": 1}]}
    (case / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    report = evaluate(tmp_path)
    assert report["renderings"]["scanned"] == 1
    assert report["fields"]["by_rendering"]["scanned"] == 0.0
    assert not report["errors"]  # the page was OCRed (it holds no text), not crashed on
    assert report["defects"]["by_type"]["seal_missing"]["injected"] == 1


def test_committed_corpus_evaluates(corpus_text_eval):
    report = corpus_text_eval
    assert report["cases"] >= 12 and not report["errors"]
    assert report["fields"]["accuracy"] > 0.8
    assert report["defects"]["injected"] >= 40
