import EHCPAudit
import Foundation

/// A small file a person wrote (settings, a map, a bundle), read whole but never past a
/// limit: the size is checked before a byte is read, and every failure is a diagnostic
/// naming the file and `what` it was meant to be.
///
/// ```swift
/// let text = try BoundedFile.text("oidc.yaml", mostBytes: 64 << 10, what: "the sign-in settings")
/// ```
enum BoundedFile {
    static func bytes(_ path: String, mostBytes: Int, what: String) throws(FrameworkLoadError) -> [UInt8] {
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            guard size <= mostBytes else {
                let limit = mostBytes >= 1 << 20 ? "\(mostBytes >> 20) MiB" : "\(mostBytes >> 10) KiB"
                throw FrameworkLoadError([
                    Diagnostic(file: path, message: "\(what) is larger than \(limit), the most read: shorten it")
                ])
            }
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(mostBytes))
        } catch let error as FrameworkLoadError {
            throw error
        } catch {
            throw FrameworkLoadError([
                Diagnostic(file: path, message: "cannot read \(what): \(error.localizedDescription)")
            ])
        }
    }

    /// The file as UTF-8 text.
    static func text(_ path: String, mostBytes: Int, what: String) throws(FrameworkLoadError) -> String {
        guard let text = String(validating: try bytes(path, mostBytes: mostBytes, what: what), as: UTF8.self) else {
            throw FrameworkLoadError([Diagnostic(file: path, message: "\(what) is not UTF-8 text")])
        }
        return text
    }
}

extension ProblemLog {
    /// `value` once decoding found no problem; otherwise every problem, with `file` and
    /// each problem's line and path.
    func decoded<T>(_ value: T?, file: String) throws(FrameworkLoadError) -> T {
        let diagnostics = problems.map {
            Diagnostic(file: file, line: $0.line, path: String($0.path.trimmingPrefix("$.")), message: $0.message)
        }
        guard let value, diagnostics.isEmpty else { throw FrameworkLoadError(diagnostics) }
        return value
    }
}
