import EHCPAuditKit
import Foundation

/// An audit's score as a page shows it: the grade in words, the percent, each section,
/// each cap explained, the actions largest gain first, and each advice.
struct ResultView {
    let record: AuditRecord
    let result: AuditResult
    let framework: Framework
    /// Who reads it: a designated officer sees only their agency's advice.
    let viewer: AuditStore.User

    var adviceOnly: Bool { [.dco, .dsco].contains(viewer.role) }

    func render() -> String {
        var html: [String] = []
        html.append(
            """
            <dl class="facts"><dt>Plan</dt><dd>\(Page.escape(record.planId))</dd><dt>Auditor</dt>\
            <dd>\(Page.escape(record.auditor))</dd><dt>Date</dt><dd>\(record.auditDate)</dd><dt>Kind</dt>\
            <dd>\(record.kind.rawValue)</dd><dt>Status</dt><dd>\(record.status.rawValue)</dd></dl>
            """)
        if !adviceOnly { html.append("<h2>Score</h2>" + PreviewPanel.summary(result, framework: framework)) }
        let advices = result.advices.filter { !adviceOnly || $0.agency == viewer.agency }
        if !advices.isEmpty {
            let reviews = viewer.role == .lead || adviceOnly
            let rows = advices.map { advice in
                var cells = [
                    Page.escape(advice.id), advice.agency.rawValue, Page.escape(advice.provider ?? "–"),
                    advice.status.rawValue, advice.percent.map { Formatting.fixed2($0) + "%" } ?? "–",
                    Page.escape(advice.grade?.label ?? "not scored"), advice.days.map(String.init) ?? "–",
                    advice.timely.map { $0 ? "yes" : "no" } ?? "–",
                ]
                if reviews {
                    let path = "/audits/\(Page.escape(record.auditId))/advice/\(Page.escape(advice.id))"
                    cells.append("<a href=\"\(path)\">Review \(Page.escape(advice.id))</a>")
                }
                return cells
            }
            let header =
                ["Advice", "Agency", "Provider", "What came back", "Percent", "Grade", "Days", "On time"]
                + (reviews ? ["Review"] : [])
            html.append("<h2>Advice</h2>" + Page.table("Advice behind the plan", header, rows))
        }
        return html.joined(separator: "\n")
    }
}

/// The live feedback beside the form: the grade, percent, caps and top actions the record
/// would get, or why it cannot be scored yet.
struct PreviewPanel {
    let outcome: Result<(AuditRecord, AuditResult), AuditForm.Refusal>
    let framework: Framework

    func render() -> String {
        switch outcome {
        case .success(let (_, result)):
            let summary = Self.summary(result, framework: framework)
            return "<section class=\"preview\" aria-label=\"Preview\"><h2>Preview</h2>\(summary)</section>"
        case .failure(let refusal):
            let items = refusal.problems.prefix(10).map { "<li>\(Page.escape($0.message))</li>" }.joined()
            let more = refusal.problems.count > 10 ? "<p>and \(refusal.problems.count - 10) more.</p>" : ""
            return """
                <section class="preview" aria-label="Preview"><h2>Preview</h2><p>Not ready to score yet:</p>\
                <ul>\(items)</ul>\(more)</section>
                """
        }
    }

    static func summary(_ result: AuditResult, framework: Framework) -> String {
        let boundary =
            result.boundaryGrade == result.grade ? "" : " (the percentage alone would be \(result.boundaryGrade.label))"
        let caps = result.caps.map {
            """
            <li>Limited to \(Page.escape($0.grade.label)) because \(Page.escape($0.criterion)) was rated \
            \(Page.escape(framework.rating($0.rating)?.label ?? $0.rating))</li>
            """
        }
        let actions = result.actions.prefix(5).map {
            """
            <li><strong>\(Page.escape($0.criterion))</strong> (+\(Formatting.fixed2($0.gain)) points): \
            \(Page.escape($0.text))</li>
            """
        }
        let sections = result.sections.map { section in
            let percent = section.percent.map { Formatting.fixed2($0) + "%" } ?? "not applicable"
            let grade = section.grade.map { ", " + Page.escape($0.label) } ?? ""
            return
                "<li>\(Page.escape(section.id)): \(percent)\(grade)</li>"
        }
        return """
            <p class="grade">Grade: <strong>\(Page.escape(result.grade.label))</strong>, \
            \(Formatting.fixed2(result.percent))%\(Page.escape(boundary))</p>
            \(caps.isEmpty ? "" : "<ul class=\"caps\">\(caps.joined())</ul>")
            \(actions.isEmpty ? "" : "<h3>What would improve it most</h3><ol>\(actions.joined())</ol>")
            <details><summary>Sections</summary><ul>\(sections.joined())</ul></details>
            """
    }
}
