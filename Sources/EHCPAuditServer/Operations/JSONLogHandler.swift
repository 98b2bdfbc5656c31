import EHCPAuditKit
import Foundation
import Logging

/// A swift-log handler writing one JSON object per line (`serve --log-format json`), for a
/// council's log collector: the time (UTC, to the millisecond), the level, the logger's
/// label, the message and the metadata as strings.
///
/// ```json
/// {"time":"2026-12-06T09:00:00.041Z","level":"info","label":"ehcp-audit.serve","message":"POST /audits 303 41ms auditor-03","metadata":{"duration_ms":"41","hb.request.id":"…","method":"POST","route":"/audits","status":"303","user":"auditor-03"}}
/// ```
///
/// It writes what it is given and nothing else: the workspace logs no form value, query,
/// cookie or token (docs/workspace.md, "The log"), so neither does this.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler for the logger `label`, giving each line (without its newline) to `write`.
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    /// A handler writing each line to standard error in one write, so that lines from
    /// requests answered at once never interleave.
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(Self.line(event, label: label, metadata: metadata, at: Date()))
    }

    /// One event as a line of JSON; the event's own metadata wins over the handler's.
    static func line(_ event: LogEvent, label: String, metadata: Logger.Metadata, at time: Date) -> String {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        var json = JSONWriter(capacity: 256)
        json.object {
            $0.member("time", time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            $0.member("level", event.level.rawValue)
            $0.member("label", label)
            $0.member("message", event.message.description)
            $0.key("metadata")
            $0.object { json in
                for (key, value) in all.sorted(by: { $0.key < $1.key }) { json.member(key, value.description) }
            }
        }
        return json.text
    }
}
