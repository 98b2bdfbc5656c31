import EHCPAudit
import EHCPAuditSampling

/// Writes a SEN2-style person-level return for a synthetic population. Every name, birth
/// date, postcode and UPN is made up (and looks it), so the file is safe to share.
public enum SEN2Writer {
    public static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Synthetic SEN2-style return: every person in it is invented. -->
        <Message>
          <Header><CollectionDetails><Collection>SEN2</Collection><Year>2025</Year><ReferenceDate>\
        2025-01-16</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>\
        ehcp-audit generate</SoftwareCode></Source></Header>
          <Persons>
        """
    public static let footer = "  </Persons>\n</Message>"

    static let ages: [String: ClosedRange<Int>] = [
        "early-years": 2...3, "primary": 4...10, "secondary": 11...15, "post-16": 16...18, "post-19": 19...24,
    ]

    public static func person(
        _ plan: PopulationPlan, index: Int, asOf: CalendarDate, random: inout SeededRandom
    ) -> String {
        let age = random.int(ages[plan.phase ?? "primary"] ?? 4...10)
        let born = CalendarDate(
            year: asOf.year - age - (asOf.month > 8 ? 0 : 1), month: random.int(9...12), day: random.int(1...28))!
        let need = plan.primaryNeed ?? "OTH"
        let second = Proportions.needs[random.int(0...Proportions.needs.count - 1)].0
        return """
                <Person><Surname>Synthetic\(index)</Surname><Forename>Child\(index)</Forename><PersonBirthDate>\
            \(born)</PersonBirthDate><Sex>\(random.chance(0.7) ? "M" : "F")</Sex><PostCode>ZZ9\(index % 9) \
            \(index % 10)ZZ</PostCode><UPN>X\(String(index).leftPadded(11))Z</UPN>
                  <Requests><ReceivedDate>\(plan.planStart?.adding(days: -140) ?? asOf)</ReceivedDate><Assessment>\
            <NamedPlan><StartDate>\(plan.planStart ?? asOf)</StartDate></NamedPlan></Assessment>
                    <ActivePlans><SENneed><SENtype>\(need)</SENtype><SENtypeRank>1</SENtypeRank></SENneed><SENneed>\
            <SENtype>\(second)</SENtype><SENtypeRank>2</SENtypeRank></SENneed></ActivePlans></Requests>
                </Person>
            """
    }
}
