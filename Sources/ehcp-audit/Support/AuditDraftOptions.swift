import ArgumentParser
import EHCPAuditKit

/// `check --audit-draft OUT.json`: a draft audit record per checked plan, holding the
/// ratings the checks suggest and a comment naming the findings, for an auditor to open,
/// confirm and finish (docs/plan-checks.md, "Output").
struct AuditDraftOptions: ParsableArguments {
    @Option(name: .customLong("audit-draft"), help: "Write a draft audit record per plan to this JSON file.")
    var output: String?

    @Option(name: .long, help: "The auditor the drafts are for (with --audit-draft).")
    var auditor: String?

    @Option(name: .long, help: "The drafts' audit date (YYYY-MM-DD; default today).")
    var date: CalendarDate?

    func validate(planIDs: PlanIDOptions) throws {
        guard output != nil else { return }
        guard auditor != nil else { throw ValidationError("--audit-draft needs --auditor ID") }
        guard planIDs.isGiven else {
            throw ValidationError("--audit-draft needs --plan-id ID (one document) or --plan-id-from MAP.csv")
        }
    }

    /// Writes the drafts, whole or not at all.
    func write(_ checked: [CheckedPlan], planID: (String) throws -> String, framework: Framework) throws {
        guard let output, let auditor else { return }
        let records = try checked.map { plan in
            plan.report.auditDraft(
                planID: try planID(plan.file), auditor: auditor, date: date ?? Clock.today(), framework: framework)
        }
        var json = JSONWriter()
        json.list(records) { json, record in RecordJSONWriter.write(record, to: &json) }
        let file = try AtomicFile(path: output)
        file.output.write(json.text + "\n")
        try file.commit()
        StandardError.line("Wrote \(records.count) draft audit\(records.count == 1 ? "" : "s") to \(output).")
    }
}
