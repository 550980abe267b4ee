"""Bilingual lines for the upload limits of the self-check page (size, file count, a full
disk), instead of Starlette's English plain text or a generic error page."""

from __future__ import annotations

import errno

from starlette.exceptions import HTTPException

from audit import errors
from audit.errors import AuditError
from audit.limits import LIMITS


def too_large() -> AuditError:
    limit = f"{LIMITS.max_file_mb:g} MB"
    return errors.too_large("上传的文件 / the upload", "上传的文件合计过大", limit, "the files together are too large", limit)


def too_many(detail: str = "") -> AuditError:
    limit = LIMITS.max_pages
    return AuditError("too_many_files", f"一次上传的文件过多（上限 {limit} 个），请分批上传或合并为 PDF。",
                      f"too many files in one upload (limit {limit}); upload fewer or combine them into a PDF.")


def disk_full() -> AuditError:
    return AuditError("disk_full", "工作文件夹所在的磁盘已满，无法保存上传的文件。请清除不再需要的案卷或腾出磁盘空间后重试。",
                      "the disk of the working folder is full and the upload could not be saved; clear cases "
                      "you no longer need or free some space, then try again.")


def bad_form(detail: str) -> AuditError:
    return AuditError("bad_form", "上传的内容无法读取，请重新选择文件后上传。",
                      f"the upload could not be read ({detail}); choose the files again.")


def status_for(exc: AuditError) -> int:
    return {"too_large": 413, "too_many_files": 413, "disk_full": 507}.get(exc.code, 400)


def from_exception(exc: BaseException) -> AuditError | None:
    """The bilingual refusal for an exception met while receiving an upload, or None."""
    if isinstance(exc, AuditError):
        return exc
    if isinstance(exc, HTTPException):
        if exc.status_code == 413:
            return too_large()
        detail = str(exc.detail or "")
        if "Too many files" in detail or "Too many fields" in detail:
            return too_many(detail)
        return bad_form(detail)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full()
    return None


class BodyLimit:
    """ASGI middleware: a request body past ``limit`` bytes is refused with the bilingual
    line (413) — at once when its ``Content-Length`` says so, else (chunked) as its bytes
    arrive, where the upload handler turns the raised 413 into the same line."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            return await self._refuse(scope, receive, send, b"application/json" in headers.get(b"accept", b""))
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413)
            return message

        return await self.app(scope, counted, send)

    async def _refuse(self, scope, receive, send, wants_json: bool) -> None:
        from starlette.responses import HTMLResponse, JSONResponse

        message = too_large().message()
        if wants_json:
            response = JSONResponse({"error": message}, status_code=413)
        else:
            body = f"<!doctype html><meta charset=utf-8><title>文件过大</title><p>{message}</p>".replace("\n", "<br>")
            response = HTMLResponse(body, status_code=413)
        await response(scope, receive, send)
