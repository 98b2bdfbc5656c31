import EHCPAudit
import EHCPAuditFormats
import EHCPAuditSampling

/// `sample` output: JSON as docs/sampling.md describes, CSV for a caseworker list, text for a person.
public enum SampleOutput {
    public static func json(_ sample: Sample) -> String {
        let p = sample.parameters
        var json = JSONWriter(capacity: 256 + 64 * sample.selected.count)
        json.object { json in
            json.member("month", p.month.description)
            json.member("seed", p.seed)
            json.member("rate", p.rate, places: 6)
            json.key("strataKeys")
            json.list(p.strata) { json, key in json.string(key.rawValue) }
            json.member("lookback", p.lookback)
            json.member("population", sample.population)
            json.member("eligible", sample.eligible)
            json.member("target", sample.target)
            json.key("strata")
            json.list(sample.strata) { json, stratum in
                json.newline()
                json.object { json in
                    json.member("stratum", stratum.stratum)
                    json.member("eligible", stratum.eligible)
                    json.member("quota", stratum.quota)
                }
            }
            json.key("selected")
            json.list(sample.selected) { json, plan in
                json.newline()
                json.object { json in
                    json.member("planId", plan.planId)
                    json.member("stratum", plan.stratum)
                    json.member("rank", plan.rank)
                }
            }
        }
        return json.text
    }

    public static func csv(_ sample: Sample) -> String {
        (["plan_id,stratum,rank"]
            + sample.selected.map { [$0.planId, $0.stratum, $0.rank].map(CSVField.encoded).joined(separator: ",") })
            .joined(separator: "\n")
    }

    public static func text(_ sample: Sample) -> String {
        let p = sample.parameters
        var lines = [
            "Sample for \(p.month) (seed \"\(p.seed)\")",
            """
              Open plans: \(sample.population). Target: \(sample.target) (\(Formatting.short(p.rate * 100))%, \
            rounded up).
            """,
            "  Eligible (not audited since \(p.recentFrom)): \(sample.eligible).",
        ]
        if sample.target >= sample.eligible {
            lines.append(
                """
                  Every eligible plan is taken; \(sample.selected.filter(\.recent).count) recently audited plans \
                make up the rest, oldest audit first.
                """
            )
        }
        lines.append("  Strata by \(p.strata.map(\.rawValue).joined(separator: ", ")):")
        let width = max(10, sample.strata.map { display($0.stratum).count }.max() ?? 0)
        lines.append("    \(Formatting.pad("stratum", width))  eligible  drawn")
        for stratum in sample.strata {
            lines.append(
                """
                    \(Formatting.pad(display(stratum.stratum), width))  \
                \(Formatting.pad(String(stratum.eligible), 8))  \(stratum.quota)
                """
            )
        }
        lines.append("  \(sample.selected.count) plans selected; list them with --format csv.")
        return lines.joined(separator: "\n")
    }

    private static func display(_ stratum: String) -> String {
        stratum.split(separator: "|", omittingEmptySubsequences: false).map { $0.isEmpty ? "(none)" : String($0) }
            .joined(separator: " | ")
    }
}

/// `progress` output: each month against its target, with running totals.
public enum ProgressOutput {
    public static func json(_ report: ProgressReport) -> String {
        var json = JSONWriter()
        json.object { json in
            json.key("months")
            json.list(zip(report.months, report.running)) { json, pair in
                let (month, running) = pair
                json.newline()
                json.object { json in
                    json.member("month", month.month.description)
                    json.member("openPlans", month.openPlans)
                    json.member("target", month.target)
                    json.member("sampled", month.sampled)
                    json.member("completed", month.completed)
                    json.member("completedSampled", month.completedSampled)
                    json.member("completedOther", month.completedOther)
                    json.member("moderation", month.moderation)
                    json.member("percentOfTarget", month.percentOfTarget, places: 2)
                    json.member("shortfall", month.shortfall)
                    json.member("runningTarget", running.target)
                    json.member("runningCompleted", running.completed)
                }
            }
        }
        return json.text
    }

    public static func csv(_ report: ProgressReport) -> String {
        let header = [
            "month", "open_plans", "target", "sampled", "completed", "completed_sampled", "completed_other",
            "moderation",
            "percent_of_target", "shortfall", "running_target", "running_completed",
        ].joined(separator: ",")
        let rows = zip(report.months, report.running).map { month, running in
            [
                month.month.description, text(month.openPlans), text(month.target), String(month.sampled),
                String(month.completed),
                String(month.completedSampled), String(month.completedOther), String(month.moderation),
                month.percentOfTarget.map(Formatting.fixed2) ?? "", text(month.shortfall), String(running.target),
                String(running.completed),
            ]
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
            lines.append(
                "  \(month.month)  "
                    + [
                        Formatting.pad(text(month.target, none: "-"), 6), Formatting.pad(String(month.sampled), 7),
                        Formatting.pad(String(month.completed), 4),
                        Formatting.pad(String(month.completedSampled), 11),
                        Formatting.pad(String(month.moderation), 10), Formatting.pad(percent, 11),
                        Formatting.pad(text(month.shortfall, none: "-"), 9), runningText,
                    ].joined(separator: "  "))
        }
        if report.months.contains(where: { $0.target == nil }) {
            lines.append("  A month with target \"-\" has no sample drawn.")
        }
        return lines.joined(separator: "\n")
    }

    private static func text(_ value: Int?, none: String = "") -> String { value.map(String.init) ?? none }
}
