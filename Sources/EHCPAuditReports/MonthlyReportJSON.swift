import EHCPAudit
import EHCPAuditFormats

/// `report monthly --format json`: every figure of the report, for other systems and for
/// checking by hand. Suppressed counts are `null` and listed under `suppressed`; shares
/// are fractions (0–1, four decimals) with their 95% Wilson interval.
public enum MonthlyReportJSON {
    public static func render(_ report: MonthlyReport) -> String {
        var json = JSONWriter(capacity: 16_384)
        let p = report.progress
        json.object { json in
            json.member("month", report.month.description)
            json.member("public", report.isPublic)
            json.member("framework", report.framework)
            json.key("otherFrameworks")
            json.list(report.otherFrameworks) { json, other in
                json.object { json in
                    json.member("framework", other.framework)
                    json.member("audits", other.audits.value)
                }
            }
            json.member("target", p.target)
            json.member("openPlans", p.openPlans)
            json.member("sampled", p.sampled)
            json.member("completed", report.completed.value)
            json.member("completedSampled", report.completedSampled.value)
            json.member("completedOther", report.completedOther.value)
            json.member("moderation", report.moderation.value)
            json.member("percentOfTarget", report.percentOfTarget, places: 2)
            json.member("shortfall", report.shortfall?.value)
            json.key("year")
            json.object { json in
                json.member("target", report.yearTarget)
                json.member("completed", report.yearCompleted.value)
            }
            json.member("audits", report.audits.value)
            json.key("grades")
            json.object { json in for grade in report.grades { json.member(grade.grade.id, grade.count.value) } }
            json.key("gradeShares")
            json.object { json in
                for grade in report.grades {
                    json.key(grade.grade.id)
                    share(grade.share, &json)
                }
            }
            json.key("goodOrBetter")
            share(report.goodOrBetterShare, &json) { json in
                json.member("count", report.goodOrBetter.value)
                json.key("grades")
                json.list(report.goodOrBetterGrades) { json, grade in json.string(grade) }
            }
            json.key("sections")
            json.list(report.sections) { json, row in
                json.object { json in
                    json.member("id", row.id)
                    json.member("title", row.title)
                    json.member("audits", row.applicable.value)
                    json.member("meanPercent", row.meanPercent, places: 2)
                    json.key("grades")
                    json.list(row.grades) { json, count in json.number(count.value) }
                }
            }
            json.key("criteriaBelowStandard")
            json.list(report.criteria) { json, row in criterion(row, &json) }
            json.key("themes")
            json.list(report.themes) { json, row in
                json.object { json in
                    json.member("section", row.section)
                    json.member("title", row.title)
                    json.member("actions", row.actions.value)
                }
            }
            json.key("caps")
            json.list(report.caps) { json, row in criterion(row, &json) }
            json.key("reaudits")
            if let r = report.reaudits {
                json.object { json in
                    json.member("plans", r.plans.value)
                    json.key("grades")
                    json.list(Array(r.grades.indices)) { json, b in
                        json.object { json in
                            json.member("before", r.grades[b].id)
                            json.member("plans", r.before[b].value)
                            json.key("after")
                            json.object { json in
                                for (a, grade) in r.grades.enumerated() { json.member(grade.id, r.table[b][a].value) }
                            }
                        }
                    }
                    json.member("actions", r.actions.value)
                    for (status, count) in zip(Reaudit.ActionStatus.allCases, r.outcomes) {
                        json.member(status.jsonName, count.value)
                    }
                    json.key("bySection")
                    json.list(r.bySection) { json, row in
                        json.object { json in
                            json.member("section", row.section)
                            for (status, count) in zip(Reaudit.ActionStatus.allCases, row.counts) {
                                json.member(status.jsonName, count.value)
                            }
                        }
                    }
                }
            } else {
                json.null()
            }
            json.key("planTimeliness")
            json.object { json in
                json.member("timed", report.newPlansTimed.value)
                json.member("exceptions", report.newPlansExceptions.value)
                json.key("within20Weeks")
                share(report.newPlansWithin20Weeks, &json)
            }
            json.key("advice")
            json.object { json in
                json.key("byAgency")
                json.list(report.adviceByAgency) { json, row in advice(row, report, &json) }
                json.key("byProvider")
                json.list(report.adviceByProvider) { json, row in advice(row, report, &json) }
            }
            json.key("trend")
            json.list(report.trend) { json, row in
                json.newline()
                trend(row, report, &json)
            }
            json.key("moderationAgreement")
            json.object { json in
                json.member("pairs", report.moderationPairs.value)
                json.key("sameGrade")
                share(report.moderationSameGrade, &json)
            }
            json.key("spc")
            if let spc = report.spc {
                json.object { json in
                    json.member("centre", spc.centre, places: 4)
                    json.member("finding", spc.finding.rawValue)
                    json.member("baselineFrom", spc.baselineFrom?.description)
                    json.key("months")
                    json.list(spc.points) { json, point in
                        json.newline()
                        json.object { json in
                            json.member("month", point.month.description)
                            json.member("n", point.n)
                            json.member("share", point.share, places: 4)
                            json.member("lower", point.lower, places: 4)
                            json.member("upper", point.upper, places: 4)
                            json.member("centre", point.centre, places: 4)
                            json.member("signal", point.signal)
                            json.member("improvement", point.improvement)
                            json.member("concern", point.concern)
                        }
                    }
                }
            } else {
                json.null()
            }
            json.key("teamFunnel")
            if let funnel = report.teamFunnel, !report.isPublic {
                FunnelJSON.write(funnel, into: &json)
            } else if let funnel = report.teamFunnel {
                // Published: how many teams lie where, no team and no team's figures.
                json.object { json in
                    json.member("measure", funnel.measure.rawValue)
                    json.key("positions")
                    json.object { json in
                        for position in FunnelPlot.Position.allCases {
                            json.member(position.rawValue, funnel.count(position))
                        }
                    }
                    json.member("tooFew", funnel.tooFew.count)
                }
            } else {
                json.null()
            }
            json.key("caseload")
            caseload(report.caseload, &json)
            json.key("familyVoice")
            familyVoice(report.familyVoice, &json)
            json.key("suppressed")
            json.list(report.suppressed) { json, key in json.string(key) }
        }
        return json.text
    }

    /// The plan checks across the whole caseload (the census's figures), or null.
    private static func caseload(_ caseload: MonthlyReport.Caseload?, _ json: inout JSONWriter) {
        guard let c = caseload else { return json.null() }
        json.object { json in
            json.member("population", c.population)
            json.member("checked", c.checked.value)
            json.member("checkedInPopulation", c.checkedInPopulation.value)
            json.key("coverage")
            share(c.coverage, &json)
            json.key("mostFound")
            json.list(c.checks) { json, figure in
                share(figure.share, &json) { json in
                    json.member("check", figure.check.rawValue)
                    json.member("plans", figure.plans.value)
                }
            }
        }
    }

    /// The family's view beside the auditor's, or null: the plans, and for each plan grade
    /// its plans and their family grades, then the plans by family grade.
    private static func familyVoice(_ voice: FamilyVoiceRows?, _ json: inout JSONWriter) {
        guard let v = voice else { return json.null() }
        json.object { json in
            json.member("from", v.period.first.description)
            json.member("to", v.period.last.description)
            json.member("plans", v.plans.value)
            json.key("grades")
            json.list(Array(v.planGrades.indices)) { json, r in
                json.object { json in
                    json.member("grade", v.planGrades[r].id)
                    json.member("plans", v.byPlanGrade[r].value)
                    json.key("family")
                    json.object { json in
                        for (c, grade) in v.familyGrades.enumerated() { json.member(grade.id, v.table[r][c].value) }
                    }
                }
            }
            json.key("family")
            json.object { json in
                for (c, grade) in v.familyGrades.enumerated() { json.member(grade.id, v.byFamilyGrade[c].value) }
            }
        }
    }

    /// A share with its interval, then any `more` members; every member null when the
    /// share is withheld.
    private static func share(_ share: Share?, _ json: inout JSONWriter, more: (inout JSONWriter) -> Void = { _ in }) {
        json.object { json in
            json.member("share", share?.share, places: 4)
            json.member("low", share?.low, places: 4)
            json.member("high", share?.high, places: 4)
            more(&json)
        }
    }

    private static func criterion(_ row: MonthlyReport.CriterionRow, _ json: inout JSONWriter) {
        json.object { json in
            json.member("criterion", row.criterion)
            json.member("section", row.section)
            json.member("count", row.count.value)
            json.member("share", row.share, places: 4)
            json.member("text", row.text)
        }
    }

    private static func advice(_ row: MonthlyReport.AdviceRow, _ report: MonthlyReport, _ json: inout JSONWriter) {
        json.object { json in
            json.member("name", row.name)
            json.member("advices", row.advices.value)
            json.key("grades")
            json.object { json in
                for (grade, count) in zip(report.adviceGrades, row.grades) { json.member(grade.id, count.value) }
            }
            json.member("notScored", row.notScored.value)
            json.key("timely")
            share(row.timely, &json)
            json.member("blank", row.blank, places: 4)
            json.member("noNeedsIdentified", row.noNeeds, places: 4)
            json.member("notReceived", row.notReceived, places: 4)
            json.member("notKnown", row.notKnown, places: 4)
        }
    }

    private static func trend(_ row: MonthlyReport.TrendRow, _ report: MonthlyReport, _ json: inout JSONWriter) {
        json.object { json in
            json.member("month", row.month.description)
            json.member("target", row.target)
            json.member("completed", row.completed.value)
            json.key("grades")
            json.object { json in
                for (grade, count) in zip(report.gradeScale, row.grades) { json.member(grade.id, count.value) }
            }
            json.key("goodOrBetter")
            share(row.goodOrBetter, &json)
        }
    }
}

extension Reaudit.ActionStatus {
    /// The key in JSON: `closed`, `open`, `notAssessed`.
    fileprivate var jsonName: String { self == .notAssessed ? "notAssessed" : rawValue }
}
