import ArgumentParser
import EHCPAuditKit
import Foundation

extension EHCPAuditCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check plan documents (.docx, .odt, .md, .txt) for mechanical faults, with their sources.",
            discussion: """
                Reads each plan document in memory and lists what the plan checks find (docs/plan-checks.md): \
                vague or unquantified provision, outcomes with no time frame, a school named in a draft, old \
                advice, missing sections, template text. A folder is read for the documents in it. Nothing of a \
                document's text is stored or printed but the matched phrases. Exit status 1 if a document \
                could not be read.
                """
        )

        @Argument(help: "Plan documents, or folders holding them.")
        var files: [String]

        @Option(name: .long, help: "text, json or html.")
        var format: CheckFormat = .text

        @Option(name: .long, help: "draft or final: say what the plan is instead of reading it from the document.")
        var status: PlanCheckReport.Status?

        @Option(name: .customLong("plan-date"), help: "The plan's date (YYYY-MM-DD), instead of the document's.")
        var planDate: CalendarDate?

        @OptionGroup var rulesOptions: PlanCheckRulesOptions

        @OptionGroup var planIDs: PlanIDOptions

        @OptionGroup var draft: AuditDraftOptions

        @Option(
            name: .long,
            help: "Census: store each plan's counts (never its text) in this store; needs --plan-id-from or --plan-id.")
        var db: String?

        @OptionGroup var destination: ReportDestination

        func validate() throws {
            try planIDs.validate(documents: files.count)
            try draft.validate(planIDs: planIDs)
            if db != nil, !planIDs.isGiven {
                throw ValidationError("--db needs --plan-id-from MAP.csv or --plan-id ID")
            }
        }

        func run() throws {
            let (rules, framework) = try rulesOptions.load()
            let checker = PlanChecker(rules: rules, framework: framework)
            let paths = try PlanDocumentFiles.expand(files)
            if format == .json, db == nil, draft.output == nil, !planIDs.isGiven {
                if try streamJSON(paths, checker: checker) > 0 { throw ExitCode.failure }
                return
            }
            var checked: [CheckedPlan] = []
            var unreadable = 0
            // Read and checked on every core, handed back in the order given.
            checker.check(paths: paths, status: status, planDate: planDate) { outcome in
                switch outcome {
                case .success(let plan): checked.append(plan)
                case .failure(let error):
                    StandardError.line("\(error)")
                    unreadable += 1
                }
            }
            let planID = try planIDs.resolver()
            if let db {
                try census(checked, planID: planID, db: db)
            } else {
                try write(checked, framework: framework, rules: rules)
            }
            try draft.write(checked, planID: planID, framework: framework)
            if unreadable > 0 { throw ExitCode.failure }
        }

        private func write(_ checked: [CheckedPlan], framework: Framework, rules: PlanCheckRules) throws {
            switch format {
            case .text, .html:
                let blocks = PlanCheckLayout.blocks(checked, framework: framework, rules: rules)
                try destination.write(format == .html ? HTMLRenderer.render(blocks) : TextRenderer.render(blocks))
            case .json:
                try destination.write(PlanCheckJSON.text(checked))
            }
        }

        /// Writes each document's JSON as soon as it is checked, in the order given, and keeps
        /// none: the same bytes as ``PlanCheckJSON/text(_:)`` of them all, in flat memory however
        /// many documents there are. The number of documents that could not be read.
        private func streamJSON(_ paths: [String], checker: PlanChecker) throws -> Int {
            var unreadable = 0
            try destination.stream { out in
                var json = JSONWriter()
                var first = true
                out.write("[")
                checker.check(paths: paths, status: status, planDate: planDate) { outcome in
                    switch outcome {
                    case .success(let plan):
                        if !first { out.write(",") }
                        first = false
                        json.removeAll()
                        PlanCheckJSON.write(plan, into: &json)
                        json.withBytes { out.write(bytes: $0) }
                    case .failure(let error):
                        StandardError.line("\(error)")
                        unreadable += 1
                    }
                }
                out.write("]\n")
            }
            return unreadable
        }

        /// Stores each plan's counts; the same document checked again changes nothing.
        private func census(_ checked: [CheckedPlan], planID: (String) throws -> String, db: String) throws {
            var options = StoreOptions()
            options.db = db
            let store = try options.open()
            let now = Clock.now()
            var stored = 0
            for plan in checked {
                let entry = AuditStore.PlanCheckEntry(
                    planID: try planID(plan.file), digest: plan.digest, checkedAt: now, report: plan.report)
                if try store.storePlanCheck(entry) { stored += 1 }
            }
            let findings = checked.reduce(0) { $0 + $1.report.findings.count }
            Output.standard.line(
                """
                Checked \(checked.count) plan document\(checked.count == 1 ? "" : "s") (\(findings) findings): \
                \(stored) stored, \(checked.count - stored) unchanged since their last check.
                """)
        }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

extension PlanCheckReport.Status: ExpressibleByArgument {}
