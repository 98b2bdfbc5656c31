import EHCPAudit
import EHCPAuditFormats

/// `report checks --format json`: every figure of the census, for other systems and for
/// checking by hand. Checks are named by id; suppressed counts are `null` and listed under
/// `suppressed`; shares are fractions (0–1, four decimals) with their 95% Wilson interval.
/// The follow-up list is empty in the public version.
public enum PlanCheckCensusJSON {
    public static func render(_ census: PlanCheckCensus) -> String {
        var json = JSONWriter(capacity: 8192)
        json.object { json in
            json.member("month", census.month.description)
            json.member("public", census.isPublic)
            json.member("population", census.population)
            json.member("checked", census.checked.value)
            json.member("checkedInPopulation", census.checkedInPopulation.value)
            json.member("checkedNotInPopulation", census.checkedNotInPopulation.value)
            json.key("coverage")
            share(census.coverage, &json)
            json.member("checkedThisMonth", census.checkedThisMonth.value)
            json.member("drafts", census.drafts.value)
            json.member("finals", census.finals.value)
            json.key("checks")
            checks(census.checks, &json)
            json.key("breakdowns")
            json.list(census.breakdowns) { json, breakdown in
                json.object { json in
                    json.member("dimension", breakdown.dimension.rawValue)
                    json.key("groups")
                    json.list(breakdown.groups) { json, group in
                        json.newline()
                        json.object { json in
                            json.member("name", group.name)
                            json.member("population", group.population?.value)
                            json.member("checked", group.checked.value)
                            json.key("coverage")
                            share(group.coverage, &json)
                            json.key("checks")
                            checks(group.checks, &json)
                        }
                    }
                }
            }
            json.key("followUp")
            json.list(census.followUp) { json, plan in
                json.newline()
                json.object { json in
                    json.member("planId", plan.planID)
                    json.member("findings", plan.findings)
                    json.member("status", plan.status.rawValue)
                    json.member("team", plan.team)
                    json.member("caseworker", plan.caseworker)
                    json.key("counts")
                    json.object { json in for count in plan.counts { json.member(count.check.rawValue, count.count) } }
                }
            }
            json.key("suppressed")
            json.list(census.suppressed) { json, key in json.string(key) }
        }
        return json.text
    }

    /// Each check's plans and share, by check id.
    private static func checks(_ figures: [PlanCheckCensus.CheckFigure], _ json: inout JSONWriter) {
        json.object { json in
            for figure in figures {
                json.key(figure.check.rawValue)
                share(figure.share, &json) { json in json.member("plans", figure.plans.value) }
            }
        }
    }

    /// A share with its interval, then any `more` members; null members when withheld.
    private static func share(_ share: Share?, _ json: inout JSONWriter, more: (inout JSONWriter) -> Void = { _ in }) {
        json.object { json in
            more(&json)
            json.member("share", share?.share, places: 4)
            json.member("low", share?.low, places: 4)
            json.member("high", share?.high, places: 4)
        }
    }
}
