import EHCPAuditKit

/// `/accessibility`: the accessibility statement a public body publishes, in the order of
/// GOV.UK's model statement: what users can do, how accessible it is, feedback, enforcement,
/// compliance status, non-accessible content, how it was tested, and when it was prepared.
/// The known gaps are those docs/workspace.md and the browser checks record. A council's
/// own text (``SiteInfo/accessibility``) replaces it whole.
///
/// ```swift
/// AccessibilityStatement.body(siteInfo)   // the page's content, under its heading
/// ```
enum AccessibilityStatement {
    static let title = "Accessibility statement for ehcp-audit"

    static func body(_ info: SiteInfo?) -> HTML {
        if let own = info?.accessibility { return StatementText.paragraphs(own) }
        let council = info?.council ?? "the council that runs it"
        let runner = info?.council ?? "The council that runs this workspace"
        return """
            <p>This accessibility statement applies to the ehcp-audit workspace at this address, run by \(council) \
            to check the quality of Education, Health and Care Plans.</p>
            <p>We want as many people as possible to be able to use it. For example, that means you should be \
            able to:</p>
            <ul><li>change colours, contrast levels and fonts using your browser or device settings</li>\
            <li>zoom in up to 400% without the text spilling off the screen</li>\
            <li>use every page with a keyboard alone, and without JavaScript</li>\
            <li>use it on a phone as well as a computer</li></ul>
            <h2>How accessible this website is</h2>
            <p>We know some parts of this website are not fully accessible:</p>
            <ul>\(gaps.map { gap -> HTML in "<li>\(gap)</li>" })</ul>
            <h2>Feedback and contact information</h2>
            <p>If you find a problem with this website, or need its information in a different format, \
            \(StatementText.contact(info)). We will consider your request and reply.</p>
            <h2>Enforcement procedure</h2>
            <p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector \
            Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the \
            accessibility regulations). If you are not happy with how we respond to your complaint, contact the \
            <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.</p>
            <h2>Technical information about this website's accessibility</h2>
            <p>\(runner) is committed to making its website accessible, in accordance with the accessibility \
            regulations.</p>
            <h3>Compliance status</h3>
            <p>This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA \
            standard, due to the non-compliance listed below.</p>
            <h2>Non-accessible content</h2>
            <h3>Non-compliance with the accessibility regulations</h3>
            <p>On a phone, the rows of the worklist and of the reports' tables do not stack: a wide table scrolls \
            sideways inside its own area, with each row's action kept in its second column so that it stays on \
            the screen. This may fail WCAG 2.2 success criterion 1.4.10 (Reflow).</p>
            <h3>Content that is not within the scope of the accessibility regulations</h3>
            <p>Plan documents that people upload to be checked are the council's own documents, read and never \
            kept here. Downloads in CSV, JSON, Markdown and XML are data for other programs; every report is \
            also offered as a web page.</p>
            <h2>How we tested this website</h2>
            <p>Every page of the workspace, its error pages and these statements are tested on every change in \
            the Chromium browser with the axe-core accessibility checker, at a desktop width (1280 pixels) and a \
            phone width (390 pixels), and no page may be wider than the phone's screen. The sign-in page and \
            these statements are also used with the keyboard alone. The pages follow the GOV.UK Design System's \
            patterns.</p>
            <h2>Preparation of this accessibility statement</h2>
            <p>\(prepared(info))</p>
            """
    }

    /// What is known not to work for everyone, in plain words.
    static let gaps = [
        "on a phone, tables such as the worklist scroll sideways instead of stacking each row",
        "the workspace has not yet been tested with screen readers (such as NVDA, JAWS or VoiceOver) or by "
            + "disabled people; automated checks find only some problems",
        "the audit form is long, one question per criterion; progress is kept when it is saved as a draft",
    ]

    private static func prepared(_ info: SiteInfo?) -> String {
        guard let info else {
            return "This statement is the workspace's own; the council that runs it has not yet dated it."
        }
        return "This statement was prepared on \(Words.date(info.statementDate))."
    }
}
