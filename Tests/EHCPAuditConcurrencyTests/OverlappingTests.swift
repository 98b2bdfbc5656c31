import EHCPAuditConcurrency
import Foundation
import Testing

/// A producer on a thread of its own, a consumer on this one: every item in order, then
/// the result or the first error of either.
struct OverlappingTests {
    struct Broken: Error, Equatable { var after: Int }

    @Test(arguments: [0, 1, Batching.plans.size - 1, Batching.plans.size, Batching.plans.size + 1, 3000])
    func everyItemComesInOrderThenTheResult(_ count: Int) throws {
        var seen: [Int] = []
        let result = try overlapping(
            produce: { yield in
                for n in 0..<count { try yield(n) }
                return "read \(count)"
            },
            consume: { seen.append($0) })
        #expect(seen == Array(0..<count))
        #expect(result == "read \(count)")
    }

    @Test(arguments: [0, 10, 256, 1000])
    func theProducersErrorComesAfterTheItemsBeforeIt(_ count: Int) {
        var seen = 0
        #expect(throws: Broken(after: count)) {
            _ = try overlapping(
                produce: { (yield: (Int) throws -> Void) throws -> Int in
                    for n in 0..<count { try yield(n) }
                    throw Broken(after: count)
                },
                consume: { _ in seen += 1 })
        }
        #expect(seen == count)
    }

    @Test func theConsumersErrorStopsTheProducerBeforeReturning() {
        let made = SharedCount()
        let stopped = SharedCount()
        #expect(throws: Broken(after: 300)) {
            _ = try overlapping(
                produce: { (yield: (Int) throws -> Void) throws -> Int in
                    defer { stopped.set(1) }
                    for n in 0..<1_000_000 {
                        made.set(n + 1)
                        try yield(n)
                    }
                    return 0
                },
                consume: { n in if n == 300 { throw Broken(after: 300) } })
        }
        // Returned only once the producer had stopped, long before the end of its items.
        #expect(stopped.value == 1)
        #expect(made.value < 10_000)
    }
}
