import Foundation
import Testing
import ZIPFoundation

@testable import EHCPAuditDocuments

struct ZIPPackageTests {
    let document = Array(wordXML(para("Section A")).utf8)

    @Test func storedAndDeflatedPartsAreRead() throws {
        #expect(
            try read(zipArchive([("word/document.xml", document)], stored: true), "plan.docx").texts == ["Section A"])
        #expect(
            try read(RawZIP(entries: [.init(path: "word/document.xml", data: document)]).bytes, "a.docx").texts == [
                "Section A"
            ])
    }

    @Test func aZIPBombStopsAtTheCap() throws {
        // 70 MiB of XML that deflates to about 70 KB, declaring a size of 100 bytes.
        let mebibyte = Data(repeating: 0x20, count: 1024 * 1024)
        let archive = try Archive(accessMode: .create)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(70 * 1024 * 1024),
            compressionMethod: .deflate
        ) { position, size in
            let offset = Int(position) % mebibyte.count
            return mebibyte.subdata(in: offset..<min(mebibyte.count, offset + size))
        }
        var bytes = [UInt8](archive.data!)
        #expect(bytes.count < 200 * 1024)
        for signature: [UInt8] in [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x01, 0x02]] {
            let header = (0..<bytes.count - 4).first { bytes[$0..<$0 + 4].elementsEqual(signature) }!
            let sizeField = header + (signature[2] == 3 ? 22 : 24)
            bytes.replaceSubrange(sizeField..<sizeField + 4, with: [100, 0, 0, 0])
        }
        let message =
            "word/document.xml unpacks to more than 64 MiB of XML, the most that can be checked: the file is damaged or "
            + "built to exhaust memory, so nothing was read"
        #expect(refusal(bytes, "bomb.docx") == message)
        var small = DocumentLimits()
        small.xmlBytes = 1024 * 1024
        #expect(refusal(bytes, "bomb.docx", limits: small)?.contains("more than 1 MiB of XML") == true)
        let stored = RawZIP(entries: [.init(path: "word/document.xml", data: [UInt8](repeating: 0x20, count: 2048))])
        small.xmlBytes = 1024
        #expect(refusal(stored.bytes, "s.docx", limits: small)?.contains("more than 1024 bytes of XML") == true)
    }

    @Test func truncatedAndCorruptArchivesAreRefused() throws {
        let bytes = try docx(para("Section A"))
        let damaged = ZIPPackage.damaged
        for length in [4, 30, bytes.count / 2, bytes.count - 1] {
            #expect(refusal(Array(bytes.prefix(length)), "plan.docx") == damaged)
        }
        // The central directory points past its own end, and at a local header that is not one.
        var pointing = bytes
        let end = (0..<bytes.count - 4).last { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 0x05, 0x06]) }!
        pointing[end + 16] &+= 7
        #expect(refusal(pointing, "plan.docx") == damaged)
        var count = bytes
        count[end + 10] = 9
        #expect(refusal(count, "plan.docx") == damaged)
    }

    @Test func aDeflateStreamThatNeverEndsIsRefusedNotFollowed() {
        // A stored block (not final) promising 65,535 bytes, of which 4 follow.
        let endless: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00, 0x3C, 0x61, 0x2F, 0x3E]
        let zip = RawZIP(entries: [.init(path: "word/document.xml", data: endless, method: 8, declaredSize: 4)])
        #expect(refusal(zip.bytes, "plan.docx") == ZIPPackage.damaged)
        let garbage = RawZIP(entries: [.init(path: "word/document.xml", data: [0xFF, 0xFF, 0xFF], method: 8)])
        #expect(refusal(garbage.bytes, "plan.docx") == ZIPPackage.damaged)
    }

    @Test func pathsThatLeaveTheArchiveAreRefused() {
        let message =
            "the archive holds a file whose path leaves the archive (absolute or with \"..\"): it is damaged or not a "
            + "real document, so nothing was read"
        for path in [
            "/etc/passwd", "../../word/document.xml", "word/../../x", "\\windows\\x", "C:/x", "word\\..\\x", "",
        ] {
            let zip = RawZIP(entries: [.init(path: "word/document.xml", data: document), .init(path: path, data: [])])
            #expect(refusal(zip.bytes, "plan.docx") == message, "\(path)")
        }
        #expect(ZIPPackage.isSafe(Array("word/..x/a..b.xml".utf8)))
    }

    @Test func duplicateEncryptedAndUnknownMethodPartsAreRefused() {
        let twice = RawZIP(entries: [
            .init(path: "word/document.xml", data: document), .init(path: "word/document.xml", data: document),
        ])
        #expect(refusal(twice.bytes, "plan.docx") == ZIPPackage.damaged)
        let encrypted = RawZIP(entries: [.init(path: "word/document.xml", data: document, flags: 1)])
        #expect(
            refusal(encrypted.bytes, "plan.docx")
                == "this document is password-protected (encrypted): save a copy without a password")
        let bzip = RawZIP(entries: [.init(path: "word/document.xml", data: document, method: 12)])
        #expect(
            refusal(bzip.bytes, "plan.docx")
                == "word/document.xml is compressed in a way that cannot be read: save the document again")
        let lying = RawZIP(entries: [.init(path: "word/document.xml", data: document, declaredSize: 5)])
        #expect(refusal(lying.bytes, "plan.docx") == ZIPPackage.damaged)
    }
}
