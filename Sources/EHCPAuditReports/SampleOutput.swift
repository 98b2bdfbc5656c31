import EHCPAudit
import EHCPAuditSampling

/// `sample` output: JSON as sampling.md specifies, CSV for a caseworker list, text for a person.
public enum SampleOutput {
    public static func json(_ sample: Sample) -> String {
        let s = Formatting.jsonString
        let p = sample.parameters
        let strata = sample.strata.map { "{\"stratum\":\(s($0.stratum)),\"eligible\":\($0.eligible),\"quota\":\($0.quota)}" }
        let selected = sample.selected.map { "{\"planId\":\(s($0.planId)),\"stratum\":\(s($0.stratum)),\"rank\":\(s($0.rank))}" }
        return "{\"month\":\(s(p.month.description)),\"seed\":\(s(p.seed)),\"rate\":\(Formatting.short(p.rate)),"
            + "\"strataKeys\":[\(p.strata.map { s($0.rawValue) }.joined(separator: ","))],\"lookback\":\(p.lookback),"
            + "\"population\":\(sample.population),\"eligible\":\(sample.eligible),\"target\":\(sample.target),\n"
            + "\"strata\":[\(strata.joined(separator: ",\n"))],\n\"selected\":[\n\(selected.joined(separator: ",\n"))\n]}"
    }

    public static func csv(_ sample: Sample) -> String {
        (["plan_id,stratum,rank"] + sample.selected.map { [$0.planId, $0.stratum, $0.rank].map(Formatting.csvField).joined(separator: ",") })
            .joined(separator: "\n")
    }

    public static func text(_ sample: Sample) -> String {
        let p = sample.parameters
        var lines = [
            "Sample for \(p.month) (seed \"\(p.seed)\")",
            "  Open plans: \(sample.population). Target: \(sample.target) (\(Formatting.short(p.rate * 100))%, rounded up).",
            "  Eligible (not audited since \(p.recentFrom)): \(sample.eligible).",
        ]
        if sample.target >= sample.eligible {
            lines.append("  Every eligible plan is taken; \(sample.selected.filter(\.recent).count) recently audited plans make up the rest, oldest audit first.")
        }
        lines.append("  Strata by \(p.strata.map(\.rawValue).joined(separator: ", ")):")
        let width = max(10, sample.strata.map { display($0.stratum).count }.max() ?? 0)
        lines.append("    \(Formatting.pad("stratum", width))  eligible  drawn")
        for stratum in sample.strata {
            lines.append("    \(Formatting.pad(display(stratum.stratum), width))  \(Formatting.pad(String(stratum.eligible), 8))  \(stratum.quota)")
        }
        lines.append("  \(sample.selected.count) plans selected; list them with --format csv.")
        return lines.joined(separator: "\n")
    }

    private static func display(_ stratum: String) -> String {
        stratum.split(separator: "|", omittingEmptySubsequences: false).map { $0.isEmpty ? "(none)" : String($0) }.joined(separator: " | ")
    }
}

/// `progress` output: each month against its target, with running totals.
public enum ProgressOutput {
    public static func json(_ report: ProgressReport) -> String {
        let months = zip(report.months, report.running).map { month, running in
            "{\"month\":\"\(month.month)\",\"openPlans\":\(number(month.openPlans)),\"target\":\(number(month.target)),\"sampled\":\(month.sampled),"
                + "\"completed\":\(month.completed),\"completedSampled\":\(month.completedSampled),\"completedOther\":\(month.completedOther),"
                + "\"moderation\":\(month.moderation),\"percentOfTarget\":\(month.percentOfTarget.map(Formatting.fixed2) ?? "null"),"
                + "\"shortfall\":\(number(month.shortfall)),\"runningTarget\":\(running.target),\"runningCompleted\":\(running.completed)}"
        }
        return "{\"months\":[\n\(months.joined(separator: ",\n"))\n]}"
    }

    public static func csv(_ report: ProgressReport) -> String {
        let header = "month,open_plans,target,sampled,completed,completed_sampled,completed_other,moderation,percent_of_target,shortfall,running_target,running_completed"
        let rows = zip(report.months, report.running).map { month, running in
            [month.month.description, text(month.openPlans), text(month.target), String(month.sampled), String(month.completed),
             String(month.completedSampled), String(month.completedOther), String(month.moderation),
             month.percentOfTarget.map(Formatting.fixed2) ?? "", text(month.shortfall), String(running.target), String(running.completed)]
                .joined(separator: ",")
        }
        return ([header] + rows).joined(separator: "\n")
    }

    public static func text(_ report: ProgressReport) -> String {
        var lines = ["Audits against the monthly target"]
        lines.append("  month    target  sampled  done  (of sample)  moderation  % of target  shortfall  running")
        for (month, running) in zip(report.months, report.running) {
            let percent = month.percentOfTarget.map { Formatting.fixed2($0) + "%" } ?? "-"
            let runningText = running.target > 0 ? "\(running.completed)/\(running.target)" : "\(running.completed)"
            lines.append("  \(month.month)  " + [
                Formatting.pad(text(month.target, none: "-"), 6), Formatting.pad(String(month.sampled), 7), Formatting.pad(String(month.completed), 4),
                Formatting.pad(String(month.completedSampled), 11), Formatting.pad(String(month.moderation), 10), Formatting.pad(percent, 11),
                Formatting.pad(text(month.shortfall, none: "-"), 9), runningText,
            ].joined(separator: "  "))
        }
        if report.months.contains(where: { $0.target == nil }) {
            lines.append("  A month with target \"-\" has no sample drawn.")
        }
        return lines.joined(separator: "\n")
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
    private static func text(_ value: Int?, none: String = "") -> String { value.map(String.init) ?? none }
}
