"""The notice's fonts, and what LibreOffice is told to use when the official ones are absent.

The notice names the fonts of official documents (仿宋_GB2312, 方正小标宋简体, 黑体,
楷体_GB2312, 宋体). Where they are not installed, LibreOffice searched for a substitute for every
run of text: measured here, 19 notices took 5.3 s in one call, 2.8 s with the names resolved
up front. A fontconfig file given to LibreOffice only
(``FONTCONFIG_FILE``, kept in the cache folder under ``office/``) keeps the system's configuration and adds, after each official name,
the CJK fonts it would fall back to anyway. An installed official font still comes first;
where none of the listed substitutes is installed, nothing changes.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from xml.sax.saxutils import escape

BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"  # GB/T 9704 practice; Word/WPS substitute if absent
HEADING_FONT, SUBHEADING_FONT = "黑体", "楷体_GB2312"
FOOTER_FONT = "宋体"
SYSTEM_CONF = Path("/etc/fonts/fonts.conf")
# What LibreOffice picked by itself on the machines we measured (WenQuanYi Zen Hei), then the
# other common CJK families of Linux distributions.
SUBSTITUTES = ("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC",
               "AR PL UMing CN", "Droid Sans Fallback")


def notice_fonts() -> tuple[str, ...]:
    return (BODY_FONT, TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, FOOTER_FONT)


def fontconfig_text(families: tuple[str, ...], substitutes: tuple[str, ...] = SUBSTITUTES) -> str:
    """A fontconfig file: the system's configuration, then each family with its substitutes."""
    accept = "".join(f"<family>{escape(s)}</family>" for s in substitutes)
    aliases = "\n".join(f'  <alias binding="same"><family>{escape(f)}</family><accept>{accept}</accept></alias>'
                        for f in families)
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <include ignore_missing="yes">{SYSTEM_CONF}</include>\n{aliases}\n</fontconfig>\n')


def office_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for a LibreOffice process that renders notices (unchanged without fontconfig)."""
    env = dict(os.environ if base is None else base)
    if not SYSTEM_CONF.is_file() or "FONTCONFIG_FILE" in env:
        return env  # not a fontconfig system, or the user chose a configuration: leave it
    text = fontconfig_text(notice_fonts())
    try:
        from audit.cache_admin import cache_root

        path = cache_root() / "office" / f"fonts-{hashlib.sha256(text.encode()).hexdigest()[:12]}.conf"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            from audit.atomic import write_atomic

            write_atomic(path, text.encode("utf-8"))
    except OSError:
        return env  # a read-only cache folder: LibreOffice searches as before
    env["FONTCONFIG_FILE"] = str(path)
    return env
