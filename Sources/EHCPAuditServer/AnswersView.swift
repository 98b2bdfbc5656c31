import EHCPAuditKit

/// Everything an auditor recorded, in words: the plan's details, each section with every
/// criterion's rating (by its label) and comment, and each advice with its details and
/// ratings. The audit page and the check-your-answers step show it alike.
struct AnswersView {
    let record: AuditRecord
    let framework: Framework

    func render() -> HTML {
        let rated = Dictionary(record.judgements.map { ($0.criterion, $0) }, uniquingKeysWith: { a, _ in a })
        let sections = framework.sections.map { section -> HTML in
            let rows = section.criteria.map { criterion -> [HTML] in
                let judgement = rated[criterion.id]
                return [
                    "\(criterion.id)", "\(criterion.text)", "\(label(judgement?.rating))",
                    "\(judgement?.comment ?? "")",
                ]
            }
            return """
                <h3>\(section.id): \(section.title)</h3>\
                \(Page.table("Section \(section.id): \(section.title)", ["Criterion", "What it asks", "Rating", "Comment"], rows))
                """
        }
        let advices = record.advices.enumerated().map { place, advice -> HTML in
            let criteria = framework.advice?.criteria ?? []
            let ratings = Dictionary(advice.judgements.map { ($0.criterion, $0) }, uniquingKeysWith: { a, _ in a })
            let rows = criteria.map { criterion -> [HTML] in
                [
                    "\(criterion.id)", "\(criterion.text)", "\(label(ratings[criterion.id]?.rating))",
                    "\(ratings[criterion.id]?.comment ?? "")",
                ]
            }
            return """
                <h3>Advice \(place + 1): \(Words.agency(advice.agency))</h3>
                \(facts([
                    ("Reference", advice.id), ("Provider", advice.provider ?? "Not given"),
                    ("Role of the author", advice.role ?? "Not given"),
                    ("Requested", advice.requested?.description ?? "Not given"),
                    ("Received", advice.received?.description ?? "Not given"),
                    ("What came back", Words.adviceStatus(advice.status)),
                ]))
                \(rows.isEmpty ? .empty : Page.table("Advice \(place + 1)", ["Criterion", "What it asks", "Rating", "Comment"], rows))
                """
        }
        let plan = record.plan
        return """
            <h2>The plan and the audit</h2>
            \(facts([
                ("Plan", record.planId), ("Auditor", record.auditor), ("Date of the audit", record.auditDate.description),
                ("Kind", Words.kind(record.kind)), ("Status", Words.status(record.status)),
            ] + (record.moderates.map { [("Moderates", $0)] } ?? []) + [
                ("Locality", plan.locality ?? "Not given"), ("Phase", plan.phase.map(Words.phase) ?? "Not given"),
                ("Primary need", plan.primaryNeed.map(Words.primaryNeed) ?? "Not given"),
                ("Team", plan.team ?? "Not given"), ("Caseworker", plan.caseworker ?? "Not given"),
                ("Plan type", plan.planType.map(Words.planType) ?? "Not given"),
                ("Assessment requested", plan.requestDate?.description ?? "Not given"),
                ("Plan issued", plan.issueDate?.description ?? "Not given"),
            ]))
            <h2>Ratings and comments</h2>
            \(sections)
            \(advices.isEmpty ? .empty : "<h2>Advice behind the plan</h2>" + advices.joined())
            """
    }

    /// A GOV.UK summary list.
    func facts(_ rows: [(String, String)]) -> HTML {
        let items = rows.map { key, value -> HTML in
            "<div class=\"summary-row\"><dt>\(key)</dt><dd>\(value)</dd></div>"
        }
        return "<dl class=\"summary-list\">\(items)</dl>"
    }

    private func label(_ rating: String?) -> String {
        guard let rating else { return "Not rated" }
        return rating == "na" ? "N/A" : framework.rating(rating)?.label ?? rating
    }
}

/// The step before "Submit as final": the answers in words with the grade they make, and
/// the choice to submit them, change them or keep them as a draft. The fields travel on in
/// hidden inputs, so nothing is stored until the auditor confirms.
struct CheckAnswersPage {
    let record: AuditRecord
    let result: AuditResult
    let framework: Framework
    let fields: FormFields
    let csrf: String
    let action: Link
    /// The plan is not in the latest stored population: warned of, not refused.
    var unknownPlan = false

    func render() -> HTML {
        let warning: HTML =
            unknownPlan
            ? """
            <div class="warning" role="note"><strong>Check the plan reference:</strong> plan \(record.planId) is not \
            in the stored population. If it is right (a plan opened since), submit as it is.</div>
            """ : .empty
        let carried = fields.pairs.filter { !["csrf", "status", "action", "confirmed"].contains($0.name) }
        let hidden = carried.map { name, value -> HTML in "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
        }
        return """
            \(warning)
            <div class="panel"><p class="grade">This audit will be graded <strong>\(result.grade.label)</strong> \
            (\(Formatting.fixed2(result.percent))%).</p><p>Once submitted as final, only the lead can change it.</p></div>
            \(AnswersView(record: record, framework: framework).render())
            <form method="post" action="\(action)">
            <input type="hidden" name="csrf" value="\(csrf)">\(hidden)
            <input type="hidden" name="confirmed" value="yes">
            <div class="buttons">
            <button type="submit" name="status" value="final">Submit as final</button>
            <button type="submit" name="action" value="change" class="secondary">Change your answers</button>
            <button type="submit" name="status" value="draft" class="secondary">Save as a draft instead</button>
            </div>
            </form>
            """
    }
}

/// The notification banner a page shows after an action, named in its address
/// (`?done=saved`): only these fixed words, never text from the address.
enum Banner: String {
    case saved, submitted, assigned, reviewed, moderator, drawn

    var message: String {
        switch self {
        case .saved: "Your draft is saved. You can come back to it from your worklist."
        case .submitted: "The audit is submitted as final."
        case .assigned: "The assignments are saved."
        case .reviewed: "Your review is saved."
        case .moderator: "The moderation is asked for: it is on the moderator's worklist."
        case .drawn: "The sample is drawn."
        }
    }

    /// The banner for a request's `done` value, if it names one; `count` (a number) says how
    /// many plans an assignment saved.
    static func html(_ done: Substring?, count: Substring? = nil) -> HTML {
        guard let banner = done.flatMap({ Banner(rawValue: String($0)) }) else { return .empty }
        var message = banner.message
        if banner == .assigned, let count = count.flatMap({ Int($0) }) {
            message = "\(count) \(count == 1 ? "plan is" : "plans are") assigned."
        }
        return """
            <div class="notification-banner" role="status" aria-labelledby="banner-title">\
            <h2 id="banner-title">Done</h2><p>\(message)</p></div>
            """
    }
}
