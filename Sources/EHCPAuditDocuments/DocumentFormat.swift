/// The formats a plan document can be read from, chosen by the file name's extension; the
/// bytes are sniffed first so that a PDF, an old Word file or an encrypted Word file is
/// refused with what to do, whatever it is called.
enum DocumentFormat: Sendable, Equatable {
    case docx
    case odt
    case markdown
    case text

    /// The format `fileName`'s extension names, or the refusal to give for its bytes.
    static func of(fileName: String, bytes: UnsafeBufferPointer<UInt8>) throws(PlanDocumentError) -> DocumentFormat {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        func refuse(_ message: String) -> PlanDocumentError { PlanDocumentError(file: fileName, message: message) }
        if bytes.starts(with: Signature.pdf) {
            throw refuse("a PDF cannot be checked: open it in Word and save it as .docx")
        }
        if bytes.starts(with: Signature.ole) {
            if ext == "docx" && Signature.holdsEncryptedPackage(bytes) {
                throw refuse("this document is password-protected (encrypted): save a copy without a password as .docx")
            }
            throw refuse("an old Word .doc file cannot be read: save it as .docx")
        }
        switch ext {
        case "docx", "odt":
            guard bytes.starts(with: Signature.zip) || bytes.starts(with: Signature.emptyZip) else {
                let kind = ext == "docx" ? "a Word .docx file" : "an OpenDocument .odt file"
                let found = bytes.starts(with: Signature.rtf) ? " (it is an RTF file)" : ""
                throw refuse("this is not \(kind)\(found): open it in Word and save it as .docx")
            }
            return ext == "docx" ? .docx : .odt
        case "md", "markdown": return .markdown
        case "txt": return .text
        case "pdf": throw refuse("a PDF cannot be checked: open it in Word and save it as .docx")
        case "doc": throw refuse("an old Word .doc file cannot be read: save it as .docx")
        case "": throw refuse("the file name has no extension: save the plan as .docx (or .odt, .md or .txt)")
        default: throw refuse("a .\(ext) file cannot be read: save it as .docx (or .odt, .md or .txt)")
        }
    }
}

/// The first bytes of the formats told apart.
enum Signature {
    static let pdf = Array("%PDF-".utf8)
    /// An OLE compound file: an old Word `.doc`, or an encrypted Office document.
    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptyZip: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    static let rtf = Array("{\\rtf".utf8)
    /// The stream an encrypted Office document keeps its package in, named in UTF-16LE in
    /// the compound file's directory.
    static let encryptedPackage: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    /// Whether an OLE compound file names an `EncryptedPackage` stream (an encrypted
    /// `.docx`, as opposed to an old `.doc`).
    static func holdsEncryptedPackage(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let needle = encryptedPackage
        guard bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
