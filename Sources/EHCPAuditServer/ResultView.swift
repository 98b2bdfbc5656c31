import EHCPAuditKit
import Foundation

/// An audit's score as a page shows it: the grade in words, the percent, each section,
/// each cap explained, the actions largest gain first, and each advice. A reader the access
/// policy lets review advice but not read the audit sees the plain facts and the advice of
/// their agency only.
struct ResultView {
    let record: AuditRecord
    let result: AuditResult
    let framework: Framework
    let access: AccessPolicy

    func render() -> HTML {
        var html: [HTML] = []
        let whole = access.mayRead(record)
        if whole {
            let downloads = [("json", "JSON"), ("xml", "XML")].map { format, words -> HTML in
                Page.link(Link("audits", record.auditId, "record", format), words)
            }
            html.append(
                """
                <p class="no-print">Download this audit: \(downloads.joined(separator: ", ")). \
                Print it from the browser: the page prints whole.</p>
                <h2>Score</h2>\(PreviewPanel.summary(result, framework: framework, actions: nil))
                \(AnswersView(record: record, framework: framework).render())
                """)
        } else {
            html.append(
                AnswersView(record: record, framework: framework).facts([
                    ("Plan", record.planId), ("Auditor", record.auditor),
                    ("Date of the audit", record.auditDate.description), ("Kind", Words.kind(record.kind)),
                    ("Status", Words.status(record.status)),
                ]))
        }
        let advices = result.advices.filter { advice in
            record.advices.first { $0.id == advice.id }.map(access.mayReview) ?? false
        }
        if !advices.isEmpty {
            let rows = advices.map { advice -> [HTML] in
                [
                    "\(advice.id)", "\(Words.agency(advice.agency))", "\(advice.provider ?? "Not given")",
                    "\(Words.adviceStatus(advice.status))",
                    "\(advice.percent.map { Formatting.fixed2($0) + "%" } ?? "–")",
                    "\(advice.grade?.label ?? "not scored")", "\(advice.days.map(String.init) ?? "–")",
                    "\(advice.timely.map { $0 ? "yes" : "no" } ?? "–")",
                    Page.link(Link("audits", record.auditId, "advice", advice.id), "Review \(advice.id)"),
                ]
            }
            let header = [
                "Advice", "Agency", "Provider", "What came back", "Percent", "Grade", "Days", "On time", "Review",
            ]
            html.append("<h2>Advice scores</h2>" + Page.table("The advice behind the plan, scored", header, rows))
        }
        return html.joined(separator: "\n")
    }
}

/// The live feedback beside the form: the grade, percent, caps and top actions the record
/// would get, or why it cannot be scored yet.
struct PreviewPanel {
    let outcome: Result<(AuditRecord, AuditResult), AuditForm.Refusal>
    let framework: Framework

    func render() -> HTML {
        switch outcome {
        case .success(let (_, result)):
            let summary = Self.summary(result, framework: framework)
            return "<section class=\"preview\" aria-label=\"Grade so far\"><h2>Grade so far</h2>\(summary)</section>"
        case .failure(let refusal):
            // Criteria not rated yet are the panel's count; the other problems are named.
            let unrated = refusal.problems.filter { $0.message.contains("has no judgement") }.count
            let others = refusal.problems.filter { !$0.message.contains("has no judgement") }
            let items = others.prefix(3).map { problem -> HTML in "<li>\(problem.message)</li>" }
            let more: HTML = others.count > 3 ? "<p>and \(others.count - 3) more.</p>" : .empty
            let waiting: HTML = unrated > 0 ? "<p>\(unrated) to rate before there is a grade.</p>" : .empty
            let list: HTML = items.isEmpty ? .empty : "<ul class=\"problems\">\(items)</ul>"
            return """
                <section class="preview" aria-label="Grade so far"><h2>Grade so far</h2>\(waiting)\(list)\(more)</section>
                """
        }
    }

    /// The grade, percent, caps, actions (the first `actions`, or all) and sections.
    static func summary(_ result: AuditResult, framework: Framework, actions limit: Int? = 5) -> HTML {
        let boundary =
            result.boundaryGrade == result.grade ? "" : " (the percentage alone would be \(result.boundaryGrade.label))"
        let caps = result.caps.map { cap -> HTML in
            """
            <li>Limited to \(cap.grade.label) because \(cap.criterion) was rated \
            \(framework.rating(cap.rating)?.label ?? cap.rating)</li>
            """
        }
        let actions = result.actions.prefix(limit ?? result.actions.count).map { action -> HTML in
            "<li><strong>\(action.criterion)</strong> (+\(Formatting.fixed2(action.gain)) points): \(action.text)</li>"
        }
        let sections = result.sections.map { section -> HTML in
            let percent = section.percent.map { Formatting.fixed2($0) + "%" } ?? "not applicable"
            let grade = section.grade.map { ", " + $0.label } ?? ""
            let title = framework.sections.first { $0.id == section.id }?.title ?? ""
            return "<li>\(section.id) \(title): \(percent)\(grade)</li>"
        }
        let capList: HTML = caps.isEmpty ? .empty : "<ul class=\"caps\">\(caps)</ul>"
        let actionList: HTML = actions.isEmpty ? .empty : "<h3>What would improve it most</h3><ol>\(actions)</ol>"
        let soFar =
            result.isProvisional
            ? " so far, from \(result.completeness.judged) of \(result.completeness.expected) criteria rated" : ""
        return """
            <p class="grade">Grade\(soFar): <strong>\(result.grade.label)</strong>, \
            \(Formatting.fixed2(result.percent))%\(boundary)</p>
            \(capList)
            \(actionList)
            \(limit == nil ? "<h3>Sections</h3><ul>\(sections)</ul>" : "<details><summary>Sections</summary><ul>\(sections)</ul></details>" as HTML)
            """
    }
}
