/// Lowercase hexadecimal, as ranks, plan references and digests are written.
public enum Hex {
    /// `prefix` followed by two digits per byte, made in one allocation.
    ///
    /// ```swift
    /// Hex.lowercase([0x0f, 0xa0])                  // "0fa0"
    /// Hex.lowercase([0x0f, 0xa0], prefix: "S2-")   // "S2-0fa0"
    /// ```
    public static func lowercase(_ bytes: some Sequence<UInt8>, prefix: String = "") -> String {
        let bytes = Array(bytes)
        var prefix = prefix
        return prefix.withUTF8 { start in
            String(unsafeUninitializedCapacity: start.count + bytes.count * 2) { out in
                var i = out.initialize(fromContentsOf: start)
                for byte in bytes {
                    out[i] = digit(byte >> 4)
                    out[i + 1] = digit(byte & 0x0F)
                    i += 2
                }
                return i
            }
        }
    }

    private static func digit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }
}
