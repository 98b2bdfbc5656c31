import EHCPAuditKit
import Foundation

/// The audit form, generated from the framework: the plan's details, sections A–K with
/// one `fieldset` per criterion (legend: id and text; the action as guidance), rating
/// radios (N/A only where the criterion allows it) and a comment box each, and the advice
/// behind the plan. Submitted values are shown again with each problem beside its field.
struct AuditFormPage {
    let framework: Framework
    let fields: FormFields
    let problems: [AuditForm.Problem]
    let csrf: String
    /// Where the form posts.
    let action: Link
    /// Where Preview posts: `/preview` for a new audit, `/audits/{id}/preview` for a change.
    let previewAction: Link
    /// How many advice blocks to show at least.
    var advices = 1

    func render() -> HTML {
        var html = [Page.errorSummary(problems)]
        html.append(
            """
            <form method="post" action="\(action)" class="audit-form" novalidate>
            <input type="hidden" name="csrf" value="\(csrf)">
            <input type="hidden" name="framework.id" value="\(framework.id)">
            """)
        html.append(details())
        for section in framework.sections {
            html.append("<section><h2>\(section.id) \(section.title)</h2>")
            for criterion in section.criteria { html.append(criterionFieldset(criterion, prefix: "")) }
            html.append("</section>")
        }
        if let advice = framework.advice { html.append(adviceSections(advice)) }
        html.append(
            """
            <div id="preview" class="preview" aria-live="polite"></div>
            <div class="buttons">
            <button type="submit" formaction="\(previewAction)" class="secondary">\
            Preview the grade</button>
            <button type="submit" name="status" value="draft" class="secondary">Save as draft</button>
            <button type="submit" name="status" value="final">Submit as final</button>
            </div>
            </form>
            """)
        return html.joined(separator: "\n")
    }

    private func details() -> HTML {
        let exceptionBox = checkbox(
            "plan.timelinessException", "An exception to the 20-week limit applies (Regulation 13(3))",
            hint: "The plan is then left out of the share issued within 20 weeks")
        let kinds = AuditKind.allCases.map(\.rawValue)
        return """
            <section><h2>The plan and the audit</h2>
            \(input("planId", "Plan reference", hint: "The pseudonymous reference, never the child's name"))
            \(input("auditId", "Audit reference", hint: "Leave blank to have one assigned"))
            \(input("auditDate", "Date of the audit", type: "date"))
            \(select("kind", "Kind of audit", kinds))
            \(input("moderates", "Audit this one moderates", hint: "Only for a moderation audit: the audit reference"))
            \(input("plan.locality", "Locality"))
            \(select("plan.phase", "Phase", Phase.allCases.map(\.rawValue), optional: true))
            \(select("plan.primaryNeed", "Primary need (SEN2)", PrimaryNeed.allCases.map(\.rawValue), optional: true))
            \(input("plan.team", "Team"))
            \(input("plan.caseworker", "Caseworker reference"))
            \(select("plan.planType", "Plan type", PlanType.allCases.map(\.rawValue), optional: true))
            \(input("plan.requestDate", "Date the assessment was requested", type: "date"))
            \(input("plan.issueDate", "Date the plan was issued", type: "date"))
            \(exceptionBox)
            </section>
            """
    }

    private func adviceSections(_ criteria: AdviceCriteria) -> HTML {
        let numbers = AuditForm.adviceNumbers(in: fields)
        let shown = numbers + (0..<max(1, advices - numbers.count)).map { (numbers.last ?? -1) + 1 + $0 }
        return shown.map { n -> HTML in
            let prefix = "advice.\(n)."
            let needs = criteria.criteria.filter(\.needsDependent).map(\.id).joined(separator: ", ")
            return """
                <section class="advice"><h2>Advice \(n + 1)</h2>
                <p class="hint">Leave the agency blank for no advice. When the advice identified no needs, answer \
                N/A for \(needs): rating them is an error the checks will catch.</p>
                \(select(prefix + "agency", "Agency", Agency.allCases.map(\.rawValue), optional: true))
                \(input(prefix + "id", "Advice reference", hint: "For example ADV-1"))
                \(input(prefix + "provider", "Provider"))
                \(input(prefix + "role", "Role of the author"))
                \(input(prefix + "requested", "Date requested", type: "date"))
                \(input(prefix + "received", "Date received", type: "date"))
                \(select(prefix + "status", "What came back", AdviceStatus.allCases.map(\.rawValue), optional: true))
                \(deadlineException(prefix))
                \(criteria.criteria.map { criterionFieldset($0, prefix: prefix) }.joined(separator: "\n"))
                </section>
                """
        }.joined(separator: "\n")
    }

    func criterionFieldset(_ criterion: Criterion, prefix: String) -> HTML {
        let name = prefix + "judgement.\(criterion.id)"
        let chosen = fields[name]
        // A needs-dependent criterion must be N/A when the advice found no needs, so N/A is
        // offered for it too.
        let allowsNA = criterion.notApplicable || criterion.needsDependent
        let ratings = framework.scale.map { ($0.id, $0.label) } + (allowsNA ? [("na", "N/A")] : [])
        let radios = ratings.enumerated().map { i, rating -> HTML in
            let id = Page.fieldId(name) + (i == 0 ? "" : "-\(i)")
            return """
                <label for="\(id)"><input type="radio" id="\(id)" name="\(name)" \
                value="\(rating.0)"\(chosen == rating.0 ? " checked" : "")> \(rating.1)</label>
                """
        }
        let comment = prefix + "comment.\(criterion.id)"
        return """
            <fieldset\(errorClass(name))><legend>\(criterion.id) \(criterion.text)</legend>
            \(Self.guidance(criterion))\(errors(name))
            <div class="ratings">\(radios)</div>
            <label for="\(Page.fieldId(comment))">Comment on \(criterion.id)</label>
            <textarea id="\(Page.fieldId(comment))" name="\(comment)" rows="2">\(fields[comment] ?? "")</textarea>
            </fieldset>
            """
    }

    /// What good looks like, where it comes from, and the action if it falls short.
    static func guidance(_ criterion: Criterion) -> HTML {
        var html = HTML.empty
        if let guidance = criterion.guidance {
            html += "<p class=\"hint\">Good looks like: \(guidance)</p>"
        }
        html += "<p class=\"hint\">If not met: \(criterion.action)</p>"
        if let source = criterion.source { html += "<p class=\"hint source\">Source: \(source)</p>" }
        return html
    }

    /// The advice's exception to the 6-week deadline (reg. 8(2)).
    func deadlineException(_ prefix: String) -> HTML {
        checkbox(
            prefix + "timelinessException", "An exception to the 6-week deadline applies (Regulation 8(2))",
            hint: "The advice is then left out of every timeliness figure")
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
        let hintHTML = hint.map { text -> HTML in "<p class=\"hint\">\(text)</p>" } ?? .empty
        return """
            <div class="field\(problems.contains { $0.field == name } ? " has-error" : "")">\
            <label for="\(id)">\(label)</label>\(hintHTML)\
            \(errors(name))<input type="\(type)" id="\(id)" name="\(name)" value="\(fields[name] ?? "")"></div>
            """
    }

    func select(_ name: String, _ label: String, _ options: [String], optional: Bool = false) -> HTML {
        let id = Page.fieldId(name)
        let chosen = fields[name]
        let list = (optional ? [""] : []) + options
        let choices = list.map { option -> HTML in
            "<option value=\"\(option)\"\(chosen == option ? " selected" : "")>\(option.isEmpty ? "–" : option)</option>"
        }
        return """
            <div class="field\(problems.contains { $0.field == name } ? " has-error" : "")">\
            <label for="\(id)">\(label)</label>\(errors(name))<select id="\(id)" name="\(name)">\(choices)</select></div>
            """
    }

    private func errorClass(_ name: String) -> HTML {
        problems.contains { $0.field == name } ? " class=\"has-error\" id=\"\(Page.fieldId(name))-group\"" : .empty
    }

    func errors(_ name: String) -> HTML {
        problems.filter { $0.field == name }.map { problem -> HTML in "<p class=\"error\">\(problem.message)</p>" }
            .joined()
    }
}
