import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// The bytes of an XML document, from a file descriptor or from memory, handed to the
/// parser a chunk at a time and counted as they go.
final class XMLInput {
    private let descriptor: Int32
    private let bytes: [UInt8]
    /// Bytes handed over so far.
    private(set) var delivered = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
        bytes = []
    }

    init(bytes: [UInt8]) {
        descriptor = -1
        self.bytes = bytes
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// The document's first `count` bytes (fewer if it is shorter), without consuming them.
    func prolog(_ count: Int) -> [UInt8] {
        guard descriptor >= 0 else { return Array(bytes.prefix(count)) }
        var start = [UInt8](repeating: 0, count: count)
        let read = start.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        return Array(start.prefix(max(0, read)))
    }

    /// Hands over up to `count` bytes into `buffer`: how many, 0 at the end, -1 on an error.
    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
        var n: Int
        if descriptor >= 0 {
            repeat { n = readFile(descriptor, buffer, count) } while n < 0 && errno == EINTR
            if n < 0 { return -1 }
        } else {
            n = min(count, bytes.count - delivered)
            bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + delivered, byteCount: n)
            }
        }
        delivered += n
        return Int32(n)
    }
}

/// read(2) under a name of its own: inside ``XMLInput``, `read` is its own method, and the C
/// library that declares read(2) differs from one system to another.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
