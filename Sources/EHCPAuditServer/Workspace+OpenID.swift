import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in through the council's identity provider (`serve --oidc`; docs/deploying.md,
/// "Single sign-on"): the authorization code flow with PKCE, `state` and `nonce`.
extension Workspace {
    /// `GET /login/start`: sends the person to the provider's sign-in page, with this
    /// attempt sealed in a cookie of its own.
    @Sendable func startProviderSignIn(_ request: Request, context: WorkspaceContext) async throws -> Response {
        guard let provider = openID else { throw PageError(.notFound, "There is no such page") }
        let flow = OpenIDFlow(next: Self.localPath(request.uri.queryParameters["next"]), now: now())
        let address: String
        do {
            address = try await provider.signInAddress(for: flow)
        } catch {
            throw await refusal(error, status: .badGateway)
        }
        var response = Response(status: .seeOther, headers: [.location: address])
        response.setCookie(flowCookie(flow.sealed(with: signInKey), maxAge: Int(OpenIDFlow.lifetime)))
        return response
    }

    /// `GET /login/callback`: the provider sends the person back with a code (or an error);
    /// the code is exchanged for an ID token, which is checked; the user is found or made
    /// with the role the token's claims give, and signed in.
    @Sendable func finishProviderSignIn(_ request: Request, context: WorkspaceContext) async throws -> Response {
        guard let provider = openID else { throw PageError(.notFound, "There is no such page") }
        let settings = provider.settings
        let query = request.uri.queryParameters
        guard let sealed = request.cookies[OpenIDFlow.cookie]?.value,
            let flow = OpenIDFlow.opened(sealed, with: signInKey, now: now())
        else {
            throw await refusal(
                OpenIDError.refused("the sign-in took longer than 10 minutes or began in another browser"))
        }
        if let error = query["error"] {
            throw await refusal(
                OpenIDError.refused("\(settings.providerName) said: \(query["error_description"] ?? error)"))
        }
        guard let state = query["state"], Security.same(String(state), flow.state), let code = query["code"] else {
            throw await refusal(OpenIDError.refused("the answer does not belong to this sign-in"))
        }
        let token: OpenIDToken
        do {
            token = try await provider.identity(code: String(code), flow: flow)
        } catch {
            throw await refusal(error)
        }
        let name = token.claims[settings.nameClaim]?.first ?? ""
        if name.isEmpty || RecordText.wordProblem(name) != nil
            || RecordText.referenceProblem(name, example: "aud-7") != nil
        {
            throw await refusal(
                OpenIDError.refused(
                    "the claim \(settings.nameClaim) does not give a name the workspace can use as an auditor "
                        + "reference (a short word, no personal name or date)"))
        }
        let values = token.claims[settings.rolesClaim] ?? []
        guard let mapping = settings.mapping(for: values), let role = AuditStore.Role(rawValue: mapping.role) else {
            throw await refusal(
                OpenIDError.refused("\(name) has no role in the workspace"), status: .forbidden,
                advice: "Ask the QA lead to add you to one of the workspace's groups at \(settings.providerName).")
        }
        let now = now()
        let outcome = try await withStore {
            try $0.signInFromProvider(name: name, role: role, agency: mapping.agency, at: Security.timestamp(now))
        }
        guard case .signedIn = outcome else {
            throw PageError(.forbidden, "Your workspace account is disabled: ask the QA lead")
        }
        let session = try await startSession(for: name, at: now)
        let next = flow.next.map { Link(address: $0) } ?? .home
        // The provider's page began this navigation, so the browser would not send the
        // SameSite=Strict session cookie along a redirect: the page refreshes itself instead,
        // a navigation of this site's own.
        var response = Response.html(
            Page.render(
                title: "Signed in", user: nil, csrf: nil,
                body: "<p>You are signed in. <a href=\"\(next)\">Continue</a>.</p>"))
        response.headers[HTTPField.Name("Refresh")!] = "0; url=\(next.address)"
        response.setCookie(session)
        response.setCookie(flowCookie("", maxAge: 0))
        return response
    }

    /// The attempt's cookie: `SameSite=Lax`, since the provider sends the person back from
    /// another site, and the session's cookie stays `Strict`.
    private func flowCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: OpenIDFlow.cookie, value: value, maxAge: maxAge, path: "/login", secure: secureCookies,
            httpOnly: true, sameSite: .lax)
    }

    /// A refused sign-in: recorded in the trail (without the token), and a page saying why
    /// and what to do.
    private func refusal(
        _ error: any Error, status: HTTPResponse.Status = .unauthorized, advice: String? = nil
    ) async -> PageError {
        let reason =
            switch error as? OpenIDError {
            case .provider(let text): "The sign-in service could not be used: \(text)"
            case .refused(let text): "You could not be signed in: \(text)"
            case nil: "You could not be signed in"
            }
        metrics?.signInFailed()
        let time = Security.timestamp(now())
        _ = try? await withStore { try $0.log(user: nil, action: "sign-in.refused", subject: reason, at: time) }
        let status = if case .provider = error as? OpenIDError { HTTPResponse.Status.badGateway } else { status }
        return PageError(status, reason + ". " + (advice ?? "Sign in again from the sign-in page."))
    }
}
