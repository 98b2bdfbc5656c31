/// Writes a plan's blocks as a minimal `.docx`: `[Content_Types].xml`, `_rels/.rels`,
/// `word/document.xml`, `word/styles.xml` and the relationship between the last two.
///
/// Titles and headings use the `Title` and `Heading1` styles, list items `ListBullet`,
/// bold paragraphs a bold run; some paragraphs are split into two runs, as Word does,
/// so that readers join runs. A table is followed by an empty paragraph when nothing
/// else would separate it from the end of the body (readers drop empty paragraphs).
enum DocxWriter {
    static func document(_ blocks: [PlanBlock]) throws -> [UInt8] {
        try ZipArchiveWriter.archive([
            .init(path: "[Content_Types].xml", text: contentTypes),
            .init(path: "_rels/.rels", text: packageRelationships),
            .init(path: "word/document.xml", text: body(blocks)),
            .init(path: "word/_rels/document.xml.rels", text: documentRelationships),
            .init(path: "word/styles.xml", text: styles),
        ])
    }

    static func body(_ blocks: [PlanBlock]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(namespace)"><w:body>
            """
        for (index, block) in blocks.enumerated() {
            switch block {
            case .title(let text): xml += paragraph(text, style: "Title")
            case .heading(let text): xml += paragraph(text, style: "Heading1")
            case .paragraph(let text, let bold): xml += paragraph(text, bold: bold, split: index % 3 == 0)
            case .listItem(let text): xml += paragraph(text, style: "ListBullet")
            case .tableRow(let cells, let isFirst):
                if isFirst { xml += tableStart(columns: cells.count) }
                xml += "<w:tr>" + cells.map { "<w:tc>\(paragraph($0, bold: isFirst))</w:tc>" }.joined() + "</w:tr>"
                if PlanBlock.endsTable(blocks, at: index) {
                    xml += "</w:tbl>"
                    if index + 1 == blocks.count { xml += "<w:p/>" }
                }
            }
            xml += "\n"
        }
        return xml + "<w:sectPr/></w:body></w:document>\n"
    }

    private static func paragraph(
        _ text: String, style: String? = nil, bold: Bool = false, split: Bool = false
    )
        -> String
    {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        let runProperties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        var parts = [text]
        if split, let space = text.firstIndex(of: " ") {
            parts = [String(text[...space]), String(text[text.index(after: space)...])]
        }
        let runs = parts.map { "<w:r>\(runProperties)<w:t xml:space=\"preserve\">\(XMLText.escaped($0))</w:t></w:r>" }
        return "<w:p>\(properties)\(runs.joined())</w:p>"
    }

    private static func tableStart(columns: Int) -> String {
        let grid = String(repeating: "<w:gridCol w:w=\"\(9000 / max(columns, 1))\"/>", count: columns)
        return """
            <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>\
            <w:tblGrid>\(grid)</w:tblGrid>
            """
    }

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>

        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>

        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/></Relationships>

        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(namespace)">\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>\
        <w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>\
        <w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>\
        </w:tblBorders></w:tblPr></w:style></w:styles>

        """
}
