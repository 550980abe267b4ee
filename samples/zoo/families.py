"""The zoo's template families: layout style, the documents each family's file holds, and the
clean story each one tells (sources in samples/zoo/<family>/SOURCE.md).

Agencies are real kinds of bodies in real districts; every party, person, address, phone,
certificate, credit code and ID number is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from samples.zoo import docs as D
from samples.zoo.model import Doc, Style
from samples.zoo.story import Agency, Party, Story, ordinary_dates, person, simple_dates, uscc

STYLES: dict[str, Style] = {
    # 卫生部令第87号 (2012) formats: inline labels, 二〇二四年 dates under the seal
    "nat2012": Style("nat2012", kv="kv", date="upper"),
    # 当场行政处罚决定书 of the same 规范 (simple procedure; the party signs on the decision)
    "nat2012-onsite": Style("nat2012-onsite", kv="kv"),
    # enforcement-system print forms (立案审批表 / 行政处罚决定审批表 with approver rows)
    "system-forms": Style("system-forms", kv="kv", titles={"filing_report": "立案审批表", "closing_report": "结案审批表"},
                          interview_title="询问调查笔录", inspection_title="现场检查笔录", certificate_phrase="numbers",
                          filing_signers="经办人", approver_rows=True, receipt_table=True),
    # a decision as published on an agency website
    "web-decision": Style("web-decision", kv="kv"),
    # 双公示 / 信用中国 publicity record: label/value table
    "credit-publicity": Style("credit-publicity", kv="kv_cell"),
    # Word drafts with free layout: labels on their own line, headed decision sections
    "word-draft": Style("word-draft", kv="kv_line", party_label="被处罚人", certificate_phrase="numbers",
                        decision_sections=True, name_details=True, receipt_table=False,
                        titles={"service_receipt": "送达回证"}),
    # one generic 卫生行政执法事项审批表 with tick-boxes; label/value in table cells
    "matter-approval": Style("matter-approval", kv="kv_cell",
                             titles={"filing_report": "卫生行政执法事项审批表", "decision_approval": "卫生行政执法事项审批表",
                                     "closing_report": "卫生行政执法事项审批表"}),
    # records worded after a city's standard enforcement phrases (出示证件 spoken, 以上笔录属实)
    "spoken-record": Style("spoken-record", kv="kv", inspection_title="现场检查记录", certificate_phrase="oral",
                           rep_label="经营者"),
}

FAMILIES = tuple(STYLES)


def ordinary_docs(s: Story, st: Style) -> list[Doc]:
    docs = [D.filing_report(s, st), D.inspection_record(s, st), D.interview_record(s, st),
            D.investigation_report(s, st), D.panel_discussion(s, st), D.advance_notice(s, st),
            D.service_receipt(s, st, "notice"), *([D.defence_record(s, st)] if s.waived else []),
            D.decision_approval(s, st),
            D.decision(s, st), D.service_receipt(s, st, "decision")]
    if s.fine:
        docs.append(D.payment_receipt(s, st))
    docs.append(D.closing_report(s, st))
    d = s.dates
    when = {"filing_report": d["filed"], "inspection_record": d["inspected"], "interview_record": d["interview"],
            "investigation_report": d["report"], "panel_discussion": d["panel"], "advance_notice": d["notice_issued"],
            "defence_record": d.get("defence"), "decision_approval": d["approval"], "decision": d["decided"],
            "payment_receipt": d["paid"], "closing_report": d["closed"]}
    served = iter((d["notice_served"], d["decision_served"]))
    dates = [next(served) if doc.type == "service_receipt" else when[doc.type] for doc in docs]
    return [D.file_index(s, st, docs, dates), *docs, D.file_remarks(s, st, len(docs))]


def simple_docs(s: Story, st: Style) -> list[Doc]:
    docs = [D.onsite_decision(s, st), D.inspection_record(s, st)]
    if s.fine:
        docs.append(D.payment_receipt(s, st))
    return docs


def web_docs(s: Story, st: Style) -> list[Doc]:
    return [D.decision(s, st, web=True)]


def credit_docs(s: Story, st: Style) -> list[Doc]:
    return [D.credit_publicity(s, st)]


DOCS: dict[str, Callable[[Story, Style], list[Doc]]] = {
    "nat2012": ordinary_docs, "nat2012-onsite": simple_docs, "system-forms": ordinary_docs,
    "web-decision": web_docs, "credit-publicity": credit_docs, "word-draft": ordinary_docs,
    "matter-approval": ordinary_docs, "spoken-record": ordinary_docs,
}
WEB_FAMILIES = ("web-decision", "credit-publicity")  # published as web pages: also a .txt rendering


def _agency(name: str, abbr: str, district: str, city: str, address: str, phone: str) -> Agency:
    return Agency(name, abbr, f"{city}{district}人民政府", f"{city}{district}人民法院", address, phone)


def _clinic(name: str, region: str, body: str, rep, address: str, phone: str, licence: str, prefix: str = "52",
            kind: str = "organisation") -> Party:
    return Party(name, kind, uscc(prefix, region, body), rep, address, phone, licence)


WASTE_FINDINGS = ["当事人持有《医疗机构执业许可证》，诊疗科目为内科、口腔科。",
                  "治疗室旁的生活垃圾桶内混有使用后的棉签、一次性手套、输液器等医疗废物约0.5千克。",
                  "执法人员现场拍摄照片3张，当场责令当事人改正，当事人已将上述医疗废物分拣后按感染性废物收集。"]
SORT_FINDINGS = ["当事人持有《医疗机构执业许可证》，诊疗科目为内科。",
                 "处置室内使用后的注射器针头未放入利器盒，直接放入感染性废物包装袋内。",
                 "执法人员现场拍摄照片2张，当场责令当事人改正，当事人已当场改正。"]
STAFF_FINDINGS = ["当事人持有《医疗机构执业许可证》，诊疗科目为内科、外科。",
                  "输液室内一名工作人员正在为患者进行静脉输液穿刺，其不能出示护士执业证书，自称未取得卫生技术人员资格。",
                  "执法人员现场拍摄照片4张，当场责令当事人立即停止使用该人员从事医疗卫生技术工作。"]
CERT_FINDINGS = ["当事人持有有效的公共场所卫生许可证，经营项目为美发。",
                 "店内2名正在为顾客服务的理发师不能出示有效的健康合格证明。",
                 "执法人员现场拍摄照片2张，当场责令当事人改正。"]


def clean_story(family: str) -> Story:
    """The lawful, complete case file of one family (defects are planted on a copy)."""
    f = _STORIES[family]
    return f()


def _nat2012() -> Story:
    rep = person("许文华", "女", "1979-03-14", "340202", "042", "13905531846", "负责人", "芜湖市镜湖区长江中路66号3幢")
    party = _clinic("芜湖镜湖仁和诊所", "340202", "MA2T7K1P3", rep, "芜湖市镜湖区北京东路288号", "0553-3827461",
                    "PDY50127434020217D1102")
    return Story("zoo-nat2012-clean", "nat2012", "ordinary", "waste_mixing",
                 _agency("芜湖市镜湖区卫生健康委员会", "芜镜", "镜湖区", "芜湖市", "芜湖市镜湖区新时代商业街1号", "0553-3112345"),
                 party, [("吴振东", "34020219031"), ("高雅婷", "34020219047")], "程立新", "沈国华", "范丽",
                 21, 8000, True,
                 "当事人将使用后的棉签、一次性手套、输液器等医疗废物约0.5千克混入治疗室旁的生活垃圾桶内。执法人员当场责令当事人改正，"
                 "当事人已将上述医疗废物分拣后按感染性废物收集。", "芜湖镜湖仁和诊所治疗室、处置室", WASTE_FINDINGS,
                 ordinary_dates("2024-04-08"))


def _onsite() -> Story:
    rep = person("马建新", "男", "1972-10-02", "410303", "015", "13837912650", "负责人", "洛阳市西工区中州中路109号")
    party = _clinic("洛阳西工康泰诊所", "410303", "MA9F4C2L8", rep, "洛阳市西工区唐宫中路56号", "0379-63217485",
                    "PDY31908441030317D1102")
    return Story("zoo-nat2012-onsite-clean", "nat2012-onsite", "simple", "waste_sorting",
                 _agency("洛阳市西工区卫生健康委员会", "洛西工", "西工区", "洛阳市", "洛阳市西工区纱厂南路12号", "0379-63912020"),
                 party, [("郭晓峰", "41030321006"), ("李婉清", "41030321019")], "", "", "", 36, 2000, True,
                 "当事人处置室内使用后的注射器针头未放入利器盒，直接放入感染性废物包装袋内，未将医疗废物按照类别分置于专用包装物或者容器。",
                 "洛阳西工康泰诊所处置室", SORT_FINDINGS, simple_dates("2024-06-12"))


def _system() -> Story:
    rep = person("黄志远", "男", "1968-05-21", "410105", "031", "13703819264", "负责人", "郑州市金水区经三路17号院")
    party = _clinic("郑州金水安和诊所", "410105", "MA44W8N2X", rep, "郑州市金水区纬五路42号", "0371-65738219",
                    "PDY60233141010517D1102")
    return Story("zoo-system-forms-clean", "system-forms", "ordinary", "medinst_staff",
                 _agency("郑州市金水区卫生健康委员会", "郑金", "金水区", "郑州市", "郑州市金水区东风路12号", "0371-63910110"),
                 party, [("孙立强", "41010522013"), ("周佳怡", "41010522028")], "韩东升", "王海涛", "陈静",
                 47, 20000, False,
                 "当事人于2024年3月1日至2024年5月8日安排未取得护士执业证书和其他卫生技术人员资格的员工从事静脉输液穿刺等医疗卫生技术工作，"
                 "执法人员检查时该员工正在为患者进行静脉输液穿刺。", "郑州金水安和诊所输液室、诊室", STAFF_FINDINGS,
                 ordinary_dates("2024-05-08"))


def _web() -> Story:
    rep = person("钟丽萍", "女", "1983-12-09", "360102", "064", "13879135526", "负责人", "南昌市东湖区八一大道318号")
    party = _clinic("南昌东湖惠民诊所", "360102", "MA35R6H1Q", rep, "南昌市东湖区阳明路135号", "0791-86731924",
                    "PDY70329536010217D1102")
    return Story("zoo-web-decision-clean", "web-decision", "ordinary", "waste_sorting",
                 _agency("南昌市东湖区卫生健康委员会", "洪东", "东湖区", "南昌市", "南昌市东湖区沿江北大道1号", "0791-86770110"),
                 party, [("熊伟", "36010223004"), ("涂晓兰", "36010223011")], "万军", "胡斌", "邓洁",
                 58, 3000, True,
                 "当事人处置室内使用后的注射器针头未放入利器盒，直接放入感染性废物包装袋内，未将医疗废物按照类别分置于专用包装物或者容器。",
                 "南昌东湖惠民诊所处置室", SORT_FINDINGS, ordinary_dates("2024-07-15"))


def _credit() -> Story:
    rep = person("杨春燕", "女", "1976-07-30", "530102", "028", "13888420617", "负责人", "昆明市五华区人民中路21号")
    party = _clinic("昆明五华益康诊所", "530102", "MA6L2T9B5", rep, "昆明市五华区青年路402号", "0871-63158247",
                    "PDY40118253010217D1102")
    return Story("zoo-credit-publicity-clean", "credit-publicity", "ordinary", "waste_mixing",
                 _agency("昆明市五华区卫生健康局", "昆五", "五华区", "昆明市", "昆明市五华区西昌路2号", "0871-64170110"),
                 party, [("李俊", "53010224007"), ("和丽娟", "53010224015")], "段勇", "赵明", "普雪",
                 12, 6000, True,
                 "当事人将使用后的棉签、一次性手套、输液器等医疗废物约0.5千克混入生活垃圾桶内。",
                 "昆明五华益康诊所治疗室", WASTE_FINDINGS, ordinary_dates("2024-08-19"))


def _word() -> Story:
    rep = person("刘志强", "男", "1983-01-17", "210102", "057", "13904053318", "负责人", "沈阳市和平区南京北街206号")
    party = _clinic("沈阳和平康桥口腔诊所", "210102", "MA0X7Q3D6", rep, "沈阳市和平区三好街88号", "024-23917465",
                    "PDY80421621010217D1102")
    return Story("zoo-word-draft-clean", "word-draft", "ordinary", "waste_mixing",
                 _agency("沈阳市和平区卫生健康局", "沈和", "和平区", "沈阳市", "沈阳市和平区南京南街1号", "024-22811234"),
                 party, [("赵明辉", "21010218022"), ("孟婷", "21010218036")], "韩立军", "宋建国", "田甜",
                 9, 7000, True,
                 "当事人将使用后的棉签、一次性手套、输液器等医疗废物约0.5千克混入候诊区旁的生活垃圾桶内。执法人员当场责令当事人改正，"
                 "当事人已将上述医疗废物分拣后按感染性废物收集。", "沈阳和平康桥口腔诊所诊室、候诊区", WASTE_FINDINGS,
                 ordinary_dates("2024-09-09"))


def _matter() -> Story:
    rep = person("邵建平", "男", "1970-02-26", "330702", "013", "13905796627", "负责人", "金华市婺城区八一南街133号")
    party = _clinic("金华婺城安康诊所", "330702", "MA2E8G4U1", rep, "金华市婺城区宾虹路621号", "0579-82318564",
                    "PDY55210933070217D1102")
    return Story("zoo-matter-approval-clean", "matter-approval", "ordinary", "medinst_staff",
                 _agency("金华市婺城区卫生健康局", "金婺", "婺城区", "金华市", "金华市婺城区环城南路188号", "0579-82468110"),
                 party, [("楼志刚", "33070220009"), ("方晓燕", "33070220021")], "吕建明", "朱卫东", "傅敏",
                 33, 10000, False,
                 "当事人于2024年4月1日至2024年6月3日安排未取得护士执业证书和其他卫生技术人员资格的员工从事静脉输液穿刺等医疗卫生技术工作，"
                 "执法人员检查时该员工正在为患者进行静脉输液穿刺。", "金华婺城安康诊所输液室", STAFF_FINDINGS,
                 ordinary_dates("2024-06-03"))


def _spoken() -> Story:
    rep = person("王淑芬", "女", "1985-04-11", "131003", "046", "13931612507", "经营者", "廊坊市广阳区新华路56号")
    party = _clinic("廊坊市广阳区丽人美发店", "131003", "MA07K5N3C", rep, "廊坊市广阳区爱民东道118号", "0316-2613597",
                    "廊卫公证字〔2022〕第0317号", prefix="92", kind="business")
    return Story("zoo-spoken-record-clean", "spoken-record", "ordinary", "publicplace_health_cert",
                 _agency("廊坊市广阳区卫生健康局", "廊广", "广阳区", "廊坊市", "廊坊市广阳区新开路45号", "0316-2021110"),
                 party, [("张国栋", "13100319012"), ("刘佳", "13100319026")], "孙伟", "李建军", "周敏",
                 15, 0, True,
                 "当事人安排2名未取得有效健康合格证明的理发师从事直接为顾客服务的工作。执法人员当场责令当事人改正。",
                 "廊坊市广阳区丽人美发店营业场所", CERT_FINDINGS, ordinary_dates("2024-10-14"))


_STORIES: dict[str, Callable[[], Story]] = {
    "nat2012": _nat2012, "nat2012-onsite": _onsite, "system-forms": _system, "web-decision": _web,
    "credit-publicity": _credit, "word-draft": _word, "matter-approval": _matter, "spoken-record": _spoken,
}
