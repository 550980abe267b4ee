"""The self-check web application (Starlette): upload a case, watch it being read, see what
to fix, correct a mis-read field, download the report and the notice.

Local only: it answers requests addressed to the loopback interface only (``Host`` checked),
accepts state-changing requests only from its own pages (``audit.web.csrf``), and sends nothing anywhere; every page,
script and style is served from the package (no CDN).
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from audit import __version__
from audit.errors import AuditError
from audit.privacy import mask
from audit.web.csrf import guard, load_token, stamp_forms
from audit.web.jobs import VIEWS, Job, Workspace
from audit.web.uploads import Upload, case_name, save_uploads, upload_limit_bytes

log = logging.getLogger("audit.web")
HERE = Path(__file__).parent
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # no-referrer would make our own posts say Origin: null
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
PNG_CACHE_BYTES = 64 * 1024 * 1024  # rendered pages and crops kept for quick re-display


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("audit.web", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["g"] = lambda v: f"{v:g}"
    return env


class App:
    """Routes over one working folder."""

    def __init__(self, workspace: Workspace, masked: bool = True) -> None:
        self.ws = workspace
        self.masked = masked
        self._pngs: OrderedDict[tuple, bytes] = OrderedDict()
        self.csrf_token = load_token(workspace.root)

    # --- rendering helpers --------------------------------------------------------------

    def page(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("version", __version__)
        context.setdefault("workdir", str(self.ws.root))
        context.setdefault("masked", self.masked)
        html = _environment().get_template(template).render(**context)
        html = stamp_forms(mask(html) if self.masked else html, self.csrf_token)  # POST forms carry the token
        return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)

    def job_or_404(self, request: Request) -> Job:
        job = self.ws.get(request.path_params["job_id"])
        if job is None:
            raise HTTPException(404, "找不到这个案卷，可能已被清除。")
        return job

    def done_job(self, request: Request) -> Job:
        job = self.job_or_404(request)
        if job.status.state != "done":
            raise HTTPException(409, "案卷尚未读取完成。")
        return job

    # --- pages --------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        from audit.ingest import KNOWN_SUFFIXES

        return self.page("index.html.j2", jobs=self.ws.jobs(), limit_mb=upload_limit_bytes() // (1024 * 1024),
                         message=request.query_params.get("msg", ""), accept=",".join(sorted(KNOWN_SUFFIXES)))

    async def upload(self, request: Request) -> Response:
        from audit.web.refusals import from_exception, status_for

        wants_json = "application/json" in request.headers.get("accept", "")
        try:
            job = await self._receive(request)
        except (AuditError, HTTPException, OSError) as raised:
            exc = from_exception(raised)
            if exc is None:
                raise
            if wants_json:
                return JSONResponse({"error": exc.message()}, status_code=status_for(exc), headers=SECURITY_HEADERS)
            return self.page("error.html.j2", status_code=status_for(exc), message=exc.message())
        url = f"/cases/{job.id}?view={_view(request, (await request.form()).get('view'))}"
        if wants_json:
            return JSONResponse({"id": job.id, "url": url}, headers=SECURITY_HEADERS)
        return RedirectResponse(url, status_code=303)

    async def _receive(self, request: Request) -> Job:
        from audit.limits import LIMITS
        from audit.web.refusals import too_large

        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > upload_limit_bytes() + 1024 * 1024:
            raise too_large()
        form = await request.form(max_files=LIMITS.max_pages + 50, max_fields=LIMITS.max_pages + 50)
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        paths = [str(p) for p in form.getlist("paths")]
        if not files:
            raise AuditError("no_file", "请先选择要自查的案卷文件。", "choose the case file to check first")
        names = [paths[i] if i < len(paths) and paths[i] else f.filename for i, f in enumerate(files)]
        uploads = [Upload(name, f.file) for name, f in zip(names, files, strict=True)]
        job = self.ws.new_job(case_name(uploads))
        try:
            source, saved, notes = save_uploads(uploads, job.root / "input")
        except BaseException:
            self.ws.remove(_finished(job))
            raise
        job.meta.update(source=source, files=saved, notes=notes)
        self.ws.start(job)
        return job

    async def case_page(self, request: Request) -> Response:
        job = self.job_or_404(request)
        view = _view(request)
        if job.status.state != "done":
            return self.page("progress.html.j2", job=job, status=job.status.to_json(), view=view)
        return self.render_case(job, view, request.query_params.get("score") == "1")

    def render_case(self, job: Job, view: str, show_score: bool, error: str = "", status_code: int = 200,
                    ) -> Response:
        from audit.web.views import case_context

        findings, score = job.results(view)
        context = case_context(job.case(), job.id, findings, score, view, show_score)
        return self.page("case.html.j2", status_code=status_code, job=job, error=error, **context)

    async def status(self, request: Request) -> Response:
        job = self.job_or_404(request)
        return JSONResponse(job.status.to_json(), headers=SECURITY_HEADERS)

    # --- images -------------------------------------------------------------------------

    def _png(self, job: Job, page_number: int, box_text: str, crop: bool) -> bytes:
        key = (job.id, page_number, box_text, crop, len(job.meta.get("corrections", [])))
        if key in self._pngs:
            self._pngs.move_to_end(key)
            return self._pngs[key]
        data = _render_png(job, page_number, _parse_box(box_text), crop, self.masked)
        if data is None:
            raise HTTPException(404, "这一页没有可显示的图像。")
        self._pngs[key] = data
        while len(self._pngs) > 64 or (len(self._pngs) > 1 and sum(map(len, self._pngs.values())) > PNG_CACHE_BYTES):
            self._pngs.popitem(last=False)
        return data

    def page_png(self, request: Request) -> Response:
        job = self.done_job(request)
        data = self._png(job, request.path_params["page"], request.query_params.get("box", ""), crop=False)
        return Response(data, media_type="image/png", headers=SECURITY_HEADERS)

    def crop_png(self, request: Request) -> Response:
        job = self.done_job(request)
        data = self._png(job, request.path_params["page"], request.query_params.get("box", ""), crop=True)
        return Response(data, media_type="image/jpeg", headers=SECURITY_HEADERS)  # crops are JPEG

    # --- corrections --------------------------------------------------------------------

    async def correct(self, request: Request) -> Response:
        from audit.overrides import FIELD_NAMES, Override, find_document, normalise, save_override

        job = self.done_job(request)
        form = await request.form()
        view = _view(request, form.get("view"))
        doc_id, key = str(form.get("document", "")), str(form.get("field", ""))
        value = str(form.get("value", "")).strip()
        document, why = find_document(job.case(), doc_id)
        try:
            if document is None:
                raise ValueError(why)
            if key not in FIELD_NAMES:
                raise ValueError(f"“{key}”不是可更正的内容")
            normalise(key, value)
        except ValueError as exc:
            message = f"未能保存更正：{exc}"
            return self.render_case(job, view, False, error=message, status_code=400)
        entry = Override(document=document.id, field=key, value=value, reason=str(form.get("reason", "")).strip(),
                         who=str(form.get("who", "")).strip())
        save_override(job.source, entry)
        job.meta.setdefault("corrections", []).append({"document": document.id, "field": key})
        job.save_meta()
        job.corrections_changed()
        return RedirectResponse(f"/cases/{job.id}?view={view}#doc-{document.id}", status_code=303)

    async def undo(self, request: Request) -> Response:
        from audit.overrides import remove_override

        job = self.done_job(request)
        form = await request.form()
        doc_id, key = str(form.get("document", "")), str(form.get("field", ""))
        remove_override(job.source, doc_id, key)
        job.meta.setdefault("corrections", []).append({"document": doc_id, "field": key, "undone": True})
        job.save_meta()
        job.corrections_changed()
        return RedirectResponse(f"/cases/{job.id}?view={_view(request, form.get('view'))}#doc-{doc_id}",
                                status_code=303)

    # --- downloads ----------------------------------------------------------------------

    def report(self, request: Request) -> Response:
        from audit.report.html import render_html
        from audit.report.records import rule_set_version

        job = self.done_job(request)
        view = _view(request)
        findings, score = job.results(view)
        html = render_html(job.case(), findings, score, self.masked, rule_set_version(), job.profile_name(view),
                           crop_cache=False)  # nothing of the case outside its folder: "clear" removes all
        return Response(html, media_type="text/html; charset=utf-8",
                        headers={"Content-Disposition": _attachment(f"评查报告-{job.label}.html"),
                                 "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})

    def notice(self, request: Request) -> Response:
        from audit.report.notice import write_notice

        job = self.done_job(request)
        findings, _ = job.results(_view(request))
        path = write_notice(job.case(), findings, job.root / "out" / "notice.docx", masked=self.masked)
        return FileResponse(path, filename=f"整改通知书-{job.label}.docx", headers={"Cache-Control": "no-store"},
                            media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")

    # --- the working folder -------------------------------------------------------------

    async def delete(self, request: Request) -> Response:
        job = self.job_or_404(request)
        removed = self.ws.remove(job)
        if removed:  # the pictures of its pages go with it
            for key in [k for k in self._pngs if k[0] == job.id]:
                del self._pngs[key]
        msg = "已删除该案卷的全部文件。" if removed else "该案卷正在读取，读取完成后才能删除。"
        return RedirectResponse("/?" + _query(msg=msg), status_code=303)

    async def clear(self, request: Request) -> Response:
        kept = self.ws.clear()
        self._pngs.clear()
        msg = "已清除工作文件夹中的全部案卷。" if not kept else f"已清除；{kept} 个正在读取的案卷读取完成后可再清除。"
        return RedirectResponse("/?" + _query(msg=msg), status_code=303)


def _finished(job: Job) -> Job:
    job.status.state = "error"
    return job


def _view(request: Request, value: Any = None) -> str:
    view = str(value or request.query_params.get("view") or "self")
    return view if view in VIEWS else "self"


def _query(**params: str) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def _attachment(filename: str) -> str:
    return f"attachment; filename=\"report.html\"; filename*=UTF-8''{quote(filename)}"


def _parse_box(text: str) -> tuple[float, float, float, float] | None:
    """Four finite numbers within any page's reach, or None (the page is shown whole)."""
    import math

    try:
        values = [float(v) for v in text.split(",")[:5]]
    except ValueError:
        return None
    if len(values) != 4 or not all(math.isfinite(v) and abs(v) <= 1e5 for v in values):
        return None
    return tuple(values)  # type: ignore[return-value]


def _render_png(job: Job, page_number: int, box, crop: bool, masked: bool) -> bytes | None:
    """A page (box drawn) or the crop around a box, as PNG; personal numbers blacked out."""
    import base64

    from PIL import ImageDraw

    from audit.report.crops import PageImages, valid_box

    case = job.case()
    page = case.page(page_number)
    if page is None:
        return None
    images = PageImages(case, masked=masked, use_cache=False)  # kept in memory only: nothing outlives "clear"
    box = valid_box(box, page.width, page.height) if box else None
    if crop:
        uri = images.crop(page_number, box)
        return base64.b64decode(uri.split(",", 1)[1]) if uri else None
    image = images.page_image(page)
    if image is None:
        return None
    if box:
        draw = ImageDraw.Draw(image)
        x0, top, x1, bottom = (v * images.scale_of(page) for v in box)
        draw.rectangle([x0 - 4, top - 4, x1 + 4, bottom + 4], outline=(214, 40, 40), width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


async def _http_error(request: Request, exc: Exception) -> Response:
    code = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", "") or "出错了。"
    if code == 413:
        from audit.web.refusals import too_large

        detail = too_large().message()
    if request.url.path.endswith((".json", "/status")):
        return JSONResponse({"error": detail}, status_code=code)
    return _app_of(request).page("error.html.j2", status_code=code, message=detail)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    message = "处理请求时发生意外错误，请返回重试。如仍出错，请重新上传案卷。"
    return _app_of(request).page("error.html.j2", status_code=500, message=message)


def _app_of(request: Request) -> App:
    return request.app.state.audit


def create_app(workdir: Path, masked: bool = True, reader=None) -> Starlette:
    """The application over the working folder ``workdir``. ``reader`` replaces
    :func:`audit.pipeline.read_case` (tests)."""
    from starlette.middleware.base import BaseHTTPMiddleware

    app_ = App(Workspace(workdir, reader), masked=masked)
    routes = [
        Route("/", app_.index),
        Route("/cases", app_.upload, methods=["POST"]),
        Route("/clear", app_.clear, methods=["POST"]),
        Route("/cases/{job_id}", app_.case_page),
        Route("/cases/{job_id}/status", app_.status),
        Route("/cases/{job_id}/pages/{page:int}.png", app_.page_png),
        Route("/cases/{job_id}/crop/{page:int}.png", app_.crop_png),
        Route("/cases/{job_id}/fields", app_.correct, methods=["POST"]),
        Route("/cases/{job_id}/fields/undo", app_.undo, methods=["POST"]),
        Route("/cases/{job_id}/report.html", app_.report),
        Route("/cases/{job_id}/notice.docx", app_.notice),
        Route("/cases/{job_id}/delete", app_.delete, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette):
        yield
        app_.ws.close()

    from audit.web.refusals import BodyLimit

    options: dict[str, Any] = {}
    app = Starlette(
        routes=routes,
        middleware=[Middleware(BodyLimit, limit=upload_limit_bytes() + 1024 * 1024),  # bilingual 413
                    Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS),
                    Middleware(BaseHTTPMiddleware, dispatch=guard(lambda r: _app_of(r).csrf_token))],
        exception_handlers={HTTPException: _http_error, Exception: _unexpected},
        lifespan=lifespan,
        **options,
    )
    app.state.audit = app_
    return app
