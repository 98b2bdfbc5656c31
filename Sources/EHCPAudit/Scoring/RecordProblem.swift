/// One reason a record cannot be scored (scoring.md §2 and §4).
public struct RecordProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where in the record, as a path such as `judgements[3].rating` or
    /// `advices[0].judgements[1].rating`; a JSON reader prefixes `$`.
    public var path: String
    /// The criterion concerned, if any.
    public var criterion: String?
    /// The source line of the element concerned, if known.
    public var line: Int?
    public var message: String

    public init(path: String, criterion: String? = nil, line: Int? = nil, message: String) {
        self.path = path
        self.criterion = criterion
        self.line = line
        self.message = message
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
