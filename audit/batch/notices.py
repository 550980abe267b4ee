"""Notice PDFs for a whole batch in one LibreOffice call, only for notices that changed.

Starting LibreOffice costs seconds; one start per case made a re-audit of cached cases
spend 90 % of its time there (measured: 3.5 s of 3.8 s per case). Here the batch's notices
are converted together at the end, and a notice whose text is unchanged since its PDF was
made (same ``word/document.xml``, recorded beside the PDF) keeps its PDF.

A batch (:class:`BatchPdfs`) goes further: LibreOffice starts as soon as the first changed
notice is written, while the other cases are still audited, and stays running for the batch;
each group of notices written meanwhile is handed to it by a short ``soffice --convert-to``
call, which LibreOffice forwards to the running instance (its single-instance pipe, per user
profile) instead of starting again. Measured: the start (1.3 s, 1.3 s CPU) no longer follows
the audits but overlaps them, and the PDFs are the same (byte for byte, but for their dates
and checksum).
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from audit.report.office_fonts import office_env

KEY_FILE = ".notice.pdf.key"  # hash of the notice text the PDF beside it was made from
START_S = 90  # LibreOffice start-up allowance
PER_NOTICE_S = 5


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def notice_key(docx: Path) -> str:
    """Hash of the notice's text and layout (not of the zip, whose timestamps change)."""
    with zipfile.ZipFile(docx) as z:
        return hashlib.sha256(z.read("word/document.xml")).hexdigest()[:24]


def pending(folders: list[Path]) -> list[tuple[Path, str]]:
    """(notice.docx, key) of every folder whose notice.pdf is missing or out of date."""
    out = []
    for folder in folders:
        docx = folder / "notice.docx"
        try:
            key = notice_key(docx)
        except (OSError, KeyError, zipfile.BadZipFile):
            continue
        pdf, stored = folder / "notice.pdf", folder / KEY_FILE
        try:
            current = pdf.is_file() and stored.read_text(encoding="utf-8").strip() == key
        except OSError:
            current = False
        if not current:
            out.append((docx, key))
    return out


def make_pdfs(folders: list[Path]) -> int:
    """Convert the out-of-date notices under ``folders`` in one LibreOffice call.

    Returns the number of PDFs written; 0 without LibreOffice (the PDF is optional).
    """
    binary = office()
    todo = pending(folders)
    if binary is None or not todo:
        return 0
    with tempfile.TemporaryDirectory(prefix="notices-") as work:
        return _place(_convert(binary, Path(work), todo))


def _convert(binary: str, root: Path, todo: list[tuple[Path, str]], first: int = 0) -> list[tuple[Path, Path, str]]:
    """One ``soffice --convert-to`` call for ``todo`` with the profile under ``root`` (started
    there, or forwarded to the instance running with it): (PDF made, notice, key) of each made."""
    (root / "in").mkdir(exist_ok=True)
    names = []
    for i, (docx, _) in enumerate(todo, start=first):
        name = root / "in" / f"{i:06d}.docx"
        os.symlink(docx.resolve(), name)
        names.append(str(name))
    try:
        subprocess.run([binary, "--headless", f"-env:UserInstallation=file://{root / 'profile'}",
                        "--convert-to", "pdf", "--outdir", str(root / "out"), *names],
                       capture_output=True, timeout=START_S + PER_NOTICE_S * len(todo), env=office_env())
    except (subprocess.TimeoutExpired, OSError):
        pass  # whatever was converted before the limit is kept below
    return [(root / "out" / f"{i:06d}.pdf", docx, key) for i, (docx, key) in enumerate(todo, start=first)
            if (root / "out" / f"{i:06d}.pdf").is_file()]


def _place(made: list[tuple[Path, Path, str]]) -> int:
    """Move each PDF beside its notice, with the key of the text it was made from."""
    for pdf, docx, key in made:
        tmp = docx.parent / ".notice.pdf.tmp"
        shutil.move(str(pdf), tmp)
        os.replace(tmp, docx.parent / "notice.pdf")
        (docx.parent / KEY_FILE).write_text(key + "\n", encoding="utf-8")
    return len(made)


def _group_pids(group: int) -> Iterator[str]:
    """Process ids (as in /proc) of the live processes in process group ``group``."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) == group:
                yield pid
        except OSError:
            continue


def _ipc_ready(group: int) -> bool:
    """Whether a process of ``group`` listens on LibreOffice's single-instance pipe (Linux)."""
    try:
        with open("/proc/net/unix", encoding="utf-8", errors="replace") as fh:
            pipes = {parts[6] for parts in (line.split() for line in fh) if len(parts) >= 8
                     and "SingleOfficeIPC" in parts[7]}
        if not pipes:
            return False
        for pid in _group_pids(group):
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    link = os.readlink(f"/proc/{pid}/fd/{fd}")
                    if link.startswith("socket:[") and link[8:-1] in pipes:
                        return True
            except OSError:
                continue
    except OSError:
        return False
    return False


def _cores() -> int:
    from audit.ocr.options import available_cores

    return available_cores()


def _group_cpu_s(group: int) -> float:
    """CPU seconds used so far by the processes of ``group`` (and their reaped children)."""
    total = 0
    for pid in _group_pids(group):
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def _group_running(group: int) -> bool:
    """Whether a process of ``group`` still runs (a zombie left for init to reap does not)."""
    try:
        os.killpg(group, 0)
    except OSError:
        return False
    for pid in _group_pids(group):
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                if fh.read().rsplit(b")", 1)[1].split()[0] != b"Z":
                    return True
        except (OSError, IndexError):
            continue
    return False


class BatchPdfs:
    """The notice PDFs of one batch, made while it runs by one LibreOffice kept running.

    ``add(folders)`` as cases finish (their notices written), ``finish(folders)`` at the end:
    it converts what is still out of date, waits, and stops LibreOffice. Where the warm
    instance cannot be used (no ``/proc``, not POSIX) it converts in one call at the end, as
    :func:`make_pdfs` does. The instance runs in its own process group under a watchdog shell
    that ends the group when this program ends, however it ends.
    """

    SPLIT_AT = 6  # notices left at the end from which a second LibreOffice shares them
    READY_S = 5  # how long to wait for the started instance's pipe before converting anyway (its
    # pipe comes 0.2 s after the start; a call made before would start LibreOffice itself: slower, as right)

    def __init__(self, binary: str | None = None) -> None:
        self.binary = binary or office()
        self.warm = self.binary is not None and os.name == "posix" and sys.platform.startswith("linux")
        self.queue: queue.Queue = queue.Queue()
        self.thread: threading.Thread | None = None
        self.server: subprocess.Popen | None = None
        self.work: tempfile.TemporaryDirectory | None = None
        self.seen: set[Path] = set()
        self.converted: list[tuple[Path, Path, str]] = []
        self.sent = 0
        self.lock = threading.Lock()  # the server is started by the thread, stopped by the caller
        self.closed = False
        self.cpu_s = 0.0  # CPU seconds of the kept instance (not a waited-for child: not in rusage)

    def add(self, folders: list[Path]) -> None:
        """Queue the out-of-date notices under ``folders`` (starting LibreOffice for the first)."""
        if not self.warm:
            return
        todo = [(docx, key) for docx, key in pending(folders) if docx not in self.seen]
        if not todo:
            return
        self.seen.update(docx for docx, _ in todo)
        self.start()
        self.queue.put(todo)

    def start(self) -> None:
        """Start LibreOffice now (the batch knows PDFs will be made: a case folder has none yet)."""
        if self.warm and self.thread is None and not self.closed:
            self.work = tempfile.TemporaryDirectory(prefix="notices-", ignore_cleanup_errors=True)
            self.thread = threading.Thread(target=self._run, name="notice-pdfs", daemon=True)
            self.thread.start()

    def finish(self, folders: list[Path]) -> int:
        """Convert every notice under ``folders`` still out of date and put the PDFs of those
        folders in place (a case found to repeat another gets none); the number written."""
        if self.binary is None:
            return 0
        if not self.warm:
            return make_pdfs(folders)
        try:
            todo = [(docx, key) for docx, key in pending(folders) if docx not in self.seen]
            self.seen.update(docx for docx, _ in todo)
            while True:  # what the kept instance has not taken yet
                try:
                    item = self.queue.get_nowait()
                except queue.Empty:
                    break
                todo += item
            wanted = {Path(f) for f in folders}
            if self.thread is None:  # nothing was queued before the end: one call, as make_pdfs
                if todo:
                    with tempfile.TemporaryDirectory(prefix="notices-") as work:
                        return _place([item for item in _convert(self.binary, Path(work), todo)
                                       if item[1].parent in wanted])
                return 0
            # a long backlog is shared with a second LibreOffice, started for it: conversions cost
            # 0.2-0.3 s each, one instance converts one at a time, and a start costs 1.3 s
            share = len(todo) // 2 if len(todo) >= self.SPLIT_AT and _cores() >= 2 else 0
            if todo[share:]:
                self.queue.put(todo[share:])
            self.queue.put(None)
            if share:
                with tempfile.TemporaryDirectory(prefix="notices-") as work:
                    made = [item for item in _convert(self.binary, Path(work), todo[:share]) if item[1].parent in wanted]
                    _place(made)
                self.thread.join()
                return len(made) + _place([item for item in self.converted if item[1].parent in wanted])
            self.thread.join()
            return _place([item for item in self.converted if item[1].parent in wanted])
        finally:
            self._stop()

    def _run(self) -> None:
        assert self.work is not None
        root = Path(self.work.name)
        try:
            self._start(root)
        except OSError:
            self.server = None  # each call below then starts LibreOffice itself
        last = False
        while not last and not self.closed:
            todo: list[tuple[Path, str]] = []
            item = self.queue.get()
            while True:
                if item is None:
                    last = True
                    break
                todo += item
                try:
                    item = self.queue.get_nowait()
                except queue.Empty:
                    break
            if todo and not self.closed:
                try:
                    self.converted += _convert(self.binary, root, todo, first=self.sent)
                except OSError:
                    pass  # a notice that cannot be converted keeps no PDF (it is optional)
                self.sent += len(todo)

    def _start(self, root: Path) -> None:
        """LibreOffice with no document, ready for the calls to come (forwarded to it)."""
        watchdog = ('"$@" & child=$!; while kill -0 "$PARENT" 2>/dev/null && kill -0 "$child" 2>/dev/null;'
                    ' do sleep 0.5; done; kill -TERM 0')
        with self.lock:
            if self.closed:
                return
            server = self.server = subprocess.Popen(
                ["sh", "-c", watchdog, "sh", self.binary, "--headless", "--invisible", "--nodefault", "--nologo", "--norestore",
                 f"-env:UserInstallation=file://{root / 'profile'}"],
                env={**office_env(), "PARENT": str(os.getpid())}, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + self.READY_S
        while time.monotonic() < deadline and server.poll() is None and not self.closed:
            if _ipc_ready(server.pid):
                return
            time.sleep(0.05)

    def close(self) -> None:
        """Stop LibreOffice without converting more (an interrupted batch); no waiting."""
        self.closed = True
        self.queue.put(None)
        self._stop()

    def _stop(self) -> None:
        """End the instance at once (SIGKILL: it holds nothing to save; its profile is discarded:
        a SIGTERM kept it shutting down for 1.6 s)."""
        with self.lock:
            server, self.server = self.server, None
            if server is not None:
                self.cpu_s += _group_cpu_s(server.pid)
                try:
                    os.killpg(server.pid, signal.SIGKILL)
                except OSError:
                    pass
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    server.poll()  # the watchdog shell is ours to reap; the rest, init's
                    if not _group_running(server.pid):
                        break
                    time.sleep(0.01)
        if self.work is not None:
            self.work.cleanup()
            self.work = None
