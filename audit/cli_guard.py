"""How every ``audit`` command ends: a result, a bilingual line, or a clean interruption.

- Ctrl-C (SIGINT) and SIGTERM stop the command without a traceback: worker processes are
  stopped by the pools as the interruption unwinds, finished cases stay on disk, and one
  line says so (exit 130; 143 for SIGTERM).
- An input error ends with its bilingual line (exit 2); a defect of this program with a
  bilingual line naming it (exit 3), never a traceback. ``AUDIT_DEBUG=1`` re-raises.

Exit codes of ``audit``: 0 no defect, 1 defect found, 2 unusable input, 3 internal error.
"""

from __future__ import annotations

import os
import signal
import sys

import click

from audit.errors import AuditError, internal

INTERRUPTED = ("已中断；已完成的案卷已保存，重新运行同一命令即可继续 / "
               "Interrupted; finished cases are saved, run the same command again to continue")
EXIT_INTERNAL = 3


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread like Ctrl-C."""


def _on_sigterm(signum, frame) -> None:  # noqa: ARG001
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: the unwinding must not be interrupted
    raise Terminated()


class AuditGroup(click.Group):
    """The ``audit`` group: commands run under :func:`guarded`.

    ``lazy_commands`` maps a command name to ``"module:attribute"``: that module is imported
    only when the command is run or listed (``audit check`` does not import the OCR, law,
    statistics or web modules; ``--help`` still lists every command).
    """

    def __init__(self, *args, lazy_commands: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            import importlib

            module, _, attr = self.lazy_commands[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attr)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        return guarded(lambda: super(AuditGroup, self).invoke(ctx))


def guarded(call):
    """Run ``call`` (a command), ending in a bilingual line instead of a traceback."""
    try:
        if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
            signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (a test runner): leave signals alone
        pass
    try:
        return call()
    except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
        raise
    except KeyboardInterrupt as exc:
        _quiet_exit(INTERRUPTED, 143 if isinstance(exc, Terminated) else 130)
    except AuditError as exc:
        _quiet_exit(exc.message(), exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last guard: a line, not a traceback
        if os.environ.get("AUDIT_DEBUG"):
            raise
        detail = f"{type(exc).__name__}: {exc}"[:300]
        _quiet_exit(internal(detail).message(), EXIT_INTERNAL)


def _quiet_exit(message: str, code: int) -> None:
    try:
        click.echo(("\n" if sys.stderr.isatty() else "") + message, err=True)
    except (OSError, ValueError):  # a closed or broken stderr: the exit code still tells
        pass
    sys.exit(code)
