import Testing

@testable import EHCPAuditSynthetic

/// The clean words of synthetic plans trigger no check, so that every finding a checker
/// reports on them is a placed fault.
struct PlanVocabularyTests {
    static let roleWords = [
        "teacher", "teaching assistant", "TA", "learning support assistant", "LSA", "SENCo",
        "speech and language therapist", "SaLT", "SALT", "occupational therapist", "OT", "physiotherapist",
        "educational psychologist", "EP", "specialist teacher", "qualified teacher of the deaf", "key worker",
        "mentor", "ELSA", "nurse", "support worker", "practitioner", "tutor", "coach",
    ]
    static let quantityWords = [
        "daily", "weekly", "fortnightly", "termly", "each", "every", "per", "once", "twice", "times", "minute",
        "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "session", "sessions", "week", "weeks", "term",
        "terms", "lesson", "lessons", "one-to-one", "1:1", "group of", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]
    static let timeWords = [
        "by the end of", "within", "by the age of", "annual review", "key stage", "year", "term", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]
    static let elsewhere = ["review", "draft", "xxx", "lorem ipsum", "{{", "<<", "[", "]"]

    /// Every clean text with `@` as a name.
    static var cleanTexts: [String] {
        let v = PlanVocabulary.self
        return
            (v.firstNames + v.surnames + [v.authority] + v.settings + v.settingTypes + v.needs + v.activities
            + v.purposes + v.healthActivities + v.careActivities + v.frequencies + v.careFrequencies + v.amounts
            + v.careAmounts + v.roles + v.healthRoles + v.careRoles + v.skills + v.contexts + v.outcomeAreas + v.views
            + v.needDescriptions + [v.noHealthNeeds, v.noCareNeeds] + v.healthNeeds + v.careNeeds + v.budgets
            + v.advice.flatMap { [$0.0, $0.1] } + v.repeatedSentences + SectionHeadingStyle.titles.values
            + SectionHeadingStyle.shortNames.values)
            .map { $0.replacingOccurrences(of: "@", with: "Kit") }
    }

    @Test(arguments: cleanTexts)
    func cleanTextHoldsNoVagueServiceOrTemplateWords(text: String) {
        #expect(PhraseScan.contains(any: SpecPhrases.vaguePhrases, in: text) == nil, "\(text)")
        #expect(PhraseScan.contains(any: SpecPhrases.servicePhrases, in: text) == nil, "\(text)")
        #expect(PhraseScan.contains(any: Self.elsewhere, in: text) == nil, "\(text)")
    }

    @Test func whatProvisionDoesNamesNoOneAndNoQuantity() {
        let v = PlanVocabulary.self
        for text in v.needs + v.activities + v.purposes + v.healthActivities + v.careActivities
            + v.repeatedSentences
        {
            #expect(PhraseScan.contains(any: Self.roleWords, in: text) == nil, "\(text)")
            #expect(PhraseScan.contains(any: Self.quantityWords, in: text) == nil, "\(text)")
            #expect(PhraseScan.contains(any: Self.timeWords, in: text) == nil, "\(text)")
        }
    }

    @Test func everyRoleIsARoleWord() {
        for role in PlanVocabulary.roles + PlanVocabulary.healthRoles + PlanVocabulary.careRoles {
            #expect(PhraseScan.contains(any: Self.roleWords, in: role) != nil, "\(role)")
        }
    }

    @Test func outcomesHoldNoTimeFrameOfTheirOwn() {
        for text in PlanVocabulary.skills + PlanVocabulary.contexts + PlanVocabulary.outcomeAreas {
            #expect(PhraseScan.contains(any: Self.timeWords, in: text) == nil, "\(text)")
        }
    }

    @Test func eachFaultClauseHoldsExactlyItsOwnPhrase() {
        for (clause, phrase) in PlanFaultPhrases.vagueClauses {
            let text = clause.replacingOccurrences(of: "@", with: "Kit")
            let found = SpecPhrases.vaguePhrases.filter { PhraseScan.count($0, in: text) > 0 }
            #expect(found == [phrase], "\(clause)")
            #expect(PhraseScan.count(phrase, in: text) == 1)
            let others = Self.quantityWords + Self.timeWords.filter { $0 != "may" } + Self.elsewhere.dropFirst()
            #expect(PhraseScan.contains(any: others, in: text) == nil, "\(clause)")
        }
        for (phrase, rest) in PlanFaultPhrases.serviceClauses {
            let found = SpecPhrases.servicePhrases.filter { PhraseScan.count($0, in: "Kit \(phrase) \(rest)") > 0 }
            #expect(found == [phrase])
        }
    }
}
