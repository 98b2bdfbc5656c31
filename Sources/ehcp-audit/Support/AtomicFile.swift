import Foundation

/// A file that appears whole or not at all: written beside its final name, then renamed.
final class AtomicFile {
    let path: String
    private let temporary: String
    let output: Output
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        temporary = path + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        output = Output(descriptor: descriptor)
    }

    /// Moves the finished file into place.
    func commit() throws {
        output.flush()
        fsync(descriptor)
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// Removes the unfinished file.
    func discard() {
        close(descriptor)
        unlink(temporary)
    }
}
