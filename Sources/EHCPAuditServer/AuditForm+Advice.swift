import EHCPAudit

/// What the form fills in for the auditor about the advice behind the plan, so that each
/// advice costs only the entries a person must make.
extension AuditForm {
    /// The fields with every needs-dependent criterion of an advice that identified no needs
    /// rated N/A where the auditor left it unrated: scoring.md §4 allows nothing else there, so
    /// the form never asks for it (and a rating the auditor did give is kept, and refused in
    /// words if it is not N/A).
    ///
    /// ```swift
    /// // advice.1.status = no-needs-identified, AD1 unrated → advice.1.judgement.AD1 = na
    /// let fields = AuditForm.withNotApplicableFilledIn(fields, framework: framework)
    /// ```
    static func withNotApplicableFilledIn(_ fields: FormFields, framework: Framework) -> FormFields {
        let dependent = (framework.advice?.criteria ?? []).filter(\.needsDependent)
        guard !dependent.isEmpty else { return fields }
        var pairs = fields.pairs
        for n in adviceNumbers(in: fields)
        where fields.text("advice.\(n).status") == AdviceStatus.noNeedsIdentified.rawValue {
            for criterion in dependent where fields.text("advice.\(n).judgement.\(criterion.id)") == nil {
                pairs.append(("advice.\(n).judgement.\(criterion.id)", "na"))
            }
        }
        return FormFields(pairs)
    }

    /// The fields of a new advice block `n` after "Add another advice": the date the last
    /// advice was requested, since a plan's advice is usually asked for on one day; the
    /// auditor changes it where it differs.
    static func addingAdvice(_ n: Int, to fields: FormFields, after last: Int?) -> FormFields {
        guard let last, let requested = fields.text("advice.\(last).requested") else { return fields }
        return FormFields(fields.pairs + [("advice.\(n).requested", requested)])
    }
}
