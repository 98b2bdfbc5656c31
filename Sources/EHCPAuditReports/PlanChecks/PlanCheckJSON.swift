import EHCPAudit
import EHCPAuditFormats

/// Writes a checked plan as the spec's JSON object (docs/plan-checks.md, "Output").
///
/// ```json
/// {"file":"plan-0001.docx","digest":"…","status":"final","planDate":"2025-05-20",…}
/// ```
public enum PlanCheckJSON {
    public static func write(_ plan: CheckedPlan, into json: inout JSONWriter) {
        let report = plan.report
        json.object {
            $0.member("file", plan.file)
            $0.member("digest", plan.digest)
            $0.member("rules", report.rules)
            $0.member("status", report.status.rawValue)
            $0.member("planDate", report.planDate?.description)
            $0.member("reviewDate", report.reviewDate?.description)
            $0.key("sections")
            $0.list(report.sections) { $0.string($1) }
            $0.key("findings")
            $0.list(report.findings) { json, finding in write(finding, into: &json) }
            $0.key("counts")
            $0.object { counts in
                for count in report.counts { counts.member(count.check.rawValue, count.count) }
            }
            $0.key("suggestions")
            $0.list(report.suggestions) { json, suggestion in
                json.object {
                    $0.member("criterion", suggestion.criterion)
                    $0.member("rating", suggestion.rating)
                    $0.member("because", suggestion.because)
                }
            }
        }
    }

    /// The documents as a JSON array, one object each.
    public static func text(_ plans: [CheckedPlan]) -> String {
        var json = JSONWriter()
        json.list(plans) { json, plan in write(plan, into: &json) }
        return json.text + "\n"
    }

    private static func write(_ finding: PlanFinding, into json: inout JSONWriter) {
        json.object {
            $0.member("check", finding.check.rawValue)
            if let section = finding.section { $0.member("section", section) }
            if let item = finding.item { $0.member("item", item) }
            if let block = finding.block { $0.member("block", block) }
            if let quote = finding.quote { $0.member("quote", quote) }
            if !finding.missing.isEmpty {
                $0.key("missing")
                $0.list(finding.missing) { $0.string($1) }
            }
            if !finding.occurrences.isEmpty {
                $0.key("occurrences")
                $0.list(finding.occurrences) { json, place in
                    json.object {
                        $0.member("section", place.section)
                        if let item = place.item { $0.member("item", item) }
                        $0.member("block", place.block)
                    }
                }
            }
            $0.member("criterion", finding.criterion)
            $0.member("message", finding.message)
            $0.member("source", finding.source)
        }
    }
}
