/// One broken rule of docs/scoring.md §1, found while building a framework.
public struct FrameworkProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where in the framework document, as a path of keys and indexes such as
    /// `sections[2].criteria[0].cap`; a reader maps it back to a line.
    public var entry: String
    /// The rule that was broken, naming the entry by its id where it has one.
    public var message: String

    public init(entry: String, message: String) {
        self.entry = entry
        self.message = message
    }

    public var description: String { "\(entry): \(message)" }
}

/// A framework that breaks one or more rules; it lists them all so they can be fixed at once.
public struct FrameworkError: Error, Sendable, Equatable {
    public var problems: [FrameworkProblem]

    public init(problems: [FrameworkProblem]) {
        self.problems = problems
    }
}
