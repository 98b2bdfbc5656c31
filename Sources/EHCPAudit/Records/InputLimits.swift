/// Bounds on untrusted input, so that memory stays flat whatever a file holds.
public enum InputLimits {
    /// The largest record (a JSON record, an XML `<audit>`, a line of JSON Lines, a CSV
    /// row), in bytes: 4 MiB, some thousand times a real audit. A larger one is refused
    /// with its line and reading goes on after it where the format allows.
    public static let largestRecord = 4 << 20

    /// The most plans a population (CSV or SEN2 return) may hold: three times England's
    /// 640,000 open EHCPs, so that a runaway file is refused before memory runs out.
    public static let mostPlans = 2_000_000

    /// `largestRecord` in words, for messages.
    public static var largestRecordWords: String { "4 MiB (\(largestRecord) bytes)" }
}
