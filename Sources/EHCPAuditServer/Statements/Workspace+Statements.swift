import EHCPAuditKit
import Hummingbird

/// The statements a public body publishes (docs/deploying.md, "The public pages"): open to
/// everyone, with the navigation for someone signed in; `serve --site-info` gives the
/// council's name, contact and words.
extension Workspace {
    /// `GET /accessibility`.
    @Sendable func accessibilityStatement(_ request: Request, context: WorkspaceContext) async throws -> Response {
        statement(AccessibilityStatement.title, AccessibilityStatement.body(siteInfo), context: context)
    }

    /// `GET /privacy`.
    @Sendable func privacyNotice(_ request: Request, context: WorkspaceContext) async throws -> Response {
        statement(PrivacyNotice.title, PrivacyNotice.body(siteInfo), context: context)
    }

    private func statement(_ title: String, _ body: HTML, context: WorkspaceContext) -> Response {
        let signedIn = context.signedIn.current
        return .html(Page.render(title: title, user: signedIn?.user, csrf: signedIn?.csrf, body: body))
    }
}
