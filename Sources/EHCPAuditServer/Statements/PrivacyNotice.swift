import EHCPAuditKit

/// `/privacy`: a short privacy notice saying what the workspace keeps (exactly what its
/// store and log hold), the council's lawful basis and retention in its own words, people's
/// rights and whom to ask. A council's own text (``SiteInfo/privacy``) replaces it whole;
/// docs/data-protection.md is the full account.
///
/// ```swift
/// PrivacyNotice.body(siteInfo)   // the page's content, under its heading
/// ```
enum PrivacyNotice {
    static let title = "Privacy notice"

    static func body(_ info: SiteInfo?) -> HTML {
        if let own = info?.privacy { return StatementText.paragraphs(own) }
        let council = info?.council ?? "The council that runs this workspace"
        let lawfulBasis =
            info?.lawfulBasis.map(StatementText.paragraphs)
            ?? "<p>The council has not yet stated its lawful basis here; ask it, as below.</p>"
        let retention =
            info?.retention.map(StatementText.paragraphs)
            ?? "<p>Records are kept until the council removes them under its retention schedule.</p>"
        return """
            <p>\(council) uses this workspace to check the quality of Education, Health and Care Plans, and is \
            the controller of the information in it.</p>
            <h2>What the workspace keeps</h2>
            <ul><li>Audits of plans: each plan is named by a reference only, never by a child's name, date of \
            birth or pupil number (a record holding them is refused), with the auditor's ratings and comments, \
            the grade, and each advice's agency, dates and ratings.</li>\
            <li>The plans to be audited: their references, locality, phase of education, primary need, and the \
            team's and caseworker's references.</li>\
            <li>Checks of plan documents: the plan's reference, its status and dates, how many findings of each \
            kind, and a fingerprint of the document; the document itself is read and never kept.</li>\
            <li>The people who use it: a user name, a role, a designated officer's agency, and a password and any \
            API token kept only in a form from which they cannot be read back.</li>\
            <li>A trail of who did what and when, including sign-ins, and a server log of each request (the \
            page, the answer, the time taken and the user name, never what a form held).</li></ul>
            <p>Two cookies, both needed for the workspace to work: <code>ehcp_session</code> (who is signed in, \
            until they sign out or after 8 idle hours) and <code>ehcp_sign_in</code> (it protects the sign-in \
            form). There are no analytics or advertising cookies.</p>
            <h2>Lawful basis</h2>
            \(lawfulBasis)
            <h2>How long it is kept</h2>
            \(retention)
            <h2>Your rights</h2>
            <p>Under the UK GDPR you may ask for the information held about you, and ask for it to be corrected or \
            erased, or its use restricted or objected to. Because plans are named here by reference only, a \
            request about a child's plan is answered by the council, which holds the key to its references. If you \
            are unhappy with the answer, you may complain to the \
            <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner's Office</a>.</p>
            <h2>Contact</h2>
            <p>For a question about this notice, \(StatementText.contact(info)).</p>
            """
    }
}
