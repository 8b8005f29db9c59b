#!/usr/bin/env python3
"""Writes the binary sample documents in resources/samples (PDF, DOCX, ODT, EPUB) from the texts
below, with the standard library only, so they can be rebuilt and checked. Run from the checkout:
    python3 scripts/make-samples.py
"""
import os
import zipfile
from datetime import datetime, timezone

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "samples")

BLETCHLEY = [
    "Bletchley Park",
    "Bletchley Park in Buckinghamshire was the home of the Government Code and Cypher School during "
    "the Second World War. Alastair Denniston led it from 1939.",
    "Alan Turing and Gordon Welchman designed the Bombe, which was built by the British Tabulating "
    "Machine Company in Letchworth. Dilly Knox broke the Abwehr Enigma in 1941.",
    "Tommy Flowers of the Post Office Research Station at Dollis Hill built Colossus in 1943 to "
    "attack the Lorenz cipher. Max Newman led the section that used it, the Newmanry.",
]

HARVARD = [
    "The Harvard Mark I",
    "Howard Aiken proposed the Automatic Sequence Controlled Calculator in 1937. IBM built it in "
    "Endicott, New York, and gave it to Harvard University in 1944.",
    "Grace Hopper joined the project in 1944 as a lieutenant of the United States Navy and wrote "
    "its 561-page manual. Thomas Watson, the president of IBM, fell out with Aiken over the credit.",
]

MANCHESTER = [
    "The Manchester Baby",
    "Frederic Williams and Tom Kilburn built the Small-Scale Experimental Machine at the Victoria "
    "University of Manchester. It ran its first program on 21 June 1948.",
    "Ferranti of Manchester turned the design into the Ferranti Mark 1, sold from 1951. Alan Turing "
    "wrote its programming manual.",
]

EDSAC = [
    "EDSAC",
    "Maurice Wilkes built EDSAC at the University of Cambridge Mathematical Laboratory. It ran its "
    "first program on 6 May 1949.",
    "J. Lyons and Co. funded part of the work and built LEO I, the first computer used for business, "
    "in London in 1951. David Wheeler, a student of Wilkes, invented the subroutine call.",
]


def write_pdf(path, title, author, paragraphs):
    """A one-page PDF 1.4 with real text (Helvetica), wrapped by hand."""
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    lines = []
    for i, p in enumerate(paragraphs):
        words, line = p.split(), ""
        for w in words:
            if len(line) + len(w) + 1 > (60 if i == 0 else 88):
                lines.append((i == 0, line))
                line = w
            else:
                line = (line + " " + w).strip()
        lines.append((i == 0, line))
        lines.append((False, ""))
    ops = ["BT", "72 760 Td"]
    for heading, text in lines:
        ops.append("/F1 %d Tf" % (18 if heading else 11))
        ops.append("(%s) Tj" % esc(text))
        ops.append("0 -%d Td" % (26 if heading else 15))
    ops.append("ET")
    content = "\n".join(ops).encode("latin-1")
    now = datetime(2026, 11, 27, tzinfo=timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ("<< /Title (%s) /Author (%s) /Producer (Graphwright make-samples.py) /CreationDate (%s) >>"
         % (esc(title), esc(author), now)).encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_docx(path, title, author, paragraphs):
    body = "".join(
        '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % xml_escape(p) for p in paragraphs)
    files = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
        "word/document.xml":
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body>%s</w:body></w:document>" % body,
        "docProps/core.xml":
            '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:title>%s</dc:title><dc:creator>%s</dc:creator>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-27T12:00:00Z</dcterms:created></cp:coreProperties>'
            % (xml_escape(title), xml_escape(author)),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 11, 27, 12, 0, 0)), data)


def write_odt(path, title, author, paragraphs):
    body = '<text:h text:outline-level="1">%s</text:h>' % xml_escape(paragraphs[0]) + "".join(
        "<text:p>%s</text:p>" % xml_escape(p) for p in paragraphs[1:])
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')
    files = [
        ("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
        ("META-INF/manifest.xml",
         '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
         '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
         '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>',
         zipfile.ZIP_DEFLATED),
        ("content.xml",
         '<?xml version="1.0" encoding="UTF-8"?><office:document-content %s office:version="1.2">'
         "<office:body><office:text>%s</office:text></office:body></office:document-content>" % (ns, body),
         zipfile.ZIP_DEFLATED),
        ("meta.xml",
         '<?xml version="1.0" encoding="UTF-8"?><office:document-meta %s office:version="1.2"><office:meta>'
         "<dc:title>%s</dc:title><meta:initial-creator>%s</meta:initial-creator>"
         "<meta:creation-date>2026-11-27T12:00:00</meta:creation-date></office:meta></office:document-meta>"
         % (ns, xml_escape(title), xml_escape(author)),
         zipfile.ZIP_DEFLATED),
    ]
    with zipfile.ZipFile(path, "w") as z:
        for name, data, method in files:
            info = zipfile.ZipInfo(name, (2026, 11, 27, 12, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def write_epub(path, title, author, chapters):
    items, spine, files = [], [], []
    for i, paragraphs in enumerate(chapters, start=1):
        name = "chapter%d.xhtml" % i
        html = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
                "<title>%s</title><style>p { margin: 0 }</style></head><body><h1>%s</h1>%s</body></html>"
                % (xml_escape(paragraphs[0]), xml_escape(paragraphs[0]),
                   "".join("<p>%s</p>" % xml_escape(p) for p in paragraphs[1:])))
        files.append(("OEBPS/" + name, html))
        items.append('<item id="c%d" href="%s" media-type="application/xhtml+xml"/>' % (i, name))
        spine.append('<itemref idref="c%d"/>' % i)
    opf = ('<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">graphwright-sample-1</dc:identifier>'
           "<dc:title>%s</dc:title><dc:creator>%s</dc:creator><dc:language>en</dc:language><dc:date>2026-11-27</dc:date></metadata>"
           "<manifest>%s</manifest><spine>%s</spine></package>" % (xml_escape(title), xml_escape(author), "".join(items), "".join(spine)))
    container = ('<?xml version="1.0" encoding="UTF-8"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                 '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("mimetype", (2026, 11, 27, 12, 0, 0))
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, "application/epub+zip")
        for name, data in [("META-INF/container.xml", container), ("OEBPS/content.opf", opf)] + files:
            info = zipfile.ZipInfo(name, (2026, 11, 27, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    author = "Graphwright sample documents"
    write_pdf(os.path.join(OUT, "bletchley-park.pdf"), "Bletchley Park", author, BLETCHLEY)
    write_docx(os.path.join(OUT, "harvard-mark-i.docx"), "The Harvard Mark I", author, HARVARD)
    write_odt(os.path.join(OUT, "manchester-baby.odt"), "The Manchester Baby", author, MANCHESTER)
    write_epub(os.path.join(OUT, "early-computers.epub"), "Early Computers", author, [EDSAC, MANCHESTER])
    print("wrote the samples in", os.path.normpath(OUT))
