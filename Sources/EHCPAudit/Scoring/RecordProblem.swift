/// One reason a record cannot be scored (docs/scoring.md §2 and §4).
public struct RecordProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where in the record, as a path such as `judgements[3].rating` or
    /// `advices[0].judgements[1].rating`; a JSON reader prefixes `$`.
    public var path: String
    /// The criterion concerned, if any.
    public var criterion: String?
    /// The source line of the element concerned, if known.
    public var line: Int?
    public var message: String
    /// A stable name for rules that are counted, such as ``Rule/noNeedsAdviceRated``.
    public var rule: Rule?
    /// The advice concerned, by id, for problems inside an advice.
    public var advice: String?

    /// Rules whose breaches are counted rather than only reported.
    public enum Rule: String, Sendable, Equatable {
        /// A needs-dependent criterion rated on an advice that identified no needs: the
        /// commonest auditor error, counted per provider in the advice report.
        case noNeedsAdviceRated = "no-needs-advice-rated"
    }

    public init(
        path: String, criterion: String? = nil, line: Int? = nil, message: String, rule: Rule? = nil,
        advice: String? = nil
    ) {
        self.path = path
        self.criterion = criterion
        self.line = line
        self.message = message
        self.rule = rule
        self.advice = advice
    }

    public var description: String { "\(path): \(message)" }
}

/// A record with one or more problems: it is never scored and never stored.
public struct RecordError: Error, Sendable, Equatable {
    public var problems: [RecordProblem]

    public init(problems: [RecordProblem]) {
        self.problems = problems
    }
}
