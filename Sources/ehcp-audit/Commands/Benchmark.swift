import ArgumentParser
import EHCPAuditKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

extension EHCPAuditCommand {
    struct Benchmark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare councils fairly: export this council's figures as a signed bundle, compare bundles.",
            discussion: """
                A bundle holds twelve months' figures under the public report's disclosure control, its digest and, \
                signed, an Ed25519 signature (docs/comparison.md).
                """,
            subcommands: [Key.self, Export.self, Compare.self]
        )
    }
}

extension EHCPAuditCommand.Benchmark {
    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new private signing key (mode 0600) and print its public key for the trust file.")

        @Option(name: .shortAndLong, help: "The key file to write; an existing file is never replaced.")
        var output: String

        func run() throws {
            let key = BenchmarkSigning.newKey()
            let text = Array(BenchmarkSigning.keyText(key).utf8)
            let fd = open(output, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw Diagnostic(
                    file: output,
                    message: errno == EEXIST
                        ? "exists: a signing key is never replaced; choose another name"
                        : "cannot write: \(String(cString: strerror(errno)))")
            }
            let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == text.count, fsync(fd) == 0, close(fd) == 0 else {
                unlink(output)
                throw Diagnostic(file: output, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            Output.standard.line(BenchmarkSigning.publicKeyText(key))
            StandardError.line("Wrote \(output) (keep it secret); the line above is its public key.")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write this council's benchmark bundle for the twelve months ending with --to.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The last month of the twelve (YYYY-MM).")
        var to: YearMonth

        @Option(name: .long, help: "The council's name, as others' trust files know it.")
        var council: String

        @Option(name: .long, help: "Sign with this private key (from `benchmark key`).")
        var sign: String?

        @Option(name: .long, help: "Report audits made against this framework id (default: the most used).")
        var framework: String?

        @OptionGroup var destination: ReportDestination

        func validate() throws {
            if council.isEmpty || RecordText.wordProblem(council) != nil {
                throw ValidationError("--council must be the council's name, a short line of text")
            }
        }

        func run() throws {
            let key = try sign.map { try BenchmarkSigning.readKey(path: $0) }
            let figures = try store.read { try $0.benchmarkFigures(council: council, to: to, framework: framework) }
            try destination.write(BenchmarkSigning.bundle(figures, signingWith: key).json)
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Compare benchmark bundles (your own first): a funnel plot per measure and each council's figures.",
            discussion: """
                A bundle whose digest does not match, or whose signature fails, is refused; with --trust, so is one \
                unsigned or signed by a key other than its council's. Only bundles of the first one's framework, \
                version and months are compared; the others are listed with why.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html }

        @Argument(help: "Bundle files.")
        var bundles: [String]

        @Option(name: .long, help: "A JSON trust file: council name → base64 public key.")
        var trust: String?

        @Option(name: .long, help: "text, markdown, json or html.")
        var format: Format = .text

        @OptionGroup var destination: ReportDestination

        func validate() throws {
            if bundles.isEmpty { throw ValidationError("give at least one bundle") }
        }

        func run() throws {
            let trusted = try trust.map { try BenchmarkSigning.readTrust(path: $0) }
            var read: [BenchmarkFigures] = []
            var refused = 0
            for path in bundles {
                do {
                    let bundle = try BenchmarkBundle.read(path: path)
                    try BenchmarkSigning.check(bundle, trust: trusted)
                    read.append(bundle.figures)
                } catch let error as FrameworkLoadError {
                    StandardError.report(error.diagnostics)
                    refused += 1
                } catch {
                    StandardError.line("\(path): error: refused: \(error)")
                    refused += 1
                }
            }
            guard refused == 0 else { throw ExitCode.failure }
            let comparison = BenchmarkComparison.compare(read)
            switch format {
            case .json: try destination.write(BenchmarkJSON.render(comparison))
            case .text: try destination.write(TextRenderer.render(BenchmarkLayout.blocks(comparison)))
            case .markdown: try destination.write(MarkdownRenderer.render(BenchmarkLayout.blocks(comparison)))
            case .html: try destination.write(HTMLRenderer.render(BenchmarkLayout.blocks(comparison)))
            }
        }
    }
}
