import EHCPAudit
import Foundation
import Testing
import ZIPFoundation

@testable import EHCPAuditSynthetic

struct SyntheticPlanDocumentTests {
    static let asOf = CalendarDate("2025-06-01")!
    static let plans = SyntheticPlanDocuments(seed: "truth", asOf: asOf)
    static let sample: [SyntheticPlanDocument] = (1...300).map { try! plans.document($0, of: 300) }

    @Test func theSameSeedGivesTheSameBytesAndTruth() throws {
        for number in [1, 2, 3, 17, 250] {
            let one = try Self.plans.document(number, of: 300)
            let again = try SyntheticPlanDocuments(seed: "truth", asOf: Self.asOf).document(number, of: 300)
            #expect(one == again)
        }
        let other = try SyntheticPlanDocuments(seed: "other", asOf: Self.asOf).document(1, of: 300)
        #expect(other.bytes != Self.sample[0].bytes)
    }

    @Test func fileNamesAreNumberedAndTheFormatsRotate() {
        #expect(Self.sample[0].fileName.hasPrefix("plan-0001."))
        #expect(Self.sample[0].fileName.hasSuffix("." + Self.sample[0].format.rawValue))
        #expect(Set(Self.sample.map(\.format)) == Set(SyntheticPlanDocument.Format.allCases))
        #expect(Set(Self.sample.map(\.status)) == ["draft", "final"])
    }

    @Test func archivesOpenAndHoldTheirEntries() throws {
        for document in Self.sample.prefix(30) where document.format != .md {
            let archive = try Archive(data: Data(document.bytes), accessMode: .read)
            let paths = archive.map(\.path)
            if document.format == .docx {
                #expect(paths.contains("[Content_Types].xml") && paths.contains("_rels/.rels"))
                #expect(paths.contains("word/document.xml"))
            } else {
                #expect(paths.first == "mimetype")
                #expect(archive["mimetype"]?.isCompressed == false)
                #expect(paths.contains("META-INF/manifest.xml") && paths.contains("content.xml"))
            }
            let xml = try text(of: document.format == .docx ? "word/document.xml" : "content.xml", in: archive)
            for block in document.expected.blocks where block.kind != .tableRow {
                #expect(xml.contains(XMLText.escaped(block.text)) || document.format == .docx, "\(block.text)")
            }
            #expect(!xml.contains("@"))
        }
    }

    @Test func markdownHoldsEveryBlockOnItsOwnLine() {
        for document in Self.sample.prefix(30) where document.format == .md {
            let lines = String(decoding: document.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            let content = lines.filter { !$0.hasPrefix("|") || !$0.contains("---") }
            #expect(content.count == document.expected.blocks.count)
            for (line, block) in zip(content, document.expected.blocks) { #expect(line.hasSuffix(block.text)) }
        }
    }

    /// Vague and service phrases and placeholders occur in the text exactly where the truth says.
    @Test func phrasesOccurOnlyWhereTheTruthPlacesThem() {
        for document in Self.sample {
            let texts = document.expected.blocks.map(\.text)
            // Outcomes are not scanned for vague words: "will have access to" is a service phrase there.
            let provisionTexts = texts.map { $0.replacingOccurrences(of: "will have access to", with: "") }
            let vague = Set(document.findings.filter { $0.check == .vagueWording }.map { "\($0.block!) \($0.quote!)" })
            let scanned = provisionTexts.enumerated().flatMap { index, text in
                SpecPhrases.vaguePhrases.flatMap { phrase in
                    Array(repeating: "\(index + 1) \(phrase)", count: PhraseScan.count(phrase, in: text))
                }
            }
            #expect(
                scanned.count == vague.count && Set(scanned) == vague,
                "\(document.fileName) \(Set(scanned).symmetricDifference(vague).map { texts[Int($0.split(separator: " ")[0])! - 1] })"
            )
            let service = texts.map { text in
                SpecPhrases.servicePhrases.map { PhraseScan.count($0, in: text) }.reduce(0, +)
            }
            #expect(service.reduce(0, +) == document.findings.filter { $0.check == .outcomeIsProvision }.count)
            let placeholders = texts.map { text in
                ["[", "<<", "{{", "XXX", "Lorem ipsum"].map { text.components(separatedBy: $0).count - 1 }.reduce(0, +)
            }
            #expect(placeholders.reduce(0, +) == document.findings.filter { $0.check == .templateText }.count)
            for finding in document.findings {
                if let block = finding.block { #expect((1...texts.count).contains(block)) }
                if let quote = finding.quote { #expect(texts[finding.block! - 1].contains(quote)) }
            }
        }
    }

    @Test func statusAndReviewDateAreWrittenAsTheTruthSays() {
        for document in Self.sample {
            let texts = document.expected.blocks.map(\.text)
            #expect(texts.contains { PhraseScan.count("draft", in: $0) > 0 } == (document.status == "draft"))
            let noReview = document.findings.contains { $0.check == .noReviewDate }
            #expect(
                texts.contains {
                    $0.hasPrefix("Next review") || $0.hasPrefix("To be reviewed") || $0.hasPrefix("Annual review")
                } == !noReview)
        }
    }

    @Test func repeatedSentencesAppearInTwoItems() {
        for document in Self.sample where document.findings.contains(where: { $0.check == .repeatedText }) {
            let text = document.expected.blocks.map(\.text).joined(separator: "\n")
            let repeated = PlanVocabulary.repeatedSentences.filter { sentence in
                PlanVocabulary.firstNames.contains {
                    text.components(separatedBy: sentence.replacingOccurrences(of: "@", with: $0)).count == 3
                }
            }
            #expect(repeated.count == 1, "\(document.fileName)")
        }
    }

    @Test func everyCheckIsExercisedAndSomePlansAreClean() {
        let checks = Set(Self.sample.flatMap(\.findings).map(\.check))
        #expect(checks == Set(PlanCheckKind.allCases))
        #expect(Self.sample.contains { $0.findings.isEmpty })
    }

    @Test func lengthFollowsTheWordsAsked() throws {
        let words = Self.sample.prefix(20).map(\.words)
        #expect(words.allSatisfy { (1_000...2_200).contains($0) }, "\(words)")
        let long = try SyntheticPlanDocuments(seed: "long", words: 10_000, asOf: Self.asOf).document(1, of: 1)
        #expect((8_000...13_000).contains(long.words), "\(long.words)")
    }

    private func text(of path: String, in archive: Archive) throws -> String {
        var data = Data()
        _ = try archive.extract(archive[path]!) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
