import EHCPAuditKit

/// The "Check a plan" page: a GOV.UK file upload with the plan's status and date when the
/// document does not say them, and the findings.
struct PlanCheckPage {
    let csrf: String
    var form = FormFields()

    /// What the form says instead of the document; nil when the date is not a date.
    var options: (status: PlanCheckReport.Status?, planDate: CalendarDate?)? {
        let status = form.text("status").flatMap(PlanCheckReport.Status.init(rawValue:))
        guard let text = form.text("planDate") else { return (status, nil) }
        guard let date = CalendarDate(text) else { return nil }
        return (status, date)
    }

    func form(problem: String? = nil) -> HTML {
        let chosen = form.text("status") ?? ""
        let radios = [("", "As the document says"), ("draft", "A draft"), ("final", "A final plan")].map {
            value, label -> HTML in
            let id = "f-status-\(value.isEmpty ? "document" : value)"
            return """
                <div class="radio"><input type="radio" id="\(id)" name="status" value="\(value)"\
                \(value == chosen ? " checked" : "")><label for="\(id)">\(label)</label></div>
                """
        }
        let summary: HTML =
            problem.map {
                """
                <div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>There is a problem</h2>\
                <ul><li><a href="#f-document">\($0)</a></li></ul></div>
                """
            } ?? .empty
        return """
            \(summary)
            <p>The plan checks read a plan document and list what an auditor would find first: vague or \
            unquantified provision, outcomes with no time frame, a school named in a draft, old advice, missing \
            sections, template text. Each finding says where it is and what to do. The document is read in \
            memory only: it is not kept, and nothing of it is logged.</p>
            <form method="post" action="/check" enctype="multipart/form-data" novalidate>
            <input type="hidden" name="csrf" value="\(csrf)">
            <div class="field\(problem == nil ? "" : " error")"><label for="f-document">Plan document</label>\
            <span class="hint" id="f-document-hint">A .docx, .odt, .md or .txt file of at most 20 MB. A PDF or an old \
            .doc: open it in Word and save it as .docx.</span>\
            \(problem.map { "<span class=\"error-message\" id=\"f-document-error\">Error: \($0)</span>" } ?? .empty)\
            <input type="file" id="f-document" name="document" accept=".docx,.odt,.md,.txt" \
            aria-describedby="f-document-hint\(problem == nil ? "" : " f-document-error")"></div>
            <fieldset><legend>Is this plan a draft or final?</legend>\(radios)</fieldset>
            <div class="field"><label for="f-planDate">Date of the plan (optional)</label>\
            <span class="hint" id="f-planDate-hint">YYYY-MM-DD, when the document does not give it</span>\
            <input id="f-planDate" name="planDate" inputmode="numeric" value="\(form["planDate"] ?? "")" \
            aria-describedby="f-planDate-hint"></div>
            <button type="submit">Check the plan</button>
            </form>
            """
    }

    func result(_ blocks: [Block]) -> HTML {
        """
        \(ReportBody.html(blocks, contents: false))
        <p class="no-print"><a href="\(Link.checkPlan)">Check another plan</a></p>
        """
    }
}
