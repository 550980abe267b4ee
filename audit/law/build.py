"""Build the article index (checklists/law/articles/*.json) from the statute texts.

Usage::

    python -m audit.law.build --laws ../shared/laws --out checklists/law

Input format (see the laws README): line 1 is a header
``# 标题 | 发布机关：… | 版本：YYYY-MM-DD（…） | 施行：…（flk元数据：…） | 全文/摘录（…）``;
blockquote lines carry the source; chapters are ``## 第X章 …``, sections ``### 第X节 …``;
an article is a paragraph starting ``第X条 `` and runs until the next article or heading.
Within an article each non-item paragraph is a 款 (paragraph); lines starting with
``（一）`` / ``(一)`` are 项 (items) of the current 款. A non-item paragraph after an
item list starts a new 款.

Output: one JSON file per statute file, deterministic (sorted keys, ``ensure_ascii=False``,
``indent=1``, trailing newline).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from audit.parse.numerals import chinese_to_int

ARTICLE_RE = re.compile(r"^第([零〇一二三四五六七八九十百]+)条[ 　]+(.*)$")
ITEM_RE = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
CHAPTER_RE = re.compile(r"^##\s+(.+?)\s*$")
SECTION_RE = re.compile(r"^###\s+(.+?)\s*$")
DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")
EFFECTIVE_META_RE = re.compile(r"施行日期\s*(\d{4}-\d{2}-\d{2})")

ARTICLES_DIR = "articles"


def parse_header(line: str) -> dict[str, Any]:
    """Split the line-1 header into title, issuer, version date, effective date, scope."""
    if not line.startswith("# "):
        raise ValueError(f"not a header line: {line[:40]!r}")
    fields = [f.strip() for f in line[2:].split(" | ")]
    title = fields[0]
    out: dict[str, Any] = {"title": title, "issuer": None, "version_date": None,
                           "effective_from": None, "effective_clause": None, "scope": None}
    for field in fields[1:]:
        if field.startswith("发布机关："):
            out["issuer"] = field.removeprefix("发布机关：")
        elif field.startswith("版本："):
            m = DATE_RE.search(field)
            out["version_date"] = m[1] if m else None
        elif field.startswith("施行："):
            body = field.removeprefix("施行：")
            # The statute's own clause is the part before the （flk元数据：…） note.
            out["effective_clause"] = body.split("（flk元数据")[0].strip()
            m = EFFECTIVE_META_RE.search(body)
            out["effective_from"] = m[1] if m else None
        elif field.startswith(("全文", "摘录")):
            out["scope"] = field[:2]
    return out


def parse_readme_table(readme: Path) -> dict[str, dict[str, str]]:
    """Rows of the README file table keyed by file stem (columns by header name)."""
    rows: dict[str, dict[str, str]] = {}
    if not readme.exists():
        return rows
    header: list[str] | None = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = None if not line.strip() else header
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        if header and header[0] == "文件":
            row = dict(zip(header, cells, strict=False))
            stem = row["文件"].strip("`").removesuffix(".md")
            rows[stem] = row
    return rows


def parse_articles(lines: list[str]) -> dict[int, dict[str, Any]]:
    """Articles of a statute body; ``lines`` are the file's lines after the header."""
    articles: dict[int, dict[str, Any]] = {}
    chapter: str | None = None
    section: str | None = None
    current: dict[str, Any] | None = None
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(">"):
            continue
        if m := SECTION_RE.match(line):
            section, current = m[1], None
            continue
        if m := CHAPTER_RE.match(line):
            chapter, section, current = m[1], None, None
            continue
        if m := ARTICLE_RE.match(line):
            number = chinese_to_int(m[1])
            if number is None or number in articles:
                raise ValueError(f"bad or duplicate article number: {line[:30]!r}")
            current = {"number": number, "label": f"第{m[1]}条", "chapter": chapter,
                       "section": section, "paragraphs": [{"text": m[2].strip(), "items": []}]}
            articles[number] = current
            continue
        if current is None:
            continue  # enactment history lines before the first article
        if ITEM_RE.match(line):
            current["paragraphs"][-1]["items"].append(line)
        else:
            current["paragraphs"].append({"text": line, "items": []})
    for art in articles.values():
        parts: list[str] = []
        for para in art["paragraphs"]:
            parts.append(para["text"])
            parts.extend(para["items"])
        art["text"] = "\n".join(p for p in parts if p)
    return articles


def build_instrument(path: Path, readme_rows: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The JSON document for one statute file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = parse_header(lines[0])
    source = next((ln.removeprefix("> ").removeprefix("来源 Source：").strip()
                   for ln in lines[1:] if ln.startswith("> 来源")), None)
    row = readme_rows.get(path.stem, {})
    title = head["title"]
    articles = parse_articles(lines[1:])
    return {
        "id": path.stem,
        "title": title,
        "short_title": title.removeprefix("中华人民共和国"),
        "issuer": head["issuer"],
        "version_date": head["version_date"],
        "effective_from": head["effective_from"],
        "effective_clause": head["effective_clause"],
        "status_note": row.get("状态"),
        "scope": head["scope"],
        "source": source,
        "article_count": len(articles),
        "articles": {str(n): articles[n] for n in sorted(articles)},
    }


def dump(doc: dict[str, Any]) -> str:
    """Deterministic JSON text."""
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def build(laws_dir: Path, out_dir: Path) -> list[Path]:
    """Write ``out_dir/articles/<stem>.json`` for every ``laws_dir/*.md`` except the README."""
    target = out_dir / ARTICLES_DIR
    target.mkdir(parents=True, exist_ok=True)
    rows = parse_readme_table(laws_dir / "README.md")
    written: list[Path] = []
    sources = sorted(p for p in laws_dir.glob("*.md") if p.name != "README.md")
    for stale in target.glob("*.json"):
        if stale.stem not in {p.stem for p in sources}:
            stale.unlink()
    for path in sources:
        out = target / f"{path.stem}.json"
        out.write_text(dump(build_instrument(path, rows)), encoding="utf-8")
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--laws", type=Path, default=Path("../shared/laws"))
    parser.add_argument("--out", type=Path, default=Path("checklists/law"))
    args = parser.parse_args(argv)
    if not args.laws.is_dir():
        print(f"laws directory not found: {args.laws}", file=sys.stderr)
        return 2
    written = build(args.laws, args.out)
    total = sum(json.loads(p.read_text(encoding="utf-8"))["article_count"] for p in written)
    print(f"{len(written)} instrument versions, {total} articles -> {args.out / ARTICLES_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
