import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The twelve checks on small plans built block by block (docs/plan-checks.md, "Checks").
struct PlanCheckerTests {
    typealias Block = PlanDocument.Block

    /// A complete final plan with nothing to find; `replacing` swaps a section's blocks (none: no section).
    static func plan(_ replacing: [String: [Block]] = [:], front: [Block]? = nil) -> PlanDocument {
        let sections: [(String, [Block])] = [
            ("A", [.init(kind: .paragraph, text: "Sam enjoys drawing and wants to work with animals.")]),
            ("B", [.init(kind: .paragraph, text: "Sam has a severe language disorder affecting understanding.")]),
            ("C", [.init(kind: .paragraph, text: "No health needs were identified by the paediatrician.")]),
            ("D", [.init(kind: .paragraph, text: "No social care needs were identified in the assessment.")]),
            (
                "E",
                [
                    .init(
                        kind: .listItem, text: "Sam will follow two-step instructions in class by the end of Year 4."),
                    .init(kind: .listItem, text: "Sam will write three sentences independently by July 2026."),
                ]
            ),
            (
                "F",
                [
                    .init(kind: .tableRow, text: "Need | Provision | Frequency | Delivered by", isFirstRow: true),
                    .init(
                        kind: .tableRow,
                        text: "Language | Direct therapy | 30 minutes weekly | Speech and language therapist"),
                    .init(kind: .tableRow, text: "Literacy | Phonics teaching | 20 minutes daily | Teaching assistant"),
                ]
            ),
            ("G", [.init(kind: .listItem, text: "Annual hearing test of 1 hour once a year by the audiologist.")]),
            ("H1", [.init(kind: .paragraph, text: "No provision under section 2 of the CSDPA 1970 is needed.")]),
            ("H2", [.init(kind: .paragraph, text: "No other social care provision is needed at this time.")]),
            ("I", [.init(kind: .paragraph, text: "Name of school: Hillcrest Primary School")]),
            ("J", [.init(kind: .paragraph, text: "No personal budget was requested.")]),
            ("K", [.init(kind: .listItem, text: "Educational psychology advice, 3 March 2025")]),
        ]
        var blocks =
            front ?? [
                .init(kind: .heading, text: "Education, Health and Care Plan"),
                .init(kind: .paragraph, text: "Date of plan: 20 May 2025"),
                .init(kind: .paragraph, text: "Next review: 19/05/2026"),
            ]
        for (id, body) in sections {
            let body = replacing[id] ?? body
            if body.isEmpty { continue }  // an empty replacement leaves the section out
            blocks.append(.init(kind: .heading, text: "Section \(id)"))
            blocks += body
        }
        return PlanDocument(blocks: blocks)
    }

    func check(_ document: PlanDocument, status: PlanCheckReport.Status? = nil) -> PlanCheckReport {
        Project.planChecker.check(document, status: status)
    }

    @Test func aGoodPlanHasNoFindings() {
        let report = check(Self.plan())
        #expect(report.findings.map { "\($0.check.rawValue) \($0.section ?? "") \($0.place)" } == [])
        #expect(report.status == .final)
        #expect(report.planDate == CalendarDate(year: 2025, month: 5, day: 20))
        #expect(report.reviewDate == CalendarDate(year: 2026, month: 5, day: 19))
        #expect(report.sections == PlanCheckRules.sectionIDs)
        #expect(report.counts.count == 12 && report.counts.allSatisfy { $0.count == 0 })
        #expect(report.suggestions.isEmpty)
    }

    @Test func vagueWordingIsFoundPerOccurrenceAndQuotedAsWritten() {
        let report = check(
            Self.plan([
                "F": [
                    .init(kind: .listItem, text: "Access to speech therapy, 30 minutes weekly, by a teacher."),
                    .init(kind: .listItem, text: "Up to 2 hours weekly of Regular mentoring by a mentor, e.g. games."),
                ]
            ]))
        let vague = report.findings.filter { $0.check == .vagueWording }
        #expect(vague.map(\.quote) == ["Access to", "Up to", "Regular", "e.g."])
        #expect(vague.map(\.item) == [1, 2, 2, 2])
        #expect(vague.allSatisfy { $0.section == "F" && $0.criterion == "F4" })
        let suggestion = report.suggestions.first { $0.criterion == "F4" }
        #expect(suggestion?.rating == "inadequate")
        #expect(
            suggestion?.because
                == "4 vague phrases in F: 'Access to' (item 1), 'Up to' (item 2), 'Regular' (item 2), 'e.g.' (item 2)")
    }

    @Test func vaguePhrasesMatchWholeWordsOnly() {
        // "regularly" is its own phrase; "some" is not in "someone"; "etc" with curly quotes nearby.
        let report = check(
            Self.plan([
                "F": [
                    .init(kind: .listItem, text: "Someone’s 1:1 support weekly for 20 minutes, regularly, by a tutor.")
                ]
            ]))
        #expect(report.findings.filter { $0.check == .vagueWording }.map(\.quote) == ["regularly"])
    }

    @Test func provisionWithoutFrequencyOrAmountNamesWhatIsMissing() {
        let report = check(
            Self.plan([
                "F": [
                    .init(kind: .listItem, text: "Speech therapy from a speech and language therapist."),
                    .init(kind: .listItem, text: "Reading practice with a teaching assistant, three times a week."),
                    .init(kind: .listItem, text: "Phonics in a group of 4 with a teacher, 15 minutes each day."),
                ]
            ]))
        let unquantified = report.findings.filter { $0.check == .unquantifiedProvision }
        #expect(unquantified.map(\.item) == [1, 2])
        #expect(unquantified.map(\.missing) == [["frequency", "amount"], ["amount"]])
        #expect(unquantified.allSatisfy { $0.criterion == "F1" })
        #expect(report.suggestions.first { $0.criterion == "F1" }?.rating == "requires-improvement")
    }

    @Test func provisionInFWithNoRoleHasNoExpertise() {
        let report = check(
            Self.plan(["F": [.init(kind: .listItem, text: "Social skills group of 6, 30 minutes weekly.")]]))
        #expect(report.findings.filter { $0.check == .noExpertise }.map(\.item) == [1])
        #expect(report.findings.first { $0.check == .noExpertise }?.criterion == "F3")
    }

    @Test func outcomesNeedATimeFrameAndMustNotDescribeAService() {
        let report = check(
            Self.plan([
                "E": [
                    .init(kind: .listItem, text: "Sam will read simple books with confidence and enjoyment."),
                    .init(kind: .listItem, text: "Sam will be able to dress independently within 6 months."),
                    .init(kind: .listItem, text: "Sam will receive speech therapy by the end of the autumn term."),
                    .init(kind: .listItem, text: "Sam will travel to school with a friend by the end of Key Stage 3."),
                ]
            ]))
        #expect(report.findings.filter { $0.check == .outcomeNotTimeBound }.map(\.item) == [1])
        let service = report.findings.filter { $0.check == .outcomeIsProvision }
        #expect(service.map(\.item) == [3])
        #expect(service.map(\.quote) == ["will receive"])
    }

    @Test func aParagraphSayingThereIsNothingIsNoItem() {
        let report = check(
            Self.plan([
                "G": [
                    .init(kind: .paragraph, text: "No health provision is needed at this time."),
                    .init(kind: .listItem, text: "None."),
                    .init(kind: .listItem, text: "Not applicable: no health needs were identified."),
                ]
            ]))
        #expect(report.findings.isEmpty)
    }

    @Test func itemsArePlainParagraphsOfSixWordsWhenASectionHasNoListOrTable() {
        let report = check(
            Self.plan([
                "E": [
                    .init(kind: .paragraph, text: "Our hopes:"),
                    .init(kind: .paragraph, text: "Sam will read a short book aloud to the class."),
                ]
            ]))
        #expect(report.findings.filter { $0.check == .outcomeNotTimeBound }.map(\.item) == [1])
    }

    @Test func aDraftNamingASchoolIsFoundAndAFinalWithoutOneToo() {
        let draftFront: [Block] = [
            .init(kind: .heading, text: "DRAFT Education, Health and Care Plan"),
            .init(kind: .paragraph, text: "Next review: 19/05/2026"),
        ]
        let draft = check(Self.plan(front: draftFront))
        #expect(draft.status == .draft)
        let named = draft.findings.filter { $0.check == .settingNamedInDraft }
        #expect(named.map(\.quote) == ["Hillcrest Primary School"])
        #expect(draft.suggestions.first { $0.criterion == "I1" }?.rating == "inadequate")

        let generic = check(
            Self.plan(
                ["I": [.init(kind: .paragraph, text: "Type of setting: a Special School or a Primary School.")]],
                front: draftFront))
        #expect(generic.findings.filter { $0.check == .settingNamedInDraft }.isEmpty)

        let tbc = check(Self.plan(["I": [.init(kind: .paragraph, text: "Name of school: To be confirmed")]]))
        #expect(tbc.findings.filter { $0.check == .noSettingInFinal }.map(\.section) == ["I"])
        let typeOnly = check(
            Self.plan([
                "I": [
                    .init(kind: .paragraph, text: "Type of setting: mainstream primary"),
                    .init(kind: .paragraph, text: "Name of school: TBC"),
                ]
            ]))
        #expect(typeOnly.findings.filter { $0.check == .noSettingInFinal }.isEmpty)
        let missing = check(Self.plan(["I": []]))
        #expect(missing.findings.map(\.check) == [.missingSection, .noSettingInFinal])
        #expect(check(Self.plan(), status: .draft).findings.map(\.check) == [.settingNamedInDraft])
    }

    @Test func adviceMoreThanAYearOlderThanThePlanIsStale() {
        let report = check(
            Self.plan([
                "K": [
                    .init(kind: .listItem, text: "Educational psychology advice, 19 May 2024"),
                    .init(
                        kind: .listItem, text: "Speech and language advice, requested 01/03/2024, received 20.05.2024"),
                    .init(kind: .listItem, text: "Paediatric advice, 2024-05-20"),
                ]
            ]))
        // 19 May 2024 is 366 days before 20 May 2025 (a leap year between); 20 May 2024 is 365.
        let stale = report.findings.filter { $0.check == .staleAdvice }
        #expect(stale.map(\.quote) == ["19 May 2024"])
        #expect(stale.first?.criterion == "K2")
        #expect(Project.planChecker.check(Self.plan(front: [])).findings.filter { $0.check == .staleAdvice }.isEmpty)
    }

    @Test func aPlanWithoutAReviewDateAndWithMissingSections() {
        let report = check(
            Self.plan(
                ["C": [], "K": []],
                front: [.init(kind: .paragraph, text: "Date of plan: 20/05/2025. To be reviewed annually.")]))
        #expect(
            report.findings.map { "\($0.check.rawValue) \($0.section ?? "plan") \($0.criterion ?? "-")" } == [
                "missing-section C C1", "missing-section K K1", "no-review-date plan F5",
            ])
        #expect(report.suggestions.map(\.criterion) == ["C1", "K1", "F5"])
        #expect(report.suggestions.map(\.rating) == ["inadequate", "inadequate", "requires-improvement"])
    }

    @Test func templateTextLeftInIsFoundAnywhere() {
        let report = check(
            Self.plan(
                ["A": [.init(kind: .paragraph, text: "[Insert child's name] likes <<hobby>> and XXX. Lorem ipsum.")]],
                front: [
                    .init(kind: .paragraph, text: "Plan for {{name}}"),
                    .init(kind: .paragraph, text: "Review: May 2026"),
                    .init(kind: .paragraph, text: "[Note: this is fine]"),
                ]))
        let placeholders = report.findings.filter { $0.check == .templateText }
        #expect(placeholders.map(\.quote) == ["{{name}}", "[Insert child's name]", "<<hobby>>", "XXX", "Lorem ipsum"])
        #expect(placeholders.map(\.section) == [nil, "A", "A", "A", "A"])
        #expect(placeholders.allSatisfy { $0.criterion == nil })
    }

    @Test func aSentenceCopiedBetweenItemsIsFoundOnceWithEveryPlace() {
        let copied = "Adults will model language and check understanding throughout the school day in every lesson"
        let report = check(
            Self.plan([
                "F": [
                    .init(kind: .listItem, text: "\(copied). Therapy 30 minutes weekly by a therapist teacher."),
                    .init(kind: .listItem, text: "Reading 20 minutes daily with a tutor."),
                    .init(kind: .listItem, text: "\(copied.uppercased())! Group of 3, weekly, with a TA."),
                ]
            ]))
        let repeated = report.findings.filter { $0.check == .repeatedText }
        #expect(repeated.count == 1)
        #expect(repeated.first?.occurrences.map(\.item) == [1, 3])
        #expect(
            repeated.first?.quote == "Adults will model language and check understanding throughout the school day in")
    }

    @Test func combinedSectionHCountsForBothH1AndH2() {
        var document = Self.plan(["H1": [], "H2": []])
        let k = document.blocks.firstIndex { $0.text == "Section I" }!
        document.blocks.insert(
            contentsOf: [
                .init(kind: .heading, text: "Section H: Social care provision"),
                .init(kind: .listItem, text: "Short breaks as needed, 6 hours monthly, by a support worker."),
            ], at: k)
        let report = check(document)
        #expect(report.findings.filter { $0.check == .missingSection }.isEmpty)
        #expect(report.findings.filter { $0.check == .vagueWording }.map(\.section) == ["H1", "H2"])
        #expect(report.findings.filter { $0.check == .vagueWording }.map(\.criterion) == ["H1a", "H2a"])
    }

    @Test func statusAndPlanDateCanBeGivenInstead() {
        let report = Project.planChecker.check(
            Self.plan(), status: .draft, planDate: CalendarDate(year: 2026, month: 6, day: 1))
        #expect(report.status == .draft)
        #expect(report.planDate == CalendarDate(year: 2026, month: 6, day: 1))
        #expect(report.findings.map(\.check) == [.settingNamedInDraft, .staleAdvice])
    }
}
