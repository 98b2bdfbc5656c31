import EHCPAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Reads a file a chunk at a time, so that a file of any size is never held whole; or
/// bytes already in memory (a request body), the same way.
final class ByteReader {
    static let chunkSize = 1 << 20

    private let handle: UnsafeMutablePointer<FILE>?
    /// Memory of our own, so that a line can be handed out in place (``peekLine()``).
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var position = 0
    private var count = 0
    /// Bytes handed out so far, for progress reports.
    private(set) var offset = 0
    /// The file's size when opened, for sizing what is read into.
    let size: Int

    /// Opens `path` for reading, or returns nil with the system's reason.
    init(path: String) throws(Diagnostic) {
        guard let handle = fopen(path, "rb") else {
            throw Diagnostic(file: path, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        var status = stat()
        size = fstat(fileno(handle), &status) == 0 ? Int(status.st_size) : 0
        chunk = .allocate(capacity: Self.chunkSize)
    }

    /// How many lines the whole input holds (newlines, plus a last line without one), read
    /// without moving the reader: to size what a file is read into in one allocation.
    func lineCount() -> Int {
        var lines = 0
        var last: UInt8 = 0x0A
        func tally(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            var start = base
            let end = base + bytes.count
            while start < end, let hit = memchr(start, 0x0A, end - start) {
                lines += 1
                start = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            last = bytes[bytes.count - 1]
        }
        guard let handle else {
            tally(UnsafeBufferPointer(rebasing: chunk[0..<count]))
            return lines + (last == 0x0A ? 0 : 1)
        }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }
        var at: off_t = 0
        while case let n = pread(fileno(handle), buffer.baseAddress, Self.chunkSize, at), n > 0 {
            tally(UnsafeBufferPointer(rebasing: buffer[0..<n]))
            at += off_t(n)
        }
        return lines + (last == 0x0A ? 0 : 1)
    }

    /// Reads `bytes` held in memory.
    init(bytes: [UInt8]) {
        handle = nil
        size = bytes.count
        chunk = .allocate(capacity: max(1, bytes.count))
        _ = chunk.initialize(from: bytes)
        count = bytes.count
    }

    deinit {
        if let handle { fclose(handle) }
        chunk.deallocate()
    }

    /// The next byte, or nil at the end of the file.
    @inline(__always)
    func next() -> UInt8? {
        if position == count && !refill() { return nil }
        let byte = chunk[position]
        position += 1
        offset += 1
        return byte
    }

    /// How a line read by `appendLine` ended.
    enum LineEnd { case newline, endOfFile, tooLong }

    /// Appends the bytes up to the next newline to `bytes` and consumes the newline. A
    /// line that would take `bytes` past `limit` is consumed to its end but not appended
    /// beyond the limit, and reported as `.tooLong`, so memory stays bounded.
    func appendLine(to bytes: inout [UInt8], limit: Int) -> LineEnd {
        var tooLong = false
        while true {
            if position == count && !refill() { return tooLong ? .tooLong : .endOfFile }
            let newline = newlineOffset()
            let end = newline ?? count
            if !tooLong && bytes.count + (end - position) <= limit {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[position..<end]))
            } else {
                tooLong = true
            }
            offset += end - position
            position = end
            if newline != nil {
                position += 1
                offset += 1
                return tooLong ? .tooLong : .newline
            }
        }
    }

    /// The unread bytes up to (not including) the next newline, in place and not consumed,
    /// when the newline is already in memory; nil otherwise. Valid until the reader moves on.
    func peekLine() -> UnsafeBufferPointer<UInt8>? {
        if position == count && !refill() { return nil }
        guard let newline = newlineOffset() else { return nil }
        return UnsafeBufferPointer(rebasing: chunk[position..<newline])
    }

    /// Consumes `count` bytes already seen through ``peekLine()``.
    func consume(_ count: Int) {
        position += count
        offset += count
    }

    private func newlineOffset() -> Int? {
        memchr(chunk.baseAddress! + position, 0x0A, count - position).map {
            UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - UnsafePointer(chunk.baseAddress!)
        }
    }

    private func refill() -> Bool {
        guard let handle else { return false }
        count = fread(chunk.baseAddress, 1, Self.chunkSize, handle)
        position = 0
        return count > 0
    }

    /// Consumes `prefix` if the unread bytes start with it (within the current chunk, as at
    /// the start of a file); otherwise consumes nothing.
    func skip(prefix: [UInt8]) {
        if position == count && !refill() { return }
        guard UnsafeBufferPointer(rebasing: chunk[position..<count]).starts(with: prefix) else { return }
        position += prefix.count
        offset += prefix.count
    }

    /// The next byte without consuming it.
    func peek() -> UInt8? {
        guard let byte = next() else { return nil }
        position -= 1
        offset -= 1
        return byte
    }
}
