import EHCPAuditKit
import Foundation

/// A criterion's fieldset (its ratings, guidance, any suggestion from the plan checks and a
/// comment) and the advice blocks, each with its details and criteria.
extension AuditFormPage {
    func adviceSections(_ criteria: AdviceCriteria) -> HTML {
        let needs = criteria.criteria.filter(\.needsDependent).map(\.id).joined(separator: ", ")
        let blocks = advices.enumerated().map { place, n -> HTML in
            let prefix = "advice.\(n)."
            return """
                <section class="advice" aria-labelledby="advice-\(n)-heading">\
                <h3 id="advice-\(n)-heading">Advice \(place + 1)</h3>
                \(select(prefix + "agency", "Agency", Agency.allCases.map { ($0.rawValue, Words.agency($0)) }, optional: true))
                \(input(prefix + "id", "Advice reference", hint: "For example ADV-1"))
                \(input(prefix + "provider", "Provider"))
                \(input(prefix + "role", "Role of the author"))
                \(input(prefix + "requested", "Date requested", type: "date"))
                \(input(prefix + "received", "Date received", type: "date"))
                \(select(
                    prefix + "status", "What came back", AdviceStatus.allCases.map { ($0.rawValue, Words.adviceStatus($0)) },
                    optional: true))
                \(deadlineException(prefix))
                \(criteria.criteria.map { criterionFieldset($0, prefix: prefix, section: "advice") })
                <div class="buttons"><button type="submit" name="action" value="remove-advice-\(n)" \
                class="secondary">Remove advice \(place + 1)</button></div>
                </section>
                """
        }
        return """
            <section id="section-advice"><h2>Advice behind the plan</h2>
            <p class="hint">Leave the agency blank for no advice. When an advice identified no needs, leave \
            \(needs) unrated: the form rates them N/A, since they do not apply (they are not inadequate).</p>
            \(blocks)
            <div class="buttons"><button type="submit" name="action" value="add-advice" class="secondary">\
            Add another advice</button></div>
            </section>
            """
    }

    func criterionFieldset(_ criterion: Criterion, prefix: String, section: String) -> HTML {
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
            <fieldset data-section="\(section)"\(errorClass(name))><legend>\(criterion.id) \(criterion.text)</legend>
            \(Self.guidance(criterion))\(errors(name))
            \(suggestion(criterion))<div class="ratings">\(radios)</div>
            <label for="\(Page.fieldId(comment))" class="comment-label">Comment on \(criterion.id) (optional)</label>
            <textarea id="\(Page.fieldId(comment))" name="\(comment)" rows="1">\(fields[comment] ?? "")</textarea>
            </fieldset>
            """
    }

    /// The checks' suggestion for a criterion, with a button to take it.
    func suggestion(_ criterion: Criterion) -> HTML {
        guard let rating = fields[AuditForm.suggested + criterion.id] else { return .empty }
        let because = fields[AuditForm.because + criterion.id] ?? ""
        return """
            <div class="suggestion"><p>The plan checks suggest <strong>\(framework.label(rating: rating))</strong>: \
            \(because).</p><button type="submit" name="action" value="take-\(criterion.id)" class="secondary">\
            Take this rating<span class="visually-hidden"> for \(criterion.id)</span></button></div>
            """
    }

    /// What good looks like, the action if it falls short, and where it comes from, behind a
    /// disclosure so that a criterion takes little room until its guidance is wanted.
    static func guidance(_ criterion: Criterion) -> HTML {
        var html = HTML.empty
        if let guidance = criterion.guidance { html += "<p>Good looks like: \(guidance)</p>" }
        html += "<p>If not met: \(criterion.action)</p>"
        if let source = criterion.source { html += "<p class=\"source\">Source: \(source)</p>" }
        return "<details class=\"guidance\"><summary>Guidance</summary>\(html)</details>"
    }

    /// The advice's exception to the 6-week deadline (reg. 8(2)).
    func deadlineException(_ prefix: String) -> HTML {
        checkbox(
            prefix + "timelinessException", "An exception to the 6-week deadline applies (Regulation 8(2))",
            hint: "The advice is then left out of every timeliness figure")
    }
}
