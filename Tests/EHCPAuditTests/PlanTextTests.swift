import Testing

@testable import EHCPAudit

/// Words, phrases and dates as the plan checks read them (docs/plan-checks.md).
struct PlanTextTests {
    func keys(_ text: String) -> [String] { PlanText(text).tokens.map(\.key) }

    @Test func wordsMarksHyphensAndApostrophes() {
        #expect(
            keys("One-to-one, 30mins e.g. KS2") == [
                "one", "to", "one", ",", "30", "mins", "e", ".", "g", ".", "ks", "2",
            ])
        #expect(keys("child’s 1.5 hours – 12.06.2025") == ["child's", "1.5", "hours", "–", "12.06.2025"])
        #expect(PlanText("A ‘quoted’ word").quote(1, 3) == "‘quoted’")
        #expect(PlanText("Two words, and punctuation.").wordCount == 4)
    }

    @Test func phrasesMatchNumbersAnyWordAndWholeWordsOnly() {
        let set = PlanPhraseSet(["# times a week", "end of the * term", "e.g."].compactMap(PlanPhrase.init))
        func found(_ text: String) -> [String] {
            let text = PlanText(text)
            return set.matches(in: text).map { text.quote($0.first, $0.last) }
        }
        #expect(
            found("Three times a week, 2 times a week, a times a week") == ["Three times a week", "2 times a week"])
        #expect(found("By the end of the Spring term. E.g. this, eg that") == ["end of the Spring term", "E.g."])
        #expect(PlanPhrase("  ") == nil)
    }

    @Test func datesInEveryWrittenForm() {
        func dates(_ text: String) -> [String] { PlanDates.all(in: PlanText(text)).map(\.date.description) }
        #expect(
            dates("12/06/2025, 12.06.2025, 12-06-2025, 12 June 2025, 12th of June 2025, Jun 2025, 2025-06-12") == [
                "2025-06-12", "2025-06-12", "2025-06-12", "2025-06-12", "2025-06-12", "2025-06-01", "2025-06-12",
            ])
        #expect(dates("31/02/2025 and 12 06 2025 and 3 sessions in June") == [])
        #expect(dates("Sept. 2026, 1st March 2024") == ["2026-09-01", "2024-03-01"])
    }

    @Test func sectionHeadingsByReferenceOrTitle() {
        let refs = [
            "Section F", "Section f: Provision", "F: Provision", "F. Special educational provision", "H1) Social care",
            "Section H – Social care", "K - Advice", "A-level results", "A. N. Other", "I think so", "Sectional F",
            "f: lower case", "L: not a section",
        ].map { PlanOutline.sectionReference($0)?.joined(separator: "+") ?? "-" }
        #expect(refs == ["F", "-", "F", "F", "H1", "H1+H2", "K", "-", "-", "-", "-", "-", "-"])
    }
}
