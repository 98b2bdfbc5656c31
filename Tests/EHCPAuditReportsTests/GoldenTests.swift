import Testing

/// The golden-file comparison itself: it must see every byte, and say where texts part.
struct GoldenTests {
    @Test func theSameBytesHaveNoDifference() {
        #expect(Golden.firstDifference(golden: Array("a\nb\n".utf8), now: Array("a\nb\n".utf8)) == nil)
    }

    @Test func aChangedLineIsNamedWithBothVersions() {
        let difference = Golden.firstDifference(golden: Array("a\nb\nc".utf8), now: Array("a\nB\nc".utf8))
        #expect(difference == "line 2:\n  golden: b\n  now:    B")
    }

    /// "é" composed and decomposed are equal Swift strings but different bytes: a golden
    /// file pins the bytes.
    @Test func canonicallyEqualTextsAreStillDifferent() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(Golden.firstDifference(golden: Array(composed.utf8), now: Array(decomposed.utf8)) != nil)
    }

    @Test func aTextThatEndsEarlyOrGoesOnIsNamed() {
        #expect(
            Golden.firstDifference(golden: Array("a\nb".utf8), now: Array("a\nb\nc\nd".utf8))
                == "line 3: the golden file ends, the output goes on for 2 more lines")
        #expect(
            Golden.firstDifference(golden: Array("a\nb\n".utf8), now: Array("a\nb".utf8))
                == "line 3: the output ends, the golden file goes on for 1 more line")
    }
}
