"""What happened in each case: facts, inspection findings, interview, evidence, discretion.

One builder per violation type (keys of ``law.VIOLATIONS``). A builder draws the particulars
(names, counts, amounts, dates) from ``ctx.rng`` and returns a :class:`Story`; the documents
are written from the story. Every story is invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from .util import ymd
from .world import Person, World, pick


@dataclass
class Story:
    cause_short: str  # 使用非卫生技术人员从事医疗卫生技术工作 (case name: party + this + 案)
    violation_short: str  # the act as the decision names it
    facts: str  # the established facts paragraph
    place: str  # where the inspection took place
    findings: list[str]
    qa: list[tuple[str, str]]
    evidence: list[tuple[str, str]]  # (evidence, what it proves)
    evidence_pages: list[tuple[str, dict]]  # (kind, data) rendered as evidence documents
    discretion: str
    correction: str  # the order to correct, without the subject
    income: int | None = None  # illegal income to confiscate (yuan), None = none found
    goods: str | None = None  # confiscated drugs/instruments
    opinion: str | None = None  # text of a 卫生监督意见书 issued on the spot
    defence: str = ""  # what the party says in its statement and defence
    defence_accepted: str = ""  # recheck answer: which points were considered
    severity: float = 0.5  # 0..1, where the fine sits in its range
    sampling: dict | None = None  # sampling record + test report data (water)
    extra_notes: list[str] = field(default_factory=list)


@dataclass
class Ctx:
    rng: object
    world: World
    party: dict  # name, type, legal_representative, address, ...
    inspected: dt.date
    interviewee: Person
    role: str  # the interviewee's post
    agency: str
    officers: list[dict]

    def days_before(self, n: int) -> dt.date:
        return self.inspected - dt.timedelta(days=n)


BUILDERS: dict[str, Callable[[Ctx], Story]] = {}


def builder(key: str):
    def register(fn):
        BUILDERS[key] = fn
        return fn

    return register


def _opening(ctx: Ctx, topic: str) -> tuple[str, str]:
    names = "、".join(o["name"] for o in ctx.officers)
    return ("问", f"我们是{ctx.agency}的执法人员{names}，这是我们的执法证件，请过目。今天就{topic}向你进行调查询问，"
                  "请你如实回答，不得隐瞒或者提供虚假情况。你有陈述和申辩的权利；如认为我们与本案有利害关系、可能影响公正办案，"
                  "你有权申请我们回避。你是否申请回避？")


def _closing() -> list[tuple[str, str]]:
    return [("问", "你还有什么需要补充的吗？"), ("答", "没有了。"),
            ("问", "以上笔录请你核对，如记录有误或者遗漏，可以更正或者补充。"), ("答", "以上笔录我已看过，和我说的一样。")]


def _licence_page(ctx: Ctx, subjects: str) -> tuple[str, dict]:
    p = ctx.party
    return ("licence", {"title": "医疗机构执业许可证", "rows": [
        ("机构名称", p["name"]), ("地　　址", p["address"]), ("法定代表人", p["legal_representative"]),
        ("所有制形式", "社会办（非营利性）" if p["credit_code"].startswith("52") else "私有"),
        ("诊疗科目", subjects), ("登 记 号", p["licence"]), ("有效期限", p["licence_valid"]),
    ]})


@builder("medinst_staff")
def _medinst_staff(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    worker, _ = ctx.world.person_name("女")
    since = ctx.days_before(rng.randrange(25, 70))
    count = rng.randrange(18, 90)
    task = pick(rng, ("静脉输液穿刺", "肌肉注射", "静脉采血"))
    post = pick(rng, ("护理员", "导医", "收费员"))
    subjects = p["subjects"]
    facts = (
        f"当事人持有《医疗机构执业许可证》（登记号：{p['licence']}），诊疗科目为{subjects.replace('；', '、')}。"
        f"当事人招用的{post}{worker}未取得护士执业证书，也未取得其他卫生技术人员资格。{ymd(since)}至{ymd(ctx.inspected)}，"
        f"当事人安排{worker}在本机构为就诊患者进行{task}操作，共计{count}人次。{ymd(ctx.inspected)}本机关执法人员现场检查时，"
        f"{worker}正在为患者进行{task}。当事人未因上述操作另行收取费用，调查中未发现造成患者人身损害后果。"
    )
    findings = [
        f"当事人在候诊区悬挂《医疗机构执业许可证》正本，登记号{p['licence']}，诊疗科目：{subjects}，有效期限{p['licence_valid']}。",
        f"检查时，处置室内一名身穿白色工作服的女性工作人员正在为一名患者进行{task}。经询问，该工作人员自称{worker}，系{post}。"
        "执法人员要求其出示护士执业证书，其表示未取得护士执业证书。",
        f"处置室《治疗登记本》{ymd(since)}至{ymd(ctx.inspected)}的“操作者”栏中有“{worker}”签名。执法人员复印了该登记本相关页，"
        f"{p['legal_representative']}在复印件上签字确认。",
        "执法人员现场拍摄照片4张，并当场制作卫生监督意见书，责令当事人立即停止使用非卫生技术人员从事医疗卫生技术工作。",
    ]
    qa = [
        _opening(ctx, "你单位使用非卫生技术人员一事"), ("答", "证件看清楚了，不申请回避。"),
        ("问", "请介绍一下你的身份及你单位的基本情况。"),
        ("答", f"我叫{ctx.interviewee.name}，是{p['name']}的{ctx.role}。单位诊疗科目有{subjects.replace('；', '、')}，"
               f"现有医师{rng.randrange(2, 6)}名、护士{rng.randrange(1, 4)}名。"),
        ("问", f"{worker}是你单位的什么人员？是否取得护士执业证书或者其他卫生技术人员资格？"),
        ("答", f"{worker}是我们招的{post}，卫校毕业，但护士执业资格考试没有通过，没有护士执业证书，也没有其他卫生技术人员资格证书。"),
        ("问", f"{worker}在你单位从事过哪些工作？"),
        ("答", f"护士人手不够，从{ymd(since)}起我安排她给病人做{task}，一直到{ymd(ctx.inspected)}你们来检查那天。"),
        ("问", "这期间一共做了多少人次？"),
        ("答", f"登记本“操作者”一栏有她的签名，我核对过，一共是{count}人次，没有另外收费，也没有发生医疗事故。"),
        ("问", "检查后你单位采取了哪些整改措施？"),
        ("答", f"检查当天就让{worker}不再做任何护理技术操作，正在招聘有执业证书的护士。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", f"证明现场检查时{worker}正在为患者进行{task}，且不能出示护士执业证书"),
        (f"对{ctx.interviewee.name}的询问笔录1份", f"证明当事人安排{worker}从事{task}的起止时间、次数及{worker}无卫生技术人员资格"),
        ("当事人《医疗机构执业许可证》（副本）复印件1份", "证明当事人的主体资格及核准的诊疗科目"),
        ("当事人《治疗登记本》复印件1份", f"证明{worker}作为操作者为患者进行{task}{count}人次"),
    ]
    rows = []
    day = since
    for _ in range(12):
        day = day + dt.timedelta(days=rng.randrange(1, 4))
        if day > ctx.inspected:
            break
        rows.append([f"{day.month}月{day.day}日", pick(rng, "王李陈赵孙周吴郑冯蒋沈韩杨朱") + pick(rng, ("某", "某某")),
                     pick(rng, ("0.9%氯化钠注射液", "5%葡萄糖注射液", "复方氨基酸注射液")),
                     pick(rng, ("250ml 静滴", "100ml 静滴", "500ml 静滴", "2ml 肌注")), worker, ""])
    pages = [_licence_page(ctx, subjects),
             ("table", {"title": f"《治疗登记本》复印件（{ymd(since)}至{ymd(ctx.inspected)}，摘录第1页）",
                        "cols": ["日期", "患者", "药品", "规格/用法", "操作者", "备注"], "rows": rows,
                        "widths": [58, 62, 110, 110, 72], "hand": [1, 4, 5]})]
    severity = min(0.9, count / 120)
    return Story(
        cause_short="使用非卫生技术人员从事医疗卫生技术工作",
        violation_short=f"使用非卫生技术人员{worker}从事{task}等医疗卫生技术工作",
        facts=facts, place=f"{p['name']}诊室、处置室、药房", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=pages,
        discretion=f"当事人违法行为持续时间较短，涉及{count}人次，未造成危害后果；检查后当即停止违法行为，积极配合调查，"
                   "如实陈述违法事实。综合上述情节，在法定幅度内从轻处罚。",
        correction="责令当事人立即停止使用非卫生技术人员从事医疗卫生技术工作",
        opinion=f"{ymd(ctx.inspected)}，本机关执法人员对你单位进行监督检查，发现你单位使用未取得护士执业证书的{worker}从事{task}工作。"
                "现提出如下卫生监督意见：一、立即停止使用非卫生技术人员从事医疗卫生技术工作；二、对本单位在岗人员的执业资格进行全面自查，"
                "七日内将整改情况书面报送本机关。",
        defence="我单位对告知书认定的违法事实没有异议。检查后我们已立即停止违法行为，单位规模小、经营困难，希望从轻处罚。",
        defence_accepted="当事人提出的已整改情况属实，已在裁量时予以考虑；经营困难不属于法定从轻、减轻处罚情形，不予采纳。",
        severity=severity,
    )


@builder("medinst_scope")
def _medinst_scope(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    subjects = p["subjects"]
    service, dept = pick(rng, (("注射A型肉毒毒素除皱", "医疗美容科"), ("注射用透明质酸钠填充", "医疗美容科"),
                               ("拔牙及根管治疗", "口腔科"), ("针刀治疗", "中医科")))
    if "中医" in subjects and dept == "中医科":
        service, dept = "注射A型肉毒毒素除皱", "医疗美容科"
    count = rng.randrange(3, 16)
    price = rng.choice((380, 480, 680, 880, 1280))
    income = count * price
    since = ctx.days_before(rng.randrange(20, 60))
    facts = (
        f"当事人持有《医疗机构执业许可证》（登记号：{p['licence']}），核准登记的诊疗科目为{subjects.replace('；', '、')}，"
        f"未登记{dept}。{ymd(since)}至{ymd(ctx.inspected)}，当事人在本机构为{count}名就诊者提供{service}服务，"
        f"每人次收费{price}元，共收取费用{income}元。上述诊疗活动超出了当事人核准登记的诊疗科目范围，未发现造成人身损害后果。"
    )
    findings = [
        f"当事人在大厅悬挂《医疗机构执业许可证》正本，登记号{p['licence']}，诊疗科目：{subjects}。",
        f"二楼治疗室内存放{service.replace('注射', '').replace('服务', '')}相关药品、器械及《治疗同意书》{count}份。",
        f"前台电脑收费系统显示，{ymd(since)}以来以“{service}”名目收费{count}笔。",
        "执法人员现场拍摄照片3张，复印《治疗同意书》及收费记录，当事人负责人签字确认。",
    ]
    qa = [
        _opening(ctx, f"你单位开展{service}一事"), ("答", "看清楚了，不申请回避。"),
        ("问", "你单位核准登记的诊疗科目有哪些？"), ("答", f"许可证上登记的是{subjects.replace('；', '、')}。"),
        ("问", f"你单位是否开展{service}？从什么时候开始？"),
        ("答", f"从{ymd(since)}开始做的，一共做了{count}个人，每人收{price}元。"),
        ("问", f"你单位是否登记了{dept}？"), ("答", f"没有登记{dept}，当时不知道需要单独登记。"),
        ("问", "收费有无记录？"), ("答", f"前台电脑里都有，合计{income}元，我可以打印给你们。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", f"证明当事人开展{service}的现场情况"),
        (f"对{ctx.interviewee.name}的询问笔录1份", f"证明当事人开展{service}的起止时间、人次及收费情况"),
        ("当事人《医疗机构执业许可证》（副本）复印件1份", "证明当事人核准登记的诊疗科目"),
        ("收费记录打印件1份", f"证明当事人以{service}名目收费{count}笔、共计{income}元"),
    ]
    rows = []
    day = since
    for _ in range(min(count, 10)):
        day = min(ctx.inspected, day + dt.timedelta(days=rng.randrange(1, 5)))
        rows.append([f"{day.year}-{day.month:02d}-{day.day:02d}", f"{rng.randrange(100000, 999999)}",
                     pick(rng, "王李陈赵孙周吴郑") + "某", service, f"{price}.00", ""])
    pages = [_licence_page(ctx, subjects),
             ("table", {"title": "收费记录打印件（摘录）", "cols": ["收费日期", "单据号", "患者", "项目", "金额（元）", "备注"],
                        "rows": rows, "widths": [82, 62, 52, 150, 70], "hand": []})]
    return Story(
        cause_short="诊疗活动超出登记范围", violation_short=f"超出核准登记的诊疗科目开展{service}",
        facts=facts, place=f"{p['name']}大厅、诊室、治疗室", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=pages,
        discretion=f"当事人超范围开展诊疗活动{count}人次，违法所得{income}元，未造成人身损害后果，检查后立即停止并配合调查。"
                   "属一般违法情形，综合上述情节，在法定幅度内给予处罚。",
        correction=f"责令当事人立即改正，停止超出登记范围开展{service}", income=income,
        defence="我们已停止该项目，正在申请增加诊疗科目，请求从轻处理。",
        defence_accepted="当事人已停止违法行为的情况属实，已在裁量时予以考虑。",
        severity=min(0.8, count / 20),
    )


@builder("medinst_unlicensed")
def _medinst_unlicensed(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    since = ctx.days_before(rng.randrange(40, 150))
    count = rng.randrange(40, 160)
    income = rng.randrange(18, 95) * 100
    drugs = pick(rng, ("阿莫西林胶囊12盒、头孢克肟分散片8盒、0.9%氯化钠注射液20瓶、一次性输液器30套",
                       "复方甘草片6瓶、布洛芬缓释胶囊10盒、5%葡萄糖注射液15瓶、听诊器1副、血压计1台",
                       "头孢呋辛酯片9盒、地塞米松磷酸钠注射液2盒、一次性注射器50支、输液架2个"))
    facts = (
        f"当事人{p['name']}持有医师资格证书和医师执业证书，但未取得《医疗机构执业许可证》。{ymd(since)}至{ymd(ctx.inspected)}，"
        f"当事人在{p['address']}的出租房内擅自开展诊疗活动，为周边居民诊治感冒、腹泻等疾病并开具、出售药品，进行输液治疗，"
        f"共接诊约{count}人次，违法所得{income}元。{ymd(ctx.inspected)}本机关执法人员现场检查时，当事人正在为一名患者输液。"
        f"现场查获药品、器械一批（{drugs}）。"
    )
    findings = [
        f"该处为一居民楼底层出租房，门口无任何医疗机构标识。屋内设有诊疗桌1张、输液椅3把，检查时当事人{p['name']}正在为一名患者输液。",
        "执法人员要求当事人出示《医疗机构执业许可证》，当事人表示未取得。",
        f"屋内药柜存放{drugs}。",
        f"桌上《门诊日志》一本，记录自{ymd(since)}起的就诊人员姓名、诊断及收费情况。",
        "执法人员现场拍摄照片5张，对上述药品、器械予以先行登记保存，并当场责令当事人停止执业活动。",
    ]
    qa = [
        _opening(ctx, "你未取得医疗机构执业许可证擅自执业一事"), ("答", "看清楚了，不申请回避。"),
        ("问", "请说一下你的基本情况。"),
        ("答", f"我叫{p['name']}，有医师资格证书和医师执业证书，以前在医院上班，后来辞职了。"),
        ("问", "你在该处开展诊疗活动是否取得《医疗机构执业许可证》？"), ("答", "没有办许可证。"),
        ("问", "从什么时候开始在这里看病？一共看了多少人？"),
        ("答", f"从{ymd(since)}开始，主要给附近居民看感冒发烧，门诊日志上都记着，大概{count}人次。"),
        ("问", "收费情况如何？"), ("答", f"诊疗费和药费加起来一共收了{income}元左右，日志上有记录。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", "证明当事人在未取得许可证的场所开展诊疗活动的现场情况"),
        (f"对{p['name']}的询问笔录1份", "证明当事人擅自执业的起止时间、诊疗人次及违法所得"),
        ("《门诊日志》复印件1份", f"证明当事人接诊约{count}人次、收费{income}元"),
        ("现场照片5张", "证明现场诊疗设施、药品器械及输液情况"),
    ]
    pages = [("photos", {"captions": [f"照片1：出租房内诊疗桌及输液椅全貌。拍摄时间：{ymd(ctx.inspected)}。",
                                       f"照片2：药柜内存放的药品、输液器等（近景）。拍摄时间：{ymd(ctx.inspected)}。"]})]
    return Story(
        cause_short="未取得《医疗机构执业许可证》擅自执业", violation_short="未取得《医疗机构执业许可证》擅自开展诊疗活动",
        facts=facts, place=p["address"], findings=findings, qa=qa, evidence=evidence, evidence_pages=pages,
        discretion=f"当事人违法所得{income}元，不足一万元，按一万元计算；擅自执业时间较长，并开展输液等有创治疗，存在医疗安全隐患，"
                   "但未造成患者人身损害，检查后停止执业并如实陈述，属一般违法情形。综合上述情节，在法定幅度内给予处罚。",
        correction="责令当事人停止执业活动", income=income, goods=f"药品、医疗器械一批（{drugs}）",
        defence="我知道错了，已经关门不干了，收入不多，希望少罚一点。",
        defence_accepted="当事人已停止执业活动的情况属实，已在裁量时予以考虑；其请求减轻处罚无法定情形，不予采纳。",
        severity=0.1 + 0.2 * rng.random(),
    )


@builder("physician_scope")
def _physician_scope(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    clinic = f"{ctx.world.district.city}{ctx.world.shop_word()}医疗美容诊所"
    count = rng.randrange(4, 14)
    price = rng.choice((600, 800, 1200))
    income = count * price
    since = ctx.days_before(rng.randrange(20, 60))
    facts = (
        f"当事人{p['name']}持有医师执业证书（证书编码：{p['licence']}），执业类别为临床，执业范围为内科专业，执业地点为"
        f"{ctx.world.district.city}某医院。{ymd(since)}至{ymd(ctx.inspected)}，当事人在{clinic}为{count}名就诊者实施注射美容项目，"
        f"每例收取劳务费{price}元，共计{income}元。当事人未按照注册的执业范围执业，未造成人身损害后果。"
    )
    findings = [
        f"检查时，当事人{p['name']}正在{clinic}治疗室为一名顾客实施面部注射。",
        f"当事人出示医师执业证书，执业范围为内科专业，执业地点为{ctx.world.district.city}某医院，未注册医疗美容专业。",
        f"诊所《治疗记录本》显示，{ymd(since)}以来由当事人实施注射美容{count}例。",
        "执法人员现场拍摄照片3张并复印相关记录，当事人签字确认。",
    ]
    qa = [
        _opening(ctx, "你在外执业的有关情况"), ("答", "看清楚了，不申请回避。"),
        ("问", "你的医师执业证书注册的执业范围是什么？"), ("答", "临床类别，内科专业。"),
        ("问", f"你在{clinic}从事什么工作？"),
        ("答", f"从{ymd(since)}开始，周末过来帮忙做注射美容，一共做了{count}个。"),
        ("问", "收费情况如何？"), ("答", f"每例诊所给我{price}元劳务费，一共{income}元。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", "证明当事人在医疗美容诊所实施注射美容的现场情况"),
        (f"对{p['name']}的询问笔录1份", "证明当事人超范围执业的时间、例数及收入"),
        ("当事人医师执业证书复印件1份", "证明当事人注册的执业类别、执业范围"),
        ("《治疗记录本》复印件1份", f"证明当事人实施注射美容{count}例"),
    ]
    pages = [("licence", {"title": "医师执业证书", "rows": [
        ("姓　　名", p["name"]), ("性　　别", p["sex"]), ("身份证号", p["id_number"]), ("执业类别", "临床"),
        ("执业范围", "内科专业"), ("证书编码", p["licence"]), ("执业地点", f"{ctx.world.district.city}某医院"),
    ]})]
    return Story(
        cause_short="未按照注册的执业范围执业", violation_short="未按照注册的执业范围执业，在医疗美容诊所实施注射美容",
        facts=facts, place=f"{clinic}治疗室", findings=findings, qa=qa, evidence=evidence, evidence_pages=pages,
        discretion=f"当事人超范围执业{count}例，违法所得{income}元，未造成人身损害后果，如实陈述违法事实。综合上述情节，在法定幅度内从轻处罚。",
        correction="责令当事人改正，按照注册的执业地点、执业类别、执业范围执业", income=income,
        defence="我已停止在该诊所执业，请求从轻处罚。",
        defence_accepted="当事人已停止超范围执业的情况属实，已在裁量时予以考虑。",
        severity=0.15 + 0.3 * rng.random(),
    )


def _shop_findings(ctx: Ctx, kind: str) -> list[str]:
    return [f"该店营业场所约{ctx.rng.randrange(40, 200)}平方米，现场悬挂营业执照。"]


@builder("publicplace_health_cert")
def _publicplace_health_cert(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    worker, _ = ctx.world.person_name()
    total = rng.randrange(3, 9)
    job = pick(rng, ("为顾客洗发", "为顾客修脚", "为顾客做面部护理", "在前台为顾客提供毛巾、拖鞋"))
    since = ctx.days_before(rng.randrange(15, 60))
    facts = (
        f"{ymd(ctx.inspected)}，执法人员在你店检查时发现，从业人员{worker}未取得有效健康合格证明，正在{job}，从事直接为顾客服务的工作。"
        f"{worker}自{ymd(since)}起在你店工作。"
    )
    findings = [
        f"该店营业场所约{rng.randrange(40, 200)}平方米，现场悬挂营业执照及公共场所卫生许可证。",
        f"检查时，一名从业人员正在{job}。经询问，该从业人员为{worker}，{ymd(since)}起在该店工作。",
        f"执法人员要求该店出示全部从业人员的健康合格证明。该店共有从业人员{total}名，其中{total - 1}名持有有效健康合格证明，"
        f"{worker}不能出示。经营者{p['legal_representative']}称{worker}尚未进行健康检查。",
        f"执法人员当场责令该店安排{worker}停止直接为顾客服务，经营者表示立即改正。",
    ]
    qa = [
        _opening(ctx, "你店从业人员健康合格证明的有关情况"), ("答", "看清楚了，不申请回避。"),
        ("问", f"{worker}是否取得健康合格证明？"), ("答", "还没有去体检，没有健康证。"),
        ("问", f"{worker}在你店从事什么工作？从什么时候开始？"), ("答", f"从{ymd(since)}开始，主要{job}。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", f"证明{worker}未取得健康合格证明从事直接为顾客服务的工作"),
        ("营业执照（副本）复印件1份", "证明当事人的主体资格"),
    ]
    pages = [("business_licence", {})]
    return Story(
        cause_short="安排未取得健康合格证明的从业人员从事直接为顾客服务的工作",
        violation_short=f"安排未取得健康合格证明的从业人员{worker}从事直接为顾客服务的工作",
        facts=facts, place=f"{p['name']}营业场所", findings=findings, qa=qa, evidence=evidence, evidence_pages=pages,
        discretion=f"{worker}未经健康检查已上岗为顾客服务多日，有传播疾病的风险，不属于违法行为轻微的情形；当事人检查时当场改正，"
                   "未造成危害后果，依法从轻给予警告。",
        correction=f"安排{worker}停止直接为顾客服务，取得有效健康合格证明后方可上岗",
        defence="我们已经安排她去体检了，以后一定注意。",
        defence_accepted="当事人已改正的情况属实。",
    )


@builder("publicplace_no_licence")
def _publicplace_no_licence(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    opened = ctx.days_before(rng.randrange(20, 90))
    kind = p.get("venue", "宾馆")
    rooms = rng.randrange(12, 60)
    facts = (
        f"当事人于{ymd(opened)}开业，经营{kind}（客房{rooms}间），营业前未向卫生行政部门申请办理公共场所卫生许可证。"
        f"{ymd(ctx.inspected)}本机关执法人员现场检查时，当事人正在营业，不能出示公共场所卫生许可证。当事人已于检查后提交卫生许可申请。"
    )
    findings = [
        f"当事人经营场所位于{p['address']}，现场悬挂营业执照，登记的经营范围包括住宿服务。",
        f"检查时当事人正在营业，前台登记显示当日入住{rng.randrange(3, rooms)}间。",
        "执法人员要求当事人出示公共场所卫生许可证，当事人表示尚未办理。",
        "执法人员当场制作卫生监督意见书，责令当事人依法申请办理公共场所卫生许可证。",
    ]
    qa = [
        _opening(ctx, "你单位公共场所卫生许可的有关情况"), ("答", "看清楚了，不申请回避。"),
        ("问", "你单位何时开始营业？是否取得公共场所卫生许可证？"),
        ("答", f"{ymd(opened)}开业，卫生许可证还没有办下来，当时以为先营业后办证就可以。"),
        ("问", "营业期间的经营情况？"), ("答", f"一共{rooms}间客房，入住率不高。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", "证明当事人未取得卫生许可证正在营业的现场情况"),
        (f"对{ctx.interviewee.name}的询问笔录1份", "证明当事人开业时间及未办理卫生许可证的情况"),
        ("营业执照（副本）复印件1份", "证明当事人的主体资格"),
    ]
    return Story(
        cause_short="未取得公共场所卫生许可证擅自营业", violation_short="未取得公共场所卫生许可证擅自营业",
        facts=facts, place=f"{p['name']}前台、客房", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=[("business_licence", {})],
        discretion="当事人未取得卫生许可证已营业多日，不属于违法行为轻微的情形；检查后立即提交卫生许可申请，未造成危害后果。"
                   "综合上述情节，依法从轻给予警告。",
        correction="责令当事人立即改正，依法申请办理公共场所卫生许可证",
        opinion=f"{ymd(ctx.inspected)}，本机关执法人员对你单位进行监督检查，发现你单位未取得公共场所卫生许可证擅自营业。"
                "现提出如下卫生监督意见：立即依法申请办理公共场所卫生许可证。",
        defence="我们已经提交了卫生许可申请，请从轻处理。", defence_accepted="当事人已提交卫生许可申请的情况属实。",
    )


@builder("water_quality")
def _water_quality(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    estate = p.get("estate", "小区")
    households = rng.randrange(200, 900)
    item, value, limit = pick(rng, (("菌落总数", f"{rng.randrange(180, 900)}CFU/mL", "100CFU/mL"),
                                     ("总大肠菌群", "检出", "不得检出"),
                                     ("浑浊度", f"{rng.randrange(2, 6)}.{rng.randrange(1, 9)}NTU", "1NTU")))
    sampled = ctx.inspected
    facts = (
        f"当事人负责{estate}二次供水设施的管理，向{households}户居民供应生活饮用水。{ymd(sampled)}，本机关执法人员对该小区"
        f"二次供水水箱出水进行采样，经检验，{item}为{value}（标准限值为{limit}），不符合《生活饮用水卫生标准》（GB 5749）的要求，"
        "可能导致传染病传播。调查中未发现当事人因供水另行收取费用，无违法所得。"
    )
    findings = [
        f"{estate}地下一层设不锈钢二次供水水箱2只，水箱间未上锁，人孔盖板未加锁。",
        "当事人不能提供近半年的水箱清洗消毒记录及水质检测报告。",
        "执法人员对水箱出水进行现场采样（样品编号见采样记录），样品经封存后送检。",
        "执法人员现场拍摄照片3张，当场制作卫生监督意见书，责令当事人对水箱进行清洗消毒。",
    ]
    qa = [
        _opening(ctx, "你单位二次供水卫生管理情况"), ("答", "看清楚了，不申请回避。"),
        ("问", "你单位负责哪些二次供水设施的管理？"), ("答", f"负责{estate}的二次供水，共{households}户。"),
        ("问", "水箱最近一次清洗消毒是什么时候？"), ("答", "去年做过一次，记录找不到了。"),
        ("问", f"对检验结果{item}不合格有何意见？"), ("答", "没有意见，已经请人清洗消毒水箱。"),
        ("问", "供水是否另外收费？"), ("答", "水费由自来水公司收，我们不另外收费。"),
        *_closing(),
    ]
    report_no = f"{ctx.world.district.abbr[0]}疾控检字第{sampled:%y%m%d}{rng.randrange(10, 99)}号"
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", "证明当事人二次供水设施卫生管理的现场情况"),
        ("非产品样品采样记录1份", "证明采样时间、地点、样品及封样情况"),
        (f"检验报告（{report_no}）1份", f"证明水样{item}不符合国家卫生标准"),
        (f"对{ctx.interviewee.name}的询问笔录1份", "证明当事人负责二次供水管理的情况及水箱清洗消毒情况"),
    ]
    sampling = {"item": item, "value": value, "limit": limit, "report_no": report_no, "estate": estate,
                "sample_no": f"S{sampled:%Y%m%d}{rng.randrange(1, 9):02d}"}
    return Story(
        cause_short="供应的饮用水不符合国家卫生标准", violation_short="供应的生活饮用水不符合国家卫生标准和卫生规范",
        facts=facts, place=f"{estate}二次供水水箱间", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=[("sampling", sampling), ("test_report", sampling)],
        discretion=f"当事人供水涉及{households}户居民，水质指标超标，存在传播疾病的风险；检查后及时清洗消毒，复检合格，未发现疾病传播。"
                   "属一般违法情形，综合上述情节，在法定幅度内给予处罚。",
        correction="责令当事人限期改正，对二次供水设施进行清洗消毒，经检验合格后方可供水",
        opinion=f"{ymd(ctx.inspected)}，本机关执法人员对你单位管理的二次供水设施进行监督检查。现提出如下卫生监督意见："
                "一、立即对水箱进行清洗消毒；二、水箱间及人孔加锁；三、建立清洗消毒和水质检测档案。",
        defence="检验结果出来后我们马上清洗消毒了，复检已经合格，请求从轻处罚。",
        defence_accepted="当事人已清洗消毒并复检合格的情况属实，已在裁量时予以考虑。",
        severity=min(0.8, households / 1200), sampling=sampling,
    )


@builder("occupational_undeclared")
def _occupational_undeclared(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    hazard, process = pick(rng, (("噪声", "冲压、切割"), ("其他粉尘、噪声", "打磨、抛光"), ("苯、甲苯、二甲苯", "喷漆"),
                                 ("电焊烟尘、噪声", "焊接")))
    workers = rng.randrange(12, 80)
    since = ctx.days_before(rng.randrange(200, 500))
    facts = (
        f"当事人主要从事金属制品加工，{process}工序存在{hazard}等职业病危害因素，接触职业病危害的劳动者{workers}人。"
        f"当事人自{ymd(since)}投产以来，未按照规定向卫生行政部门申报产生职业病危害的项目。"
        f"{ymd(ctx.inspected)}本机关执法人员现场检查时，当事人不能提供职业病危害项目申报回执。"
    )
    findings = [
        f"当事人生产车间设{process}工位，作业时产生{hazard}。",
        f"当事人称现有员工{workers + rng.randrange(5, 30)}人，其中接触职业病危害的劳动者{workers}人。",
        "执法人员要求当事人出示职业病危害项目申报回执，当事人不能出示，经在职业病危害项目申报系统中查询，无当事人申报记录。",
        "执法人员现场拍摄照片4张，当场制作卫生监督意见书，责令当事人限期申报职业病危害项目。",
    ]
    qa = [
        _opening(ctx, "你单位职业病危害项目申报情况"), ("答", "看清楚了，不申请回避。"),
        ("问", "你单位生产中存在哪些职业病危害因素？"), ("答", f"{process}的时候有{hazard}。"),
        ("问", "你单位是否申报了职业病危害项目？"), ("答", "没有申报，不了解要申报。"),
        ("问", "接触职业病危害的劳动者有多少人？"), ("答", f"{workers}人左右。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", f"证明当事人{process}工序存在{hazard}等职业病危害因素"),
        (f"对{ctx.interviewee.name}的询问笔录1份", "证明当事人未申报职业病危害项目"),
        ("营业执照（副本）复印件1份", "证明当事人的主体资格"),
        ("职业病危害项目申报系统查询截图1份", "证明当事人无申报记录"),
    ]
    return Story(
        cause_short="未按照规定申报职业病危害项目", violation_short="未按照规定及时、如实向卫生行政部门申报产生职业病危害的项目",
        facts=facts, place=f"{p['name']}生产车间、办公室", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=[("business_licence", {})],
        discretion=f"当事人接触职业病危害的劳动者{workers}人，未申报时间较长；检查后已完成申报，属一般违法情形。综合上述情节，在法定幅度内给予处罚。",
        correction="责令当事人限期改正，依法申报职业病危害项目",
        opinion=f"{ymd(ctx.inspected)}，本机关执法人员对你单位进行职业卫生监督检查。现提出如下卫生监督意见：于十五日内完成职业病危害项目申报。",
        defence="我们已经在系统里完成了申报，企业效益不好，请求从轻处罚。",
        defence_accepted="当事人已完成申报的情况属实，已在裁量时予以考虑。",
        severity=min(0.7, workers / 100),
    )


@builder("infection_disinfection")
def _infection_disinfection(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    if "口腔" in p["subjects"]:
        items = ("牙科手机", "使用后未经灭菌处理即用于下一名患者")
    else:
        items = pick(rng, (("妇科检查用窥阴器", "使用后仅用清水冲洗，未按照规定进行清洗消毒"),
                           ("换药用不锈钢镊子、弯盘", "使用后未经消毒灭菌即重复使用")))
    count = rng.randrange(3, 12)
    facts = (
        f"{ymd(ctx.inspected)}，本机关执法人员对当事人进行监督检查，发现当事人{items[0]}{items[1]}。现场查见待用及已用未消毒的"
        f"{items[0]}{count}件，当事人不能提供当日的消毒灭菌记录。上述行为未按照规定对医疗器械进行消毒，尚未发现造成传染病传播。"
    )
    findings = [
        f"当事人在大厅悬挂《医疗机构执业许可证》正本，登记号{p['licence']}。",
        f"检查时，治疗室内{items[0]}{items[1]}，现场查见{count}件。",
        "消毒供应区压力蒸汽灭菌器旁无当日灭菌记录，化学指示卡未按要求使用。",
        "执法人员现场拍摄照片4张，当场制作卫生监督意见书，责令当事人立即改正。",
    ]
    qa = [
        _opening(ctx, "你单位医疗器械消毒的有关情况"), ("答", "看清楚了，不申请回避。"),
        ("问", f"{items[0]}使用后是如何处理的？"), ("答", f"忙的时候没有来得及灭菌，{items[1]}。"),
        ("问", "是否有消毒灭菌记录？"), ("答", "当天的记录没有填。"),
        ("问", "检查后采取了哪些措施？"), ("答", "已经全部重新灭菌，并增购了器械，安排专人负责消毒。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", f"证明当事人{items[0]}{items[1]}"),
        (f"对{ctx.interviewee.name}的询问笔录1份", "证明当事人未按照规定对医疗器械进行消毒的情况"),
        ("当事人《医疗机构执业许可证》（副本）复印件1份", "证明当事人的主体资格"),
        ("现场照片4张", "证明现场医疗器械未消毒的情况"),
    ]
    return Story(
        cause_short="未按照规定对医疗器械进行消毒", violation_short=f"未按照规定对{items[0]}进行消毒",
        facts=facts, place=f"{p['name']}治疗室、消毒供应区", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=[_licence_page(ctx, p["subjects"])],
        discretion="当事人的行为存在医源性感染风险，检查后立即改正，尚未造成传染病传播，属一般违法情形。依法责令改正，给予通报批评、警告。",
        correction="责令当事人立即改正，按照规定对医疗器械进行消毒灭菌",
        opinion=f"{ymd(ctx.inspected)}，本机关执法人员对你单位进行传染病防治监督检查。现提出如下卫生监督意见：立即对在用医疗器械进行清洗消毒灭菌，"
                "建立并落实消毒灭菌记录制度。",
        defence="我们已经全部整改到位，请求从轻处理。", defence_accepted="当事人已整改的情况属实。",
    )


@builder("waste_mixing")
def _waste_mixing(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    weight = f"{rng.randrange(3, 15) / 10:.1f}"
    what = pick(rng, ("沾有血迹的棉球、棉签、一次性手套", "使用后的输液管、一次性注射器针筒、棉签",
                      "沾有血迹的纱布、一次性口腔检查盘、吸唾管"))
    facts = (
        f"当事人持有《医疗机构执业许可证》（登记号：{p['licence']}）。{ymd(ctx.inspected)}，本机关执法人员在监督检查中发现，"
        f"当事人诊室旁放置的生活垃圾桶内混有使用后的{what}等医疗废物约{weight}千克，与纸巾、饮料瓶等生活垃圾混装。"
        "执法人员当场责令当事人改正，当事人已将上述医疗废物分拣后按感染性废物收集处置。"
    )
    findings = [
        f"当事人在大厅悬挂《医疗机构执业许可证》正本，登记号{p['licence']}，诊疗科目：{p['subjects']}。",
        f"诊室门外放置的黑色生活垃圾桶内，除纸巾、饮料瓶外，混有使用后的{what}，合计约{weight}千克。",
        "诊室内设有黄色医疗废物专用包装袋及利器盒；医疗废物暂时贮存间设有警示标识。",
        "执法人员现场拍摄照片2张，并当场责令当事人将混入生活垃圾的医疗废物分拣后按感染性废物收集。",
    ]
    qa = [
        _opening(ctx, "你单位医疗废物管理有关情况"), ("答", "看清楚了，不申请回避。"),
        ("问", "生活垃圾桶内的医疗废物是哪里来的？"), ("答", "是当天诊疗用过的，工作人员图方便直接丢进了生活垃圾桶。"),
        ("问", "以前是否发生过类似情况？"), ("答", "平时有要求，这次是管理不到位。"),
        ("问", "检查后采取了哪些整改措施？"), ("答", "当场分拣放进了医疗废物袋，并组织员工重新学习了医疗废物分类制度。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", "证明当事人生活垃圾桶内混有医疗废物"),
        (f"对{ctx.interviewee.name}的询问笔录1份", "证明医疗废物混入生活垃圾的原因及经过"),
        ("当事人《医疗机构执业许可证》（副本）复印件1份", "证明当事人的主体资格"),
        ("现场照片2张", "证明现场生活垃圾桶内医疗废物的种类和状态"),
    ]
    pages = [_licence_page(ctx, p["subjects"]),
             ("photos", {"captions": [f"照片1：诊室门外生活垃圾桶全貌，桶内混有使用后的医疗废物。拍摄时间：{ymd(ctx.inspected)}。",
                                      f"照片2：生活垃圾桶内混装的医疗废物（近景）。拍摄时间：{ymd(ctx.inspected)}。"]})]
    return Story(
        cause_short="将医疗废物混入生活垃圾", violation_short=f"将使用后的{what}等医疗废物混入生活垃圾",
        facts=facts, place=f"{p['name']}诊室、医疗废物暂时贮存间", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=pages,
        discretion="当事人混入生活垃圾的医疗废物数量较少，检查时当场改正；但混入的为感染性废物，存在传播疾病的风险。"
                   "属一般违法情形，综合上述情节，在法定幅度内给予处罚。",
        correction="责令当事人限期改正，将医疗废物按类别分置于专用包装物或者容器，不得混入生活垃圾",
        defence="我单位已当场改正，并组织员工重新培训了医疗废物分类制度，请求从轻处罚。",
        defence_accepted="当事人已改正并组织培训的情况属实，已在裁量时予以考虑。", severity=0.2 + 0.5 * rng.random(),
    )


@builder("waste_sorting")
def _waste_sorting(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    what = pick(rng, ("损伤性废物（使用后的注射针头）与感染性废物混放于同一黄色包装袋内",
                      "使用后的针头、刀片未放入利器盒，直接置于感染性废物包装袋内",
                      "感染性废物未使用专用包装袋，直接放置于无盖纸箱内"))
    facts = (
        f"{ymd(ctx.inspected)}，本机关执法人员对当事人进行监督检查，发现当事人治疗室内{what}，"
        "未将医疗废物按照类别分置于专用包装物或者容器。执法人员当场责令改正，当事人已当场改正。"
    )
    findings = [
        f"当事人持有《医疗机构执业许可证》，登记号{p['licence']}。",
        f"检查时发现治疗室内{what}。",
        "执法人员现场拍摄照片2张，当场责令当事人将医疗废物按类别分置，当事人已当场改正。",
    ]
    qa = [
        _opening(ctx, "你单位医疗废物分类收集情况"), ("答", "看清楚了，不申请回避。"),
        ("问", "治疗室医疗废物为何未按类别分置？"), ("答", "利器盒用完了还没补，图方便就这样放了。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", "证明当事人未将医疗废物按照类别分置"),
        ("当事人《医疗机构执业许可证》（副本）复印件1份", "证明当事人的主体资格"),
    ]
    return Story(
        cause_short="未将医疗废物按照类别分置于专用包装物或者容器",
        violation_short="未将医疗废物按照类别分置于专用包装物或者容器",
        facts=facts, place=f"{p['name']}治疗室", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=[_licence_page(ctx, p["subjects"])],
        discretion="医疗废物混放存在锐器伤和传播疾病的风险，不属于违法行为轻微的情形；当事人当场改正，未造成危害后果，依法从轻处罚。", correction="责令当事人改正，将医疗废物按照类别分置于专用包装物或者容器",
        severity=0.1 + 0.3 * rng.random(),
    )


@builder("radiation_health_exam")
def _radiation_health_exam(ctx: Ctx) -> Story:
    rng, p = ctx.rng, ctx.party
    device = pick(rng, ("口腔全景X射线机1台", "数字化X射线摄影系统（DR）1台", "口腔CBCT 1台"))
    staff = rng.randrange(2, 6)
    missing = rng.randrange(1, staff + 1)
    facts = (
        f"当事人持有《医疗机构执业许可证》（登记号：{p['licence']}），配置{device}，开展放射诊疗工作，现有放射工作人员{staff}名。"
        f"当事人未按照规定组织其中{missing}名放射工作人员进行在岗期间职业健康检查，未建立相应的职业健康监护档案。"
    )
    findings = [
        f"当事人放射科配置{device}，设备运行正常，机房门口设有电离辐射警告标志。",
        f"当事人现有放射工作人员{staff}名，其中{missing}名不能提供在岗期间职业健康检查报告。",
        "当事人职业健康监护档案中无上述人员的检查资料。",
        "执法人员现场拍摄照片3张，当场制作卫生监督意见书，责令当事人限期组织职业健康检查。",
    ]
    qa = [
        _opening(ctx, "你单位放射工作人员职业健康管理情况"), ("答", "看清楚了，不申请回避。"),
        ("问", "你单位放射工作人员有几名？是否按照规定进行职业健康检查？"),
        ("答", f"一共{staff}名，其中{missing}名因为排班原因一直没去体检。"),
        ("问", "是否建立了职业健康监护档案？"), ("答", "档案有，但这几个人的资料不全。"),
        *_closing(),
    ]
    evidence = [
        (f"{ymd(ctx.inspected)}现场笔录1份", "证明当事人开展放射诊疗及放射工作人员职业健康检查情况"),
        (f"对{ctx.interviewee.name}的询问笔录1份", f"证明{missing}名放射工作人员未进行在岗期间职业健康检查"),
        ("当事人《医疗机构执业许可证》（副本）复印件1份", "证明当事人的主体资格"),
    ]
    return Story(
        cause_short="未按照规定组织放射工作人员职业健康检查",
        violation_short=f"未按照规定组织{missing}名放射工作人员进行职业健康检查",
        facts=facts, place=f"{p['name']}放射科、档案室", findings=findings, qa=qa, evidence=evidence,
        evidence_pages=[_licence_page(ctx, p["subjects"])],
        discretion=f"当事人{missing}名放射工作人员未进行职业健康检查，检查后已组织补检，属一般违法情形。综合上述情节，在法定幅度内给予处罚。",
        correction="责令当事人限期改正，组织放射工作人员进行职业健康检查并建立职业健康监护档案",
        opinion=f"{ymd(ctx.inspected)}，本机关执法人员对你单位进行放射卫生监督检查。现提出如下卫生监督意见："
                "于三十日内组织放射工作人员进行在岗期间职业健康检查，并完善职业健康监护档案。",
        defence="我们已经安排补检，请求从轻处罚。", defence_accepted="当事人已安排补检的情况属实，已在裁量时予以考虑。",
        severity=0.1 + 0.3 * rng.random(),
    )
