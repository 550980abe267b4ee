"""The transformations themselves: each rewrites what it says and keeps everything else."""

from audit.eval.metamorphic import (
    cell_wrap,
    date_dotted,
    date_upper,
    fullwidth_digits,
    halfwidth_punct,
    label_own_line,
    label_synonyms,
    name_details,
    reorder_rows,
)

PAGE = ["某某区卫生健康局\n询问笔录\n询问时间：2024年5月6日9时00分至9时30分\n被询问人：刘志强 性别：男\n"
        "出生日期：1983年1月17日\n当事人：某某诊所\n地址：某路1号\n联系电话：0571-1234"]


def test_dates():
    assert "二〇二四年五月六日" in date_upper(PAGE)[0]
    assert "2024.05.06" in date_dotted(PAGE)[0] and "1983.01.17" in date_dotted(PAGE)[0]


def test_label_synonyms_and_own_line():
    out = label_synonyms(PAGE)[0]
    assert "\n询问调查笔录\n" in out and "被处罚人：某某诊所" in out
    lines = label_own_line(PAGE)[0].split("\n")
    assert "当事人：" in lines and lines[lines.index("当事人：") + 1] == "某某诊所"


def test_cell_wrap_splits_a_date_after_its_month():
    lines = cell_wrap(PAGE)[0].split("\n")
    assert "询问时间：2024年5月" in lines and "6日9时00分至9时30分" in lines


def test_width_and_names_and_rows():
    assert "２０２４" in fullwidth_digits(PAGE)[0]
    assert "当事人:某某诊所" in halfwidth_punct(PAGE)[0]
    assert "刘志强（男，41岁）" in name_details(PAGE)[0]
    out = reorder_rows(PAGE)[0]
    assert out.index("联系电话") < out.index("地址：") or out.index("当事人") > out.index("地址")
    assert sorted(out.split("\n")) == sorted(PAGE[0].split("\n"))
