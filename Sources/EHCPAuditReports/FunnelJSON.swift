import EHCPAudit
import EHCPAuditFormats

/// A funnel plot as JSON (docs/comparison.md): shares and limits to 4 decimals.
///
/// ```json
/// {"measure": "goodOrBetter", "target": 0.572, "phi": 1.0, "widened": false,
///  "units": [{"name": "North-2", "n": 48, "y": 31, "share": 0.6458, "position": "within",
///             "lower95": 0.4301, "upper95": 0.7115, "lower998": 0.3512, "upper998": 0.7818}],
///  "tooFew": 3}
/// ```
public enum FunnelJSON {
    public static func write(_ funnel: FunnelPlot, into json: inout JSONWriter) {
        json.object { json in
            json.member("measure", funnel.measure.rawValue)
            json.member("target", funnel.target, places: 4)
            json.member("phi", funnel.phi, places: 4)
            json.member("widened", funnel.widened)
            json.key("units")
            json.list(funnel.units) { json, unit in
                json.object { json in
                    json.member("name", unit.name)
                    json.member("n", unit.n)
                    json.member("y", unit.y)
                    json.member("share", unit.share, places: 4)
                    json.member("position", unit.position.rawValue)
                    json.member("lower95", unit.limits.lower95, places: 4)
                    json.member("upper95", unit.limits.upper95, places: 4)
                    json.member("lower998", unit.limits.lower998, places: 4)
                    json.member("upper998", unit.limits.upper998, places: 4)
                }
            }
            json.member("tooFew", funnel.tooFew.count)
        }
    }
}

/// `report learning --format json`: each group's audits (or advices) and Good or better,
/// and the funnel plot that compares them fairly (`null` by auditor).
public enum LearningReportJSON {
    public static func render(_ report: LearningReport) -> String {
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.member("from", report.period.first.description)
            json.member("to", report.period.last.description)
            json.member("by", report.grouping.rawValue)
            json.key("groups")
            json.list([report.partnership] + report.packs) { json, pack in
                json.object { json in
                    json.member("name", pack.name)
                    json.member("count", pack.count)
                    json.member("goodOrBetter", pack.goodOrBetter?.count)
                }
            }
            json.key("funnel")
            if let funnel = report.funnel { FunnelJSON.write(funnel, into: &json) } else { json.null() }
        }
        return json.text + "\n"
    }
}
