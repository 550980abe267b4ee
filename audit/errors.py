"""Errors a user sees: one clear line in Chinese and English, never a traceback."""

from __future__ import annotations


class AuditError(Exception):
    """Base of the errors the CLI turns into a message and an exit code."""

    exit_code = 2

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.code = code
        self.zh = zh
        self.en = en

    def message(self) -> str:
        return f"错误：{self.zh}\nError: {self.en}"


class InputError(AuditError):
    """The input cannot be read as a case file (missing, corrupt, encrypted, empty…)."""


def not_found(path: str) -> InputError:
    return InputError("not_found", f"找不到文件或文件夹：{path}", f"file or folder not found: {path}")


def unsupported(path: str) -> InputError:
    return InputError(
        "unsupported_type",
        f"不支持的文件类型：{path}（支持 PDF、OFD、Word（DOCX；DOC/WPS 需安装 LibreOffice）、TXT、"
        f"JPG/PNG/TIFF/HEIC 图片及其文件夹；其他文件请另存为 PDF）",
        f"unsupported file type: {path} (PDF, OFD, Word (DOCX; DOC/WPS need LibreOffice), TXT, "
        f"JPG/PNG/TIFF/HEIC images and folders of them are supported; save other files as PDF)",
    )


def needs_office(path: str) -> InputError:
    return InputError(
        "needs_office",
        f"无法读取 {path}：旧版 Word/WPS 文件需要安装 LibreOffice 才能转换。请在 Word 或 WPS 中打开该文件，"
        f"选择“文件 → 另存为”，保存为 .docx 或 PDF 后重新提交",
        f"cannot read {path}: old Word/WPS files need LibreOffice to convert. Open it in Word or WPS, "
        f"choose File → Save As, save as .docx or PDF and submit that instead",
    )


def empty(path: str) -> InputError:
    return InputError("empty", f"文件为空（0 字节）：{path}", f"the file is empty (0 bytes): {path}")


def encrypted(path: str) -> InputError:
    return InputError(
        "encrypted",
        f"PDF 已加密，无法读取，请提供未加密的文件：{path}",
        f"the PDF is encrypted and cannot be read; provide an unencrypted copy: {path}",
    )


def corrupt(path: str, detail: str) -> InputError:
    return InputError(
        "corrupt",
        f"文件已损坏或格式不正确，无法读取：{path}（{detail}）",
        f"the file is corrupt or not in the expected format: {path} ({detail})",
    )


def no_pages(path: str) -> InputError:
    return InputError(
        "no_pages",
        f"未在输入中找到可读取的页面：{path}",
        f"no readable page was found in the input: {path}",
    )


def too_large(path: str, what: str, limit: str, what_en: str | None = None, limit_en: str | None = None
              ) -> InputError:
    """``what``/``limit`` in Chinese; their English forms default to the same text."""
    return InputError(
        "too_large",
        f"文件超出处理上限（{what}，上限 {limit}），未处理：{path}",
        f"the input exceeds a processing limit ({what_en or what}, limit {limit_en or limit}) "
        f"and was not processed: {path}",
    )


def unreadable_text(path: str, share: float) -> InputError:
    return InputError(
        "unreadable_text",
        f"文本文件的编码无法识别（按 UTF-8、GB18030、GBK、Big5 解码后可识别的字符仅占 {share:.0%}），未处理：{path}",
        f"the text file's encoding is not recognised (decoded as UTF-8, GB18030, GBK or Big5, only "
        f"{share:.0%} of its characters are recognisable); not processed: {path}",
    )


def out_of_memory(path: str, limit_mb: float) -> InputError:
    return InputError(
        "out_of_memory",
        f"处理该案卷所需内存超过上限（{limit_mb:g} MB），已跳过：{path}",
        f"processing this case needed more memory than the limit ({limit_mb:g} MB) and it was skipped: {path}",
    )


class InternalError(AuditError):
    """A defect of this program, not of the input (exit code 3)."""

    exit_code = 3


def internal(detail: str) -> InternalError:
    return InternalError(
        "internal",
        f"程序内部错误，请将此信息报告给维护人员：{detail}",
        f"internal error; please report it to the maintainers: {detail}",
    )


def timed_out(path: str, seconds: float) -> InputError:
    return InputError(
        "timeout",
        f"处理超时（超过 {seconds:g} 秒），已跳过：{path}",
        f"processing timed out (over {seconds:g} s) and was skipped: {path}",
    )
