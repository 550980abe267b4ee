"""The page accepts state-changing requests only from itself.

Three locks, each enough against a page on another site:

- ``Origin: null`` (a sandboxed iframe, a ``data:`` page) is refused, and an ``Origin``
  must name this very host and port;
- a browser's ``Sec-Fetch-Site``, when sent, must be ``same-origin``;
- every form the page serves carries a token (in its ``action``, so a 512 MB upload need not be
  parsed to check it; the upload script posts to the form's ``action``), and every POST must
  bring it back, as ``?csrf=`` or an ``X-CSRF-Token`` header. The token is random, kept in the
  working folder (0600) so that pages opened before a restart still work, and never sent to
  another site (``Referrer-Policy: same-origin``: the page's own posts then carry its real
  ``Origin``, which ``no-referrer`` would turn into ``null``).
"""

from __future__ import annotations

import hmac
import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
TOKEN_FILE = ".csrf-token"
FIELD = "csrf"
HEADER = "x-csrf-token"
_POST_FORM = re.compile(r'<form\b(?=[^>]*\bmethod="post")[^>]*?\baction="([^"]*)"', re.IGNORECASE)

REFUSED = ("请从本机的自查网页操作：该请求来自其他网页或已过期的页面，已拒绝。请刷新自查网页后重试。 / "
           "Refused: the request did not come from this computer's self-check page (or the page is out "
           "of date). Reload the self-check page and try again.")


def load_token(workdir: Path) -> str:
    """The working folder's token (created on first use)."""
    path = Path(workdir) / TOKEN_FILE
    try:
        token = path.read_text("ascii").strip()
        if len(token) >= 32:
            return token
    except (OSError, UnicodeDecodeError):
        pass
    token = secrets.token_urlsafe(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(token)
    except OSError:  # a read-only folder: the token lives as long as the server
        pass
    return token


def stamp_forms(html: str, token: str) -> str:
    """Every POST form of ``html`` with the token added to its ``action``."""
    def add(match: re.Match[str]) -> str:
        action = match.group(1)
        joiner = "&amp;" if "?" in action else "?"
        return match.group(0)[: -len(action) - 1] + f'{action}{joiner}{FIELD}={token}"'

    return _POST_FORM.sub(add, html)


def refusal(request: Request, token: str) -> str | None:
    """Why a state-changing ``request`` is refused, or None to let it through."""
    if request.method in SAFE_METHODS:
        return None
    origin = request.headers.get("origin")
    if origin is not None:
        if origin.strip().lower() == "null":
            return "origin null"
        if urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower():
            return "cross-origin"
    site = request.headers.get("sec-fetch-site")
    if site is not None and site != "same-origin":
        return f"sec-fetch-site {site}"
    given = request.query_params.get(FIELD) or request.headers.get(HEADER) or ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        return "token"
    return None


def guard(token_of):
    """A middleware ``dispatch`` that refuses what :func:`refusal` refuses (403, bilingual)."""
    async def dispatch(request: Request, call_next):
        why = refusal(request, token_of(request))
        if why is not None:
            return HTMLResponse(f"<!doctype html><meta charset=utf-8><title>已拒绝</title><p>{REFUSED}</p>",
                                status_code=403, headers={"Cache-Control": "no-store"})
        return await call_next(request)

    return dispatch
