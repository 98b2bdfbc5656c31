import Testing

@testable import EHCPAuditServer

/// HTML escaped by construction, and links built from their parts.
struct HTMLTests {
    @Test func textIsEscapedAndHTMLPassesThrough() {
        let name = "<b>\"Sam\" & 'Jo'</b>"
        let cell: HTML = "<td>\(name)</td>"
        #expect(cell.text == "<td>&lt;b&gt;&quot;Sam&quot; &amp; 'Jo'&lt;/b&gt;</td>")
        let row: HTML = "<tr>\(cell)\([cell, cell])</tr>"
        #expect(row.text == "<tr>" + String(repeating: cell.text, count: 3) + "</tr>")
        let number = 3, month = "2025-06"[...]
        #expect(("<p>\(number) in \(month)</p>" as HTML).text == "<p>3 in 2025-06</p>")
        #expect([cell, cell].joined(separator: ", ").text == cell.text + ", " + cell.text)
    }

    @Test func aLinkEncodesEverySegmentAndQueryValue() {
        #expect(Link("audits", "AUD 1/2?#é\"", "edit").address == "/audits/AUD%201%2F2%3F%23%C3%A9%22/edit")
        #expect(Link.home.address == "/")
        #expect(
            Link("reports", "monthly", query: ["month": "2025-06", "framework": nil, "x": "a&b=c"]).address
                == "/reports/monthly?month=2025-06&x=a%26b%3Dc")
        let link = Link("audits", "a&b")
        #expect(("<a href=\"\(link)\">" as HTML).text == "<a href=\"/audits/a%26b\">")
        #expect(
            ("\(Link(query: ["month": "2025-06", "plan": "P&1"]))" as HTML).text == "/?month=2025-06&amp;plan=P%261")
    }

    @Test func fieldIdsHoldOnlyLettersDigitsAndHyphens() {
        #expect(Page.fieldId("advice.0.judgement.K1") == "f-advice-0-judgement-K1")
        #expect(Page.fieldId("plan.a\"b c") == "f-plan-a-b-c")
    }

    @Test func aStackedTableNamesEveryCellsColumnForAPhone() {
        let rows: [[HTML]] = [["P1", "<a href=\"/a\">Start</a>"]]
        let stacked = Page.table("Plans", ["Plan", "Audit & status"], rows, stacked: true).text
        #expect(stacked.contains("<table class=\"stacked\">"))
        #expect(stacked.contains("<th scope=\"row\" data-label=\"Plan\"><span>P1</span></th>"))
        #expect(stacked.contains("<td data-label=\"Audit &amp; status\"><span><a href=\"/a\">Start</a></span></td>"))
        let plain = Page.table("Plans", ["Plan", "Audit"], rows).text
        #expect(plain.contains("<table><caption>") && !plain.contains("data-label") && !plain.contains("<span>"))
    }
}
