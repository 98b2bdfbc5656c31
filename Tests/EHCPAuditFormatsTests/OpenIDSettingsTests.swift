import EHCPAuditFormats
import EHCPAuditTestSupport
import Foundation
import Testing

/// `serve --oidc FILE`: the sign-in settings, read and checked with the file and line.
struct OpenIDSettingsTests {
    static let roles = ["auditor", "dco", "dsco", "lead", "caseworker"]

    /// A settings file and its secret in a folder of their own; returns the settings' path.
    static func write(_ yaml: String, secret: String? = "s3cret\n") throws -> String {
        let folder = try temporaryFolder()
        if let secret { try secret.write(to: folder.appending(path: "secret"), atomically: true, encoding: .utf8) }
        let path = folder.appending(path: "oidc.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let good = """
        issuer: https://login.example.gov.uk/tenant/v2.0
        clientId: workspace
        clientSecretFile: secret
        redirectURL: https://audit.example.gov.uk/login/callback
        providerName: Example Council
        rolesClaim: groups
        roles:
          - value: EHCP.Lead
            role: lead
          - value: EHCP.DCO
            role: dco
            agency: health
        """

    static func problems(_ yaml: String, secret: String? = "s3cret\n") throws -> [Diagnostic] {
        let path = try write(yaml, secret: secret)
        let error = #expect(throws: FrameworkLoadError.self) { try OpenIDSettings.read(path: path, roles: roles) }
        return error?.diagnostics ?? []
    }

    @Test func readsTheSettingsAndTheSecretBesideThem() throws {
        let settings = try OpenIDSettings.read(path: try Self.write(Self.good), roles: Self.roles)
        #expect(settings.clientSecret == "s3cret", "the secret is read from the file beside, trimmed")
        #expect(settings.scopes == ["openid", "profile", "email"] && settings.nameClaim == "preferred_username")
        #expect(
            settings.roles == [
                .init(value: "EHCP.Lead", role: "lead"), .init(value: "EHCP.DCO", role: "dco", agency: .health),
            ])
        #expect(settings.mapping(for: ["staff", "EHCP.DCO", "EHCP.Lead"])?.role == "lead", "the first mapping wins")
        #expect(settings.mapping(for: ["staff"]) == nil)
    }

    @Test func namesEachProblemWithItsLine() throws {
        let yaml =
            Self.good.replacingOccurrences(of: "https://login", with: "http://login")
            .replacingOccurrences(of: "/login/callback", with: "/callback")
            .replacingOccurrences(of: "role: lead", with: "role: admin")
            .replacingOccurrences(of: "    agency: health", with: "    colour: blue")
            + "\nscopes: [profile]\n"
        let problems = try Self.problems(yaml)
        let said = problems.map { "\($0.line ?? 0) \($0.message)" }.joined(separator: "\n")
        #expect(said.contains("1 issuer \"http://login.example.gov.uk/tenant/v2.0\" must be an https:// address"))
        #expect(said.contains("4 redirectURL") && said.contains("ending /login/callback"))
        #expect(said.contains("9 role must be one of auditor, dco, dsco, lead, caseworker"))
        #expect(said.contains("unknown field \"colour\""))
        #expect(said.contains("a dco needs the agency"))
        #expect(said.contains("must include openid"))
    }

    @Test func refusesAMissingOrEmptySecretAndMissingFields() throws {
        let missing = try Self.problems(Self.good, secret: nil)
        #expect(
            missing.count == 1 && missing[0].line == 3 && missing[0].message.contains("cannot read the client secret"))
        let empty = try Self.problems(Self.good, secret: " \n")
        #expect(empty.count == 1 && empty[0].message.contains("is empty"))
        let bare = try Self.problems("providerName: x\nroles: []\n")
        let said = bare.map(\.message).joined(separator: "\n")
        for field in ["issuer", "clientId", "clientSecretFile", "redirectURL"] {
            #expect(said.contains("missing required field \"\(field)\""))
        }
        #expect(said.contains("at least one role"))
    }

    @Test func refusesAliasesAndOversizedFiles() throws {
        let alias = try Self.problems("issuer: &a https://x.example\nclientId: *a\n")
        #expect(!alias.isEmpty)
        let large = try Self.problems(String(repeating: "# padding\n", count: 7_000))
        #expect(large.first?.message.contains("larger than") == true)
    }
}

extension OpenIDSettingsTests {
    @Test func theExampleForEntraIDIsRight() throws {
        let folder = try temporaryFolder()
        let path = folder.appending(path: "oidc.yaml").path
        try FileManager.default.copyItem(atPath: Project.path("deploy/oidc.example.yaml"), toPath: path)
        try "secret".write(to: folder.appending(path: "oidc-client-secret"), atomically: true, encoding: .utf8)
        let settings = try OpenIDSettings.read(path: path, roles: Self.roles)
        #expect(settings.roles.count == 5 && settings.mapping(for: ["EHCP.DSCO"])?.agency == .socialCare)
    }
}
