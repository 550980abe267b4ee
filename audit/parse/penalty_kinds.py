"""The kinds of administrative penalty (行政处罚法 第九条) and the wording that names each.

Apart from :mod:`audit.parse.extract` so that the checks that compare a decision's penalties
with what a penalty article allows read them without importing every extractor.
"""

from __future__ import annotations

PENALTY_KINDS: tuple[tuple[str, str], ...] = (
    ("警告", r"警告"),
    ("通报批评", r"通报批评"),
    ("没收违法所得", r"没收违法所得"),
    ("没收非法财物", r"没收(?:非法财物|[\p{Han}]{0,8}(?:药品|器械|设备|物品))"),
    ("罚款", r"(?<!加处)罚款(?!缴纳|数额|的缴纳)"),
    ("暂扣许可证件", r"暂扣[\p{Han}“”\"]{0,14}(?:许可证|执照|执业证书)"),
    ("吊销许可证件", r"吊销[\p{Han}“”\"《》]{0,16}(?:许可证|执照|执业证书)"),
    ("降低资质等级", r"降低资质等级"),
    ("责令停产停业", r"责令(?:停产停业|停业整顿|暂停[\p{Han}]{0,6}(?:执业|营业)|停止执业活动)|暂停[\p{Han}]{0,4}执业活动"),
    ("限制从业", r"限制(?:从业|开展生产经营活动)"),
    # 行政处罚法 第九条第（四）项; not "提请……人民政府……责令关闭" (another body's sanction)
    ("责令关闭", r"(?<!提请[^。；]{0,30})责令关闭"),
)
