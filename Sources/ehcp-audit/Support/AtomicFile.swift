#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// A file that appears whole or not at all.
///
/// The text goes to a new temporary file, created exclusively (`O_EXCL|O_NOFOLLOW`, a
/// random name) in the target's own folder; `commit()` checks every write, `fsync`s and
/// renames it over the target. Only a missing file or a regular file is ever replaced: a
/// folder, a symbolic link, a device or a pipe at the target is refused before anything
/// is written. On any failure the temporary file is removed.
final class AtomicFile {
    let path: String
    let output: Output
    private let temporary: String
    private let descriptor: Int32
    private var isOpen = true

    init(path: String) throws(OutputError) {
        self.path = path
        try Self.checkReplaceable(path)
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var attempt = 0
        while true {
            let candidate = folder + ".\(base).\(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF).partial"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 {
                temporary = candidate
                descriptor = fd
                break
            }
            attempt += 1
            guard errno == EEXIST, attempt < 16 else { throw OutputError(name: path, code: errno) }
        }
        output = Output(descriptor: descriptor, name: path)
    }

    deinit { if isOpen { discard() } }

    /// Moves the finished file into place, or removes it and throws if any write failed.
    func commit() throws(OutputError) {
        do throws(OutputError) {
            try output.finish()
            guard fsync(descriptor) == 0 else { throw OutputError(name: path, code: errno) }
            isOpen = false
            guard close(descriptor) == 0 else { throw OutputError(name: path, code: errno) }
            try Self.checkReplaceable(path)
            guard rename(temporary, path) == 0 else { throw OutputError(name: path, code: errno) }
        } catch {
            if isOpen { close(descriptor) }
            isOpen = false
            unlink(temporary)
            throw error
        }
    }

    /// Removes the unfinished file.
    func discard() {
        if isOpen { close(descriptor) }
        isOpen = false
        unlink(temporary)
    }

    /// Throws unless `path` is missing or a regular file (a symbolic link is refused, not followed).
    private static func checkReplaceable(_ path: String) throws(OutputError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw OutputError(name: path, code: errno)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw OutputError(name: path, code: EISDIR)
        default: throw OutputError(name: path, code: EEXIST, reason: "it is not a regular file, so it is left as it is")
        }
    }
}
