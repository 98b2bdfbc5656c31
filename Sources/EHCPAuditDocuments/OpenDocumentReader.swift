import CLibXML2
import EHCPAudit

/// Reads the blocks of an `.odt` package's `content.xml` (and nothing else).
///
/// - `text:h` is a heading; `text:p` a paragraph, or a list item inside `text:list`. All the
///   text inside counts (spans, links), a line break or tab in it read as a space (as ODF
///   says); `text:s` and `text:tab` are a space,
///   `text:line-break` a line break. Tracked deletions (`text:tracked-changes`), notes
///   (`text:note`) and comments (`office:annotation`) do not count.
/// - Tables `table:table` → `table:table-row` → `table:table-cell` (a covered cell of a merge
///   is skipped): see ``BlockBuilder``; rows inside `table:table-header-rows`, and a table's
///   first row, are header rows.
struct OpenDocumentReader {
    static let part = "content.xml"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

    /// What an element means to the reader.
    enum Token {
        case heading, paragraph, list, space, lineBreak
        case table, headerRows, row, cell
        /// Holds nothing that counts: skipped whole.
        case skipped
    }

    /// The blocks of `xml`, the bytes of `content.xml`.
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
        var listDepth = 0
        var text = NamespaceMatcher(OpenDocumentReader.text)
        var table = NamespaceMatcher(OpenDocumentReader.table)
        var office = NamespaceMatcher(OpenDocumentReader.office)

        init(builder: BlockBuilder) { self.builder = builder }

        func token(_ name: UnsafePointer<xmlChar>, _ namespace: UnsafePointer<xmlChar>?) -> Token? {
            if text.matches(namespace) {
                switch name[0] {
                case UInt8(ascii: "h"): if name[1] == 0 { return .heading }
                case UInt8(ascii: "p"): if name[1] == 0 { return .paragraph }
                case UInt8(ascii: "s"): if name[1] == 0 { return .space }
                case UInt8(ascii: "t"):
                    if XMLName.tab.matches(name) { return .space }
                    if XMLName.trackedChanges.matches(name) { return .skipped }
                case UInt8(ascii: "l"):
                    if XMLName.list.matches(name) { return .list }
                    if XMLName.lineBreak.matches(name) { return .lineBreak }
                case UInt8(ascii: "n"): if XMLName.note.matches(name) { return .skipped }
                default: break
                }
            } else if table.matches(namespace) {
                if XMLName.table.matches(name) { return .table }
                if XMLName.tableRow.matches(name) { return .row }
                if XMLName.tableCell.matches(name) { return .cell }
                if XMLName.tableHeaderRows.matches(name) { return .headerRows }
                if XMLName.coveredTableCell.matches(name) { return .skipped }
            } else if office.matches(namespace) {
                if XMLName.annotation.matches(name) { return .skipped }
            }
            return nil
        }

        func start(
            _ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributes: XMLAttributes
        )
            throws(PlanDocumentError) -> Bool
        {
            switch token(name, namespace) {
            case .skipped: return false
            case .heading: builder.beginParagraph(.heading)
            case .paragraph: builder.beginParagraph(listDepth > 0 ? .listItem : .paragraph)
            case .list: listDepth += 1
            case .space: builder.append(0x20)
            case .lineBreak: builder.append(0x0A)
            case .table: try builder.beginTable()
            case .headerRows: builder.beginHeaderRows()
            case .row: builder.beginRow()
            case .cell: builder.beginCell()
            case nil: break
            }
            return true
        }

        func end(_ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) throws(PlanDocumentError) {
            switch token(name, namespace) {
            case .heading, .paragraph, .table, .row, .cell: try builder.end()
            case .list: listDepth -= 1
            case .headerRows: builder.endHeaderRows()
            default: break
            }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) { builder.appendCollapsingLines(bytes) }
    }
}

extension XMLName {
    static let trackedChanges = XMLName("tracked-changes"), list = XMLName("list")
    static let lineBreak = XMLName("line-break"), note = XMLName("note"), table = XMLName("table")
    static let tableRow = XMLName("table-row"), tableCell = XMLName("table-cell")
    static let tableHeaderRows = XMLName("table-header-rows"), coveredTableCell = XMLName("covered-table-cell")
    static let annotation = XMLName("annotation")
}
