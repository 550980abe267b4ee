"""Results history: every audit run, its cases and findings, in one SQLite file.

The store keeps what statistics need across months and what a re-audit is compared
with. Each case is filed under a *case key* — its case number (文号) when one was read,
else the content hash of its source, else its case id — so the same case audited in two
runs can be found again.

Writers take SQLite's write lock at the start of a run's transaction and wait up to
``BUSY_TIMEOUT_S`` for another writer; recording the same run id again replaces it.

Length: one SQLite schema with its migrations, writers and readers. Every query has to agree
with the schema and the migrations, so they stay in one file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

ENV_VAR = "AUDIT_HISTORY_DB"
DEFAULT_DB = Path("reports") / "history.sqlite"
BUSY_TIMEOUT_S = 30.0
STATUS_KEYS = ("pass", "fail", "needs_review", "not_applicable", "error")

# Each entry brings the schema from the previous version to the next; never edit a shipped
# entry, append a new one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE runs (
        run_id           TEXT PRIMARY KEY,
        started          TEXT,
        finished         TEXT,
        rule_set_version TEXT,
        profile          TEXT,
        standard         TEXT,
        source           TEXT,
        case_count       INTEGER NOT NULL DEFAULT 0,
        recorded         TEXT NOT NULL
    );
    CREATE TABLE cases (
        run_id              TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        case_id             TEXT NOT NULL,
        case_key            TEXT NOT NULL,
        content_hash        TEXT,
        case_number         TEXT,
        party               TEXT,
        agency              TEXT,
        officers            TEXT NOT NULL DEFAULT '[]',
        procedure           TEXT,
        cause               TEXT,
        filed               TEXT,
        decided             TEXT,
        closed              TEXT,
        fine_total          REAL,
        score               REAL,
        grade               TEXT,
        vetoed              INTEGER NOT NULL DEFAULT 0,
        standard            TEXT,
        needs_review_points REAL,
        by_dimension        TEXT NOT NULL DEFAULT '{}',
        n_pass              INTEGER NOT NULL DEFAULT 0,
        n_fail              INTEGER NOT NULL DEFAULT 0,
        n_needs_review      INTEGER NOT NULL DEFAULT 0,
        n_not_applicable    INTEGER NOT NULL DEFAULT 0,
        n_error             INTEGER NOT NULL DEFAULT 0,
        record              TEXT NOT NULL,
        PRIMARY KEY (run_id, case_id)
    );
    CREATE INDEX cases_by_key ON cases(case_key);
    CREATE INDEX cases_by_agency ON cases(agency);
    CREATE TABLE findings (
        run_id    TEXT NOT NULL,
        case_id   TEXT NOT NULL,
        seq       INTEGER NOT NULL,
        case_key  TEXT NOT NULL,
        rule      TEXT NOT NULL,
        title     TEXT,
        dimension TEXT,
        severity  TEXT,
        status    TEXT NOT NULL,
        points    REAL,
        document  TEXT,
        page      INTEGER,
        observed  TEXT,
        fix       TEXT,
        basis     TEXT,
        waived    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, case_id, seq),
        FOREIGN KEY (run_id, case_id) REFERENCES cases(run_id, case_id) ON DELETE CASCADE
    );
    CREATE INDEX findings_by_rule ON findings(rule, status);
    CREATE INDEX findings_by_key ON findings(case_key);
    """,
    # 2: a run's name ("2024年第一季度评查", audit batch --name), shown in stats and trends, and
    # its output folder, where the 典型问题汇编 finds the reports and crops
    "ALTER TABLE runs ADD COLUMN name TEXT; ALTER TABLE runs ADD COLUMN output TEXT",
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The history database cannot be used (newer schema, not a database…)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


def default_db_path() -> Path:
    """``$AUDIT_HISTORY_DB`` when set, else ``reports/history.sqlite``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DB)


def resolve_db_path(db_path: str | os.PathLike[str] | None) -> Path:
    return Path(db_path) if db_path else default_db_path()


def case_key(record: dict[str, Any]) -> str:
    """The key a case is filed under: case number, else content hash, else case id."""
    for name in ("case_number", "content_hash", "case_id"):
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    raise ValueError("a case record needs a case_number, content_hash or case_id")


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _version(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to ``SCHEMA_VERSION`` (under the write lock, re-checked inside it)."""
    if _version(conn) == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)")
        current = _version(conn)
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"评查历史库的结构版本（{current}）高于本工具支持的版本（{SCHEMA_VERSION}），请升级工具",
                f"the history database has schema version {current}, newer than this tool's {SCHEMA_VERSION}; upgrade the tool",
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version - 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version, applied) VALUES (?, ?)", (version, _now()))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@contextmanager
def connect(db_path: str | os.PathLike[str] | None = None) -> Iterator[sqlite3.Connection]:
    """Open the history database (creating or migrating its schema) and close it after use.

    The connection is in autocommit mode: writers open their own ``BEGIN IMMEDIATE``.
    """
    path = resolve_db_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        try:
            _wal(conn)
            _migrate(conn)
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"不是有效的评查历史库：{path}（{exc}）", f"not a valid history database: {path} ({exc})") from exc
        yield conn
    finally:
        conn.close()


def _wal(conn: sqlite3.Connection) -> None:
    """Switch to write-ahead logging. SQLite answers "database is locked" at once, without
    the busy handler, when another process is creating the same file or changing its mode at
    that moment, so the switch is retried up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def exists(db_path: str | os.PathLike[str] | None = None) -> bool:
    """Whether the history database file is there (readers do not create it)."""
    return resolve_db_path(db_path).is_file()


def schema_version(db_path: str | os.PathLike[str] | None = None) -> int:
    with connect(db_path) as conn:
        return conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]


def _case_row(run_id: str, key: str, r: dict[str, Any]) -> dict[str, Any]:
    counts = r.get("counts") or {}
    return {
        "run_id": run_id, "case_id": str(r.get("case_id") or key), "case_key": key,
        "content_hash": r.get("content_hash") or None, "case_number": r.get("case_number"),
        "party": r.get("party"), "agency": r.get("agency"),
        "officers": json.dumps(list(r.get("officers") or []), ensure_ascii=False),
        "procedure": r.get("procedure"), "cause": r.get("cause"),
        "filed": r.get("filed"), "decided": r.get("decided"), "closed": r.get("closed"),
        "fine_total": r.get("fine_total"), "score": r.get("score"), "grade": r.get("grade"),
        "vetoed": int(bool(r.get("vetoed"))), "standard": r.get("standard"),
        "needs_review_points": r.get("needs_review_points"),
        "by_dimension": json.dumps(r.get("by_dimension") or {}, ensure_ascii=False),
        **{f"n_{s}": int(counts.get(s, 0)) for s in STATUS_KEYS},
        "record": json.dumps(r, ensure_ascii=False, sort_keys=True, default=str),
    }


_FINDING_COLUMNS = ("rule", "title", "dimension", "severity", "status", "points", "document", "page",
                    "observed", "fix", "basis")


def record_run(db_path: str | os.PathLike[str] | None, run: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Store one run with its case records in a single transaction.

    Recording a run id that is already stored replaces it, so calling this twice with the
    same run leaves one copy.
    """
    run_id = str(run.get("run_id") or "").strip()
    if not run_id:
        raise ValueError("run['run_id'] is required")
    rows = []
    seen: set[str] = set()
    for r in records:
        row = _case_row(run_id, case_key(r), r)
        if row["case_id"] in seen:
            raise ValueError(f"case_id {row['case_id']!r} appears twice in run {run_id!r}")
        seen.add(row["case_id"])
        rows.append((row, r.get("findings") or []))
    with connect(db_path) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM runs WHERE run_id = ?", (run_id,))
            conn.execute(
                "INSERT INTO runs (run_id, started, finished, rule_set_version, profile, standard, source,"
                " case_count, recorded, name, output) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, run.get("started"), run.get("finished"), run.get("rule_set_version"),
                 run.get("profile"), run.get("standard"), _text(run.get("source")), len(rows), _now(),
                 _text(run.get("name")), _text(run.get("output"))),
            )
            for row, findings in rows:
                names = ", ".join(row)
                conn.execute(f"INSERT INTO cases ({names}) VALUES ({', '.join(':' + k for k in row)})", row)
                conn.executemany(
                    "INSERT INTO findings (run_id, case_id, seq, case_key, waived, "
                    + ", ".join(_FINDING_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, "
                    + ", ".join("?" * len(_FINDING_COLUMNS)) + ")",
                    [(run_id, row["case_id"], i, row["case_key"], int(bool(f.get("waived"))),
                      *(f.get(c) for c in _FINDING_COLUMNS)) for i, f in enumerate(findings)],
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


_RUN_ORDER = "COALESCE(r.started, r.recorded), r.run_id"


def list_runs(db_path: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
    """Every stored run, oldest first, with its case count, average score and its defects
    (``fails``), manual checks (``needs_review``) and waived findings, waived ones not counted
    as defects or checks."""
    if not exists(db_path):
        return []
    with connect(db_path) as conn:
        rows = conn.execute(
            "SELECT r.*, AVG(c.score) AS mean_score,"
            " (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.run_id AND f.status = 'fail' AND f.waived = 0) AS fails,"
            " (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.run_id AND f.status = 'needs_review' AND f.waived = 0)"
            " AS needs_review,"
            " (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.run_id AND f.waived = 1) AS waived"
            f" FROM runs r LEFT JOIN cases c ON c.run_id = r.run_id GROUP BY r.run_id ORDER BY {_RUN_ORDER}"
        ).fetchall()
    return [dict(r) for r in rows]


def load_records(db_path: str | os.PathLike[str] | None = None,
                 run_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The stored case records (as ``case_record`` made them), each with ``run_id``,
    ``case_key``, ``run_started`` and ``rule_set_version`` added; oldest run first."""
    wanted = None if run_ids is None else list(run_ids)
    sql = ("SELECT c.run_id, c.case_key, c.record, r.started, r.rule_set_version FROM cases c"
           " JOIN runs r ON r.run_id = c.run_id")
    params: list[Any] = []
    if wanted is not None:
        if not wanted:
            return []
        sql += f" WHERE c.run_id IN ({', '.join('?' * len(wanted))})"
        params = wanted
    if not exists(db_path):
        return []
    with connect(db_path) as conn:
        rows = conn.execute(sql + f" ORDER BY {_RUN_ORDER}, c.case_id", params).fetchall()
    out = []
    for row in rows:
        record = json.loads(row["record"])
        record.update(run_id=row["run_id"], case_key=row["case_key"], run_started=row["started"],
                      rule_set_version=row["rule_set_version"])
        out.append(record)
    return out


def _keys_for(conn: sqlite3.Connection, key: str) -> list[str]:
    """The case keys ``key`` names: itself if stored, else cases with that id, hash or number."""
    if conn.execute("SELECT 1 FROM cases WHERE case_key = ? LIMIT 1", (key,)).fetchone():
        return [key]
    rows = conn.execute(
        "SELECT DISTINCT case_key FROM cases WHERE case_id = ? OR content_hash = ? OR case_number = ?",
        (key, key, key),
    ).fetchall()
    return [r[0] for r in rows]


def case_history(db_path: str | os.PathLike[str] | None, case_key: str) -> list[dict[str, Any]]:
    """Every stored audit of one case, oldest first, each with its findings; ``n_fail`` and
    ``n_needs_review`` leave waived findings out (``n_waived`` counts them).

    ``case_key`` may also be a case id, content hash or case number the case was stored with.
    """
    if not exists(db_path):
        return []
    with connect(db_path) as conn:
        keys = _keys_for(conn, case_key)
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        cases = conn.execute(
            "SELECT c.run_id, c.case_id, c.case_key, c.case_number, c.content_hash, c.party, c.agency,"
            " c.officers, c.score, c.grade, c.vetoed, c.n_error,"
            " (SELECT COUNT(*) FROM findings f WHERE f.run_id = c.run_id AND f.case_id = c.case_id"
            "  AND f.status = 'fail' AND f.waived = 0) AS n_fail,"
            " (SELECT COUNT(*) FROM findings f WHERE f.run_id = c.run_id AND f.case_id = c.case_id"
            "  AND f.status = 'needs_review' AND f.waived = 0) AS n_needs_review,"
            " (SELECT COUNT(*) FROM findings f WHERE f.run_id = c.run_id AND f.case_id = c.case_id"
            "  AND f.waived = 1) AS n_waived,"
            " r.started, r.finished, r.rule_set_version, r.profile, r.standard"
            f" FROM cases c JOIN runs r ON r.run_id = c.run_id WHERE c.case_key IN ({marks})"
            f" ORDER BY {_RUN_ORDER}, c.case_id",
            keys,
        ).fetchall()
        out = []
        for c in cases:
            audit = dict(c)
            audit["officers"] = json.loads(audit["officers"])
            audit["vetoed"] = bool(audit["vetoed"])
            findings = conn.execute(
                "SELECT * FROM findings WHERE run_id = ? AND case_id = ? ORDER BY seq",
                (c["run_id"], c["case_id"]),
            ).fetchall()
            audit["findings"] = [
                {k: (bool(f[k]) if k == "waived" else f[k]) for k in ("waived", *_FINDING_COLUMNS)}
                for f in findings
            ]
            out.append(audit)
    return out


def _finding_key(f: dict[str, Any]) -> tuple[str, str]:
    return (f["rule"], f.get("document") or "")


def _diff(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> tuple[list, list, list]:
    """Findings added, resolved and changed (same rule and document, other status or waiver)."""
    left = Counter(_finding_key(f) for f in before)
    right = Counter(_finding_key(f) for f in after)
    added, resolved, changed = [], [], []
    used: Counter = Counter()
    prior: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in before:
        prior.setdefault(_finding_key(f), []).append(f)
    for f in after:
        k = _finding_key(f)
        if used[k] < left[k]:
            old = prior[k][used[k]]
            used[k] += 1
            if (old["status"], bool(old.get("waived"))) != (f["status"], bool(f.get("waived"))):
                changed.append({**f, "previous_status": old["status"], "previous_waived": bool(old.get("waived"))})
        else:
            added.append(f)
    for k, fs in prior.items():
        resolved.extend(fs[right[k]:] if right[k] < len(fs) else [])
    return added, resolved, changed


def _summary(audit: dict[str, Any]) -> dict[str, Any]:
    keys = ("run_id", "case_id", "started", "rule_set_version", "score", "grade", "vetoed", "n_fail",
            "n_needs_review", "n_waived")
    return {k: audit[k] for k in keys}


def case_changes(db_path: str | os.PathLike[str] | None, case_key: str) -> dict[str, Any]:
    """What changed between a case's last two audits: score delta, findings added/resolved.

    Findings are matched by rule and document; ``changed`` lists those matched whose status
    or waiver differs. With fewer than two audits ``previous`` is None and the lists are empty.
    """
    history = case_history(db_path, case_key)
    result: dict[str, Any] = {
        "case_key": history[-1]["case_key"] if history else case_key,
        "audits": len(history), "previous": None, "current": None, "score_delta": None,
        "grade_changed": False, "rule_set_changed": False, "added": [], "resolved": [], "changed": [],
    }
    if not history:
        return result
    current = history[-1]
    result["current"] = _summary(current)
    if len(history) < 2:
        return result
    previous = history[-2]
    result["previous"] = _summary(previous)
    if current["score"] is not None and previous["score"] is not None:
        result["score_delta"] = round(current["score"] - previous["score"], 2)
    result["grade_changed"] = current["grade"] != previous["grade"]
    result["rule_set_changed"] = current["rule_set_version"] != previous["rule_set_version"]
    result["added"], result["resolved"], result["changed"] = _diff(previous["findings"], current["findings"])
    return result
