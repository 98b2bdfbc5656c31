import EHCPAuditConcurrency
import Foundation
import Testing

/// Items pass from one thread to another in order, a few at most waiting, and a taker
/// that goes releases the maker.
struct BoundedHandoffTests {
    @Test(arguments: [1, 4])
    func itemsComeInOrderWithAtMostTheCapacityWaiting(_ capacity: Int) {
        let handoff = BoundedHandoff<Int>(capacity: capacity)
        let put = SharedCount()
        startThread {
            for n in 0..<2000 {
                _ = handoff.put(n)
                _ = put.add()
            }
            handoff.finish()
        }
        var taken: [Int] = []
        var mostAhead = 0
        while taken.count < 2000 {
            taken.append(handoff.take())
            mostAhead = max(mostAhead, put.value - taken.count)
        }
        handoff.waitUntilFinished()
        #expect(taken == Array(0..<2000))
        #expect(mostAhead <= capacity, "never more than the capacity put and not taken")
    }

    @Test func aTakerThatGoesReleasesTheMakerAndDropsWhatWaits() {
        let handoff = BoundedHandoff<Int>(capacity: 2)
        let put = SharedCount()
        startThread {
            // Puts until the taker has gone: without `cancel` this would wait for room for ever.
            var n = 0
            while handoff.put(n) {
                _ = put.add()
                n += 1
            }
            handoff.finish()
        }
        #expect(handoff.take() == 0)
        #expect(handoff.take() == 1)
        handoff.cancel()
        handoff.waitUntilFinished()
        #expect(put.value <= 2 + 2, "the two taken, and at most two waiting when the taker went")
        #expect(!handoff.put(99), "nothing more is taken")
    }
}
