"""A tiny PDF writer for test fixtures: text at given positions, CJK included.

The font is a non-embedded Type0/Identity-H font whose CIDs are the Unicode code points and
whose ToUnicode map says so; that gives a real text layer (what pypdf reads) without
shipping a font file. `encrypt` and `text=False` variants make the bad-input fixtures.
"""

from __future__ import annotations

Run = tuple[float, float, str]  # x, y (points from bottom-left), text

_TOUNICODE = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
    b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    b"1 beginbfrange <0000> <FFFF> <0000> endbfrange\n"
    b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
)


def _hex(text: str) -> str:
    return "".join(f"{ord(ch):04X}" for ch in text)


def build_pdf(pages: list[list[Run]], *, size: float = 10.0) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font_desc = add(
        b"<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -200 1000 900]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor %d 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>" % font_desc
    )
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(_TOUNICODE) + _TOUNICODE + b"endstream")
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, tounicode)
    )
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for runs in pages:
        ops = [f"BT /F1 {size} Tf"]
        for x, y, text in runs:
            ops.append(f"1 0 0 1 {x} {y} Tm <{_hex(text)}> Tj")
        ops.append("ET")
        content = "\n".join(ops).encode()
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 842 595] /Contents %d 0 R"
                b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, stream, font)
            )
        )
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % len(objects))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)
