import EHCPAuditKit
import Foundation

/// A designated officer's review of one advice: who wrote it and when it came, then what
/// came back and each advice criterion, as the audit form asks them, under the same field
/// names (`advice.<n>.…`), so that a review goes through the same checks as the form.
struct AdviceReviewPage {
    let form: AuditFormPage
    /// The advice's number in the form's fields.
    let number: Int
    let advice: Advice
    /// The latest review, if any.
    let review: (reviewer: String, at: String)?

    /// The fields an officer may change: the rest of the advice, and the audit, stay as stored.
    static func reviewable(_ name: Substring) -> Bool {
        ["requested", "received", "status", "timelinessException", "judgement", "comment"].contains(
            name.split(separator: ".").first ?? "")
    }

    func render() -> HTML {
        let prefix = "advice.\(number)."
        let criteria = form.framework.advice?.criteria ?? []
        let needs = criteria.filter(\.needsDependent).map(\.id).joined(separator: ", ")
        let reviewed = review.map { review -> HTML in "<p>Last reviewed by \(review.reviewer) at \(review.at).</p>" }
        return """
            \(Page.errorSummary(form.problems))
            <dl class="facts"><dt>Advice</dt><dd>\(advice.id)</dd><dt>Agency</dt>\
            <dd>\(Words.agency(advice.agency))</dd><dt>Provider</dt><dd>\(advice.provider ?? "–")</dd>\
            <dt>Role</dt><dd>\(advice.role ?? "–")</dd></dl>
            \(reviewed ?? .empty)
            <form method="post" action="\(form.action)" novalidate>
            <input type="hidden" name="csrf" value="\(form.csrf)">\(form.versionField)
            <p class="hint">Advice is on time when it comes within \(form.framework.advice?.deadlineDays ?? 42) days of \
            the request. When it identified no needs, leave \(needs) unrated: they are rated N/A for you, since \
            they do not apply (they are not inadequate).</p>
            \(form.input(prefix + "requested", "Date requested", type: "date"))
            \(form.input(prefix + "received", "Date received", type: "date"))
            \(form.select(
                prefix + "status", "What came back", AdviceStatus.allCases.map { ($0.rawValue, Words.adviceStatus($0)) }))
            \(form.deadlineException(prefix))
            \(criteria.map { form.criterionFieldset($0, prefix: prefix, section: "advice") }.joined(separator: "\n"))
            <div class="buttons"><button type="submit">Save the review</button></div>
            </form>
            """
    }
}
