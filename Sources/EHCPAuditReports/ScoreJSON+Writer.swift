import EHCPAudit
import EHCPAuditFormats

extension ScoreJSON {
    /// Writes scored records as ``ScoreJSON/appendLine(_:to:)`` does, byte for byte, sooner:
    /// each improvement action that is its framework's own is written from pieces cut once
    /// per framework rather than written again in full (a national month's scores hold some
    /// 850,000 actions). Made once for the frameworks scored with, and shared by every
    /// thread writing scores.
    ///
    /// ```swift
    /// let writer = ScoreJSON.Writer(frameworks: catalog.frameworks)
    /// var json = JSONWriter()
    /// writer.appendLine(result, to: &json)
    /// ```
    public struct Writer: Sendable {
        private let actions: ActionPieces

        public init(frameworks: [Framework]) {
            actions = ActionPieces(frameworks: frameworks)
        }

        /// Appends one record as a line of the list, as ``ScoreJSON/appendLine(_:to:)`` does.
        public func appendLine(_ result: AuditResult, to json: inout JSONWriter) {
            ScoreJSON.appendLine(result, to: &json, actions: actions)
        }
    }
}
