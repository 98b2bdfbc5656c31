import EHCPAuditConcurrency
import Foundation
import Testing

/// Items made ahead on a thread of their own come out as they were made, then how the
/// making ended; memory stays within a few batches, and a taker that stops stops the maker.
struct MadeAheadTests {
    struct Broken: Error, Equatable { var after: Int }

    static let small = Batching(size: 8, depth: 2)

    /// Takes every item, then how the making ended.
    private func drain<End>(_ items: MadeAhead<Int, End, Broken>) -> (items: [Int], error: Broken?) {
        var taken: [Int] = []
        do throws(Broken) {
            while let item = try items.next() { taken.append(item) }
            return (taken, nil)
        } catch {
            return (taken, error)
        }
    }

    @Test(arguments: [0, 1, 7, 8, 9, 8 * 2 * 3 + 5])
    func everyItemComesInOrderThenNothingMore(_ count: Int) throws {
        var made = 0
        let items = MadeAhead<Int, Void, Broken>(Self.small) { () throws(Broken) -> Int? in
            guard made < count else { return nil }
            made += 1
            return made - 1
        }
        let (taken, error) = drain(items)
        #expect(taken == Array(0..<count) && error == nil)
        #expect(try items.next() == nil, "nothing more comes")
    }

    @Test(arguments: [0, 1, 7, 8, 9, 8 * 2 * 3 + 5])
    func aBatchAtATimeEveryItemComesInOrderThenWhatTheMakingReturned(_ count: Int) throws {
        let items = MadeAhead<Int, String, Broken>(Self.small) { (yield) throws(Broken) in
            for n in 0..<count { _ = yield(n) }
            return "made \(count)"
        }
        #expect(try items.next() == (count > 0 ? 0 : nil), "one at a time, then the rest a batch at a time")
        var taken: [Int] = []
        #expect(try items.takeAll { taken.append($0) } == "made \(count)")
        #expect(taken == Array((count > 0 ? 1 : 0)..<count))
    }

    @Test(arguments: [0, 8, 8 * 2 + 3])
    func aBatchAtATimeTheMakersErrorComesAfterTheItemsBeforeIt(_ count: Int) {
        let items = MadeAhead<Int, Void, Broken>(Self.small) { (yield) throws(Broken) in
            for n in 0..<count { _ = yield(n) }
            throw Broken(after: count)
        }
        var taken: [Int] = []
        #expect(throws: Broken(after: count)) { try items.takeAll { taken.append($0) } }
        #expect(taken == Array(0..<count))
    }

    @Test(arguments: [0, 1, 8, 8 * 2 + 3])
    func theMakersErrorComesAfterTheItemsBeforeIt(_ count: Int) throws {
        var made = 0
        let items = MadeAhead<Int, Void, Broken>(Self.small) { () throws(Broken) -> Int? in
            guard made < count else { throw Broken(after: count) }
            made += 1
            return made - 1
        }
        let (taken, error) = drain(items)
        #expect(taken == Array(0..<count))
        #expect(error == Broken(after: count))
        #expect(try items.next() == nil, "once thrown, nothing more comes")
    }

    @Test func eachBatchCarriesTheMarkReadWhenItWasMade() throws {
        let made = SharedCount()
        var next = 0
        let items = MadeAhead<Int, Void, Broken>(
            Self.small, mark: { made.value * 10 },
            make: { () throws(Broken) -> Int? in
                guard next < 20 else { return nil }
                next += 1
                made.set(next)
                return next
            })
        var marks: [Int] = []
        while try items.next() != nil { marks.append(items.mark) }
        // Batches of 8: marked after the 8th, the 16th, and the end after the 20th.
        #expect(
            marks == Array(repeating: 80, count: 8) + Array(repeating: 160, count: 8) + Array(repeating: 200, count: 4))
    }

    @Test func theMakerRunsAtMostAFewBatchesAhead() throws {
        let made = SharedCount()
        var next = 0
        let items = MadeAhead<Int, Void, Broken>(Self.small) { () throws(Broken) -> Int? in
            guard next < 2000 else { return nil }
            next += 1
            made.set(next)
            return next
        }
        var taken = 0
        var mostAhead = 0
        while try items.next() != nil {
            taken += 1
            mostAhead = max(mostAhead, made.value - taken)
        }
        #expect(taken == 2000)
        // The rest of the batch being taken, `depth` batches waiting, and one being made.
        #expect(mostAhead <= Self.small.size * (Self.small.depth + 2))
    }

    @Test func stoppingWaitsForTheMakerWhichStopsAtTheEndOfItsBatch() throws {
        let made = SharedCount()
        let stopped = SharedCount()
        // Endless: it stops only when `yield` says the taker has gone.
        let items = MadeAhead<Int, Void, Broken>(Self.small) { (yield) throws(Broken) in
            defer { stopped.set(1) }
            var n = 0
            while yield(n) {
                n += 1
                made.set(n)
            }
        }
        #expect(try items.next() == 0)
        items.stop()
        #expect(stopped.value == 1, "stop returns once the maker has stopped")
        // The batch taken, `depth` waiting, and the one being made when the taker went.
        #expect(made.value <= Self.small.size * (Self.small.depth + 2))
    }

    @Test func droppingTheTakerReleasesTheMakerAndWhatItHolds() async throws {
        weak var weakEndless: Endless?
        do {
            let endless = Endless()
            weakEndless = endless
            let items = MadeAhead<Int, Void, Broken>(Self.small) { () throws(Broken) -> Int? in endless.next() }
            #expect(try items.next() == 1)
        }
        // The maker is waiting for room; dropping the taker must release it, and with it
        // whatever `make` holds. (Polled: the thread lets go in its own time.)
        try await waitForRelease { weakEndless != nil }
        #expect(weakEndless == nil)
    }
}
