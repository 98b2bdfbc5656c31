import EHCPAuditKit

/// The plan document checked from the audit form (docs/plan-checks.md, "Before an audit"):
/// its counts kept as the record's `planChecks`, and each suggestion carried in the form
/// (never stored) so that it shows beside its criterion until the auditor takes or leaves it.
extension AuditForm {
    /// `suggested.<criterion>`: the rating the checks suggest; `because.<criterion>`: why.
    static let suggested = "suggested."
    static let because = "because."
    /// The checked document's name, for the notice.
    static let checkedFile = "checkedFile"

    /// The form's fields with the checked plan's counts and suggestions in place of any before.
    static func fields(_ fields: FormFields, checked: CheckedPlan) -> FormFields {
        var pairs = fields.pairs.filter { pair in
            ![planChecksRules, checkedFile].contains(pair.name)
                && ![planChecksCount, suggested, because].contains(where: pair.name.hasPrefix)
        }
        pairs.append((checkedFile, checked.file))
        pairs.append((planChecksRules, checked.report.rules))
        for count in checked.report.counts {
            pairs.append((planChecksCount + count.check.rawValue, String(count.count)))
        }
        for suggestion in checked.report.suggestions {
            pairs.append((suggested + suggestion.criterion, suggestion.rating))
            pairs.append((because + suggestion.criterion, suggestion.because))
        }
        return FormFields(pairs)
    }

    /// The form with the suggested rating of `criterion` (every one, when nil) taken.
    static func taking(_ criterion: String?, in fields: FormFields) -> FormFields {
        let taken = Dictionary(
            fields.pairs.compactMap { pair -> (String, String)? in
                guard pair.name.hasPrefix(suggested) else { return nil }
                let id = String(pair.name.dropFirst(suggested.count))
                return criterion == nil || criterion == id ? ("judgement." + id, pair.value) : nil
            }, uniquingKeysWith: { a, _ in a })
        let kept = fields.pairs.filter { taken[$0.name] == nil }
        return FormFields(kept + taken.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The fields that carry suggestions from one showing of the form to the next.
    static func suggestionFields(in fields: FormFields) -> [(name: String, value: String)] {
        fields.pairs.filter { $0.name == checkedFile || $0.name.hasPrefix(suggested) || $0.name.hasPrefix(because) }
    }
}
