import EHCPAudit
import EHCPAuditFormats

/// `verify-store` and `backup` output: a store's soundness, schema and counts, for a person
/// or as JSON.
public enum StoreVerificationOutput {
    /// ```json
    /// {"path":"backup.sqlite","sound":true,"damage":[],"appliedMigrations":["v1",…],"knownMigrations":["v1",…],
    ///  "unknownMigrations":[],"pendingMigrations":[],"counts":[{"name":"final audits","value":11},…]}
    /// ```
    public static func json(_ report: StoreVerification) -> String {
        var json = JSONWriter(capacity: 512)
        json.object { json in
            json.member("path", report.path)
            json.member("sound", report.isSound)
            for (key, list) in [
                ("damage", report.damage), ("appliedMigrations", report.appliedMigrations),
                ("knownMigrations", report.knownMigrations), ("unknownMigrations", report.unknownMigrations),
                ("pendingMigrations", report.pendingMigrations),
            ] {
                json.key(key)
                json.list(list) { json, item in json.string(item) }
            }
            json.key("counts")
            json.list(report.counts) { json, count in
                json.object { json in
                    json.member("name", count.name)
                    json.member("value", count.value)
                }
            }
        }
        return json.text
    }

    public static func text(_ report: StoreVerification) -> String {
        let integrity = report.damage.isEmpty ? "ok" : "DAMAGED (\(report.damage.count) faults)"
        let schema =
            report.unknownMigrations.isEmpty
            ? (report.pendingMigrations.isEmpty ? "up to date" : "older, upgraded when next opened for writing")
            : "NEWER than this version knows"
        var lines = [
            "Store \(report.path)",
            "  integrity: \(integrity)",
            "  schema:    \(report.appliedMigrations.last ?? "none") (\(schema))",
        ]
        if report.damage.isEmpty { lines.append(counts(report)) }
        lines += report.notes.map { "Note: \($0)." }
        return lines.joined(separator: "\n")
    }

    /// The counts, one a line: `  final audits: 11`.
    public static func counts(_ report: StoreVerification) -> String {
        report.counts.map { "  \($0.name): \($0.value)" }.joined(separator: "\n")
    }
}
