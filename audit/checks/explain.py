"""What ``audit explain CODE`` shows: one rule with its basis (article text from the law
registry), why, what is expected, the finding's wording, the fix and its examples — as data
(``explain_rule``) and as text (``explain_text``), like ``ruff rule`` in Markdown or JSON.

The message templates are made readable: a placeholder (``{date}``) prints as "…", and the
rule's first failing (or needs-review) example is run so that the sentence a reviewer sees is
shown filled in.
"""

from __future__ import annotations

import difflib
import string
from typing import Any

from audit import labels
from audit.checks.engine import article_text, run_rule, veto_text
from audit.checks.examples import case_from_example
from audit.checks.registry import is_generic, variant_key
from audit.checks.rules import Rule, load_rules
from audit.model import Status

# whether a trainer can change the rule in its YAML alone (the check kind is generic) or the
# change needs code: what `audit explain` and `audit rules` show
CONFIGURABLE = {True: "规则文件可调", False: "需改代码"}
EXAMPLE_LABELS = (("fail", "不符合示例"), ("needs_review", "待人工核查示例"), ("pass", "符合示例"))


class UnknownRule(LookupError):
    """No rule has the code; ``near`` holds the closest codes."""

    def __init__(self, code: str, near: list[str]) -> None:
        super().__init__(code)
        self.code, self.near = code, near


class _Unfilled(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def readable(template: str) -> str:
    """A message template with every placeholder shown as "…"."""
    try:
        return string.Formatter().vformat(template, (), _Unfilled())
    except (ValueError, IndexError):  # stray braces: show the template as written
        return template


def find_rule(code: str, rules: list[Rule] | None = None) -> Rule:
    """The rule with ``code`` (any case), or :class:`UnknownRule` naming the nearest codes."""
    by_code = {r.code: r for r in (rules if rules is not None else load_rules())}
    rule = by_code.get(code.upper())
    if rule is None:
        raise UnknownRule(code, difflib.get_close_matches(code.upper(), by_code, n=3))
    return rule


def _filled(rule: Rule, example: dict[str, Any], expected: str) -> str | None:
    """The finding's observed sentence when the example gives the status it is filed under."""
    try:
        finding = run_rule(case_from_example(example), rule)
    except Exception:  # noqa: BLE001 - an explanation must print even if an example is broken
        return None
    return finding.observed if finding.status is Status(expected) else None


def explain_rule(rule: Rule) -> dict[str, Any]:
    """The explanation of ``rule`` as plain data (the JSON form of ``audit explain``)."""
    examples = []
    for key, label in EXAMPLE_LABELS:
        for example in rule.examples.get(key, [])[:1]:
            examples.append({
                "status": key, "label": label,
                "documents": [{"type": d["type"], "text": d.get("text", "")} for d in example["documents"]],
                "finding": None if key == "pass" else _filled(rule, example, key),
            })
    return {
        "code": rule.code, "name": rule.name, "title": rule.title, "dimension": rule.dimension,
        "severity": rule.severity.value, "severity_label": labels.severity(rule.severity),
        "points": rule.points, "applies_to": list(rule.applies_to), "kind": rule.kind,
        "inspection": labels.inspection(rule.kind, variant_key(rule.kind, rule.params)),
        "configurable": is_generic(rule.kind),
        "effective_from": rule.effective_from.isoformat() if rule.effective_from else None,
        "effective_to": rule.effective_to.isoformat() if rule.effective_to else None,
        "judged_on": rule.judged_on, "unchanged": rule.unchanged, "veto_basis": veto_text(rule),
        "basis": [{"instrument": b.instrument, "article": b.article, "version": b.version,
                   "text": b.text or article_text(b.instrument, b.article, b.version)} for b in rule.basis],
        "why": rule.why, "expect": readable(rule.expect), "observed": readable(rule.observed),
        "fix": readable(rule.fix), "examples": examples,
        "example_counts": {k: len(rule.examples.get(k, [])) for k, _ in EXAMPLE_LABELS},
        "source": rule.source,
    }


def explain_text(data: dict[str, Any]) -> str:
    """The explanation as the Chinese text ``audit explain`` prints."""
    from audit.parse.segment import type_names
    from audit.report.text import cite

    names = type_names()
    applies = "、".join(labels.procedure(p) for p in data["applies_to"])
    window = ""
    if data["effective_from"] or data["effective_to"]:
        window = f"　适用期间：{data['effective_from'] or '不限'}至{data['effective_to'] or '今'}"
    lines = [f"{data['code']} {data['title']}",
             f"维度：{data['dimension']}　严重程度：{data['severity_label']}　分值：{data['points']:g}",
             f"适用：{applies}{window}　检查方式：{data['inspection']}",
             f"调整方式：{CONFIGURABLE[data['configurable']]}"]
    for b in data["basis"]:
        lines.append(f"依据：{cite(b['instrument'], b['article'])}")
        if b["text"]:
            lines.append(f"　　{b['text']}")
    if data.get("veto_basis"):
        lines.append(f"否决依据：{data['veto_basis']}")
    if data.get("unchanged"):
        lines.append(f"不分版本的理由：{data['unchanged']}")
    lines += [f"为什么：{data['why']}", f"应当：{data['expect']}", f"发现问题时：{data['observed']}",
              f"整改建议：{data['fix']}"]
    for example in data["examples"]:
        lines.append(f"{example['label']}：")
        lines += [f"  〔{names.get(d['type'], d['type'])}〕{d['text'].replace(chr(10), ' / ')}" for d in example["documents"]]
        if example["finding"]:
            lines.append(f"  → 审查结论：{example['finding']}")
    counts = "，".join(f"{label[:-2]} {data['example_counts'][k]} 例" for k, label in EXAMPLE_LABELS
                      if data["example_counts"][k])
    lines.append(f"示例：{counts}（见 {data['source']}）")
    return "\n".join(lines)
