import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    /// `POST /api/audits`: records from a case-management system, with a bearer token,
    /// under the same all-or-nothing rules as `import`.
    func addAPI(_ router: Router<WorkspaceContext>) {
        router.post("/api/audits") { request, _ in
            guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
                let user = try store.user(tokenHash: Security.tokenHash(String(header.dropFirst(7)))),
                [.lead, .auditor].contains(user.role)
            else {
                return Response.json(
                    #"{"error":"a valid bearer token of a lead or auditor is needed"}"#, status: .unauthorized)
            }
            guard let body = try? await request.body.collect(upTo: Security.apiLimit) else {
                return Response.json(#"{"error":"the body is larger than 64 MB"}"#, status: .contentTooLarge)
            }
            let source: any RecordSource
            do throws(Diagnostic) {
                source = try RecordReader.source(
                    bytes: Array(body.readableBytesView), name: "request",
                    contentType: request.headers[.contentType] ?? "")
            } catch {
                return Response.json(Self.errorJSON(error.message), status: .unsupportedMediaType)
            }
            var errors: [Diagnostic] = []
            let summary: AuditStore.ImportSummary
            do {
                summary = try store.importRecords(
                    from: source, scoringWith: try store.frameworkCatalog(), at: Security.timestamp()
                ) {
                    switch $0 {
                    case .refused(let diagnostics): errors += diagnostics
                    case .conflict(let place, _): errors.append(place)
                    case .progress: break
                    }
                }
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
                summary = AuditStore.ImportSummary(file: "request")
            }
            try store.log(
                user: user.name, action: summary.committed ? "api.import" : "api.refused",
                subject: "\(summary.imported + summary.replaced) imported", at: Security.timestamp())
            var json = JSONWriter()
            json.object { json in
                json.member("imported", summary.committed ? summary.imported + summary.replaced : 0)
                json.member("unchanged", summary.committed ? summary.unchanged : 0)
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
            return Response.json(json.text, status: summary.committed ? .ok : .unprocessableContent)
        }
    }

    static func errorJSON(_ message: String) -> String {
        var json = JSONWriter()
        json.object { $0.member("error", message) }
        return json.text
    }
}
