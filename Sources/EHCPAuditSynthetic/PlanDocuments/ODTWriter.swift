/// Writes a plan's blocks as a minimal OpenDocument text (`.odt`): `mimetype` first and
/// stored, `META-INF/manifest.xml`, `content.xml`.
///
/// Titles and headings are `text:h`, bold paragraphs a `text:p` with a bold automatic
/// style, list items one `text:list-item` each, tables `table:table` with every row a
/// direct `table:table-row`.
enum ODTWriter {
    static func document(_ blocks: [PlanBlock]) throws -> [UInt8] {
        try ZipArchiveWriter.archive([
            .init(path: "mimetype", text: mimeType, stored: true),
            .init(path: "META-INF/manifest.xml", text: manifest),
            .init(path: "content.xml", text: content(blocks)),
        ])
    }

    static func content(_ blocks: [PlanBlock]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">\
            <office:automatic-styles><style:style style:name="Bold" style:family="paragraph">\
            <style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>\
            <office:body><office:text>

            """
        var tables = 0
        for (index, block) in blocks.enumerated() {
            let inList: Bool
            if case .listItem = block { inList = true } else { inList = false }
            let listBefore: Bool
            if index > 0, case .listItem = blocks[index - 1] { listBefore = true } else { listBefore = false }
            if inList && !listBefore { xml += "<text:list>" }
            switch block {
            case .title(let text): xml += "<text:h text:outline-level=\"1\">\(XMLText.escaped(text))</text:h>"
            case .heading(let text): xml += "<text:h text:outline-level=\"2\">\(XMLText.escaped(text))</text:h>"
            case .paragraph(let text, let bold):
                xml += "<text:p\(bold ? " text:style-name=\"Bold\"" : "")>\(XMLText.escaped(text))</text:p>"
            case .listItem(let text):
                xml += "<text:list-item><text:p>\(XMLText.escaped(text))</text:p></text:list-item>"
            case .tableRow(let cells, let isFirst):
                if isFirst {
                    tables += 1
                    xml += "<table:table table:name=\"Table\(tables)\">"
                    xml += "<table:table-column table:number-columns-repeated=\"\(cells.count)\"/>"
                }
                xml += "<table:table-row>"
                for cell in cells {
                    xml += "<table:table-cell office:value-type=\"string\"><text:p>\(XMLText.escaped(cell))</text:p>"
                    xml += "</table:table-cell>"
                }
                xml += "</table:table-row>"
                if PlanBlock.endsTable(blocks, at: index) { xml += "</table:table>" }
            }
            let listAfter: Bool
            if index + 1 < blocks.count, case .listItem = blocks[index + 1] {
                listAfter = true
            } else {
                listAfter = false
            }
            if inList && !listAfter { xml += "</text:list>" }
            xml += "\n"
        }
        return xml + "</office:text></office:body></office:document-content>\n"
    }

    static let mimeType = "application/vnd.oasis.opendocument.text"

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" \
        manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>

        """
}
