"""Small pure helpers: check characters, Chinese numerals, money in capitals, working days.

Everything here is deterministic and free of I/O so the tests can table-test it.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

# --- identifiers ------------------------------------------------------------------------------

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015: no I, O, S, V, Z
ORG_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # letters valued A=10 … (GB 11714)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def org_code_check(first8: str) -> str:
    """GB 11714 check character of a 9-character organisation code."""
    s = sum(
        (int(ch) if ch.isdigit() else ord(ch) - 55) * w
        for ch, w in zip(first8, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)
    )
    c = 11 - s % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def uscc_check(first17: str) -> str:
    """GB 32100 check character (weights 3^(i-1) mod 31)."""
    total = sum(USCC_CHARS.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    return USCC_CHARS[(31 - total % 31) % 31]


def uscc_valid(code: str) -> bool:
    if len(code) != 18 or any(ch not in USCC_CHARS for ch in code):
        return False
    org = code[8:17]
    return code[17] == uscc_check(code[:17]) and org[8] == org_code_check(org[:8])


def id_check(first17: str) -> str:
    """GB 11643 check character (ISO 7064 MOD 11-2)."""
    total = sum(int(a) * w for a, w in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def id_valid(number: str) -> bool:
    return len(number) == 18 and number[:17].isdigit() and number[17] == id_check(number[:17])


def corrupt_check(code: str, alphabet: str) -> str:
    """The same code with a different (wrong) last character."""
    last = code[-1]
    for ch in alphabet:
        if ch != last:
            return code[:-1] + ch
    raise ValueError(code)


# --- Chinese numerals -------------------------------------------------------------------------

CN_DIGITS = "〇一二三四五六七八九"
NUM_DIGITS = "零一二三四五六七八九"
UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def cn_number(n: int) -> str:
    """Article numbering: 1 -> 一, 10 -> 十, 27 -> 二十七, 104 -> 一百零四, 110 -> 一百一十."""
    if n <= 0 or n >= 1000:
        raise ValueError(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += NUM_DIGITS[hundreds] + "百"
        if rest == 0:
            return out
        if tens == 0:
            return out + "零" + NUM_DIGITS[ones]
        out += NUM_DIGITS[tens] + "十"
    elif tens:
        out += ("" if tens == 1 else NUM_DIGITS[tens]) + "十"
    return out + (NUM_DIGITS[ones] if ones else "")


def cite(instrument: str, article: int, paragraph: int | None = None, item: int | None = None,
         *, full_title: bool = True, paren_item: bool = True) -> str:
    """《医疗机构管理条例》第四十七条第一款第（一）项."""
    title = instrument if full_title else instrument.replace("中华人民共和国", "")
    text = f"《{title}》第{cn_number(article)}条"
    if paragraph:
        text += f"第{cn_number(paragraph)}款"
    if item:
        text += f"第（{cn_number(item)}）项" if paren_item else f"第{cn_number(item)}项"
    return text


def article_ref(article: int, paragraph: int | None = None, item: int | None = None) -> str:
    """第四十七条第（一）项 (no title)."""
    text = f"第{cn_number(article)}条"
    if paragraph:
        text += f"第{cn_number(paragraph)}款"
    if item:
        text += f"第（{cn_number(item)}）项"
    return text


# --- dates ------------------------------------------------------------------------------------


def d(iso: str | dt.date) -> dt.date:
    return iso if isinstance(iso, dt.date) else dt.date.fromisoformat(iso)


def ymd(iso: str | dt.date, *, pad: bool = False) -> str:
    x = d(iso)
    return f"{x.year}年{x.month:02d}月{x.day:02d}日" if pad else f"{x.year}年{x.month}月{x.day}日"


def ymd_upper(iso: str | dt.date, zero: str = "〇") -> str:
    """二〇二三年六月六日 style, as printed under the agency's name on decisions."""

    def small(n: int) -> str:
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
        return head + (CN_DIGITS[ones] if ones else "")

    x = d(iso)
    year = "".join(CN_DIGITS[int(c)] for c in str(x.year)).replace("〇", zero)
    return f"{year}年{small(x.month)}月{small(x.day)}日"


def ymd_dotted(iso: str | dt.date) -> str:
    x = d(iso)
    return f"{x.year}.{x.month:02d}.{x.day:02d}"


def is_workday(day: dt.date) -> bool:
    return chinese_calendar.is_workday(day)


def add_workdays(start: str | dt.date, n: int) -> dt.date:
    """The n-th working day after ``start`` (n >= 0; 0 gives start itself)."""
    day = d(start)
    while n > 0:
        day += dt.timedelta(days=1)
        n -= is_workday(day)
    return day


def workday_on_or_after(day: str | dt.date) -> dt.date:
    x = d(day)
    while not is_workday(x):
        x += dt.timedelta(days=1)
    return x


def workdays_between(a: str | dt.date, b: str | dt.date) -> int:
    """Working days after a up to and including b (0 when b <= a)."""
    x, y, n = d(a), d(b), 0
    while x < y:
        x += dt.timedelta(days=1)
        n += is_workday(x)
    return n


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later (clamped to the month's end), as 三个月 is counted."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for dd in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, dd)
        except ValueError:
            continue
    raise ValueError(day)


# --- money ------------------------------------------------------------------------------------


def rmb_upper(n: int) -> str:
    """Whole-yuan amount in capitals: 20000 -> 贰万元整, 10500 -> 壹万零伍佰元整."""
    if n == 0:
        return "零元整"
    s, out, zero = str(n), "", False
    for i, ch in enumerate(s):
        pos = len(s) - 1 - i
        if ch == "0":
            zero = True
        else:
            out += ("零" if zero and out else "") + UPPER_DIGITS[int(ch)] + ["", "拾", "佰", "仟"][pos % 4]
            zero = False
        if pos % 4 == 0 and pos > 0 and int(s[max(0, i - 3): i + 1]):
            out += ["", "万", "亿"][pos // 4]
            zero = False if s[i] != "0" else zero
    return out + "元整"


def money_digits(n: int) -> str:
    return f"¥{n:,.2f}"


def rmb(n: int, *, style: str = "paren") -> str:
    """人民币贰万元整（¥20,000.00） — the form decisions use for a fine."""
    if style == "plain":
        return f"人民币{rmb_upper(n)}"
    if style == "yuan":
        return f"{n}元（大写：人民币{rmb_upper(n)}）"
    return f"人民币{rmb_upper(n)}（{money_digits(n)}）"


def wan(n: int) -> str:
    """10000 -> 1万元, 5000 -> 5000元 (as statute texts state limits)."""
    return f"{n // 10000}万元" if n % 10000 == 0 and n >= 10000 else f"{n}元"
