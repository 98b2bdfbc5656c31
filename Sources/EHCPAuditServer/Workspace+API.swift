import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /api/audits`: records from a case-management system, with a bearer token, under
/// the same all-or-nothing rules as `import`. A lead's token may store anyone's audits; an
/// auditor's only audits that name that auditor.
extension Workspace {
    /// The most a body may hold: 64 MB.
    static let apiLimit = 64 << 20

    @Sendable func importThroughAPI(_ request: Request, context: WorkspaceContext) async throws -> Response {
        let token = request.headers[.authorization].flatMap {
            $0.lowercased().hasPrefix("bearer ") ? String($0.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        }
        let hash = token.map(Security.tokenHash)
        guard let user = try await withStore({ store in try hash.flatMap { try store.user(tokenHash: $0) } }),
            AccessPolicy(user).mayAudit
        else {
            throw PageError(.unauthorized, "a valid bearer token of a lead or auditor is needed")
        }
        context.signedIn.current = (user, "")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.apiLimit {
            throw PageError(.contentTooLarge, "the body is larger than 64 MB")
        }
        let body = Array(try await request.body.collect(upTo: Self.apiLimit).readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        let time = Security.timestamp(now())
        return try await withStore(writing: true) { store in
            let source: any RecordSource
            do throws(Diagnostic) {
                source = StoredBy(
                    try RecordReader.source(bytes: body, name: "request", contentType: contentType),
                    access: AccessPolicy(user), store: store)
            } catch {
                return .json(JSONOutput.error(error.message), status: .unsupportedMediaType)
            }
            var errors: [Diagnostic] = []
            var summary = AuditImport.Summary(file: "request")
            do {
                summary = try AuditImport(into: store, at: time).run(source, scoringWith: try frameworks.catalog(store))
                {
                    switch $0 {
                    case .refused(let diagnostics): errors += diagnostics
                    case .conflict(let place, _): errors.append(place)
                    case .progress: break
                    }
                }
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            }
            let stored = summary.committed ? summary.imported + summary.replaced : 0
            let unchanged = summary.committed ? summary.unchanged : 0
            let trail =
                summary.committed
                ? "\(stored) stored (\(summary.replaced) replacing earlier versions), \(unchanged) unchanged"
                : "nothing stored: \(summary.refused) refused, \(errors.count) problems"
                    + (errors.first.map { "; the first: \($0)" } ?? "")
            try store.log(
                user: user.name, action: summary.committed ? "api.import" : "api.refused", subject: trail, at: time)
            var json = JSONWriter()
            json.object { json in
                json.member("imported", stored)
                json.member("unchanged", unchanged)
                json.member("refused", summary.refused)
                json.key("errors")
                json.list(errors.prefix(1000)) { json, error in
                    json.object { json in
                        json.member("line", error.line)
                        json.member("auditId", error.auditId)
                        json.member("path", error.path)
                        json.member("message", error.message)
                    }
                }
            }
            return .json(json.text, status: summary.committed ? .ok : .unprocessableContent)
        }
    }
}

/// The records of a request, each refused when the token's user may not store it
/// (``AccessPolicy/mayStore(_:)``: an auditor's token stores only that auditor's audits) or
/// when it is a moderation the workspace would not take (``Workspace/moderationProblem(_:_:by:)``).
final class StoredBy: RecordSource {
    private let records: any RecordSource
    private let access: AccessPolicy
    private let store: AuditStore

    init(_ records: any RecordSource, access: AccessPolicy, store: AuditStore) {
        self.records = records
        self.access = access
        self.store = store
    }

    var file: String { records.file }
    var bytesRead: Int { records.bytesRead }

    func next() throws(Diagnostic) -> RecordEntry? {
        guard var entry = try records.next() else { return nil }
        if let record = entry.record, !access.mayStore(record) {
            entry.record = nil
            entry.diagnostics.append(
                Diagnostic(
                    file: file, line: entry.line, recordIndex: entry.index, auditId: entry.auditId,
                    path: "\(entry.root).auditor",
                    message: """
                        this token is \(access.user.name)'s, so it stores only audits made by \(access.user.name), \
                        not by \(record.auditor)
                        """))
        } else if let record = entry.record, let problem = moderationProblem(record) {
            entry.record = nil
            entry.diagnostics.append(
                Diagnostic(
                    file: file, line: entry.line, recordIndex: entry.index, auditId: entry.auditId,
                    path: "\(entry.root).moderates", message: problem))
        }
        return entry
    }

    private func moderationProblem(_ record: AuditRecord) -> String? {
        do {
            return try Workspace.moderationProblem(store, record, by: access)
        } catch {
            return "the store could not be read to check the moderation: try again"
        }
    }
}
