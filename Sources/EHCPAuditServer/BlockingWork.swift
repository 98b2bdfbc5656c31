import NIOPosix

/// Threads for work that blocks: SQLite (which may wait for another process's write) and
/// bcrypt (a fifth of a second of CPU per password). Handlers `await` it, so Swift's few
/// cooperative threads, which answer every request, are never held by it, and `/healthz`
/// answers while every store thread waits.
final class BlockingWork: Sendable {
    private let pool: NIOThreadPool

    init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
