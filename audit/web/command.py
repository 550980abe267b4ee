"""``audit serve``: start the self-check page on this computer."""

from __future__ import annotations

import errno
import os
import signal
import socket
import sys
from pathlib import Path

import click

from audit.cli_guard import Terminated

LOOPBACK = ("127.0.0.1", "localhost", "::1")
DEFAULT_PORT = 8765


def check_host(host: str) -> str:
    """The loopback address to listen on; anything else is refused (case files never leave
    this computer, and the page has no log-in)."""
    if host not in LOOPBACK:
        raise click.BadParameter(
            f"只能在本机地址（127.0.0.1）上运行，不能使用 {host} / only the loopback address is allowed, not {host}",
            param_hint="--host",
        )
    return "127.0.0.1" if host == "localhost" else host


def free_port(host: str, port: int) -> int:
    """``port`` if it can be bound (0: any free port); raises click.ClickException if taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        if sys.platform != "win32":  # as uvicorn binds: a closed server's lingering connections don't count
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise click.ClickException(
                    f"端口 {port} 已被占用（自查网页可能已经在运行，请直接打开 http://127.0.0.1:{port}/），"
                    f"或用 --port 指定其他端口 / port {port} is in use; open it or choose another with --port"
                ) from None
            raise
        return sock.getsockname()[1]


@click.command(name="serve")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="端口（0：任选一个空闲端口）/ port (0: any free port).")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="工作文件夹：上传的案卷和识别结果保存在这里 / working folder "
                   "(default: ~/.cache/casefile-audit/serve).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听地址：只允许本机地址 / listen address: loopback only.")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True,
              help="启动后打开浏览器 / open the page in the browser.")
@click.option("--no-mask", is_flag=True, help="显示完整的身份证号和电话号码（默认遮盖）/ show ID and phone numbers unmasked.")
def serve_command(port: int, workdir: Path | None, host: str, open_browser: bool, no_mask: bool) -> None:
    """打开执法人员自查网页（仅本机）/ Start the officers' self-check page on this computer.

    Upload a case (PDF, Word, images or a folder of scans), watch it being read, see what to
    fix and where, correct a mis-read field and check again, download the report and notice.
    Files stay in the working folder on this computer; the page can clear them.
    """
    import uvicorn

    from audit.web.app import create_app
    from audit.web.jobs import default_workdir
    from audit.web.warmup import start_warm_up

    host = check_host(host)
    port = free_port(host, port)
    folder = (workdir or default_workdir()).expanduser().resolve()
    app = create_app(folder, masked=not no_mask)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    click.echo(f"自查网页已启动：{url}（仅本机可访问；关闭本窗口或按 Ctrl+C 停止）")
    click.echo(f"工作文件夹：{folder}")
    from audit.cache_admin import prune
    from audit.pool import process_context

    prune()  # cached readings of command-line audits past their retention
    process_context()  # the OCR fork server, started here in the main thread: deaf to Ctrl-C from birth
    start_warm_up()  # the OCR model loads now, not when the first scanned case arrives
    click.echo("正在后台加载文字识别模型，加载完成前提交的扫描件会稍候开始识别")
    if open_browser and sys.stdout.isatty():
        import threading
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    server = _Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    try:
        server.run()
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM, re-raised by uvicorn after its graceful stop
        server.stopped_by = server.stopped_by or (signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT)
    _stopped({signal.SIGTERM: 143, signal.SIGINT: 130}.get(server.stopped_by))


class _Server:
    """uvicorn's server, remembering the signal that stopped it."""

    def __new__(cls, config):
        import uvicorn

        class Server(uvicorn.Server):
            stopped_by: int | None = None

            def handle_exit(self, sig, frame) -> None:
                self.stopped_by = sig
                super().handle_exit(sig, frame)

        return Server(config)


def _stopped(code: int | None) -> None:
    """After a signal: leave at once, a case being read abandoned (it is marked interrupted on
    the next start) and never waited for; the OCR workers end with this process
    (:mod:`audit.lifeline`). Otherwise stop the OCR workers and return."""
    click.echo("自查网页已停止 / the self-check page has stopped", err=True)
    if code is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    try:
        from audit.ocr.pages import close_pool

        close_pool()
    except ImportError:  # pragma: no cover - OCR dependencies missing
        pass
