import EHCPAudit
import Testing

@testable import EHCPAuditDocuments

struct OpenDocumentReaderTests {
    @Test func headingsParagraphsAndListItems() throws {
        let body = """
            <text:h text:outline-level="1">Section F</text:h>
            <text:p>Weekly<text:s/>speech<text:s text:c="3"/>therapy<text:tab/>in <text:span>class</text:span>\
            <text:line-break/>30 minutes</text:p>
            <text:list><text:list-item><text:p>First item</text:p></text:list-item>\
            <text:list-item><text:list><text:list-item><text:p>Nested item</text:p></text:list-item></text:list>\
            </text:list-item></text:list>
            <text:p>After the list</text:p><text:p/><text:p>  </text:p>
            """
        let read = try read(odt(body), "plan.odt")
        #expect(read.kinds == [.heading, .paragraph, .listItem, .listItem, .paragraph])
        #expect(
            read.texts == [
                "Section F", "Weekly speech therapy in class\n30 minutes", "First item", "Nested item",
                "After the list",
            ])
    }

    @Test func lineBreaksInTheMarkupAreSpaces() throws {
        let read = try read(odt("<text:p>Support\n  from a\tteacher</text:p>"), "plan.odt")
        #expect(read.texts == ["Support   from a teacher"])
    }

    @Test func tablesWithHeaderRowsAndNesting() throws {
        let inner = """
            <table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell>\
            <table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table>
            """
        let body = """
            <table:table table:name="F"><table:table-column/>\
            <table:table-header-rows><table:table-row><table:table-cell><text:p>Need</text:p></table:table-cell>\
            <table:table-cell><text:p>Provision</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:table-cell><text:p>Sub</text:p></table:table-cell></table:table-row>\
            </table:table-header-rows>\
            <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Speech</text:p>\
            <text:p>Reading</text:p></table:table-cell><table:covered-table-cell/></table:table-row>\
            <table:table-row><table:table-cell><text:p>SaLT</text:p>\(inner)</table:table-cell>\
            <table:table-cell><text:list><text:list-item><text:p>weekly</text:p></text:list-item></text:list>\
            </table:table-cell></table:table-row></table:table>
            """
        let read = try read(odt(body), "plan.odt")
        #expect(read.kinds == [.tableRow, .tableRow, .tableRow, .tableRow])
        #expect(read.texts == ["Need | Provision", "Sub", "Speech\nReading", "SaLT\na | b | weekly"])
        #expect(read.firstRows == [true, true, false, false])
    }

    @Test func aTablesFirstRowIsItsHeaderWithoutHeaderRows() throws {
        let body = """
            <table:table><table:table-row><table:table-cell><text:p>Outcome</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:table-cell><text:p>By July 2026</text:p></table:table-cell></table:table-row></table:table>
            """
        #expect(try read(odt(body), "plan.odt").firstRows == [true, false])
    }

    @Test func trackedDeletionsNotesAndCommentsAreNotText() throws {
        let body = """
            <text:tracked-changes><text:changed-region text:id="c1"><text:deletion>\
            <text:p>Deleted paragraph</text:p></text:deletion></text:changed-region></text:tracked-changes>\
            <text:p>Weekly<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>\
            <text:note-body><text:p>A footnote</text:p></text:note-body></text:note> tuition\
            <office:annotation><text:p>A comment</text:p></office:annotation></text:p>
            """
        #expect(try read(odt(body), "plan.odt").texts == ["Weekly tuition"])
    }

    @Test func aPackageWithoutContentIsNotAnOpenDocument() throws {
        let bytes = try zipArchive([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8))])
        #expect(
            refusal(bytes, "plan.odt")
                == "not an OpenDocument text: the archive has no content.xml; open it in Word and save it as .docx")
    }
}
