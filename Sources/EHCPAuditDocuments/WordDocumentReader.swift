import CLibXML2
import EHCPAudit

/// Reads the blocks of a `.docx` package's `word/document.xml` (and nothing else).
///
/// - A paragraph `w:p` is the text of its `w:t` elements however Word split them into runs;
///   `w:tab` is a space, `w:br` and `w:cr` a line break. Text inserted with tracked changes
///   (`w:ins`) counts; deleted text (`w:delText`, `w:del`, `w:moveFrom`), field codes
///   (`w:instrText`) and the fallback copy of a drawing (`mc:Fallback`) do not.
/// - Style `Heading1`…`Heading6` (or `heading 1`, any case) or `Title`: a heading. Numbering
///   in the paragraph's properties (`w:numPr`, unless its `w:numId` is 0) or a style starting
///   with `List`: a list item. A numbered heading is a heading.
/// - Tables `w:tbl` → `w:tr` → `w:tc`: see ``BlockBuilder``; a row is a header row if it is
///   its table's first or Word repeats it as a header row (`w:tblHeader`).
struct WordDocumentReader {
    static let part = "word/document.xml"
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// What an element of the WordprocessingML namespace means to the reader.
    enum Token {
        case paragraph, properties, style, numbering, numberingId, text, tab, lineBreak
        case table, row, cell, rowProperties, headerRow
        /// Holds nothing that counts: skipped whole.
        case skipped
    }

    static func token(_ name: UnsafePointer<xmlChar>) -> Token? {
        switch name[0] {
        case UInt8(ascii: "p"):
            if name[1] == 0 { return .paragraph }
            if XMLName.pPr.matches(name) { return .properties }
            if XMLName.pStyle.matches(name) { return .style }
            if XMLName.pPrChange.matches(name) { return .skipped }
        case UInt8(ascii: "r"):
            if XMLName.rPr.matches(name) || XMLName.rPrChange.matches(name) { return .skipped }
        case UInt8(ascii: "t"):
            if name[1] == 0 { return .text }
            if XMLName.tab.matches(name) { return .tab }
            if XMLName.tbl.matches(name) { return .table }
            if XMLName.tr.matches(name) { return .row }
            if XMLName.tc.matches(name) { return .cell }
            if XMLName.trPr.matches(name) { return .rowProperties }
            if XMLName.tblHeader.matches(name) { return .headerRow }
            if XMLName.tabs.matches(name) || XMLName.tblPr.matches(name) || XMLName.tcPr.matches(name)
                || XMLName.tblGrid.matches(name)
            {
                return .skipped
            }
        case UInt8(ascii: "b"): if XMLName.br.matches(name) { return .lineBreak }
        case UInt8(ascii: "c"): if XMLName.cr.matches(name) { return .lineBreak }
        case UInt8(ascii: "n"):
            if XMLName.numPr.matches(name) { return .numbering }
            if XMLName.numId.matches(name) { return .numberingId }
        case UInt8(ascii: "d"):
            if XMLName.del.matches(name) || XMLName.delText.matches(name) { return .skipped }
        case UInt8(ascii: "i"): if XMLName.instrText.matches(name) { return .skipped }
        case UInt8(ascii: "m"): if XMLName.moveFrom.matches(name) { return .skipped }
        case UInt8(ascii: "s"): if XMLName.sectPr.matches(name) { return .skipped }
        default: break
        }
        return nil
    }

    /// The blocks of `xml`, the bytes of `word/document.xml`.
    static func blocks(
        xml: UnsafeBufferPointer<UInt8>, file: String, limits: DocumentLimits
    )
        throws(PlanDocumentError) -> [PlanDocument.Block]
    {
        let handler = Handler(builder: BlockBuilder(file: file, limits: limits))
        try XMLPartParser.parse(xml, part: part, file: file, handler: handler)
        return handler.builder.list.blocks
    }

    /// Turns the parser's events into the builder's paragraphs and tables.
    private final class Handler: XMLPartHandler {
        var builder: BlockBuilder
        var properties = ParagraphProperties()
        var inText = false
        var main = NamespaceMatcher(WordDocumentReader.main)
        var strict = NamespaceMatcher(WordDocumentReader.strict)
        var compatibility = NamespaceMatcher(WordDocumentReader.compatibility)

        init(builder: BlockBuilder) { self.builder = builder }

        func token(_ name: UnsafePointer<xmlChar>, _ namespace: UnsafePointer<xmlChar>?) -> Token? {
            main.matches(namespace) || strict.matches(namespace) ? WordDocumentReader.token(name) : nil
        }

        func start(
            _ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributes: XMLAttributes
        )
            throws(PlanDocumentError) -> Bool
        {
            guard let token = token(name, namespace) else {
                return !(compatibility.matches(namespace) && XMLName.fallback.matches(name))
            }
            switch token {
            case .paragraph: builder.beginParagraph(.paragraph)
            case .properties: properties = ParagraphProperties()
            case .style: properties.style = attributes.value(.val)
            case .numbering: properties.numbered = true
            case .numberingId: if attributes.value(.val) == "0" { properties.numbered = false }
            case .text: inText = builder.inParagraph
            case .tab: builder.append(0x20)
            case .lineBreak: builder.append(0x0A)
            case .table: try builder.beginTable()
            case .row: builder.beginRow()
            case .cell: builder.beginCell()
            case .headerRow:
                let value = attributes.value(.val)
                if value != "0" && value != "false" && value != "off" { builder.markHeaderRow() }
            case .rowProperties: break
            case .skipped: return false
            }
            return true
        }

        func end(_ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) throws(PlanDocumentError) {
            switch token(name, namespace) {
            case .paragraph, .table, .row, .cell: try builder.end()
            case .properties: builder.setKind(properties.kind)
            case .text: inText = false
            default: break
            }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if inText { builder.append(bytes) }
        }
    }

    /// What a paragraph's properties (`w:pPr`) say about its kind.
    struct ParagraphProperties {
        var style: String?
        var numbered = false

        var kind: PlanDocument.BlockKind {
            if let style, Self.isHeading(style) { return .heading }
            if numbered || style?.hasPrefix("List") == true { return .listItem }
            return .paragraph
        }

        /// `Heading1`…`Heading6`, `heading 1`…`heading 6` (any case) or `Title`.
        static func isHeading(_ style: String) -> Bool {
            if style == "Title" { return true }
            let lower = Array(style.lowercased().utf8)
            let word = Array("heading".utf8)
            guard lower.starts(with: word) else { return false }
            var rest = lower[word.count...]
            if rest.first == 0x20 { rest = rest.dropFirst() }
            guard rest.count == 1, let digit = rest.first else { return false }
            return digit >= UInt8(ascii: "1") && digit <= UInt8(ascii: "6")
        }
    }
}

extension XMLName {
    static let pPr = XMLName("pPr"), pStyle = XMLName("pStyle"), pPrChange = XMLName("pPrChange")
    static let rPr = XMLName("rPr"), rPrChange = XMLName("rPrChange")
    static let tab = XMLName("tab"), tabs = XMLName("tabs"), tbl = XMLName("tbl"), tr = XMLName("tr")
    static let tc = XMLName("tc"), trPr = XMLName("trPr"), tblHeader = XMLName("tblHeader")
    static let tblPr = XMLName("tblPr"), tcPr = XMLName("tcPr"), tblGrid = XMLName("tblGrid")
    static let br = XMLName("br"), cr = XMLName("cr"), numPr = XMLName("numPr"), numId = XMLName("numId")
    static let del = XMLName("del"), delText = XMLName("delText"), instrText = XMLName("instrText")
    static let moveFrom = XMLName("moveFrom"), sectPr = XMLName("sectPr"), val = XMLName("val")
    static let fallback = XMLName("Fallback")
}
