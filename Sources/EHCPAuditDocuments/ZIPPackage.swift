import Foundation
import ZIPFoundation

/// The parts of a `.docx` or `.odt` package (a ZIP archive), found through its central
/// directory, and one part inflated under a cap.
///
/// The directory is read here rather than by ZIPFoundation's `Archive`, whose `extract` on
/// Linux loops for ever when a deflate stream runs past the end of the file and hands zlib
/// more bytes than its last chunk holds. The inflating is ZIPFoundation's streaming
/// `Data.decompress`, fed only the part's own compressed bytes (``inflate(_:cap:)``).
///
/// Refused, with the file named: no central directory (a truncated or damaged file), a
/// ZIP64 or multi-disk archive, an entry whose path is absolute or has a `..` segment, a
/// part named twice, an encrypted part, a compression method other than stored or deflate.
struct ZIPPackage {
    /// One file in the archive, as its central directory describes it.
    struct Entry {
        let path: [UInt8]
        let flags: UInt16
        let method: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    let entries: [Entry]

    /// Reads the central directory of the archive in `bytes`, which must outlive the package.
    init(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(PlanDocumentError) {
        self.file = file
        self.bytes = bytes
        let damaged = PlanDocumentError(file: file, message: Self.damaged)
        guard let end = Self.endOfCentralDirectory(bytes) else { throw damaged }
        let count = Int(bytes.u16(end + 10)), size = Int(bytes.u32(end + 12)), start = Int(bytes.u32(end + 16))
        if bytes.u16(end + 4) != 0 || bytes.u16(end + 6) != 0 || count == 0xFFFF || start == 0xFFFF_FFFF {
            throw PlanDocumentError(
                file: file,
                message: "the archive is in a form (ZIP64 or split) that cannot be read: save it again as .docx")
        }
        guard start + size <= end else { throw damaged }
        var entries: [Entry] = []
        var seen = Set<[UInt8]>()
        var at = start
        for _ in 0..<count {
            guard at + 46 <= end, bytes.u32(at) == 0x0201_4B50 else { throw damaged }
            let nameLength = Int(bytes.u16(at + 28))
            let next = at + 46 + nameLength + Int(bytes.u16(at + 30)) + Int(bytes.u16(at + 32))
            guard next <= end else { throw damaged }
            let entry = Entry(
                path: Array(bytes[(at + 46)..<(at + 46 + nameLength)]), flags: bytes.u16(at + 8),
                method: bytes.u16(at + 10), compressedSize: Int(bytes.u32(at + 20)),
                uncompressedSize: Int(bytes.u32(at + 24)), localHeaderOffset: Int(bytes.u32(at + 42)))
            guard Self.isSafe(entry.path) else {
                throw PlanDocumentError(
                    file: file,
                    message: "the archive holds a file whose path leaves the archive (absolute or with \"..\"): "
                        + "it is damaged or not a real document, so nothing was read")
            }
            guard seen.insert(entry.path).inserted else { throw damaged }
            entries.append(entry)
            at = next
        }
        self.entries = entries
    }

    static let damaged = "the file is damaged or incomplete (its ZIP archive cannot be read): save it again and retry"

    /// The entry named `path`, if there is one.
    func entry(_ path: String) -> Entry? {
        let name = Array(path.utf8)
        return entries.first { $0.path == name }
    }

    /// The bytes of `entry`, inflated; refused past `cap` bytes, counted as they come.
    func inflate(_ entry: Entry, cap: Int) throws(PlanDocumentError) -> [UInt8] {
        let name = String(decoding: entry.path, as: UTF8.self)
        if entry.flags & 1 != 0 {
            throw PlanDocumentError(
                file: file, message: "this document is password-protected (encrypted): save a copy without a password")
        }
        let tooBig = PlanDocumentError(
            file: file,
            message: "\(name) unpacks to more than \(DocumentLimits.describe(bytes: cap)) of XML, the most that "
                + "can be checked: the file is damaged or built to exhaust memory, so nothing was read")
        let damaged = PlanDocumentError(file: file, message: Self.damaged)
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, bytes.u32(header) == 0x0403_4B50 else { throw damaged }
        let dataStart = header + 30 + Int(bytes.u16(header + 26)) + Int(bytes.u16(header + 28))
        guard dataStart + entry.compressedSize <= bytes.count else { throw damaged }
        let data = UnsafeBufferPointer(rebasing: bytes[dataStart..<(dataStart + entry.compressedSize)])
        switch entry.method {
        case 0:
            guard data.count <= cap else { throw tooBig }
            guard data.count == entry.uncompressedSize else { throw damaged }
            return Array(data)
        case 8:
            var out: [UInt8] = []
            out.reserveCapacity(min(entry.uncompressedSize, cap, 16 * 1024 * 1024))
            do {
                _ = try Data.decompress(
                    size: Int64(data.count), bufferSize: Self.chunkSize, skipCRC32: true,
                    provider: { position, size in try Self.chunk(of: data, at: Int(position), size: size) },
                    consumer: { piece in
                        guard out.count + piece.count <= cap else { throw Overflow() }
                        out.append(contentsOf: piece)
                    })
            } catch is Overflow {
                throw tooBig
            } catch {
                throw damaged
            }
            return out
        default:
            throw PlanDocumentError(
                file: file, message: "\(name) is compressed in a way that cannot be read: save the document again")
        }
    }

    /// Bytes handed to the inflater at a time.
    static let chunkSize = 64 * 1024

    private struct Overflow: Error {}
    private struct Exhausted: Error {}

    /// `size` bytes of `data` from `position`, padded with zeros past its end (ZIPFoundation's
    /// inflater on Linux reads a whole chunk whatever a shorter one holds); a stream still
    /// asking once `data` is used up is damaged.
    private static func chunk(of data: UnsafeBufferPointer<UInt8>, at position: Int, size: Int) throws -> Data {
        guard position < data.count else { throw Exhausted() }
        var piece = Data(UnsafeBufferPointer(rebasing: data[position..<min(data.count, position + size)]))
        if piece.count < size { piece.append(Data(count: size - piece.count)) }
        return piece
    }

    /// Where the end-of-central-directory record starts: the last one in the final 64 KiB.
    private static func endOfCentralDirectory(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var at = bytes.count - 22
        let lowest = max(0, at - 0xFFFF)
        while at >= lowest {
            if bytes.u32(at) == 0x0605_4B50 { return at }
            at -= 1
        }
        return nil
    }

    /// Whether an entry's path stays inside the archive: not absolute, no drive letter, no
    /// `..` segment (with `/` or `\` as separators).
    static func isSafe(_ path: [UInt8]) -> Bool {
        guard let first = path.first else { return false }
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "\\") { return false }
        if path.count >= 2 && path[1] == UInt8(ascii: ":") { return false }
        let segments = path.split(omittingEmptySubsequences: false) {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\")
        }
        return !segments.contains { $0.elementsEqual("..".utf8) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The little-endian 16-bit number at `offset`.
    fileprivate func u16(_ offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }

    /// The little-endian 32-bit number at `offset`.
    fileprivate func u32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }
}
