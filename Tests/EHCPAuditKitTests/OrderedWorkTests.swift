import Foundation
import Testing

@testable import EHCPAuditKit

struct OrderedWorkTests {
    static let broken = Diagnostic(file: "numbers", line: 7, message: "the numbers stop here")

    /// Batches `0..<count`, then `end`; each worker sleeps a little on some batches so that
    /// later batches often finish first.
    private func run(count: Int, workers: Int, end: Diagnostic? = nil) -> (outputs: [Int], error: Diagnostic?) {
        var made = 0
        let work = OrderedWork<Int, Int>(
            workers: workers,
            make: { () throws(Diagnostic) -> Int? in
                guard made < count else {
                    if let end { throw end }
                    return nil
                }
                made += 1
                return made - 1
            },
            makeWorker: {
                { number in
                    if number % 3 == 0 { usleep(200) }
                    return number * 10
                }
            })
        var outputs: [Int] = []
        do throws(Diagnostic) {
            while let output = try work.next() { outputs.append(output) }
            return (outputs, nil)
        } catch {
            return (outputs, error)
        }
    }

    @Test(arguments: [(0, 1), (1, 2), (5, 1), (200, 2), (500, 4)])
    func handsBackEveryBatchInTheOrderMade(_ count: Int, _ workers: Int) {
        let (outputs, error) = run(count: count, workers: workers)
        #expect(error == nil)
        #expect(outputs == (0..<count).map { $0 * 10 })
    }

    @Test(arguments: [0, 1, 64, 301])
    func theMakersErrorComesAfterEveryBatchMadeBeforeIt(_ count: Int) {
        let (outputs, error) = run(count: count, workers: 3, end: Self.broken)
        #expect(outputs == (0..<count).map { $0 * 10 })
        #expect(error == Self.broken)
    }

    @Test func droppingTheTakerStopsEveryThread() async throws {
        final class Endless: @unchecked Sendable {
            var made = 0
        }
        weak var weakEndless: Endless?
        do {
            let endless = Endless()
            weakEndless = endless
            let work = OrderedWork<Int, Int>(
                workers: 2,
                make: { () throws(Diagnostic) -> Int? in
                    endless.made += 1
                    return endless.made
                }, makeWorker: { { $0 } })
            #expect(try work.next() == 1)
            #expect(try work.next() == 2)
        }
        // The maker is blocked waiting for room; dropping the taker must release it, and with
        // it whatever `make` holds.
        for _ in 0..<500 where weakEndless != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(weakEndless == nil)
    }
}
