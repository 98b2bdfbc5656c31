import EHCPAudit
import EHCPAuditSampling
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditXML

struct SEN2ReturnTests {
    let references = PlanReference(key: Array(repeating: 7, count: 32))

    func person(upn: String = "Z1234567890A", born: String = "2015-05-10", plans: String, needs: String = "") -> String
    {
        """
            <Person>
              <Surname>Testerson</Surname><Forename>Alex</Forename><PersonBirthDate>\(born)</PersonBirthDate>
              <PostCode>ZZ99 9ZZ</PostCode><UPN>\(upn)</UPN>
              <Requests>
                <Assessment>\(plans)</Assessment>
                <ActivePlans>\(needs)</ActivePlans>
              </Requests>
            </Person>
        """
    }

    func read(_ persons: [String], asOf: String = "2025-06-01") throws -> SEN2Return.Summary {
        let text = "<Message><Header/><Persons>\n\(persons.joined(separator: "\n"))\n</Persons></Message>"
        return try SEN2Return.read(
            path: try temporaryFile("sen2.xml", text), asOf: CalendarDate(asOf)!, references: references)
    }

    @Test func anOpenPlanHasAStartDateAndNoCeaseDateByTheAsOfDate() throws {
        let summary = try read([
            person(upn: "A1", plans: "<NamedPlan><StartDate>2020-01-01</StartDate></NamedPlan>"),
            person(
                upn: "A2",
                plans: "<NamedPlan><StartDate>2020-01-01</StartDate><CeaseDate>2025-05-31</CeaseDate></NamedPlan>"),
            person(
                upn: "A3",
                plans: "<NamedPlan><StartDate>2020-01-01</StartDate><CeaseDate>2025-06-02</CeaseDate></NamedPlan>"),
            person(upn: "A4", plans: "<NamedPlan><StartDate>2025-06-02</StartDate></NamedPlan>"),
            person(upn: "A5", plans: "<NamedPlan><CeaseDate>2019-01-01</CeaseDate></NamedPlan>"),
        ])
        #expect(summary.persons == 5)
        #expect(summary.plans.map(\.planId) == [references.reference(for: "A1"), references.reference(for: "A3")])
        #expect(summary.plans[0].planStart == CalendarDate("2020-01-01"))
    }

    @Test func thePrimaryNeedIsTheTypeRankedOne() throws {
        let needs =
            "<SENneed><SENtype>MLD</SENtype><SENtypeRank>2</SENtypeRank></SENneed>"
            + "<SENneed><SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank></SENneed>"
        let summary = try read([person(plans: "<NamedPlan><StartDate>2020-01-01</StartDate></NamedPlan>", needs: needs)]
        )
        #expect(summary.plans.first?.primaryNeed == "ASD")
    }

    @Test(arguments: [
        ("2022-06-01", "2025-06-01", Phase.earlyYears),  // 2 on 2024-08-31
        ("2020-08-31", "2025-06-01", .primary),  // 4 on 2024-08-31
        ("2020-09-01", "2025-06-01", .earlyYears),  // 3 on 2024-08-31
        ("2020-09-01", "2025-09-01", .primary),  // 4 on 2025-08-31
        ("2013-08-31", "2024-09-30", .secondary),  // 11 on 2024-08-31
        ("2008-08-31", "2024-09-30", .post16),  // 16
        ("2005-08-31", "2025-08-31", .post19),  // 19 on 2024-08-31
        ("2006-09-01", "2025-08-31", .post16),  // 17 on 2024-08-31: the reference is the 31 August before
    ])
    func thePhaseComesFromAgeOnThe31AugustBefore(_ born: String, _ asOf: String, _ phase: Phase) {
        #expect(SEN2Return.phase(born: CalendarDate(born)!, asOf: CalendarDate(asOf)!) == phase)
    }

    @Test func theSameChildMapsToTheSameReferenceUnderTheSameKeyOnly() {
        #expect(references.reference(for: "Z1") == references.reference(for: "Z1"))
        #expect(references.reference(for: "Z1") != references.reference(for: "Z2"))
        #expect(
            PlanReference(key: Array(repeating: 8, count: 32)).reference(for: "Z1") != references.reference(for: "Z1"))
        #expect(references.reference(for: "Z1").hasPrefix("S2-") && references.reference(for: "Z1").count == 23)
    }

    @Test func nothingPersonalLeavesTheReader() throws {
        let summary = try read([
            person(
                upn: "Z9876543210B", born: "2014-03-04",
                plans: "<NamedPlan><StartDate>2020-01-01</StartDate></NamedPlan>")
        ])
        let text = "\(summary)"
        for secret in ["Z9876543210B", "2014-03-04", "Testerson", "Alex", "ZZ99"] { #expect(!text.contains(secret)) }
    }

    @Test func refusesBrokenReturns() throws {
        #expect(throws: Diagnostic.self) {
            try read([person(upn: "A1", plans: "<NamedPlan><StartDate>2020-02-30</StartDate></NamedPlan>")])
        }
        #expect(throws: Diagnostic.self) {
            try read([person(upn: "", plans: "<NamedPlan><StartDate>2020-01-01</StartDate></NamedPlan>")])
        }
        #expect(throws: Diagnostic.self) {
            let plan = "<NamedPlan><StartDate>2020-01-01</StartDate></NamedPlan>"
            return try read([person(upn: "A1", plans: plan), person(upn: "A1", plans: plan)])
        }
        #expect(throws: Diagnostic.self) {
            try SEN2Return.read(
                path: try temporaryFile("x.xml", "<audits/>"), asOf: CalendarDate("2025-01-01")!, references: references
            )
        }
        #expect {
            let hostile =
                """
                <?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY upn SYSTEM \
                \"file:///etc/passwd\">]>\n<Message><Persons/></Message>
                """
            _ = try SEN2Return.read(
                path: try temporaryFile("h.xml", hostile), asOf: CalendarDate("2025-01-01")!, references: references)
        } throws: { error in
            (error as? Diagnostic).map { $0.line == 2 && $0.message.contains("declares a DOCTYPE") } == true
        }
    }

    @Test func aPlanAndItsNeedMayBeInNestedRequests() throws {
        let nested =
            """
            <Person><UPN>N1</UPN><Requests>
              <SENneed><SENtype>SLCN</SENtype><SENtypeRank>1</SENtypeRank></SENneed>
              <Requests><NamedPlan><StartDate>2021-03-01</StartDate></NamedPlan></Requests>
            </Requests>
            <Requests><NamedPlan><StartDate>2019-01-01</StartDate><CeaseDate>2020-01-01</CeaseDate></NamedPlan>
              <SENneed><SENtype>MLD</SENtype><SENtypeRank>1</SENtypeRank></SENneed></Requests></Person>
            """
        let summary = try read([nested])
        #expect(summary.plans.map(\.planStart) == [CalendarDate("2021-03-01")])
        #expect(summary.plans.first?.primaryNeed == "SLCN")
    }

    @Test func errorsNameTheLineOfTheFieldOrPersonAtFault() throws {
        let plan = "<NamedPlan><StartDate>2020-01-01</StartDate></NamedPlan>"
        // The document starts "<Message><Header/><Persons>" on line 1; each person takes 8 lines.
        let badDate = person(upn: "B2", plans: "<NamedPlan>\n<StartDate>2020-13-01</StartDate></NamedPlan>")
        #expect {
            try read([person(upn: "B1", plans: plan), badDate])
        } throws: { error in
            (error as? Diagnostic).map { $0.line == 15 && $0.message.contains("<StartDate>") } == true
        }
        #expect {
            try read([person(upn: "B1", plans: plan), person(upn: "B3", plans: plan), person(upn: "B1", plans: plan)])
        } throws: { error in
            (error as? Diagnostic).map { $0.line == 18 && $0.message.hasSuffix("person on line 2") } == true
        }
    }

    @Test func refusesAWrongRootAndAnOversizedPerson() throws {
        #expect {
            try SEN2Return.read(
                bytes: Array("<audits/>".utf8), name: "r.xml", asOf: CalendarDate("2025-01-01")!,
                references: references
            ) { _ in }
        } throws: { error in
            (error as? Diagnostic).map { $0.file == "r.xml" && $0.message.contains("starts with <Message>") } == true
        }
        let huge = person(upn: "H1", plans: "<NamedPlan><StartDate>2020-01-01</StartDate></NamedPlan>")
            .replacingOccurrences(of: "Testerson", with: String(repeating: "x", count: InputLimits.largestRecord + 1))
        #expect {
            try read([person(upn: "H0", plans: ""), huge])
        } throws: { error in
            (error as? Diagnostic).map { $0.line == 10 && $0.message.contains("larger than") } == true
        }
    }

    @Test func theShippedSyntheticReturnReads() throws {
        let summary = try SEN2Return.read(
            path: Project.root + "/samples/sen2-2025.xml", asOf: CalendarDate("2025-06-01")!, references: references)
        #expect(summary.persons == 30)
        #expect(summary.plans.count > 15 && summary.plans.count < 30)
        #expect(summary.plans.allSatisfy { $0.primaryNeed != nil && $0.phase != nil })
    }
}
