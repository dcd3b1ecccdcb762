"""Write the default Word templates of the official documents (``templates/*.docx`` beside this module).

Run once when the layout changes (``python -m thidua.documents.make_templates``); the shipped artefacts are the .docx
files, which an office edits in Word like any document. They hold docxtpl tags (Jinja2): ``{{ number }}`` in a run,
``{%p for … %}`` on a paragraph of its own, ``{%tr for … %}`` on a table row of its own.

The layout is Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New
Roman 14 pt (13 pt for the «Số:» line, the national title and the signature titles' neighbours, 12 pt for «Nơi nhận»),
page numbers at the top centre from the second page, the header block of two columns with its short rules.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).parent / "templates"
FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
Container = DocxDocument | _Cell
VML, OFFICE = "urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office"

# The draft mark: a Word watermark (a VML text path across the page, as Word's own «Watermark» writes it) in the
# header, so that it is on every page; docxtpl keeps it only when the document is a draft.
WATERMARK = (
    f'<w:r {nsdecls("w")} xmlns:v="{VML}" xmlns:o="{OFFICE}"><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">'
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>'
    '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>'
    '<v:f eqn="sum @6 0 @5"/></v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="DuThao" o:spid="_x0000_s1025" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:420pt;height:105pt;rotation:315;z-index:-251657216;'
    "mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#c0c0c0" stroked="f">'
    '<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt;font-weight:bold" '
    'string="DỰ THẢO"/></v:shape></w:pict></w:r>'
)


# What may follow an element in its parent (ECMA-376 sequences): Word refuses a file whose children are out of order.
_AFTER = {
    "w:framePr": ("w:widowControl", "w:numPr", "w:pBdr", "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"),
    "w:pBdr": ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"),
    "w:rPr": ("w:sectPr", "w:pPrChange"),
    "w:tblBorders": ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
    "w:tblLayout": ("w:tblCellMar", "w:tblLook"),
    "w:pgBorders": ("w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:titlePg", "w:docGrid"),
}


def _place(parent: object, xml: str) -> None:
    """Add a child where the schema's sequence puts it."""
    element = parse_xml(xml)
    tag = element.tag.replace("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:")
    parent.insert_element_before(element, *_AFTER[tag])  # type: ignore[attr-defined]


def _fonts(element: object) -> None:
    """Times New Roman for every script of a run or style (Word picks the East Asian slot for some characters)."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def _base(doc: DocxDocument, *, landscape: bool = False, margins: tuple[float, float, float, float] = (20, 20, 30, 15)) -> None:
    """A4 (landscape for the certificates), the margins, Times New Roman 14, numbers from page 2."""
    section = doc.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    top, bottom, left, right = margins
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
        Mm(top),
        Mm(bottom),
        Mm(left),
        Mm(right),
    )
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    _fonts(normal.element)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    for name in ("Header", "Footer", "Table Grid"):
        if name in [s.name for s in doc.styles]:
            _fonts(doc.styles[name].element)
    props = doc.core_properties
    props.author, props.title, props.comments, props.revision = "thidua", "", "", 1
    props.last_modified_by = "thidua"


def _para(
    where: Container,
    text: str = "",
    *,
    align: WD_ALIGN_PARAGRAPH = LEFT,
    bold: bool = False,
    italic: bool = False,
    size: float = 14,
    before: float = 0,
    after: float = 0,
    indent: float = 0,
    first_line: float = 0,
) -> Paragraph:
    """A paragraph with one run (so that a docxtpl tag in it stays whole)."""
    p = where.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.left_indent = Mm(indent)
    if first_line:
        fmt.first_line_indent = Mm(first_line)
    if text:
        _run(p, text, bold=bold, italic=italic, size=size)
    else:  # an empty line as high as its size says: the paragraph mark's own size, not its style's
        half = round(size * 2)
        _place(p._p.get_or_add_pPr(), f'<w:rPr {nsdecls("w")}><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>')
    return p


def _run(p: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float = 14) -> None:
    run = p.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    _fonts(run._r)


def _tag(where: Container, tag: str) -> None:
    """A docxtpl paragraph tag (``{%p if draft %}``): the paragraph itself disappears when rendered."""
    _para(where, tag, size=2)


def _rule(where: Container, width_mm: float, cell_mm: float) -> None:
    """A short centred line (a paragraph's top border, the paragraph indented to the width), as under the header names."""
    p = _para(where, size=2, before=3)  # below the line above, not through it
    side = max((cell_mm - width_mm) / 2, 0)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    _place(
        p._p.get_or_add_pPr(), f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    )


def _borderless(table: object) -> None:
    tbl = table._tbl  # type: ignore[attr-defined]
    _place(
        tbl.tblPr,
        (
            f"<w:tblBorders {nsdecls('w')}>"
            + "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + "</w:tblBorders>"
        ),
    )


def _table(doc: DocxDocument, widths: tuple[float, ...], *, borders: bool = False) -> object:
    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if borders:
        table.style = doc.styles["Table Grid"]
    else:
        _borderless(table)
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Mm(width)  # LibreOffice lays a table out by its grid, Word by its cells: both are set
    _place(table._tbl.tblPr, f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>')
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def _draft_header(doc: DocxDocument, *, numbers: bool, text_mm: float = 165) -> None:
    """The headers: the draft mark on every page when it is a draft, the sample mark when the records are fictional;
    the page number (from page 2) when asked."""
    section = doc.sections[0]
    section.different_first_page_header_footer = numbers
    headers = [section.header] + ([section.first_page_header] if numbers else [])
    for header in headers:
        header.is_linked_to_previous = False
        first = header.paragraphs[0]
        first._p.getparent().remove(first._p)
        _tag(header, "{%p if draft %}")  # type: ignore[arg-type]
        mark = _para(header, "DỰ THẢO", bold=True, size=13)  # type: ignore[arg-type]
        _place(
            mark._p.get_or_add_pPr(),
            (
                f"<w:pBdr {nsdecls('w')}>"
                + "".join(
                    f'<w:{s} w:val="single" w:sz="8" w:space="2" w:color="000000"/>' for s in ("top", "left", "bottom", "right")
                )
                + "</w:pBdr>"
            ),
        )
        mark.paragraph_format.right_indent = Mm(text_mm - 30)
        mark._p.append(parse_xml(WATERMARK))
        _tag(header, "{%p endif %}")  # type: ignore[arg-type]
        _tag(header, "{%p if sample %}")  # type: ignore[arg-type]
        _para(header, "Dữ liệu minh họa: văn bản mẫu dựng từ hồ sơ hư cấu, không phải văn bản thật.", italic=True, size=11)  # type: ignore[arg-type]
        _tag(header, "{%p endif %}")  # type: ignore[arg-type]
        if header is not section.header or not numbers:
            _para(header, size=2)  # type: ignore[arg-type]  # Word wants a paragraph in every header
    if numbers:
        page = _para(section.header, align=CENTER, size=14)  # type: ignore[arg-type]
        for xml in (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            "<w:r><w:t>2</w:t></w:r>",
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        ):
            run = parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1))
            run.insert(0, parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'))
            page._p.append(run)


def _letterhead(doc: DocxDocument, *, dated: bool) -> None:
    """The header block (Phụ lục I, ô 1–5): the authority and the issuing body, their rule, the number; the national
    title, the motto and its rule, the place and date."""
    table = _table(doc, (62, 103))
    left, right = table.rows[0].cells  # type: ignore[attr-defined]
    _tag(left, "{%p if head.authority %}")
    _para(left, "{{ head.authority }}", align=CENTER, size=13)
    _tag(left, "{%p endif %}")
    _tag(left, "{%p for line in head.body %}")
    _para(left, "{{ line }}", align=CENTER, bold=True, size=13)
    _tag(left, "{%p endfor %}")
    _rule(left, 24, 62)
    _para(left, "Số: {{ number }}", align=CENTER, size=13, before=4)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=CENTER, bold=True, size=13)
    _para(right, "Độc lập - Tự do - Hạnh phúc", align=CENTER, bold=True, size=14)
    _rule(right, 64, 103)
    if dated:
        _para(right, "{{ place_date }}", align=CENTER, italic=True, size=14, before=4)


def _title(doc: DocxDocument, kind: str, *, subtitle: str = "{{ subject }}") -> None:
    _para(doc, kind, align=CENTER, bold=True, size=14, before=18)
    _para(doc, subtitle, align=CENTER, bold=True, size=14)
    _rule(doc, 40, 165)


def _body(doc: DocxDocument, text: str, *, italic: bool = False, bold: bool = False) -> None:
    _para(doc, text, align=JUSTIFY, italic=italic, bold=bold, before=6, first_line=10)


def _loop(doc: DocxDocument, head: str, text: str, *, italic: bool = False) -> None:
    _tag(doc, "{%p for " + head + " %}")
    _body(doc, text, italic=italic)
    _tag(doc, "{%p endfor %}")


def _signature(cell: _Cell, block: str) -> None:
    """One signer block (Phụ lục I, ô 7): the authority (TM., KT., TL.), the title, room to sign, the name."""
    _tag(cell, "{%p for line in " + block + ".lines %}")
    _para(cell, "{{ line }}", align=CENTER, bold=True, size=14)
    _tag(cell, "{%p endfor %}")
    for _ in range(4):
        _para(cell, size=14)
    _para(cell, "{{ " + block + ".name }}", align=CENTER, bold=True, size=14)


def _closing(doc: DocxDocument) -> None:
    """«Nơi nhận» on the left, the signer on the right."""
    _para(doc, size=6)
    table = _table(doc, (75, 90))
    left, right = table.rows[0].cells  # type: ignore[attr-defined]
    _tag(left, "{%p if recipients %}")
    _para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    _tag(left, "{%p endif %}")
    _tag(left, "{%p for r in recipients %}")
    _para(left, "- {{ r }}", size=11)
    _tag(left, "{%p endfor %}")
    _para(left, size=11)  # a cell must keep a paragraph when the list is empty
    _signature(right, "signer")


def _grid(doc: DocxDocument, columns: tuple[tuple[str, float], ...], cells: tuple[str, ...], loop: str) -> None:
    """A bordered table: a bold heading row, then one row per item (``{%tr for … %}`` rows around it)."""
    table = _table(doc, tuple(w for _, w in columns), borders=True)
    for cell, (heading, _) in zip(table.rows[0].cells, columns, strict=True):  # type: ignore[attr-defined]
        _para(cell, heading, align=CENTER, bold=True, size=13)
    for text in ("{%tr for " + loop + " %}", None, "{%tr endfor %}"):
        row = table.add_row()  # type: ignore[attr-defined]
        for index, cell in enumerate(row.cells):
            cell.width = Mm(columns[index][1])
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            if text is not None:
                _para(cell, text if index == 0 else "", size=13)
            else:
                _para(cell, cells[index], align=LEFT if index in (1, 2) else CENTER, size=13)


def decision() -> DocxDocument:
    """Quyết định khen thưởng, then its Danh sách kèm theo on a page of its own."""
    doc = Document()
    _base(doc)
    _draft_header(doc, numbers=True)
    _letterhead(doc, dated=True)
    _title(doc, "QUYẾT ĐỊNH", subtitle="{{ subject }}")
    _para(doc, "{{ issued_as }}", align=CENTER, bold=True, size=14, before=6, after=6)
    _loop(doc, "line in basis", "{{ line }}", italic=True)
    _para(doc, "QUYẾT ĐỊNH:", align=CENTER, bold=True, before=12, after=6)
    _tag(doc, "{%p for article in articles %}")
    p = _para(doc, align=JUSTIFY, before=6, first_line=10)
    _run(p, "{{ article.head }}", bold=True)
    _run(p, " {{ article.text }}")
    _tag(doc, "{%p endfor %}")
    _closing(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, "{{ annex.issuer }}", align=CENTER, bold=True, size=13)
    _para(doc, "DANH SÁCH", align=CENTER, bold=True, before=12)
    _para(doc, "{{ annex.title }}", align=CENTER, bold=True)
    _para(doc, "{{ annex.attached }}", align=CENTER, italic=True, after=12)
    _grid(
        doc,
        (("STT", 14), ("Tập thể, cá nhân", 50), ("Đơn vị", 42), ("Hình thức khen thưởng", 34), ("Số tiền (đồng)", 25)),
        ("{{ row.index }}", "{{ row.name }}", "{{ row.unit }}", "{{ row.award }}", "{{ row.amount }}"),
        "row in annex.rows",
    )
    _para(doc, "{{ annex.total }}", align=JUSTIFY, bold=True, before=6)
    _para(doc, "{{ annex.count }}", align=JUSTIFY, italic=True, before=6)
    return doc


def meeting() -> DocxDocument:
    """Biên bản họp of the emulation council: who, quorum, the vote on each nomination, the resolutions."""
    doc = Document()
    _base(doc)
    _draft_header(doc, numbers=True)
    _letterhead(doc, dated=False)
    _title(doc, "BIÊN BẢN", subtitle="{{ subject }}")
    _body(doc, "{{ opening }}")
    _body(doc, "I. THÀNH PHẦN", bold=True)
    _loop(doc, "line in attendance", "{{ line }}")
    _body(doc, "II. NỘI DUNG", bold=True)
    _loop(doc, "line in agenda", "{{ line }}")
    _grid(
        doc,
        (("STT", 14), ("Tập thể, cá nhân", 55), ("Đơn vị đề nghị", 42), ("Phiếu đồng ý", 24), ("Tỉ lệ", 30)),
        ("{{ row.index }}", "{{ row.name }}", "{{ row.unit }}", "{{ row.votes }}", "{{ row.share }}"),
        "row in votes",
    )
    _body(doc, "III. KẾT LUẬN", bold=True)
    _loop(doc, "line in conclusions", "{{ line }}")
    _body(doc, "{{ closing }}")
    _para(doc, size=6)
    table = _table(doc, (82, 83))
    left, right = table.rows[0].cells  # type: ignore[attr-defined]
    _signature(left, "secretary")
    _signature(right, "signer")
    return doc


def proposal() -> DocxDocument:
    """Tờ trình of a proposing unit: whom it proposes, for which award, on the strength of which meeting."""
    doc = Document()
    _base(doc)
    _draft_header(doc, numbers=True)
    _letterhead(doc, dated=True)
    _title(doc, "TỜ TRÌNH", subtitle="{{ subject }}")
    _para(doc, "Kính gửi: {{ addressee }}", align=CENTER, before=12, after=6)
    _loop(doc, "line in basis", "{{ line }}", italic=True)
    _body(doc, "{{ request }}")
    _grid(
        doc,
        (("STT", 14), ("Tập thể, cá nhân", 45), ("Chức vụ, đơn vị", 46), ("Tóm tắt thành tích", 60)),
        ("{{ row.index }}", "{{ row.name }}", "{{ row.unit }}", "{{ row.summary }}"),
        "row in rows",
    )
    _body(doc, "{{ closing }}")
    _closing(doc)
    return doc


def certificate() -> DocxDocument:
    """Giấy khen, the whole certificate on A4 landscape, with a double border."""
    doc = Document()
    _base(doc, landscape=True, margins=(15, 15, 20, 20))
    _draft_header(doc, numbers=False, text_mm=257)
    _place(
        doc.sections[0]._sectPr,
        (
            f'<w:pgBorders {nsdecls("w")} w:offsetFrom="page">'
            + "".join(
                f'<w:{s} w:val="double" w:sz="18" w:space="24" w:color="9B1C1C"/>' for s in ("top", "left", "bottom", "right")
            )
            + "</w:pgBorders>"
        ),
    )
    _para(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=CENTER, bold=True, size=14, before=6)
    _para(doc, "Độc lập - Tự do - Hạnh phúc", align=CENTER, bold=True, size=15)
    _rule(doc, 70, 257)
    _para(doc, "{{ conferred_by }}", align=CENTER, bold=True, size=16, before=14)
    _para(doc, "TẶNG", align=CENTER, bold=True, size=18, before=6)
    _para(doc, "GIẤY KHEN", align=CENTER, bold=True, size=40, before=2)
    _para(doc, "{{ name }}", align=CENTER, bold=True, italic=True, size=26, before=10)
    _tag(doc, "{%p if unit %}")
    _para(doc, "{{ unit }}", align=CENTER, size=16, before=2)
    _tag(doc, "{%p endif %}")
    _para(doc, "{{ citation }}", align=CENTER, italic=True, size=16, before=10, indent=0)
    _para(doc, size=8)
    table = _table(doc, (128, 129))
    left, right = table.rows[0].cells  # type: ignore[attr-defined]
    _para(left, size=14, before=20)
    _para(left, "{{ decision_line }}", align=CENTER, size=13)
    _para(left, "{{ book_line }}", align=CENTER, size=13)
    _para(right, "{{ place_date }}", align=CENTER, italic=True, size=14)
    _signature(right, "signer")
    return doc


# Where each field of the certificate is printed on a pre-printed blank, in millimetres from the page's top left corner
# (x, y, width): the usual A4 landscape blank, whose printed frame leaves the lines below for the text.
BLANK_FIELDS: tuple[tuple[str, float, float, float, float, bool, bool], ...] = (
    # text, x, y, width, size, bold, italic
    ("{{ name }}", 48, 98, 201, 24, True, True),
    ("{{ unit }}", 48, 113, 201, 15, False, False),
    ("{{ citation }}", 48, 124, 201, 15, False, True),
    ("{{ place_date }}", 155, 150, 110, 14, False, True),
    ("{{ decision_line }}", 30, 168, 100, 12, False, False),
    ("{{ signer.name }}", 155, 185, 110, 15, True, False),
)


def blank() -> DocxDocument:
    """Giấy khen, the fields only, each in a frame placed in millimetres on the page (for the pre-printed blanks)."""
    doc = Document()
    _base(doc, landscape=True, margins=(10, 10, 10, 10))
    _draft_header(doc, numbers=False, text_mm=277)
    for text, x, y, width, size, bold, italic in BLANK_FIELDS:
        p = _para(doc, text, align=CENTER, bold=bold, italic=italic, size=size)
        _place(
            p._p.get_or_add_pPr(),
            f'<w:framePr {nsdecls("w")} w:w="{round(width * 56.6929)}" w:hSpace="0" w:wrap="around" '
            f'w:vAnchor="page" w:hAnchor="page" w:x="{round(x * 56.6929)}" w:y="{round(y * 56.6929)}"/>',
        )
    _para(doc, size=2)  # an ordinary paragraph after the frames: LibreOffice anchors frames on the text that follows
    return doc


TEMPLATES: dict[str, Callable[[], DocxDocument]] = {
    "quyet-dinh.docx": decision,
    "bien-ban-hoi-dong.docx": meeting,
    "to-trinh.docx": proposal,
    "giay-khen.docx": certificate,
    "giay-khen-in-phoi.docx": blank,
}


def main(folder: Path = HERE) -> int:
    from .fixed_zip import fixed

    folder.mkdir(parents=True, exist_ok=True)
    for name, make in TEMPLATES.items():
        import io

        buffer = io.BytesIO()
        make().save(buffer)
        (folder / name).write_bytes(fixed(buffer.getvalue(), (2025, 1, 1, 0, 0, 0)))
        sys.stdout.write(f"{folder / name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
