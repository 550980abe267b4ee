"""What the input is (issue 14, item 5): case documents by title or by content; non-case
inputs refused in ``check``, the batch and the web page."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.model import Line, Page
from audit.parse.recognise import recognise, type_by_content
from audit.parse.segment import match_title, segment, split_text_pages
from audit.pipeline import read_case

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("name", ["meeting-notice.txt", "review-decision.txt"])
def test_check_refuses_an_input_that_is_not_a_case_file(name):
    result = CliRunner().invoke(main, ["check", str(DATA / name), "--format", "json"])
    assert result.exit_code == 2
    assert "不是可识别的行政处罚案卷" in result.output and "not a recognisable penalty case file" in result.output
    assert '"grade"' not in result.output and "优秀" not in result.output and '"score"' not in result.output


def test_a_single_web_decision_is_a_case_file_and_scored():
    result = CliRunner().invoke(main, ["check", str(DATA / "web-decision.txt"), "--format", "json"])
    assert result.exit_code in (0, 1) and '"grade"' in result.output


def test_the_batch_gives_an_error_row_and_no_grade(tmp_path):
    from audit.batch.run import BatchOptions, run_batch

    cases = tmp_path / "in"
    cases.mkdir()
    (cases / "notice.txt").write_text((DATA / "meeting-notice.txt").read_text("utf-8"), "utf-8")
    summary = run_batch(cases, tmp_path / "out", BatchOptions(jobs=1, cache=False, scheduler=None), history=None)
    text = repr(summary)
    assert "不是可识别的行政处罚案卷" in text
    assert not list((tmp_path / "out").rglob("report.html"))


def test_the_web_page_shows_the_message_not_a_clean_result(tmp_path):
    from tests.web.helpers import make_client, upload, wait_done

    body = (DATA / "meeting-notice.txt").read_bytes()
    with make_client(tmp_path) as client:
        job = upload(client, ("notice.txt", body)).json()["id"]
        status = wait_done(client, job)
        page = client.get(f"/cases/{job}").text
    assert status["state"] == "error" and "不是可识别的行政处罚案卷" in status["message"]
    assert "Error:" in status["message"]
    assert "未发现需要修改的问题" not in page and "不是可识别的行政处罚案卷" in page


@pytest.mark.parametrize("line", [
    "行政处罚决定书 沪浦卫罚〔2024〕118号",
    "上海市浦东新区卫生健康委员会行政处罚决定书（沪浦卫罚〔2024〕118号）",
    "杭州市卫生健康委员会行政处罚决定书杭卫罚〔2023〕105号",
    "行政处罚决定书 京朝卫医罚字〔2024〕0012号",
])
def test_a_title_and_its_number_on_one_line_is_a_decision_title(line):
    found = match_title(line)
    assert found is not None and found.type == "decision"


def test_a_decision_published_under_a_site_heading_is_recognised_by_content():
    text = (DATA / "web-decision.txt").read_text("utf-8").replace("行政处罚决定书 ", "")
    lines = [Line(t) for t in text.splitlines()]
    pages = split_text_pages([Page(1, "x.txt", lines=lines)])
    docs = segment(pages)
    assert [d.type for d in docs] == ["decision"] and docs[0].confidence < 1.0


def test_a_review_decision_is_not_taken_for_a_penalty_decision():
    text = (DATA / "review-decision.txt").read_text("utf-8")
    assert type_by_content(text) is None
    case = read_case(DATA / "review-decision.txt")
    assert recognise(case).case_documents == []


def test_interview_title_variant_starts_a_new_document():
    lines = [Line(t) for t in ("现场笔录", "检查时间：2024年3月12日9时至10时", "检查情况：……",
                               "被检查人签名：赵明", "询问调查笔录", "询问时间：2024年3月12日10时30分至11时",
                               "被询问人：赵明")]
    docs = segment(split_text_pages([Page(1, "x.txt", lines=lines)]))
    assert [d.type for d in docs] == ["inspection_record", "interview_record"]


def test_web_publication_decision_fields_are_read():
    from audit.contract import to_contract

    c = to_contract(read_case(DATA / "web-decision.txt"))
    assert [d["type"] for d in c["documents"]] == ["decision"]
    assert c["case_number"]["value"] == "沪浦卫罚〔2024〕118号"
    assert c["party"]["name"]["value"] == "上海浦东某某美容有限公司"
    assert c["fine_total"]["value"] == 3000.0
    assert [(v["instrument"], v["article"]) for v in c["violated_provisions"]] == [("公共场所卫生管理条例", 8)]
    assert [(v["instrument"], v["article"]) for v in c["penalty_basis"]] == [("公共场所卫生管理条例实施细则", 35)]
