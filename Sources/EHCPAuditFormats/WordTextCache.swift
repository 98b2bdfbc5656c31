#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Remembers the texts of short, often repeated words (criterion ids, ratings, keys,
/// words of the closed lists) that the fast decoder reads, so that each is made once, not
/// once per judgement. A cache: it may forget a word (a table slot is taken by another, a
/// long word past ``limit``) and make its text again, so it promises equal texts, not
/// shared ones. (The store's `WordNumbering` does another job: it numbers every word.)
///
/// A word of up to 24 bytes is found in a small table by its bytes read as three
/// integers, which costs less than making even a short string (that checks its UTF-8
/// again); a longer one by a hash of its bytes.
struct WordTextCache {
    private var short = [Short](repeating: Short(), count: 256)
    private var entries: [UInt64: (text: String, bytes: [UInt8])] = [:]
    static let limit = 4096

    /// A word of up to 24 bytes, zero-padded, with its text.
    private struct Short {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = -1
        var text = ""
    }

    /// The text of `bytes[range]`.
    mutating func text(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        guard range.count <= 24, let base = UnsafeRawPointer(bytes.baseAddress) else { return long(word) }
        // Read as three integers straight from the buffer where it holds 24 bytes from the
        // word's start (a copy to read back would stall the processor), else by a copy.
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        if range.lowerBound + 24 <= bytes.count {
            let start = base + range.lowerBound, count = range.count
            words = (
                Self.first(count, of: start.loadUnaligned(as: UInt64.self)),
                Self.first(count - 8, of: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                Self.first(count - 16, of: start.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            )
        } else if let start = word.baseAddress {
            withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: start, byteCount: range.count) }
        }
        let mixed = (words.0 ^ words.1 &* 31 ^ words.2 &* 131 ^ UInt64(range.count)) &* 0x9E37_79B9_7F4A_7C15
        let slot = Int(truncatingIfNeeded: mixed >> 56)
        if short[slot].count == range.count, short[slot].words == words { return short[slot].text }
        let text = String(decoding: word, as: UTF8.self)
        short[slot] = Short(words: words, count: range.count, text: text)
        return text
    }

    /// The first `count` bytes of `word` (all eight, or none), the rest zero.
    @inline(__always)
    private static func first(_ count: Int, of word: UInt64) -> UInt64 {
        count >= 8 ? word : count <= 0 ? 0 : word & (1 &<< UInt64(count &* 8) &- 1)
    }

    private mutating func long(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hash = 0xCBF2_9CE4_8422_2325 as UInt64
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        if let known = entries[hash], known.bytes.count == bytes.count,
            bytes.isEmpty
                || known.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
                )
        {
            return known.text
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if entries.count < Self.limit { entries[hash] = (text, Array(bytes)) }
        return text
    }
}
