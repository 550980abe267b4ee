"""Layout-robust reading (issue 14, items 3 and 4): each test is a failure kind of the
held-out run, on a realistic fragment; .docx files are built with python-docx where the
layout is the point."""

from pathlib import Path

import docx

from audit.checks import load_rules, run_rule
from audit.checks.examples import case_from_example
from audit.model import Document, Line, Status
from audit.parse.doctext import DocText
from audit.parse.fields import labelled, last_date, legal_representative, party_name, row_date
from audit.parse.vocabulary import date_labels, labels
from audit.pipeline import read_case

RULES = {r.code: r for r in load_rules()}


def doc_text(*lines: str, type_: str = "decision") -> DocText:
    document = Document(id="d1", type=type_, title=type_, pages=[1])
    return DocText(document, [(1, [Line(text=t) for t in lines])])


def test_an_approvers_row_is_not_the_partys_legal_representative():
    text = doc_text("法制审核意见书", "案由：某诊所使用非卫生技术人员案", "审核人员：李华、周敏",
                    "审核意见：事实清楚，证据确凿，适用法律正确，同意。", "负责人：王军", "2024年4月11日",
                    type_="legal_review")
    assert legal_representative(text) is None
    party = doc_text("当事人：南京某某口腔门诊部", "统一社会信用代码：91320105MA1W2E3R4T", "负责人：赵明")
    assert legal_representative(party).value == "赵明"


def test_meeting_date_read_from_its_row_not_from_the_narrative():
    text = doc_text("重大案件集体讨论记录", "讨论时间：2024年4月15日14时30分", "地点：局三楼会议室",
                    "主持人：王军", "讨论内容：当事人于2024年3月12日被查实使用非卫生技术人员，",
                    "拟责令其于2024年5月1日前改正。", "结论：同意给予警告并处罚款人民币伍仟元整。",
                    type_="collective_discussion")
    assert row_date(text, date_labels("meeting")).value == "2024-04-15"
    case = case_from_example({"documents": [{"type": "collective_discussion", "text": "\n".join(
        line.text for line in text.segment_lines())}]})
    assert case.documents[0].fields["date"].value == "2024-04-15"


def test_label_alone_on_its_line_with_the_value_below():
    text = doc_text("行政处罚决定书", "当事人：", "南京某某口腔门诊部", "地址：南京市玄武区中山路8号")
    assert labelled(text, labels("party_name")).value == "南京某某口腔门诊部"
    blank = doc_text("当事人：", "地址：南京市玄武区中山路8号")  # a blank field stays blank
    assert labelled(blank, labels("party_name")) is None


def test_date_wrapped_in_a_table_cell_is_whole():
    text = doc_text("负责人审批意见：同意。", "签名：王军  2024年4月", "12日")
    found = last_date(text)
    assert found.value == "2024-04-12" and not (found.detail or {}).get("error")


def test_name_with_sex_and_age_is_the_same_name():
    found = party_name(doc_text("当事人：刘志强（男，41岁）", "住址：南京市鼓楼区"))
    assert found.value == "刘志强"
    finding = run_rule(case_from_example({"documents": [
        {"type": "decision", "text": "行政处罚决定书\n当事人：刘志强\n身份证号：320106198301011234\n"},
        {"type": "inspection_record", "text": "现场笔录\n被检查单位（人）：刘志强（男，41岁）\n检查情况：……"},
    ]}), _party_rule())
    assert finding.status is Status.PASS, finding.observed


def _party_rule():
    return next(r for r in RULES.values() if r.kind == "consistent_across_documents"
                and r.params.get("field") == "party_name")


def test_blank_decision_date_is_not_filled_from_the_facts(tmp_path: Path):
    source = tmp_path / "decision.txt"
    source.write_text("\n".join([
        "行政处罚决定书", "杭西卫医罚〔2024〕7号", "当事人：杭州西湖某某诊所",
        "2024年3月12日，本机关执法人员检查发现你单位使用非卫生技术人员从事医疗卫生技术工作。",
        "上述行为违反了《医疗机构管理条例》第二十七条的规定。依据《医疗机构管理条例》第四十七条的规定，"
        "本机关决定对你单位给予警告，并处罚款人民币5000元整。",
        "杭州市西湖区卫生健康局", "年    月    日"]), "utf-8")
    case = read_case(source)
    assert case.dates["decided"] is None
    assert case.documents[0].fields["date"].detail.get("blank") is True


def test_seal_text_mark_means_the_same_in_every_rendering():
    text = "行政处罚决定书\n当事人：杭州西湖某某诊所\n杭州市西湖区卫生健康局\n（印章）\n2024年4月20日"
    rule = next(r for r in RULES.values() if r.kind == "seal_present")
    as_pdf = case_from_example({"documents": [{"type": "decision", "text": text, "seal": "absent"}]})
    as_docx = case_from_example({"documents": [{"type": "decision", "text": text}]})
    assert run_rule(as_pdf, rule).status is Status.PASS
    assert run_rule(as_docx, rule).status is Status.PASS
    bare = case_from_example({"documents": [{"type": "decision", "text": text.replace("（印章）\n", ""),
                                             "seal": "absent"}]})
    assert run_rule(bare, rule).status is Status.FAIL


def test_on_the_spot_decision_signed_by_the_party_needs_no_separate_receipt():
    rule = next(r for r in RULES.values() if r.kind == "service_receipt_for_each")
    case = case_from_example({"documents": [{"type": "onsite_decision", "text": (
        "当场行政处罚决定书\n当事人：刘志强\n你在公共场所吸烟，违反了《公共场所卫生管理条例实施细则》第十八条，"
        "依据第三十八条，当场给予警告。\n执法人员：陈刚、刘洋\n当事人签名：刘志强\n2024年5月6日")}]})
    assert run_rule(case, rule).status is not Status.FAIL


def _docx(path: Path, rows: list[list[str]], paragraphs: list[str]) -> Path:
    d = docx.Document()
    for p in paragraphs[:1]:
        d.add_paragraph(p)
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for p in paragraphs[1:]:
        d.add_paragraph(p)
    d.save(path)
    return path


def test_docx_form_with_values_in_the_cell_below_the_label(tmp_path: Path):
    path = _docx(tmp_path / "approval.docx", [
        ["当事人"], ["南京某某口腔门诊部"],
        ["当事人违法的主要事实和建议作出行政处罚决定的理由、依据及内容"],
        ["使用非卫生技术人员，违反《医疗机构管理条例》第二十七条，依据第四十七条，建议警告并处罚款伍仟元。"],
        ["负责人：王军", "2024年4月12日"],
    ], ["行政处罚决定审批表", "经办人1：陈刚  2024年4月10日"])
    case = read_case(path)
    doc = case.documents[0]
    assert doc.type == "decision_approval"
    assert doc.fields["party_name"].value == "南京某某口腔门诊部"
    assert "legal_representative" not in doc.fields  # 负责人 here is the approver
    finding = run_rule(case, RULES["DOC017"])
    assert "承办人意见" not in (finding.observed or ""), finding.observed


def test_interview_title_variant_in_a_docx_is_its_own_document(tmp_path: Path):
    d = docx.Document()
    for text in ("现场笔录", "检查时间：2024年3月12日9时00分至10时10分", "被检查单位（人）：南京某某口腔门诊部",
                 "被检查人签名：赵明", "询问调查笔录", "询问时间：2024年3月12日10时30分至11时20分",
                 "被询问人：赵明（男，41岁）"):
        d.add_paragraph(text)
    d.save(tmp_path / "records.docx")
    case = read_case(tmp_path / "records.docx")
    assert [x.type for x in case.documents] == ["inspection_record", "interview_record"]
    assert case.documents[1].fields["interviewee"].value == "赵明"
    assert case.documents[0].fields["party_name"].value == "南京某某口腔门诊部"


def test_a_corrected_review_period_reaches_the_remedy_rule(tmp_path: Path):
    import json

    source = tmp_path / "decision.txt"
    source.write_text("\n".join([
        "行政处罚决定书", "杭西卫医罚〔2024〕7号", "当事人：杭州西湖某某诊所",
        "上述行为违反了《医疗机构管理条例》第二十七条的规定。依据《医疗机构管理条例》第四十七条的规定，"
        "本机关决定对你单位给予警告，并处罚款人民币5000元整。",
        "如不服本决定，可以在收到本决定书之日起三十日内向杭州市西湖区人民政府申请行政复议，"
        "也可以在六个月内依法向杭州市西湖区人民法院提起行政诉讼。",
        "杭州市西湖区卫生健康局", "2024年4月20日"]), "utf-8")
    rule = next(r for r in RULES.values() if r.kind == "law_remedy_periods")
    case = read_case(source)
    assert case.remedy.review_days.value == 30
    assert run_rule(case, rule).status is Status.FAIL
    (tmp_path / "decision.overrides.json").write_text(json.dumps([{
        "document": "decision", "field": "review_days", "value": 60, "reason": "误读", "who": "张三",
        "date": "2026-11-01"}], ensure_ascii=False), "utf-8")
    corrected = read_case(source)
    assert corrected.remedy.review_days.value == 60
    assert run_rule(corrected, rule).status is Status.PASS


def test_decision_service_date_read_from_its_receipt_without_a_document_label():
    case = case_from_example({"documents": [
        {"type": "decision", "text": "行政处罚决定书\n杭西卫医罚〔2024〕7号\n当事人：杭州西湖某某诊所\n"
                                     "依据《医疗机构管理条例》第四十七条的规定，本机关决定给予警告。\n杭州市西湖区卫生健康局\n2024年4月20日"},
        {"type": "service_receipt", "text": "送达回执\n受送达人：杭州西湖某某诊所\n"
                                            "行政处罚决定书  杭西卫医罚〔2024〕7号  1份\n送达地点：文三路188号\n"
                                            "受送达人签名：王建国  2024年4月22日"},
    ]})
    assert case.documents[1].fields["served_type"].value == "decision"
    assert case.dates["decision_served"].value == "2024-04-22"
    rule = next(r for r in RULES.values() if r.kind == "period" and r.params.get("period") == "decision_service")
    assert run_rule(case, rule).status is Status.PASS


def test_a_form_label_with_its_value_in_the_next_paragraph_is_not_blank():
    from audit.parse.forms import form_cells

    case = case_from_example({"documents": [{"type": "decision_approval", "text": (
        "行政处罚决定审批表\n当事人：南京某某口腔门诊部\n承办人意见：\n建议给予警告并处罚款人民币伍仟元整。\n"
        "审核意见：同意。李华 2024年4月10日\n见证人：\n负责人审批意见：同意。王军 2024年4月12日")}]})
    cells = {c.label: c for c in form_cells(case, case.documents[0])}
    assert cells["承办人意见"].state == "filled" and "伍仟元" in cells["承办人意见"].text
    assert cells["见证人"].state == "blank"  # the next line is another label: the cell is blank


def test_signing_date_wrapped_in_its_cell_is_complete():
    rule = next(r for r in RULES.values() if r.kind == "signing_dates_complete")
    text = ("行政处罚决定审批表\n承办人意见：建议罚款人民币伍仟元整。\n承办人：陈刚 刘洋 2024年4月\n10日\n"
            "负责人审批意见：同意。\n签名：王军 2024年4月12日")
    finding = run_rule(case_from_example({"documents": [{"type": "decision_approval", "text": text}]}), rule)
    assert finding.status is Status.PASS, finding.observed
    cut = text.replace("2024年4月\n10日", "2024年4月")  # a date really written without its day
    finding = run_rule(case_from_example({"documents": [{"type": "decision_approval", "text": cut}]}), rule)
    assert finding.status is Status.FAIL


def test_dotted_dates_read_with_the_hour_that_follows():
    from audit.parse.dates import find_dates

    found = find_dates("检查时间：2024.05.069时30分至10时20分")
    assert len(found) == 1 and found[0].value.isoformat() == "2024-05-06"
    assert (found[0].time.hour, found[0].end_time.hour) == (9, 10)
    assert find_dates("编号2024.05.0612") == []  # a longer number is not a date
    found = find_dates("检查时间：2021.03.249时45分至10时20分")  # the longer day first: 24日9时, not 2日49时
    assert found[0].value.isoformat() == "2021-03-24" and found[0].time.hour == 9 and not found[0].error


def test_decision_dated_with_a_dotted_date_states_its_date():
    rule = RULES["DOC004"]
    text = ("行政处罚决定书\n杭西卫医罚〔2024〕7号\n当事人：杭州西湖某某诊所\n地址：杭州市西湖区文三路188号\n"
            "经查，你单位使用非卫生技术人员，有现场笔录等证据证明。违反了《医疗机构管理条例》第二十七条的规定。"
            "依据《医疗机构管理条例》第四十七条的规定，本机关决定作出如下行政处罚：警告。\n"
            "如不服本决定，可以在收到本决定书之日起六十日内向杭州市西湖区人民政府申请行政复议，"
            "也可以在六个月内依法向杭州市西湖区人民法院提起行政诉讼。\n杭州市西湖区卫生健康局\n2024.05.06")
    finding = run_rule(case_from_example({"documents": [{"type": "decision", "text": text}]}), rule)
    assert "作出决定的日期" not in (finding.observed or ""), finding.observed


def test_pdf_form_label_with_its_value_on_the_line_below():
    from audit.model import Case, Page
    from audit.parse.forms import form_cells

    rows = [(62.7, "本卷情况说明：本卷共有文件材料13件，共15页。"), (62.7, "立卷人："), (62.7, "孟婷 2024年10月22日"),
            (62.7, "检查人："), (62.7, "韩立军 2024年10月22日"), (62.7, "立卷时间："), (62.7, "2024年10月22日"),
            (62.7, "备注：")]
    lines = [Line(text, (x, 90 + 14 * i, x + 14 * len(text), 100 + 14 * i)) for i, (x, text) in enumerate(rows)]
    case = Case("c", "x", pages=[Page(1, "x.pdf", width=595, height=842, lines=lines)],
                documents=[Document("d01-file_remarks", "file_remarks", "卷内备考表", [1])])
    cells = {c.label: c for c in form_cells(case, case.documents[0])}
    assert cells["立卷人"].state == "filled" and cells["立卷人"].text.startswith("孟婷")
    assert cells["立卷时间"].state == "filled"
    assert "孟婷" not in cells  # a value line is not a label of its own
    assert cells["备注"].state == "blank"  # nothing below: blank


def test_a_published_copy_cannot_say_the_seal_is_missing():
    rule = next(r for r in RULES.values() if r.kind == "seal_present")
    text = ("南昌市东湖区卫生健康委员会行政处罚决定书（洪东卫医罚〔2024〕58号）\n被处罚人：南昌东湖惠民诊所\n"
            "依据《医疗废物管理条例》第四十六条第（二）项的规定，决定给予警告。\n南昌市东湖区卫生健康委员会\n2024年8月8日")
    published = case_from_example({"documents": [{"type": "decision", "text": text, "seal": "absent"}]})
    assert run_rule(published, rule).status is Status.NEEDS_REVIEW
    original = text.replace("行政处罚决定书（洪东卫医罚〔2024〕58号）", "\n行政处罚决定书\n洪东卫医罚〔2024〕58号")
    unsealed = case_from_example({"documents": [{"type": "decision", "text": original, "seal": "absent"}]})
    assert run_rule(unsealed, rule).status is Status.FAIL


def test_record_time_wrapped_in_its_cell_is_read_whole():
    from audit.parse.fields import labelled_date

    text = doc_text("现场检查笔录", "检查时间：2024年5月", "6日9时30分至10时20分", "检查地点：某诊所", type_="inspection_record")
    found = labelled_date(text, ("检查时间",))
    assert found.value == "2024-05-06" and found.detail["time"] == "09:30" and found.detail["end_time"] == "10:20"


def test_signature_label_alone_with_the_name_below_signs_the_page():
    from audit.parse.signatures import page_signed

    assert page_signed([Line("以上笔录已阅，属实。"), Line("被检查人签名："), Line("赵明  2024年3月12日")], "被检查人签名|被检查人")
    assert not page_signed([Line("被检查人签名："), Line("执法人员签名：陈刚")], "被检查人签名|被检查人")


def test_a_date_label_alone_on_its_line_takes_the_date_below():
    from audit.parse.fields import labelled_date

    text = doc_text("当场行政处罚决定书", "处罚时间：", "2024年6月13日", "当事人签收：", "2024年6月13日", type_="onsite_decision")
    assert labelled_date(text, ("处罚时间",)).value == "2024-06-13"
    prose = doc_text("处罚时间：", "经查，当事人于2024年6月1日在店内吸烟。", type_="onsite_decision")
    assert labelled_date(prose, ("处罚时间",)) is None  # a date inside prose below is not this label's


def test_receipt_title_variant_of_the_enforcement_system():
    from audit.parse.segment import match_title

    assert match_title("卫生行政执法文书送达回证").type == "service_receipt"
