/// A ZIP archive written byte by byte, for the archives ZIPFoundation will not make: entries
/// with hostile paths, flags, methods or sizes.
struct RawZIP {
    struct Entry {
        var path: String
        var data: [UInt8]
        var method: UInt16 = 0
        var flags: UInt16 = 0
        /// The uncompressed size to declare (default: the data's size).
        var declaredSize: UInt32?
    }

    var entries: [Entry]

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let size = entry.declaredSize ?? UInt32(entry.data.count)
            let offset = UInt32(out.count)
            out +=
                le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le32(0) + le32(0)
                + le32(UInt32(entry.data.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + name + entry.data
            central +=
                le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method) + le32(0)
                + le32(0) + le32(UInt32(entry.data.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + le16(0)
                + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = UInt32(out.count)
        out += central
        out +=
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(central.count)) + le32(start) + le16(0)
        return out
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
