import EHCPAudit
import Testing

@testable import EHCPAuditDocuments

struct TextDocumentReaderTests {
    let markdown = """
        # Education, Health and Care Plan ##
        Date of plan: 20/05/2025
        Status: final

        ## Section F: Special educational provision
        - Weekly speech and language therapy,
          30 minutes, by a SaLT
        * Daily reading
        + Termly review
        1. First numbered
        2) Second numbered
        ---
        | Need | Provision |
        |------|:---------:|
        | Speech | Weekly SaLT |
        |  |  |
        | Reading | Daily |

        #hashtag is not a heading
        -not a list item
        """

    @Test func markdownHeadingsListsTablesAndJoinedParagraphs() throws {
        let read = try read(Array(markdown.utf8), "plan.md")
        #expect(
            read.kinds == [
                .heading, .paragraph, .heading, .listItem, .listItem, .listItem, .listItem, .listItem, .tableRow,
                .tableRow, .tableRow, .paragraph,
            ])
        #expect(
            read.texts == [
                "Education, Health and Care Plan", "Date of plan: 20/05/2025 Status: final",
                "Section F: Special educational provision", "Weekly speech and language therapy, 30 minutes, by a SaLT",
                "Daily reading", "Termly review", "First numbered", "Second numbered", "Need | Provision",
                "Speech | Weekly SaLT", "Reading | Daily", "#hashtag is not a heading -not a list item",
            ])
        #expect(read.firstRows.enumerated().filter(\.element).map(\.offset) == [8])
        #expect(try EHCPAuditDocumentsTests.read(Array(markdown.utf8), "PLAN.MARKDOWN") == read)
    }

    @Test func plainTextIsReadAlikeWithEachLineABlock() throws {
        let read = try read(Array(markdown.utf8), "plan.txt")
        #expect(read.texts[1...2] == ["Date of plan: 20/05/2025", "Status: final"])
        #expect(read.texts[4...5] == ["Weekly speech and language therapy,", "30 minutes, by a SaLT"])
        #expect(read.kinds[4...5] == [.listItem, .paragraph])
        #expect(read.texts.suffix(2) == ["#hashtag is not a heading", "-not a list item"])
    }

    @Test func windowsLineEndsAndAByteOrderMark() throws {
        let read = try read([0xEF, 0xBB, 0xBF] + Array("Section A\r\n- item\r\n".utf8), "plan.txt")
        #expect(read.texts == ["Section A", "item"])
        #expect(read.kinds == [.paragraph, .listItem])
    }

    @Test func invalidUTF8IsRefused() {
        let bytes = Array("Section F\n- weekly ".utf8) + [0xC3, 0x28] + Array(" therapy".utf8)
        let message = "the text is not valid UTF-8: save it again as UTF-8 text (or as .docx)"
        #expect(refusal(bytes, "plan.txt") == message)
        #expect(refusal(bytes, "plan.md") == message)
        #expect(refusal([0xEF, 0xBB], "plan.md") == message)
    }

    @Test func emptyAndBlankDocuments() throws {
        #expect(refusal([], "plan.txt") == "the file is empty")
        #expect(try read(Array("\n  \n\t\n".utf8), "plan.md").blocks.isEmpty)
    }
}
