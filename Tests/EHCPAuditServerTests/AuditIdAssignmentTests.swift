import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Server-assigned audit ids (AuditIdAssignment.swift): forms submitted at the same moment
/// each become an audit of their own. Found by scripts/serve-load: of 95 drafts saved at
/// once, 3 were refused as "already stored" and 1 was answered "saved" on another's audit.
struct AuditIdAssignmentTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
    }

    @Test func draftsSavedAtTheSameMomentEachGetAnIdOfTheirOwn() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            // The same content each time: the same person pressing "Save" on the same draft
            // in several tabs still makes that many drafts, never one answered as another.
            let fields = Array(try Self.workedExample(csrf: auditor.csrf, status: "draft").dropFirst())
            let locations = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await post(client, "/audits", as: auditor, fields).headers[.location] }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(locations.allSatisfy { $0?.hasSuffix("?done=saved") == true }, "\(locations)")
            #expect(Set(locations).count == 12, "every draft answered with its own page: \(locations)")
            #expect(try store.status().audits == 12)
        }
    }
}
