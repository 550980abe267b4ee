"""Parsed YAML kept in the cache folder: same data, keyed by the text, a broken entry re-parsed."""

from __future__ import annotations

import io

from audit import checklists


def _text() -> str:
    return "items:\n" + "".join(f"  - {{code: R{i:04d}, title: 规则{i}, date: 2024-01-{i % 28 + 1:02d}}}\n"
                                for i in range(200))


def test_large_texts_are_parsed_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path))
    text = _text()
    assert len(text) >= checklists.PARSED_MIN_CHARS
    first = checklists.safe_load(io.StringIO(text))
    entries = list((tmp_path / "yaml").rglob("*.pickle"))
    assert len(entries) == 1
    assert checklists.safe_load(text) == first == checklists.yaml.safe_load(text)
    first["items"].clear()  # callers get their own objects
    assert len(checklists.safe_load(text)["items"]) == 200
    entries[0].write_bytes(b"not a pickle")
    assert checklists.safe_load(text.encode("utf-8")) == checklists.yaml.safe_load(text)
    changed = text.replace("规则7", "规则七")
    assert checklists.safe_load(changed) != checklists.safe_load(text)


def test_small_texts_are_parsed_directly(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path))
    assert checklists.safe_load("a: 1") == {"a": 1}
    assert not (tmp_path / "yaml").exists()
