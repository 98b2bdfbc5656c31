/// Why a plan document could not be read: the file it names, and in plain English what is
/// wrong with it and what to do.
///
/// The message never quotes the document (plan documents hold personal data): it says what
/// kind of file this is, which bound it passed, or where the XML broke (a line number), and
/// how to get a file that can be checked.
///
/// ```swift
/// do {
///     let document = try PlanDocumentReader.read(path: "plan.pdf")
/// } catch {
///     print(error)  // plan.pdf: a PDF cannot be checked: open it in Word and save it as .docx
/// }
/// ```
public struct PlanDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the caller named it.
    public let file: String
    /// What is wrong and what to do, without the file name.
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
