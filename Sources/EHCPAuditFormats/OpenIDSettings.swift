import EHCPAudit
import Foundation

/// How the workspace signs people in through the council's identity provider (OpenID Connect;
/// `serve --oidc FILE`, docs/deploying.md "Single sign-on"). Read from a YAML file:
///
/// ```yaml
/// issuer: https://login.microsoftonline.com/TENANT/v2.0
/// clientId: 6731de76-14a6-49ae-97bc-6eba6914391e
/// clientSecretFile: oidc-client-secret     # beside this file, or an absolute path
/// redirectURL: https://audit.example.gov.uk/login/callback
/// providerName: Microsoft                    # "Sign in with Microsoft"
/// nameClaim: preferred_username              # the claim that names the user
/// rolesClaim: roles                          # the claim that carries roles or groups
/// roles:                                     # the first that matches wins
///   - value: EHCP.Lead
///     role: lead
///   - value: EHCP.DCO
///     role: dco
///     agency: health
/// ```
///
/// ```swift
/// let settings = try OpenIDSettings.read(path: "oidc.yaml", roles: ["auditor", "dco", "dsco", "lead"])
/// ```
public struct OpenIDSettings: Sendable, Equatable {
    /// A value of the roles claim and the workspace role it gives.
    public struct RoleMapping: Sendable, Equatable {
        public var value: String
        public var role: String
        /// The agency whose advice a DCO or DSCO reviews.
        public var agency: Agency?

        public init(value: String, role: String, agency: Agency? = nil) {
            self.value = value
            self.role = role
            self.agency = agency
        }
    }

    public var issuer: String
    public var clientId: String
    public var clientSecret: String
    public var redirectURL: String
    public var scopes: [String]
    public var providerName: String
    public var nameClaim: String
    public var rolesClaim: String
    public var roles: [RoleMapping]

    public init(
        issuer: String, clientId: String, clientSecret: String, redirectURL: String,
        scopes: [String] = ["openid", "profile", "email"], providerName: String = "your organisation",
        nameClaim: String = "preferred_username", rolesClaim: String = "roles", roles: [RoleMapping]
    ) {
        self.issuer = issuer
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.redirectURL = redirectURL
        self.scopes = scopes
        self.providerName = providerName
        self.nameClaim = nameClaim
        self.rolesClaim = rolesClaim
        self.roles = roles
    }

    /// The path the provider sends people back to: `redirectURL` must end with it.
    public static let callbackPath = "/login/callback"

    /// The role the claim's values give, by the first mapping that matches; nil when none does.
    public func mapping(for values: [String]) -> RoleMapping? {
        roles.first { values.contains($0.value) }
    }

    /// Reads and checks a settings file; `roles` are the role names a mapping may give.
    /// Every problem is named with the file and line.
    public static func read(path: String, roles: [String]) throws(FrameworkLoadError) -> OpenIDSettings {
        let text = try BoundedFile.text(path, mostBytes: 64 << 10, what: "the sign-in settings")
        let root: DocumentNode
        do throws(Diagnostic) {
            root = try YAMLDocument.parse(text, file: path)
        } catch {
            throw FrameworkLoadError([error])
        }
        let log = ProblemLog()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var secretFile: (path: String, line: Int)?
        let settings = decode(root, roles: roles, log: log) { secretFile = ($0, $1) }
        var diagnostics = log.problems.map {
            Diagnostic(file: path, line: $0.line, path: String($0.path.trimmingPrefix("$.")), message: $0.message)
        }
        guard var settings, diagnostics.isEmpty, let secretFile else { throw FrameworkLoadError(diagnostics) }
        let secretPath = secretFile.path.hasPrefix("/") ? secretFile.path : folder.appending(path: secretFile.path).path
        do throws(FrameworkLoadError) {
            let secret = try BoundedFile.text(secretPath, mostBytes: 4 << 10, what: "the client secret")
            settings.clientSecret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            diagnostics = error.diagnostics.map {
                Diagnostic(
                    file: path, line: secretFile.line, path: "clientSecretFile", message: "\($0.file): \($0.message)")
            }
            throw FrameworkLoadError(diagnostics)
        }
        guard !settings.clientSecret.isEmpty else {
            throw FrameworkLoadError([
                Diagnostic(
                    file: path, line: secretFile.line, path: "clientSecretFile",
                    message: "\(secretPath) is empty: it must hold the client secret the provider gave")
            ])
        }
        return settings
    }

    private static func decode(
        _ root: DocumentNode, roles allowed: [String], log: ProblemLog, secretFile: (String, Int) -> Void
    ) -> OpenIDSettings? {
        guard let object = ObjectReader(root, path: "$", log: log) else { return nil }
        object.refuseUnknown(allowed: [
            "issuer", "clientId", "clientSecretFile", "redirectURL", "scopes", "providerName", "nameClaim",
            "rolesClaim", "roles",
        ])
        let issuer = object.string("issuer", required: true)
        let clientId = object.string("clientId", required: true)
        if let issuer, !isWebAddress(issuer) {
            log.add(object.value("issuer")!, "$.issuer", addressProblem("issuer", issuer))
        }
        let redirect = object.string("redirectURL", required: true)
        if let redirect, !isWebAddress(redirect) || URL(string: redirect)?.path != callbackPath {
            log.add(
                object.value("redirectURL")!, "$.redirectURL",
                "\(addressProblem("redirectURL", redirect)), ending \(callbackPath), where the workspace answers")
        }
        if let file = object.string("clientSecretFile", required: true) {
            secretFile(file, object.value("clientSecretFile")!.line)
        }
        var scopes = ["openid", "profile", "email"]
        if let list = object.array("scopes") {
            scopes = list.compactMap { node in
                guard case .string(let scope) = node.value, !scope.isEmpty, !scope.contains(" ") else {
                    log.add(node, "$.scopes", "each scope must be one word, such as openid")
                    return nil
                }
                return scope
            }
            if !scopes.contains("openid") {
                log.add(object.value("scopes")!, "$.scopes", "the scopes must include openid")
            }
        }
        let mappings = object.array("roles", required: true) ?? []
        if mappings.isEmpty, let node = object.value("roles") {
            log.add(node, "$.roles", "give at least one role: no one could sign in")
        }
        let roles = mappings.enumerated().compactMap { index, node in
            roleMapping(node, path: "$.roles[\(index)]", allowed: allowed, log: log)
        }
        guard let issuer, let clientId, let redirect else { return nil }
        return OpenIDSettings(
            issuer: issuer, clientId: clientId, clientSecret: "", redirectURL: redirect, scopes: scopes,
            providerName: object.string("providerName") ?? "your organisation",
            nameClaim: object.string("nameClaim") ?? "preferred_username",
            rolesClaim: object.string("rolesClaim") ?? "roles", roles: roles)
    }

    private static func roleMapping(
        _ node: DocumentNode, path: String, allowed: [String], log: ProblemLog
    ) -> RoleMapping? {
        guard let entry = ObjectReader(node, path: path, log: log) else { return nil }
        entry.refuseUnknown(allowed: ["value", "role", "agency"])
        let agency = entry.choice("agency", as: Agency.self)
        guard let value = entry.string("value", required: true), let role = entry.string("role", required: true)
        else { return nil }
        guard allowed.contains(role) else {
            log.add(entry.value("role")!, "\(path).role", "role must be one of \(allowed.joined(separator: ", "))")
            return nil
        }
        let reviewsAdvice = role == "dco" || role == "dsco"
        if reviewsAdvice && agency == nil {
            log.add(node, "\(path).agency", "a \(role) needs the agency whose advice they review, such as health")
        } else if !reviewsAdvice && agency != nil {
            log.add(entry.value("agency")!, "\(path).agency", "only a dco or dsco has an agency")
        }
        return RoleMapping(value: value, role: role, agency: agency)
    }

    /// `https://…`, or `http://` on this machine only (a provider under test).
    private static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else { return false }
        return url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host))
    }

    private static func addressProblem(_ key: String, _ text: String) -> String {
        "\(key) \"\(text)\" must be an https:// address (http:// only for 127.0.0.1 or localhost)"
    }
}
