import EHCPAuditTestSupport
import Foundation

/// Runs the built `ehcp-audit` executable, as a user would.
struct CLIRunner {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let projectRoot = URL(fileURLWithPath: Project.root)

    /// The executable sits beside the test bundle in the build products folder.
    static let executable: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("ehcp-audit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return projectRoot.appendingPathComponent(".build/debug/ehcp-audit")
    }()

    static func run(_ arguments: [String], in directory: URL = projectRoot, executable: URL = executable) throws -> Run
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so a large output cannot block it.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = readAll(err.fileHandleForReading) }
        reader.start()
        let outData = readAll(out.fileHandleForReading)
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Everything a pipe gives until it closes. A read interrupted by a signal (a child
    /// process ending, when many tests run them at once) is tried again, where Foundation's
    /// `readDataToEndOfFile()` would stop the test process.
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        while true {
            do {
                guard let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty else { return data }
                data.append(chunk)
            } catch let error as NSError where Self.isInterrupted(error) {
                continue
            } catch {
                return data
            }
        }
    }

    private static func isInterrupted(_ error: NSError) -> Bool {
        if error.domain == NSPOSIXErrorDomain && error.code == Int(EINTR) { return true }
        return (error.userInfo[NSUnderlyingErrorKey] as? NSError).map(isInterrupted) ?? false
    }

    /// Sample files, relative to the project root, in a stable order.
    static func samples(_ folder: String = "samples", extensions: [String]) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: projectRoot.appendingPathComponent(folder).path)
            .filter { name in extensions.contains { name.hasSuffix(".\($0)") } }
            .sorted()
            .map { "\(folder)/\($0)" }
    }
}
