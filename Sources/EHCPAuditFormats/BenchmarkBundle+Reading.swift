import EHCPAudit
import Foundation

extension BenchmarkBundle {
    /// Reads a bundle file (at most 1 MiB), refusing anything but the format: every problem
    /// named with the file, line and path. The digest and signature are checked by
    /// EHCPAuditKit's `BenchmarkSigning`, not here.
    public static func read(path: String) throws(FrameworkLoadError) -> BenchmarkBundle {
        try parse(BoundedFile.bytes(path, mostBytes: mostBytes, what: "a benchmark bundle"), file: path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(FrameworkLoadError) -> BenchmarkBundle {
        guard bytes.count <= mostBytes else {
            throw FrameworkLoadError([Diagnostic(file: file, message: "a bundle is at most 1 MiB")])
        }
        let root: DocumentNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw FrameworkLoadError([Diagnostic(file: file, line: error.line, message: error.message)])
        }
        let log = ProblemLog()
        return try log.decoded(decode(root, log: log), file: file)
    }

    private static func decode(_ root: DocumentNode, log: ProblemLog) -> BenchmarkBundle? {
        guard let o = ObjectReader(root, path: "$", log: log) else { return nil }
        o.refuseUnknown(allowed: [
            "format", "council", "framework", "from", "to", "openPlans", "audits", "goodOrBetter", "sections",
            "advice", "newPlans", "digest", "signature",
        ])
        if let named = o.string("format", required: true), named != format {
            log.add(o.value("format")!, "$.format", "this is not a benchmark bundle of format \(format)")
            return nil
        }
        let framework = o.object("framework", required: true)
        framework?.refuseUnknown(allowed: ["id", "version"])
        let advice = o.object("advice", required: true), newPlans = o.object("newPlans", required: true)
        advice?.refuseUnknown(allowed: ["received", "onTime", "goodOrBetter"])
        newPlans?.refuseUnknown(allowed: ["counted", "within20Weeks", "exceptions"])
        var sections: [String: BenchmarkFigures.SectionFigures] = [:]
        if let object = o.object("sections", required: true), case .object(let members) = object.node.value {
            for member in members {
                guard let section = object.object(member.key) else { continue }
                section.refuseUnknown(allowed: ["audits", "belowStandard"])
                sections[member.key] = .init(
                    audits: count(section, "audits", log), belowStandard: count(section, "belowStandard", log))
            }
        }
        let from = month(o, "from", log), to = month(o, "to", log)
        if let from, let to, to != from.adding(months: BenchmarkFigures.months - 1) {
            log.add(
                o.value("to")!, "$.to", "a bundle covers \(BenchmarkFigures.months) months: \(from) to \(to) is not")
        }
        var signature: Signature?
        if let signed = o.object("signature") {
            signed.refuseUnknown(allowed: ["key", "value"])
            if let key = signed.string("key", required: true), let value = signed.string("value", required: true) {
                signature = Signature(key: key, value: value)
            }
        }
        let digest = o.string("digest", required: true)
        if let digest, digest.count != 64 || !digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            log.add(o.value("digest")!, "$.digest", "the digest must be 64 lowercase hex digits (SHA-256)")
        }
        guard let council = o.string("council", required: true), let id = framework?.string("id", required: true),
            let version = framework?.string("version", required: true), let from, let to, let digest
        else { return nil }
        let figures = BenchmarkFigures(
            council: council, framework: FrameworkReference(id: id, version: version), from: from, to: to,
            openPlans: count(o, "openPlans", log), audits: count(o, "audits", log),
            goodOrBetter: count(o, "goodOrBetter", log), sections: sections,
            adviceReceived: advice.flatMap { count($0, "received", log) },
            adviceOnTime: advice.flatMap { count($0, "onTime", log) },
            adviceGoodOrBetter: advice.flatMap { count($0, "goodOrBetter", log) },
            newPlansCounted: newPlans.flatMap { count($0, "counted", log) },
            newPlansWithin20Weeks: newPlans.flatMap { count($0, "within20Weeks", log) },
            newPlansExceptions: newPlans.flatMap { count($0, "exceptions", log) })
        for (part, whole, name) in [
            (figures.goodOrBetter, figures.audits, "goodOrBetter"),
            (figures.adviceOnTime, figures.adviceReceived, "advice.onTime"),
            (figures.newPlansWithin20Weeks, figures.newPlansCounted, "newPlans.within20Weeks"),
        ] {
            if let part, let whole, part > whole { log.add(root, "$.\(name)", "\(name) is more than its total") }
        }
        for (count, name) in [(figures.audits, "audits"), (figures.goodOrBetter, "goodOrBetter")] {
            if let count, Disclosure.isSmall(count) {
                log.add(root, "$.\(name)", "\(name) is \(count): a bundle never shows a count from 1 to 4")
            }
        }
        return BenchmarkBundle(figures: figures, digest: digest, signature: signature)
    }

    /// A count: a whole number from 0, or null where disclosure control hid it.
    private static func count(_ o: ObjectReader, _ key: String, _ log: ProblemLog) -> Int? {
        guard let value = o.value(key) else { return nil }
        guard let number = o.integer(key), number >= 0 else {
            log.add(value, o.childPath(key), "\"\(key)\" must be a whole number from 0, or null where hidden")
            return nil
        }
        return number
    }

    private static func month(_ o: ObjectReader, _ key: String, _ log: ProblemLog) -> YearMonth? {
        guard let text = o.string(key, required: true) else { return nil }
        guard let month = YearMonth(text) else {
            log.add(o.value(key)!, o.childPath(key), "\"\(key)\" must be a month YYYY-MM, found \"\(text)\"")
            return nil
        }
        return month
    }
}
