/// A parsed JSON or YAML value that remembers the line it started on.
///
/// Both frameworks (YAML or JSON) and records (JSON) are read into this one shape, so a
/// single set of decoders can name the exact line and path of every problem.
public struct DocumentNode: Sendable {
    public enum Value: Sendable {
        case object([Member])
        case array([DocumentNode])
        case string(String)
        /// The number and its source text (YAML `2025.1` may be meant as a string).
        case number(Double, text: String)
        case bool(Bool)
        case null
    }

    public struct Member: Sendable {
        public var key: String
        public var node: DocumentNode
    }

    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }

    /// "an object", "a string", ...: for messages such as "expected a string, found an array".
    public var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}
