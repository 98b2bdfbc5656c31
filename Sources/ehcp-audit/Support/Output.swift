import EHCPAuditKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Buffered output to a file descriptor (standard output by default): large runs write
/// megabytes, a line at a time. The first write error is kept: `finish()` throws it, and
/// nothing more is written after it.
final class Output {
    /// Standard output, shared by every command; `EHCPAuditCommand.main` finishes it, so a
    /// full disk or a closed pipe makes the command fail rather than exit 0.
    nonisolated(unsafe) static let standard = Output()

    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private let name: String
    private(set) var failure: OutputError?

    init(descriptor: Int32 = STDOUT_FILENO, name: String = "standard output") {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends `text` and a line break.
    func line(_ text: String) {
        write(text)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends `bytes` (UTF-8 text) as they are; a large run is written straight out.
    func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 1 << 16 else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flush() }
            return
        }
        flush()
        guard failure == nil else { return }
        if let code = writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) {
            failure = OutputError(name: name, code: code)
        }
    }

    /// Appends `text` as it is.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered; a failure is kept for `finish()`.
    func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        if let code = writeAll(buffer, to: descriptor) { failure = OutputError(name: name, code: code) }
    }

    /// Writes out what is buffered and throws the first write error, if any.
    func finish() throws(OutputError) {
        flush()
        if let failure { throw failure }
    }
}

/// A write that failed, naming the file and the system's reason.
struct OutputError: Error, CustomStringConvertible {
    var name: String
    var code: Int32
    /// Said instead of the system's words for `code`, where those would mislead.
    var reason: String? = nil

    var description: String { "cannot write \(name): \(reason ?? String(cString: strerror(code)))" }
}

/// Standard error, for diagnostics and summaries that must not mix with machine output.
enum StandardError {
    static func line(_ text: String) {
        write(text + "\n")
    }

    static func write(_ text: String) {
        _ = writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.description) }
    }
}

/// Writes every byte to a file descriptor, retrying short and interrupted writes; returns
/// the `errno` of a failure, nil on success.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
}

private func writeAll(_ raw: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < raw.count {
        let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if written == 0 { return EIO }
        offset += written
    }
    return nil
}
