import CLibXML2
import Foundation

/// Collects libxml2's schema errors as they happen, with their lines.
///
/// libxml2 reports errors through a C callback that cannot capture context; the log is
/// passed to it as the callback's user-data pointer.
final class XMLErrorLog {
    struct Entry {
        var line: Int?
        var message: String
    }

    private var entries: [Entry] = []

    /// Removes and returns what has been collected so far.
    func take() -> [Entry] {
        defer { entries.removeAll() }
        return entries
    }

    /// The C callback: `userData` is an unretained `XMLErrorLog`.
    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let log = Unmanaged<XMLErrorLog>.fromOpaque(userData).takeUnretainedValue()
        let detail = error.pointee
        guard detail.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = (detail.message.map { String(cString: $0) } ?? "unknown XML error")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        log.entries.append(Entry(line: line(of: detail), message: message))
    }

    /// The error's true line: libxml2 stores at most 65535 in the error itself, but the
    /// node it names knows better.
    private static func line(of error: xmlError) -> Int? {
        if var node = error.node?.assumingMemoryBound(to: xmlNode.self) {
            if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent { node = parent }
            if let line = XMLElement.line(of: node) { return line }
        }
        return error.line > 0 ? Int(error.line) : nil
    }
}
