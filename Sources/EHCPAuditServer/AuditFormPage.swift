import EHCPAuditKit
import Foundation

/// The audit form, generated from the framework: the plan's details, sections A–K with one
/// `fieldset` per criterion (legend: id and text; guidance behind a disclosure), rating
/// radios (N/A only where the criterion allows it) and a comment box each, and the advice
/// behind the plan, with "Add another advice" and "Remove" buttons that work without
/// JavaScript. Beside it (above it on a phone) a panel stays in view with the grade so far,
/// how many criteria are rated, a link to each section marked complete or not, and the
/// buttons. Submitted values come back with each problem beside its field.
struct AuditFormPage {
    let framework: Framework
    let fields: FormFields
    let problems: [AuditForm.Problem]
    let csrf: String
    /// Where the form posts.
    let action: Link
    /// Where Preview posts: `/preview` for a new audit, `/audits/{id}/preview` for a change.
    let previewAction: Link
    /// The numbers of the advice blocks shown (at least one).
    var advices: [Int] = [0]
    /// The grade so far, when the form has been scored.
    var preview: HTML = .empty

    func render() -> HTML {
        var sections: [HTML] = [details()]
        for section in framework.sections {
            let criteria = section.criteria.map { criterionFieldset($0, prefix: "", section: section.id) }
            sections.append(
                """
                <section id="section-\(section.id)" class="criteria-section">\
                <h2>\(section.id): \(section.title)</h2>\(criteria)</section>
                """)
        }
        if let advice = framework.advice { sections.append(adviceSections(advice)) }
        return """
            \(Page.errorSummary(problems))
            <form method="post" action="\(action)" class="audit-form" enctype="multipart/form-data" novalidate>
            <input type="hidden" name="csrf" value="\(csrf)">
            <input type="hidden" name="framework.id" value="\(framework.id)">\(versionField)\(planChecksFields)
            <div class="form-layout">
            \(progressPanel())
            <div class="form-main">
            \(planCheckPanel())
            \(sections.joined(separator: "\n"))
            <div class="buttons">
            <button type="submit" name="status" value="final">Submit as final</button>
            <button type="submit" name="status" value="draft" class="secondary">Save as draft</button>
            <button type="submit" formaction="\(previewAction)" class="secondary">Show the grade so far</button>
            </div>
            </div>
            </div>
            </form>
            """
    }

    /// What the plan checks found, carried unchanged so that saving the audit again keeps it.
    var planChecksFields: HTML {
        let carried = AuditForm.planChecksFields(in: fields) + AuditForm.suggestionFields(in: fields)
        let inputs = carried.map { name, value -> HTML in
            "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
        }
        return "\(inputs)"
    }

    /// The version of the stored audit the form was opened on, carried so that a change made
    /// from it after someone else's is refused.
    var versionField: HTML {
        fields["version"].map { version -> HTML in "<input type=\"hidden\" name=\"version\" value=\"\(version)\">" }
            ?? .empty
    }

    /// The panel that stays in view: the grade so far, the count rated, the sections and the
    /// buttons. Its "Submit as final" is the form's first button, so Enter in a field submits
    /// (to the check-your-answers page), never previews.
    private func progressPanel() -> HTML {
        let criteria = framework.sections.flatMap(\.criteria)
        let rated = criteria.filter { fields.text("judgement.\($0.id)") != nil }.count
        let items = framework.sections.map { section -> HTML in
            let done = section.criteria.allSatisfy { fields.text("judgement.\($0.id)") != nil }
            return """
                <li><a href="#section-\(section.id)">\(section.id): \(section.title)</a> \
                <strong class="tag\(done ? " done" : "")" data-section-status="\(section.id)">\
                \(done ? "Complete" : "Not yet")</strong></li>
                """
        }
        return """
            <aside class="progress-panel" aria-label="Progress">
            <p class="rated"><strong data-rated>\(rated)</strong> of <span data-criteria>\(criteria.count)</span> \
            criteria rated</p>
            <div class="buttons">
            <button type="submit" name="status" value="final">Submit as final</button>
            <button type="submit" name="status" value="draft" class="secondary">Save as draft</button>
            </div>
            <div id="preview" class="live" aria-live="polite">\(preview)</div>
            <details class="sections-list"><summary>Sections</summary><ol class="task-list">\(items)\
            <li><a href="#section-details">The plan and the audit</a></li>\
            \(adviceItem)</ol></details>
            </aside>
            """
    }

    /// The progress panel's link to the advice, for a framework that judges advice.
    private var adviceItem: HTML {
        framework.advice == nil ? .empty : "<li><a href=\"#section-advice\">Advice</a></li>"
    }

    private func details() -> HTML {
        let exceptionBox = checkbox(
            "plan.timelinessException", "An exception to the 20-week limit applies (Regulation 13(3))",
            hint: "The plan is then left out of the share issued within 20 weeks")
        return """
            <section id="section-details"><h2>The plan and the audit</h2>
            \(input("planId", "Plan reference", hint: "The pseudonymous reference, never the child's name"))
            \(input("auditDate", "Date of the audit", type: "date"))
            \(kindRadios())
            \(input("auditId", "Audit reference", hint: "Leave blank to have one assigned"))
            \(input("plan.locality", "Locality"))
            \(select("plan.phase", "Phase", Phase.allCases.map { ($0.rawValue, Words.phase($0)) }, optional: true))
            \(select(
                "plan.primaryNeed", "Primary need (SEN2)", PrimaryNeed.allCases.map { ($0.rawValue, Words.primaryNeed($0)) },
                optional: true))
            \(input("plan.team", "Team"))
            \(input("plan.caseworker", "Caseworker reference"))
            \(select("plan.planType", "Plan type", PlanType.allCases.map { ($0.rawValue, Words.planType($0)) }, optional: true))
            \(input("plan.requestDate", "Date the assessment was requested", type: "date"))
            \(input("plan.issueDate", "Date the plan was issued", type: "date"))
            \(exceptionBox)
            </section>
            """
    }

    /// The kind of audit as radios; "Audit this one moderates" is revealed under
    /// "Moderation" only when it is chosen (by CSS, so without JavaScript too), unless it
    /// already holds a value or a problem.
    private func kindRadios() -> HTML {
        let chosen = fields["kind"] ?? AuditKind.routine.rawValue
        let open = fields.text("moderates") != nil || problems.contains { $0.field == "moderates" }
        let radios = AuditKind.allCases.enumerated().map { i, kind -> HTML in
            let id = Page.fieldId("kind") + (i == 0 ? "" : "-\(kind.rawValue)")
            let radio: HTML = """
                <input type="radio" id="\(id)" name="kind" value="\(kind.rawValue)"\
                \(chosen == kind.rawValue ? " checked" : "")><label for="\(id)">\(Words.kind(kind))</label>
                """
            guard kind == .moderation else { return radio }
            return radio + """
                <div class="conditional\(open ? " shown" : "")">\
                \(input("moderates", "Audit this one moderates", hint: "The audit reference, for example AUD-2025-06-0012"))\
                </div>
                """
        }
        return """
            <fieldset class="field\(problems.contains { $0.field == "kind" } ? " has-error" : "")">\
            <legend>Kind of audit</legend>\(errors("kind"))<div class="radios">\(radios)</div></fieldset>
            """
    }

    /// "Check the plan document": an upload read in memory, whose findings come back as
    /// suggestions beside the criteria they inform.
    func planCheckPanel() -> HTML {
        let checked = fields[AuditForm.checkedFile]
        let suggestions = fields.pairs.filter { $0.name.hasPrefix(AuditForm.suggested) }.count
        var notice = HTML.empty
        if let checked {
            let found: HTML =
                suggestions == 0
                ? "They suggest no rating: an auditor still reads the plan."
                : """
                They suggest a rating for \(suggestions) criteri\(suggestions == 1 ? "on" : "a"), shown beside \
                each; take or leave each one. <button type="submit" name="action" value="take-all" \
                class="secondary">Take every suggestion</button>
                """
            notice = "<div class=\"notice\" role=\"status\"><p>The plan checks read \(checked). \(found)</p></div>"
        }
        return """
            <section class="plan-check" aria-labelledby="plan-check-heading">\
            <h2 id="plan-check-heading">Check the plan document</h2>\(notice)\
            <div class="field"><label for="f-planDocument">Plan document (optional)</label>\
            <span class="hint" id="f-planDocument-hint">A .docx, .odt, .md or .txt file of at most 20 MB. It is read \
            in memory and not kept; the audit keeps only how many of each finding there were.</span>\
            \(errors("planDocument"))<input type="file" id="f-planDocument" name="planDocument" \
            accept=".docx,.odt,.md,.txt" aria-describedby="f-planDocument-hint"></div>\
            <button type="submit" name="action" value="check-plan" class="secondary">Check the plan document</button>\
            </section>
            """
    }

    func checkbox(_ name: String, _ label: String, hint: String) -> HTML {
        let id = Page.fieldId(name)
        return """
            <div class="field checkbox\(problems.contains { $0.field == name } ? " has-error" : "")">\
            \(errors(name))<input type="checkbox" id="\(id)" name="\(name)" value="true"\
            \(fields[name] == "true" ? " checked" : "") aria-describedby="\(id)-hint"> \
            <label for="\(id)">\(label)</label><p class="hint" id="\(id)-hint">\(hint)</p></div>
            """
    }

    func input(_ name: String, _ label: String, type: String = "text", hint: String? = nil) -> HTML {
        let id = Page.fieldId(name)
        let hintHTML = hint.map { text -> HTML in "<p class=\"hint\" id=\"\(id)-hint\">\(text)</p>" } ?? .empty
        let described: HTML = hint == nil ? .empty : " aria-describedby=\"\(id)-hint\""
        return """
            <div class="field\(problems.contains { $0.field == name } ? " has-error" : "")">\
            <label for="\(id)">\(label)</label>\(hintHTML)\
            \(errors(name))<input type="\(type)" id="\(id)" name="\(name)" value="\(fields[name] ?? "")"\(described)></div>
            """
    }

    /// A list to choose from: `options` are (value, words) pairs.
    func select(_ name: String, _ label: String, _ options: [(String, String)], optional: Bool = false) -> HTML {
        let id = Page.fieldId(name)
        let chosen = fields[name]
        let list = (optional ? [("", "Not given")] : []) + options
        let choices = list.map { value, words -> HTML in
            "<option value=\"\(value)\"\(chosen == value ? " selected" : "")>\(words)</option>"
        }
        return """
            <div class="field\(problems.contains { $0.field == name } ? " has-error" : "")">\
            <label for="\(id)">\(label)</label>\(errors(name))<select id="\(id)" name="\(name)">\(choices)</select></div>
            """
    }

    func errorClass(_ name: String) -> HTML {
        problems.contains { $0.field == name } ? " class=\"has-error\" id=\"\(Page.fieldId(name))-group\"" : .empty
    }

    func errors(_ name: String) -> HTML {
        problems.filter { $0.field == name }.map { problem -> HTML in "<p class=\"error\">\(problem.message)</p>" }
            .joined()
    }
}
