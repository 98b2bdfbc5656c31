import Crypto
internal import EHCPAuditConcurrency
import EHCPAuditDocuments
import Foundation

extension PlanChecker {
    /// Reads and checks one plan document held in memory (an upload); `fileName`'s
    /// extension says its format. Nothing of it is kept but the findings.
    ///
    /// ```swift
    /// let checked = try checker.check(bytes: upload, fileName: "draft.docx")
    /// checked.report.findings.count
    /// ```
    public func check(
        bytes: [UInt8], fileName: String, status: PlanCheckReport.Status? = nil, planDate: CalendarDate? = nil
    ) throws(PlanDocumentError) -> CheckedPlan {
        let document = try PlanDocumentReader.read(bytes: bytes, fileName: fileName)
        return CheckedPlan(
            file: fileName, digest: Hex.lowercase(Array(SHA256.hash(data: bytes))),
            report: check(document, status: status, planDate: planDate))
    }

    /// Reads and checks the plan document at `path`.
    public func check(
        path: String, status: PlanCheckReport.Status? = nil, planDate: CalendarDate? = nil
    ) throws(PlanDocumentError) -> CheckedPlan {
        try check(bytes: try PlanDocumentReader.bytes(path: path), fileName: path, status: status, planDate: planDate)
    }
}

extension PlanChecker {
    /// Reads and checks the documents at `paths` on every core at once, calling `each` on
    /// this thread with each document's outcome in the order of `paths`: exactly what
    /// ``check(path:status:planDate:)`` gives for each path in turn, sooner.
    ///
    /// A few documents are in flight at a time (an `OrderedParallelMap`'s window), so memory
    /// stays flat however many are checked.
    ///
    /// ```swift
    /// checker.check(paths: try PlanDocumentFiles.expand(["plans/"])) { outcome in
    ///     if case .success(let checked) = outcome { print(checked.file, checked.report.findings.count) }
    /// }
    /// ```
    public func check(
        paths: [String], status: PlanCheckReport.Status? = nil, planDate: CalendarDate? = nil,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        each: (Result<CheckedPlan, PlanDocumentError>) -> Void
    ) {
        var next = 0
        let work = OrderedParallelMap(
            workers: threads,
            make: { () throws(Never) -> String? in
                guard next < paths.count else { return nil }
                defer { next += 1 }
                return paths[next]
            },
            makeWorker: {
                { path in
                    Result { () throws(PlanDocumentError) in try check(path: path, status: status, planDate: planDate) }
                }
            })
        while let outcome = work.next() { each(outcome) }
    }
}

/// The plan documents named on a command line: files as given, folders for the documents
/// directly in them (`.docx`, `.odt`, `.md`, `.markdown`, `.txt`), in name order.
public enum PlanDocumentFiles {
    public static let extensions: Set<String> = ["docx", "odt", "md", "markdown", "txt"]

    public static func expand(_ paths: [String]) throws(PlanDocumentError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw PlanDocumentError(file: path, message: "no such file or folder")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw PlanDocumentError(file: path, message: "cannot list the folder: \(error.localizedDescription)")
            }
            let folder = path.hasSuffix("/") ? path : path + "/"
            files += names.filter { name in
                !name.hasPrefix(".")
                    && extensions.contains(name.split(separator: ".").last.map { $0.lowercased() } ?? "")
            }.sorted().map { folder + $0 }
        }
        return files
    }
}
