/// Input text must be UTF-8: bytes that are not are refused, never replaced by U+FFFD,
/// since two different identifiers would then read as one.
enum UTF8Text {
    static let invalidMessage = "the text is not valid UTF-8 (save the file as UTF-8)"

    /// Whether `bytes` are valid UTF-8; plain ASCII is checked without building a string.
    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        if !bytes.contains(where: { $0 >= 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// `bytes` as a string, or nil when they are not valid UTF-8.
    static func decode(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }
}
