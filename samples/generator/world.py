"""The invented world the cases live in: regions, agencies, people, organisations, addresses.

Region codes are real administrative division codes (they only make ID numbers and credit
codes plausible); every person, organisation, street number, phone number, certificate number,
ID number and credit code is invented. Check characters follow GB 11643 and GB 32100.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .util import ORG_CODE_CHARS, USCC_CHARS, id_check, org_code_check, uscc_check


@dataclass(frozen=True)
class District:
    province: str  # 浙江省
    city: str  # 杭州市
    name: str  # 西湖区
    code: str  # 330106
    abbr: str  # 杭西 (case-number region prefix)
    phone_area: str  # 0571
    roads: tuple[str, ...]
    agency_suffix: str = "卫生健康局"  # 卫生健康局 | 卫生健康委员会
    agency_road: str = ""

    @property
    def agency(self) -> str:
        return f"{self.city}{self.name}{self.agency_suffix}"

    @property
    def government(self) -> str:
        return f"{self.city}{self.name}人民政府"

    @property
    def court(self) -> str:
        return f"{self.city}{self.name}人民法院"

    @property
    def city_health(self) -> str:
        """The next-level health department (the pre-2024 alternative review body)."""
        return f"{self.city}卫生健康委员会"

    @property
    def finance(self) -> str:
        return f"{self.city}{self.name}财政局"


DISTRICTS: dict[str, tuple[District, ...]] = {
    "zhejiang": (
        District("浙江省", "杭州市", "西湖区", "330106", "杭西", "0571",
                 ("文一西路", "古墩路", "天目山路", "文三路", "留和路", "紫荆花路"), agency_road="文新路588号"),
        District("浙江省", "杭州市", "拱墅区", "330105", "杭拱", "0571",
                 ("湖墅南路", "莫干山路", "大关路", "上塘路", "丽水路"), agency_road="香积寺路108号"),
        District("浙江省", "宁波市", "鄞州区", "330212", "甬鄞", "0574",
                 ("钱湖北路", "天童南路", "四明中路", "首南西路", "学士路"), agency_road="首南中路1666号"),
        District("浙江省", "绍兴市", "越城区", "330602", "绍越", "0575",
                 ("解放北路", "中兴中路", "人民西路", "延安东路", "环城西路"), agency_road="凤林西路300号"),
        District("浙江省", "金华市", "婺城区", "330702", "金婺", "0579",
                 ("八一南街", "丹溪路", "宾虹西路", "环城南路", "人民西路"), agency_road="双龙南街858号"),
    ),
    "jiangsu": (
        District("江苏省", "南京市", "鼓楼区", "320106", "宁鼓", "025",
                 ("中山北路", "湖南路", "汉中门大街", "草场门大街", "虎踞路"), "卫生健康委员会", "广州路208号"),
        District("江苏省", "南京市", "江宁区", "320115", "宁江", "025",
                 ("竹山路", "天元中路", "双龙大道", "金盛路", "胜太路"), "卫生健康委员会", "金箔路201号"),
        District("江苏省", "苏州市", "姑苏区", "320508", "苏姑", "0512",
                 ("人民路", "干将西路", "十全街", "石路", "桐泾北路"), "卫生健康委员会", "三香路998号"),
        District("江苏省", "无锡市", "梁溪区", "320213", "锡梁", "0510",
                 ("中山路", "解放南路", "人民中路", "学前街", "南长街"), "卫生健康委员会", "健康路88号"),
    ),
    "sichuan": (
        District("四川省", "成都市", "武侯区", "510107", "成武", "028",
                 ("科华北路", "一环路南四段", "武侯祠大街", "玉林南路", "簇桥路"), agency_road="武科西二路68号"),
        District("四川省", "成都市", "锦江区", "510104", "成锦", "028",
                 ("东大街", "红星路三段", "书院西街", "水井街", "静沙南路"), agency_road="永兴巷15号"),
        District("四川省", "绵阳市", "涪城区", "510703", "绵涪", "0816",
                 ("临园路", "剑南路", "安昌路", "长虹大道", "御营坝街"), agency_road="滨江东路30号"),
        District("四川省", "德阳市", "旌阳区", "510603", "德旌", "0838",
                 ("长江西路", "泰山南路", "岷江西路", "黄河东路", "庐山南路"), agency_road="珠江西路156号"),
    ),
    "guangdong": (
        District("广东省", "广州市", "天河区", "440106", "穗天", "020",
                 ("天河路", "体育东路", "中山大道西", "黄埔大道中", "员村二横路"), agency_road="天府路1号"),
        District("广东省", "广州市", "越秀区", "440104", "穗越", "020",
                 ("东风中路", "解放北路", "环市东路", "北京路", "中山五路"), agency_road="豪贤路188号"),
        District("广东省", "佛山市", "禅城区", "440604", "佛禅", "0757",
                 ("季华五路", "汾江中路", "祖庙路", "岭南大道北", "佛山大道中"), agency_road="汾江南路35号"),
    ),
}

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_MALE = (
    "建平", "志刚", "海军", "国强", "卫东", "建明", "晓东", "斌", "立群", "明", "伟", "磊", "建华", "文涛", "俊杰",
    "浩然", "宇航", "子豪", "永康", "德胜", "宏伟", "志远", "家豪", "晨阳", "鹏飞", "峰", "凯", "勇", "旭东", "振华",
)
GIVEN_FEMALE = (
    "晓燕", "丽萍", "雅琴", "海燕", "敏", "雪", "婷婷", "丽娟", "小芳", "静", "秀英", "红梅", "玉兰", "慧", "佳怡",
    "欣怡", "梦琪", "思雨", "晓梅", "春花", "琳", "颖", "倩", "洁", "莉", "芳", "艳", "娜", "雯雯", "诗涵",
)
SHOP_WORDS = (
    "康宁", "仁和", "济民", "安康", "惠民", "百草", "同心", "博爱", "和顺", "瑞华", "嘉禾", "益寿", "德仁", "明德",
    "恒泰", "长青", "锦程", "华康", "天成", "永信", "众诚", "雅美", "丝语", "金剪", "悦颜", "清泉", "碧水", "顺达",
)


def pick(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


@dataclass
class Person:
    name: str
    sex: str  # 男 | 女
    birth: dt.date
    id_number: str
    mobile: str
    home: str

    def age_on(self, day: dt.date) -> int:
        return day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))


class World:
    """Random draws of invented people, places and organisations, all from one ``rng``."""

    def __init__(self, rng: random.Random, district: District):
        self.rng, self.district = rng, district
        self._used_names: set[str] = set()

    # people
    def person_name(self, sex: str | None = None) -> tuple[str, str]:
        rng = self.rng
        for _ in range(100):
            s = sex or pick(rng, ("男", "女"))
            name = pick(rng, SURNAMES) + pick(rng, GIVEN_MALE if s == "男" else GIVEN_FEMALE)
            if name not in self._used_names:
                self._used_names.add(name)
                return name, s
        raise RuntimeError("ran out of names")

    def id_number(self, birth: dt.date, sex: str) -> str:
        seq = self.rng.randrange(0, 100) * 10 + self.rng.randrange(0, 5) * 2 + (1 if sex == "男" else 0)
        first17 = f"{self.district.code}{birth:%Y%m%d}{seq:03d}"
        return first17 + id_check(first17)

    def mobile(self) -> str:
        return pick(self.rng, ("13", "15", "18", "17")) + str(self.rng.randrange(1, 10)) + "".join(
            str(self.rng.randrange(10)) for _ in range(8)
        )

    def landline(self) -> str:
        n = 8 if len(self.district.phone_area) <= 3 else 8
        first = str(self.rng.randrange(2, 9))
        return f"{self.district.phone_area}-{first}{''.join(str(self.rng.randrange(10)) for _ in range(n - 1))}"

    def address(self, *, floor: bool = False, home: bool = False) -> str:
        rng, dd = self.rng, self.district
        road = pick(rng, dd.roads)
        base = f"{dd.city}{dd.name}{road}{rng.randrange(2, 400)}号"
        if home:
            return f"{dd.city}{dd.name}{pick(rng, ('阳光', '金色', '翠苑', '锦绣', '和平', '江南', '新城', '枫林'))}" \
                   f"{pick(rng, ('花园', '小区', '家园', '新村', '公寓'))}{rng.randrange(1, 30)}幢" \
                   f"{rng.randrange(1, 6)}单元{rng.randrange(1, 25)}0{rng.randrange(1, 5)}室"
        if floor:
            base += f"{rng.randrange(1, 4)}楼"
        return base

    def person(self, *, sex: str | None = None, age: tuple[int, int] = (26, 62), on: dt.date) -> Person:
        name, s = self.person_name(sex)
        years = self.rng.randrange(age[0], age[1])
        birth = dt.date(on.year - years, self.rng.randrange(1, 13), self.rng.randrange(1, 29))
        return Person(name, s, birth, self.id_number(birth, s), self.mobile(), self.address(home=True))

    # organisations
    def credit_code(self, prefix: str) -> str:
        """18-character USCC: registration authority + type (prefix), division, org code, check."""
        rng = self.rng
        body = "MA" + "".join(pick(rng, USCC_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(6))
        body = body[:8]
        if any(ch not in ORG_CODE_CHARS for ch in body):
            raise AssertionError(body)
        org = body + org_code_check(body)
        first17 = prefix + self.district.code + org
        return first17 + uscc_check(first17)

    def shop_word(self) -> str:
        return pick(self.rng, SHOP_WORDS)

    def officer_certificate(self, style: str, serial: int) -> str:
        """Enforcement certificate number; the format differs by province."""
        code, year = self.district.code, self.rng.choice(("19", "20", "21", "22"))
        if style == "prefixed":
            return f"{code[:2]}{code[2:6]}{year}{serial:04d}"
        if style == "letters":
            return f"WJ{code}{year}{serial:03d}"
        return f"{code}{year}{serial:03d}"
