import EHCPAudit
import Foundation
import Testing
import ZIPFoundation

@testable import EHCPAuditDocuments

/// A ZIP archive made in memory with ZIPFoundation: each entry's path and bytes, deflated
/// unless `stored`.
func zipArchive(_ entries: [(String, [UInt8])], stored: Bool = false) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    for (path, bytes) in entries {
        let data = Data(bytes)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count),
            modificationDate: Date(timeIntervalSince1970: 0),
            compressionMethod: stored ? .none : .deflate
        ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
    return [UInt8](archive.data!)
}

let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/// A `.docx` whose `word/document.xml` has `body` as the content of `w:body`.
func docx(_ body: String) throws -> [UInt8] {
    try zipArchive([
        ("[Content_Types].xml", Array("<Types/>".utf8)),
        ("word/document.xml", Array(wordXML(body).utf8)),
    ])
}

func wordXML(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="\(wordNamespace)" \
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(body)</w:body></w:document>
    """
}

/// A `.odt` whose `content.xml` has `body` as the content of `office:text`.
func odt(_ body: String) throws -> [UInt8] {
    try zipArchive([
        ("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
        ("content.xml", Array(odtXML(body).utf8)),
    ])
}

func odtXML(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>\(body)\
    </office:text></office:body></office:document-content>
    """
}

/// A Word paragraph of one run holding `text`, with `properties` as its `w:pPr` content.
func para(_ text: String, _ properties: String = "") -> String {
    let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
    return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
}

/// A Word table of rows of cells, each cell one paragraph (or the raw XML given).
func wordTable(_ rows: [[String]]) -> String {
    "<w:tbl><w:tblPr/><w:tblGrid/>"
        + rows.map {
            "<w:tr>" + $0.map { "<w:tc><w:tcPr/>\($0.hasPrefix("<") ? $0 : para($0))</w:tc>" }.joined() + "</w:tr>"
        }
        .joined() + "</w:tbl>"
}

/// The blocks as (kind, text) pairs, and the header flags apart, for short expectations.
struct Read: Equatable, CustomStringConvertible {
    let blocks: [PlanDocument.Block]
    var kinds: [PlanDocument.BlockKind] { blocks.map(\.kind) }
    var texts: [String] { blocks.map(\.text) }
    var firstRows: [Bool] { blocks.map(\.isFirstRow) }
    var description: String {
        blocks.map { "\($0.kind) \($0.text.debugDescription) \($0.isFirstRow)" }.joined(separator: "\n")
    }
}

func read(_ bytes: [UInt8], _ name: String, limits: DocumentLimits = .standard) throws -> Read {
    Read(blocks: try PlanDocumentReader.read(bytes: bytes, fileName: name, limits: limits).blocks)
}

/// The refusal of `bytes` named `name`: its message, or nil when read.
func refusal(_ bytes: [UInt8], _ name: String, limits: DocumentLimits = .standard) -> String? {
    do {
        _ = try PlanDocumentReader.read(bytes: bytes, fileName: name, limits: limits)
        return nil
    } catch {
        #expect(error.file == name)
        #expect(error.description == "\(name): \(error.message)")
        return error.message
    }
}
