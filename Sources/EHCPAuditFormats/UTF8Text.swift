/// Input text must be UTF-8: bytes that are not are refused, never replaced by U+FFFD,
/// since two different identifiers would then read as one.
enum UTF8Text {
    static let invalidMessage = "the text is not valid UTF-8 (save the file as UTF-8)"

    /// Whether `bytes` are valid UTF-8; plain ASCII is checked without building a string.
    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        let ascii = bytes.withContiguousStorageIfAvailable(isASCII)
        if ascii ?? !bytes.contains(where: { $0 >= 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Whether every byte is below 0x80: eight bytes at a time.
    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = UnsafeRawPointer(buffer.baseAddress) {
            var high: UInt64 = 0
            while i + 8 <= buffer.count {
                high |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            if high & 0x8080_8080_8080_8080 != 0 { return false }
        }
        while i < buffer.count {
            if buffer[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// `bytes` as a string, or nil when they are not valid UTF-8.
    static func decode(_ bytes: some Collection<UInt8>) -> String? {
        bytes.withContiguousStorageIfAvailable(decode(buffer:)) ?? String(validating: bytes, as: UTF8.self)
    }

    /// Bytes in memory as a string: plain ASCII without a validating pass.
    static func decode(buffer: UnsafeBufferPointer<UInt8>) -> String? {
        if !buffer.contains(where: { $0 >= 0x80 }) { return String(decoding: buffer, as: UTF8.self) }
        return String(validating: buffer, as: UTF8.self)
    }
}
