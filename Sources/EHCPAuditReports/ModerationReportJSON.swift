import EHCPAudit
import EHCPAuditFormats

/// `report moderation --format json` (docs/moderation.md): every figure, shares as
/// fractions, non-integers rounded to 4 decimals, `null` where a figure is undefined.
public enum ModerationReportJSON {
    public static func render(_ report: ModerationReport) -> String {
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.member("from", report.period.first.description)
            json.member("to", report.period.last.description)
            json.key("framework")
            if let framework = report.framework {
                json.object { json in
                    json.member("id", framework.id)
                    json.member("version", framework.version)
                }
            } else {
                json.null()
            }
            json.member("groups", report.groups)
            json.member("pairs", report.pairs)
            json.key("unmatched")
            json.list(report.unmatched) { json, item in
                json.object { json in
                    json.member("auditId", item.auditId)
                    json.member("reason", item.reason.rawValue)
                }
            }
            let c = report.criteria
            json.key("criteria")
            json.object { json in
                json.member("units", c.units)
                json.member("alphaOrdinal", c.alphaOrdinal, places: 4)
                json.member("alphaInterval", c.alphaInterval, places: 4)
                json.member("alphaNominal", c.alphaNominal, places: 4)
                json.member("exact", c.exact, places: 4)
                json.member("withinOne", c.withinOne, places: 4)
            }
            json.member("naDisagreements", report.naDisagreements)
            json.key("grades")
            json.object { json in
                json.member("alphaOrdinal", report.grades.alphaOrdinal, places: 4)
                json.member("exact", report.grades.exact, places: 4)
                json.member("withinOne", report.grades.withinOne, places: 4)
            }
            let d = report.percentDifference
            json.key("percentDifference")
            json.object { json in
                json.member("mean", d.mean, places: 4)
                json.member("sd", d.sd, places: 4)
                json.member("low", d.low, places: 4)
                json.member("high", d.high, places: 4)
            }
            json.key("auditors")
            json.list(report.auditors) { json, auditor in
                json.object { json in
                    json.member("auditor", auditor.auditor)
                    json.member("pairs", auditor.pairs)
                    json.member("meanDifference", auditor.meanDifference, places: 4)
                    json.member("exactGrade", auditor.exactGrade, places: 4)
                }
            }
            json.key("byCriterion")
            json.list(report.byCriterion) { json, row in
                json.newline()
                json.object { json in
                    json.member("criterion", row.criterion)
                    json.member("units", row.units)
                    json.member("alphaOrdinal", row.alphaOrdinal, places: 4)
                    json.member("differentRatings", row.differentRatings)
                    json.member("naDisagreements", row.naDisagreements)
                }
            }
            json.key("planChecks")
            json.object { json in
                json.member("audits", report.planChecks.audits)
                json.key("checks")
                json.list(report.planChecks.rows) { json, row in
                    json.newline()
                    json.object { json in
                        json.member("check", row.check.rawValue)
                        json.key("criteria")
                        json.list(row.criteria) { json, criterion in json.string(criterion) }
                        json.member("found", row.found)
                        json.member("foundBelow", row.foundBelow)
                        json.member("foundShare", row.foundShare, places: 4)
                        json.member("notFound", row.notFound)
                        json.member("notFoundBelow", row.notFoundBelow)
                        json.member("notFoundShare", row.notFoundShare, places: 4)
                    }
                }
            }
        }
        return json.text
    }
}
