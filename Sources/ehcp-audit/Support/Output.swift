#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EHCPAudit

/// Buffered output (standard output by default): large runs write megabytes, a line at a time.
final class Output {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        writeAll(buffer, to: descriptor)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Standard error, for diagnostics and summaries that must not mix with machine output.
enum StandardError {
    static func line(_ text: String) {
        write(text + "\n")
    }

    static func write(_ text: String) {
        writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.description) }
    }
}

/// Writes every byte to a file descriptor, retrying short writes.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }
}
