import CLibXML2
import EHCPAuditTestSupport
import Foundation
import Testing

/// The reports, as the QA lead produces them and the board reads them.
struct ReportCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("r.sqlite").path }

    /// A store with the June samples, a population and June's sample, plus four audits on
    /// the edges of June (a copy of AUD-2025-06-0009 on 31 May, 1 June, 30 June, 1 July).
    init() throws {
        folder = try temporaryFolder()
        let line = try String(
            contentsOfFile: CLIRunner.projectRoot.appendingPathComponent("samples/audits-2025-06-late.jsonl").path,
            encoding: .utf8
        ).split(separator: "\n")[1]
        let edges = ["2025-05-31", "2025-06-01", "2025-06-30", "2025-07-01"].enumerated().map { i, date in
            line.replacingOccurrences(of: "AUD-2025-06-0009", with: "EDGE-\(i)").replacingOccurrences(
                of: "\"auditDate\": \"2025-06-23\"", with: "\"auditDate\": \"\(date)\"")
        }
        let path = folder.appendingPathComponent("edges.jsonl").path
        try edges.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [
            [
                "import", "--criteria", "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json",
                "samples/audits-2025-06-late.jsonl", "samples/AUD-2025-06-0012.json", path,
            ],
            ["population", "import", "--as-of", "2025-06-01", "samples/population-2025-06.csv"],
            ["sample", "--month", "2025-06", "--seed", "board-2025-06"],
        ] {
            let run = try CLIRunner.run(arguments + ["--db", db])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
    }

    func report(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(["report"] + arguments + ["--db", db])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theMonthsTeamsOnAFunnelNamedOnlyInTheInternalVersion() throws {
        let whole = try json(try report(["monthly", "--month", "2025-06", "--format", "json"]).stdout)
        let funnel = try #require(whole["teamFunnel"] as? [String: Any])
        let units = try #require(funnel["units"] as? [[String: Any]])
        let tooFew = try #require(funnel["tooFew"] as? Int)
        #expect(units.count + tooFew > 1 && funnel["measure"] as? String == "goodOrBetter")
        let run = try report(["monthly", "--month", "2025-06", "--format", "json", "--public"])
        let published = try json(run.stdout)["teamFunnel"]
        if let published = published as? [String: Any] {
            #expect(published["units"] == nil && published["positions"] is [String: Int])
        }
        for team in ["North-1", "Central-2"] { #expect(!run.stdout.contains(team)) }
    }

    @Test func baselineFromStartsTheControlChartAgain() throws {
        let run = try report(["monthly", "--month", "2025-06", "--format", "json", "--baseline-from", "2025-06"])
        let spc = try #require(try json(run.stdout)["spc"] as? [String: Any])
        #expect(spc["baselineFrom"] as? String == "2025-06")
        let months = try #require(spc["months"] as? [[String: Any]])
        #expect(months.allSatisfy { $0["improvement"] is Bool && $0["concern"] is Bool && $0["centre"] is Double })
        let bad = try report(["monthly", "--month", "2025-06", "--baseline-from", "June"])
        #expect(bad.status != 0 && bad.stderr.contains("baseline-from"))
    }

    @Test func monthlyJSONCountsTheMonthsFinalRoutineAndMultiAgencyAuditsOnly() throws {
        let run = try report(["monthly", "--month", "2025-06", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let figures = try json(run.stdout)
        // June samples: 12 audits, less 1 moderation and 1 draft = 10; edges add 1 June and 30 June.
        #expect(figures["completed"] as? Int == 12)
        #expect(figures["audits"] as? Int == 12)
        #expect(figures["moderation"] as? Int == 1)
        #expect(figures["month"] as? String == "2025-06")
        #expect(figures["target"] as? Int == 13)
        let grades = try #require(figures["grades"] as? [String: Int])
        #expect(grades.values.reduce(0, +) == 12)
        let good = try #require(figures["goodOrBetter"] as? [String: Any])
        #expect(good["count"] as? Int == (grades["outstanding"] ?? 0) + (grades["good"] ?? 0))
        #expect(good["share"] is Double && good["low"] is Double && good["high"] is Double)
        #expect(figures["advice"] is [String: Any])
        // New plans with both dates: AUD-0001 (130 days), 0005 (162), 0006 (119), 0009 (133),
        // 0012 (165) and the two June copies of 0009: 7 timed, 5 within 140 days.
        let timeliness = try #require(figures["planTimeliness"] as? [String: Any])
        #expect(timeliness["timed"] as? Int == 7)
        #expect(
            ((timeliness["within20Weeks"] as? [String: Any])?["share"] as? Double).map { abs($0 - 5.0 / 7) < 0.0001 }
                == true)
        let trend = try #require(figures["trend"] as? [[String: Any]])
        #expect(trend.count == 12)
        #expect(trend.last?["completed"] as? Int == 12)
        #expect(trend.dropLast().last?["completed"] as? Int == 1, "the audit of 31 May counts in May")
        let july = try json(try report(["monthly", "--month", "2025-07", "--format", "json"]).stdout)
        #expect(july["audits"] as? Int == 1, "the audit of 1 July counts in July")
    }

    @Test func thePublicVersionSuppressesSmallCountsAndNamesNoStaff() throws {
        let run = try report(["monthly", "--month", "2025-06", "--format", "json", "--public"])
        let figures = try json(run.stdout)
        let suppressed = try #require(figures["suppressed"] as? [String])
        #expect(!suppressed.isEmpty)
        let grades = try #require(figures["grades"] as? [String: Any])
        for (grade, value) in grades where value is NSNull { #expect(suppressed.contains("2025-06.grade.\(grade)")) }
        for value in grades.values { if let count = value as? Int { #expect(count == 0 || count >= 5) } }
        for format in ["text", "html", "markdown", "csv", "json"] {
            let text = try report(["monthly", "--month", "2025-06", "--format", format, "--public"]).stdout
            for staff in ["auditor-0", "cw-", "North-2", "South-1"] {
                #expect(!text.contains(staff), "\(format) names \(staff)")
            }
        }
    }

    @Test func textFitsEightyColumns() throws {
        let text = try report(["monthly", "--month", "2025-06"]).stdout
        #expect(text.contains("Are we meeting the 5% target?"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func htmlIsOneSelfContainedAccessibleFile() throws {
        let path = folder.appendingPathComponent("board.html").path
        let run = try report(["monthly", "--month", "2025-06", "--format", "html", "-o", path])
        #expect(run.status == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains("<script"))
        let links = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!links.contains("http://"), "nothing is fetched from elsewhere; only the SVG namespace is named")
        #expect(!html.contains("https://") && !html.contains("src="))
        let document = try #require(
            html.withCString {
                htmlReadMemory(
                    $0, Int32(strlen($0)), "board.html", "UTF-8",
                    Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue))
            })
        defer { xmlFreeDoc(document) }
        var elements: [String: Int] = [:]
        var attributes: [String: [String]] = [:]
        func walk(_ node: xmlNodePtr?) {
            var current = node
            while let element = current {
                if element.pointee.type == XML_ELEMENT_NODE {
                    let name = String(cString: element.pointee.name)
                    elements[name, default: 0] += 1
                    var attribute = element.pointee.properties
                    while let a = attribute {
                        let key = "\(name)@\(String(cString: a.pointee.name))"
                        if let value = xmlGetProp(element, a.pointee.name) {
                            attributes[key, default: []].append(String(cString: value))
                            ehcp_xml_free(value)
                        }
                        attribute = a.pointee.next
                    }
                    walk(element.pointee.children)
                }
                current = element.pointee.next
            }
        }
        walk(xmlDocGetRootElement(document))
        #expect(attributes["html@lang"] == ["en-GB"])
        #expect(elements["svg", default: 0] >= 3, "grade mix, good-or-better trend, advice timeliness")
        #expect(elements["svg"] == elements["desc"], "every chart has a text alternative")
        #expect(attributes["svg@role"]?.allSatisfy { $0 == "img" } == true)
        #expect(elements["table", default: 0] >= 6 && elements["table"] == elements["caption"])
        #expect(attributes["th@scope"]?.contains("col") == true && attributes["th@scope"]?.contains("row") == true)
        #expect(elements["h1"] == 1 && elements["h2", default: 0] >= 6)
        #expect(elements["polyline", default: 0] >= 1, "the good-or-better line of the control chart")
        // Every chart is followed by its data table.
        let order = html.components(separatedBy: "<figure>").dropFirst().map { $0.contains("<table>") }
        #expect(order.allSatisfy { $0 })
    }

    @Test func theAdviceReportShowsEachProviderAndTheCorrectionsCaught() throws {
        let refused = try CLIRunner.run(["import", "samples/invalid/no-needs-advice-rated.json", "--db", db])
        #expect(refused.status == 1)
        let run = try report(["advice", "--month", "2025-06", "--agency", "social-care"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Children's Social Care (social-care)"))
        #expect(run.stdout.contains("Auditor corrections caught: 1."))
        #expect(!run.stdout.contains("(health)"))
        #expect(run.stdout.contains("never received"))
    }

    @Test func learningPacksCompareEachGroupWithThePartnership() throws {
        for by in ["auditor", "team", "caseworker", "provider"] {
            let run = try report(["learning", "--by", by, "--month", "2025-06"])
            #expect(run.status == 0, "\(by): \(run.stderr)")
            #expect(run.stdout.contains("Partnership"))
        }
        let auditors = try report([
            "learning", "--by", "auditor", "--from", "2025-05", "--to", "2025-06", "--format", "markdown",
        ]).stdout
        #expect(auditors.contains("## auditor-07"))
        #expect(
            auditors.contains("Furthest below the partnership average")
                || auditors.contains("No criterion is below the partnership average."))
        #expect(auditors.contains("March 2025 to April 2025"), "the previous period has the same length")
    }
}
