import EHCPAudit

/// `criteria FILE`: the framework as auditors need to see it, with the formula for the
/// grade in one paragraph and each weight turned into a share they can compare.
public enum FrameworkGuide {
    public static func render(_ framework: Framework) -> String {
        var out: [String] = []
        out.append("\(framework.title) (\(framework.id), version \(framework.version))")
        out.append("")
        out.append("How the grade is worked out")
        out.append(Formatting.wrap(formula(framework), indent: "  "))
        out.append("")
        out.append("Rating scale")
        for rating in framework.scale {
            let points = Formatting.short(rating.points) + (rating.points == 1 ? " point" : " points")
            out.append(
                "  \(Formatting.pad(rating.label, 24)) \(Formatting.pad(points, 11)) "
                    + "counts as \(Formatting.fixed2(framework.percent(of: rating)))%"
            )
        }
        out.append("")
        out.append("Grade boundaries")
        out.append(contentsOf: boundaries(framework.grades.grades))
        out.append("")
        let totalWeight = framework.sections.reduce(0) { $0 + $1.weight }
        out.append("Sections (share of the overall grade when every section applies)")
        for section in framework.sections {
            out.append("")
            out.append(
                """
                  \(section.id)  \(section.title): weight \(Formatting.short(section.weight)), \
                \(Formatting.fixed2(100 * section.weight / totalWeight))% of the grade
                """
            )
            out.append(contentsOf: criteria(section.criteria, of: section.id, framework: framework))
        }
        if let advice = framework.advice {
            out.append("")
            out.append("Advice")
            out.append(
                Formatting.wrap(
                    """
                    Each advice is graded on its own, and is timely when received within \(advice.deadlineDays) \
                    days of the request.
                    """,
                    indent: "  "))
            out.append(contentsOf: boundaries(advice.grades))
            out.append(contentsOf: criteria(advice.criteria, of: "the advice", framework: framework))
            out.append(
                Formatting.wrap(
                    """
                    Criteria marked \"needs-dependent\" are not applicable when the advice identified no needs: \
                    rate them na, never Inadequate.
                    """,
                    indent: "  "))
        }
        return out.joined(separator: "\n")
    }

    private static func boundaries(_ grades: [Grade]) -> [String] {
        grades.map { "  \(Formatting.pad($0.label, 24)) from \(Formatting.short($0.minPercent))%" }
    }

    private static func criteria(_ criteria: [Criterion], of owner: String, framework: Framework) -> [String] {
        let total = criteria.reduce(0) { $0 + $1.weight }
        var out: [String] = []
        for criterion in criteria {
            var facts = [
                """
                weight \(Formatting.short(criterion.weight)), \
                \(Formatting.fixed2(100 * criterion.weight / total))% of \(owner)
                """
            ]
            facts.append(criterion.notApplicable ? "N/A allowed" : "N/A not allowed")
            if criterion.needsDependent { facts.append("needs-dependent") }
            out.append(
                Formatting.wrap("\(criterion.id)  \(criterion.text) [\(facts.joined(separator: "; "))]", indent: "    ")
            )
            if let guidance = criterion.guidance {
                out.append(Formatting.wrap("Good looks like: \(guidance)", indent: "        "))
            }
            if let source = criterion.source { out.append(Formatting.wrap("Source: \(source)", indent: "        ")) }
            if let cap = criterion.cap {
                let rating = framework.rating(cap.at)?.label ?? cap.at
                let grade =
                    (framework.grades.grades + (framework.advice?.grades ?? [])).first { $0.id == cap.grade }?.label
                    ?? cap.grade
                out.append(
                    Formatting.wrap(
                        "Cap: rated \(rating) or worse limits the grade to \(grade) or worse.", indent: "        "))
            }
        }
        return out
    }

    /// The formula of docs/scoring.md §3 in plain English, with this framework's numbers.
    public static func formula(_ framework: Framework) -> String {
        let pmax = Formatting.short(framework.maxPoints), pmin = Formatting.short(framework.minPoints)
        let examples = framework.scale.map { "\($0.label) \(Formatting.fixed2(framework.percent(of: $0)))%" }.joined(
            separator: ", ")
        let target = framework.rating(framework.actionBelow)?.label ?? framework.actionBelow
        return "Each rating becomes a percentage, 100 × (points − \(pmin)) ÷ (\(pmax) − \(pmin)): \(examples). "
            + """
            A section's percentage is the weighted average of its criteria's percentages, using the criterion \
            weights and leaving out criteria judged not applicable (na); a section whose criteria are all na \
            drops out. 
            """
                + """
                The overall percentage is the weighted average of the applicable sections' percentages, using the \
                section weights. 
                """
            + "The boundary grade is the best grade whose minimum the overall percentage reaches. "
                + """
                A cap limits the grade when its criterion is rated at or below the cap's rating; the final grade is \
                the worst of the boundary grade and every cap triggered. 
                """
                + """
                Each criterion rated below \(target) yields an improvement action; its gain is how many overall \
                percentage points the plan would gain if that criterion alone were raised to \(target): 
                """
                + """
                (section weight ÷ sum of applicable section weights) × (criterion weight ÷ sum of the section's \
                judged criterion weights) × (percentage of \(target) − percentage of its rating). 
                """
            + "Actions are listed largest gain first."
    }
}
