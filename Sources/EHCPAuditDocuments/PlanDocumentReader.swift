import EHCPAudit
import Foundation

/// Reads a plan document (`.docx`, `.odt`, `.md`/`.markdown`, `.txt`) into the blocks the
/// plan checks read (docs/plan-checks.md, "Documents").
///
/// The format is chosen by the file name's extension, after the bytes are sniffed: a PDF,
/// an old Word `.doc` or a password-protected Word file is refused with what to do, whatever
/// it is called. A document is read whole or refused whole (``PlanDocumentError``): past
/// 20 MiB as given, 64 MiB of XML unpacked, 100,000 blocks or tables nested 8 deep; with a
/// DOCTYPE (no DTD is loaded, no entity expanded, nothing fetched); damaged or not UTF-8.
///
/// ```swift
/// let document = try PlanDocumentReader.read(path: "plans/plan-0001.docx")
/// for (number, block) in zip(1..., document.blocks) where block.kind == .heading {
///     print(number, block.text)  // 1 Education, Health and Care Plan …
/// }
///
/// // An upload held in memory:
/// let uploaded = try PlanDocumentReader.read(bytes: body, fileName: "draft.odt")
/// ```
///
/// Reading keeps the text in memory only; nothing is written or logged.
public enum PlanDocumentReader {
    /// Reads the document at `path`, named in errors as given.
    public static func read(path: String) throws(PlanDocumentError) -> PlanDocument {
        try read(path: path, limits: .standard)
    }

    /// Reads a document held in memory; `fileName`'s extension says its format, and errors
    /// name it.
    public static func read(bytes: [UInt8], fileName: String) throws(PlanDocumentError) -> PlanDocument {
        try read(bytes: bytes, fileName: fileName, limits: .standard)
    }

    /// The bytes of the file at `path`, read only as far as one byte past the document
    /// bound (enough to refuse it as too large): for a caller that needs them as well as the
    /// document, such as a digest.
    public static func bytes(path: String) throws(PlanDocumentError) -> [UInt8] {
        try bytes(path: path, limits: .standard)
    }

    static func bytes(path: String, limits: DocumentLimits) throws(PlanDocumentError) -> [UInt8] {
        let cannotOpen = { (reason: String) in PlanDocumentError(file: path, message: "cannot read the file: \(reason)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw cannotOpen("it does not exist or is not readable")
        }
        defer { try? handle.close() }
        do {
            return try handle.read(upToCount: limits.documentBytes + 1).map { [UInt8]($0) } ?? []
        } catch {
            throw cannotOpen("it could not be read")
        }
    }

    static func read(path: String, limits: DocumentLimits) throws(PlanDocumentError) -> PlanDocument {
        try read(bytes: try bytes(path: path, limits: limits), fileName: path, limits: limits)
    }

    static func read(
        bytes: [UInt8], fileName: String, limits: DocumentLimits
    ) throws(PlanDocumentError)
        -> PlanDocument
    {
        guard bytes.count <= limits.documentBytes else {
            throw PlanDocumentError(
                file: fileName,
                message:
                    "the document is larger than \(DocumentLimits.describe(bytes: limits.documentBytes)), the most "
                    + "that can be checked: save it without images, or as .docx with pictures compressed")
        }
        guard !bytes.isEmpty else { throw PlanDocumentError(file: fileName, message: "the file is empty") }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(PlanDocumentError) -> PlanDocument in
            switch try DocumentFormat.of(fileName: fileName, bytes: buffer) {
            case .docx:
                let xml = try part(
                    WordDocumentReader.part, of: buffer, file: fileName, limits: limits, missing: "a Word document")
                return PlanDocument(
                    blocks: try xml.withUnsafeBufferPointer { (xml) throws(PlanDocumentError) in
                        try WordDocumentReader.blocks(xml: xml, file: fileName, limits: limits)
                    })
            case .odt:
                let xml = try part(
                    OpenDocumentReader.part, of: buffer, file: fileName, limits: limits, missing: "an OpenDocument text"
                )
                return PlanDocument(
                    blocks: try xml.withUnsafeBufferPointer { (xml) throws(PlanDocumentError) in
                        try OpenDocumentReader.blocks(xml: xml, file: fileName, limits: limits)
                    })
            case .markdown:
                return PlanDocument(
                    blocks: try TextDocumentReader(joinsLines: true).blocks(
                        bytes: buffer, file: fileName, limits: limits))
            case .text:
                return PlanDocument(
                    blocks: try TextDocumentReader(joinsLines: false).blocks(
                        bytes: buffer, file: fileName, limits: limits))
            }
        }
    }

    /// The inflated bytes of the package's part `name`; its absence means the file is not
    /// `missing` (such as "a Word document").
    private static func part(
        _ name: String, of bytes: UnsafeBufferPointer<UInt8>, file: String, limits: DocumentLimits, missing: String
    ) throws(PlanDocumentError) -> [UInt8] {
        let package = try ZIPPackage(bytes: bytes, file: file)
        guard let entry = package.entry(name) else {
            throw PlanDocumentError(
                file: file, message: "not \(missing): the archive has no \(name); open it in Word and save it as .docx")
        }
        return try package.inflate(entry, cap: limits.xmlBytes)
    }
}
