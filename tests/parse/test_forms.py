"""Ruled forms: the label column, what each cell holds (filled, struck through, blank)."""

from audit.model import Case, Document, Line, Page
from audit.parse.forms import form_cells


def _line(text: str, x0: float, y0: float, size: float = 10.0) -> Line:
    width = size * len(text)
    return Line(text=text, box=(x0, y0, x0 + width, y0 + size),
                char_x=[(x0 + i * size, x0 + (i + 1) * size) for i in range(len(text))])


def _case(lines: list[Line]) -> tuple[Case, Document]:
    page = Page(number=1, source_file="<test>", lines=lines, text_engine="pdf")
    doc = Document(id="d1", type="service_receipt", title="送达回证", pages=[1])
    return Case(case_id="t", source="<test>", pages=[page], documents=[doc]), doc


# A 送达回证 as a text layer lays it out: labels centred in a left column (x≈90-180), values from
# x=205; a value sharing the label's baseline comes out on the label's own line.
RECEIPT = [
    _line("某某市卫生健康委员会", 200, 60, 15),
    _line("送达回证", 230, 90, 20),
    _line("《行政处罚决定书》（宁鼓卫水罚〔2023〕73号）", 205, 136),
    _line("送达文书名称及文号", 88, 145),
    _line("受送达人 南京清泉物业管理有限公司", 114, 182),
    _line("送达方式 直接送达", 114, 254),
    _line("苏倩（负责人）", 205, 289),
    _line("收件人签名 2023年6月1日9时50分", 109, 306),
    _line("\\", 205, 360),
    _line("代收人及代收理由", 93, 368),
    _line("秦欣怡 黎晓东", 205, 403),
    _line("送达人签名 2023年6月1日", 109, 420),
    _line("见证人 \\", 119, 464),
    _line("\\", 205, 500),
    _line("备注", 124, 511),
]


def _states(lines: list[Line]) -> dict[str, str]:
    case, doc = _case(lines)
    return {c.label: c.state for c in form_cells(case, doc)}


def test_every_cell_of_a_complete_receipt():
    states = _states(RECEIPT)
    assert states == {
        "送达文书名称及文号": "filled", "受送达人": "filled", "送达方式": "filled", "收件人签名": "filled",
        "代收人及代收理由": "struck", "送达人签名": "filled", "见证人": "struck", "备注": "struck",
    }


def test_cells_left_blank_are_found():
    lines = [ln for ln in RECEIPT if not (ln.text == "\\" and ln.box[1] == 360)]
    lines = [_line("见证人", 119, 468) if ln.text == "见证人 \\" else ln for ln in lines]
    states = _states(lines)
    assert states["代收人及代收理由"] == "blank" and states["见证人"] == "blank"
    assert states["备注"] == "struck" and states["收件人签名"] == "filled"


def test_value_above_a_vertically_centred_label_belongs_to_it():
    lines = [
        _line("案由 某某诊所超范围执业案", 114, 136),
        _line("当事人 某某诊所", 109, 164),
        _line("本案处罚决定已执行完毕，建议结案。", 185, 361),
        _line("承办人意见 承办人：张三 李四 2024年9月26日", 99, 376),
        _line("同意结案。", 185, 471),
        _line("负责人审批意见", 88, 482),
        _line("签名：王五 2024年9月26日", 378, 487),
    ]
    states = _states(lines)
    assert states["承办人意见"] == "filled" and states["负责人审批意见"] == "filled"
    alone = [ln for ln in lines if ln.text not in ("同意结案。", "签名：王五 2024年9月26日")]
    assert _states(alone)["负责人审批意见"] == "blank"


def test_headings_over_running_text_are_not_a_form():
    lines = [
        _line("一、调查经过", 70, 100),
        _line("2024年3月5日，执法人员对当事人进行监督检查……", 70, 120),
        _line("二、违法事实", 70, 200),
        _line("当事人超出登记范围开展诊疗活动……", 70, 220),
        _line("三、证据", 70, 300),
        _line("1．现场笔录1份。", 70, 320),
    ]
    assert _states(lines) == {}


def test_plain_text_judges_only_label_colon_value():
    case = Case(case_id="t", source="<test>", pages=[Page(number=1, source_file="<t>", lines=[
        Line(text="见证人："), Line(text="代收人及代收理由：\\"), Line(text="送达方式：直接送达"), Line(text="备注"),
    ], text_engine="txt")], documents=[Document(id="d1", type="service_receipt", title="送达回证", pages=[1])])
    states = {c.label: c.state for c in form_cells(case, case.documents[0])}
    assert states == {"见证人": "blank", "代收人及代收理由": "struck", "送达方式": "filled"}


def test_a_blank_mark_is_not_a_label():
    from audit.model import Line
    from audit.parse.forms import _page_cells

    rows = ["案由：某诊所使用非卫生技术人员案", "当事人：某诊所", "简要案情：经查……", "（以下空白）", "承办人意见：建议立案"]
    lines = [Line(t, (60.0, 90.0 + 20 * i, 60.0 + 14 * len(t), 100.0 + 20 * i)) for i, t in enumerate(rows)]
    assert "（以下空白）" not in {c.label for c in _page_cells(1, lines)}
