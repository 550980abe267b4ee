"""The notice's DOCX saving: the same parts as python-docx's own save, in a zip anyone can read."""

import io
import zipfile

from audit.report.docxsave import new_document, save_document


def _parts(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        assert z.testzip() is None
        return {name: z.read(name) for name in z.namelist()}


def _ours(document) -> bytes:
    out = io.BytesIO()
    save_document(document, out)
    return out.getvalue()


def _theirs(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_same_parts_in_the_same_order_as_python_docx():
    document = new_document()
    document.add_paragraph("案卷评查整改通知书")
    _ = document.sections[0].footer.paragraphs[0].add_run("— 1 —")
    ours, theirs = _parts(_ours(document)), _parts(_theirs(document))
    assert list(ours) == list(theirs)
    assert ours == theirs


def test_each_document_starts_from_the_untouched_template():
    first = new_document()
    first.add_paragraph("甲")
    first.styles["Normal"].font.name = "黑体"  # a change to a template part of one document
    second = new_document()
    assert [p.text for p in second.paragraphs] == []
    assert second.styles["Normal"].font.name != "黑体"


def test_a_changed_part_is_compressed_anew():
    a = new_document()
    _parts(_ours(a))  # the template parts' compressed bytes are kept
    b = new_document()
    b.styles["Normal"].font.name = "黑体"
    assert _parts(_ours(b)) == _parts(_theirs(b))
    assert _parts(_ours(new_document())) == _parts(_theirs(new_document()))


def test_non_ascii_member_names():
    from audit.report.docxsave import ZipWriter

    out = io.BytesIO()
    writer = ZipWriter(out)
    writer.add("word/通知.xml", b"<a/>" * 2000)
    writer.add("b.txt", "文字".encode())
    writer.close()
    assert _parts(out.getvalue()) == {"word/通知.xml": b"<a/>" * 2000, "b.txt": "文字".encode()}
