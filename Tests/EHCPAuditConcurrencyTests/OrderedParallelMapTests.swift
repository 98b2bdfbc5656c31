import EHCPAuditConcurrency
import Foundation
import Testing

/// Inputs mapped on several threads come back in the order made, then the maker's error;
/// only a window of them is out at once, and dropping the map stops every thread.
struct OrderedParallelMapTests {
    struct Broken: Error, Equatable {}
    static let broken = Broken()

    /// Batches `0..<count`, then `end`; each worker sleeps a little on some batches so that
    /// later batches often finish first.
    private func run(count: Int, workers: Int, end: Broken? = nil) -> (outputs: [Int], error: Broken?) {
        var made = 0
        let work = OrderedParallelMap<Int, Int, Broken>(
            workers: workers,
            make: { () throws(Broken) -> Int? in
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
        do throws(Broken) {
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

    @Test(arguments: [1, 3])
    func atMostAWindowOfInputsIsOutAtOnce(_ workers: Int) {
        let made = SharedCount()
        let work = OrderedParallelMap<Int, Int, Never>(
            workers: workers,
            make: { () -> Int? in
                let n = made.add()
                return n <= 1000 ? n : nil
            },
            makeWorker: { { $0 } })
        var handed = 0
        var mostOut = 0
        while let output = work.next() {
            handed += 1
            #expect(output == handed)
            mostOut = max(mostOut, made.value - handed)
        }
        #expect(handed == 1000)
        // The window, and the one input made and waiting for room.
        #expect(mostOut <= OrderedParallelMap<Int, Int, Never>.window(workers: workers) + 1)
    }

    @Test func droppingTheTakerStopsEveryThread() async throws {
        weak var weakEndless: Endless?
        do {
            let endless = Endless()
            weakEndless = endless
            let work = OrderedParallelMap<Int, Int, Broken>(
                workers: 2,
                make: { () throws(Broken) -> Int? in endless.next() }, makeWorker: { { $0 } })
            #expect(try work.next() == 1)
            #expect(try work.next() == 2)
        }
        // The maker is blocked waiting for room; dropping the taker must release it, and with
        // it whatever `make` holds.
        try await waitForRelease { weakEndless != nil }
        #expect(weakEndless == nil)
    }
}
