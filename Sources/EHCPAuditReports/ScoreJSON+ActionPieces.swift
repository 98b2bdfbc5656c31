import EHCPAudit
import EHCPAuditFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScoreJSON {
    /// What each criterion's improvement action writes around its rating and gain, cut once
    /// per framework from the action written in full.
    ///
    /// A national month's scores hold some 850,000 improvement actions, and writing each
    /// one's criterion, section and text again was a third of writing the scores. An action
    /// is written from its criterion's pieces only when they are its own (the same
    /// criterion, section and text), so the bytes are exactly those
    /// ``write(_:to:actions:)`` writes without pieces. ``Writer`` owns them.
    ///
    /// Every thread writing scores reads the pieces at once, each scoring with its own copy
    /// of the frameworks (`Framework.unshared()`): the pieces and the texts they stand for
    /// are kept as bytes in memory of their own, so that reading them counts no reference.
    ///
    /// ```swift
    /// let actions = ScoreJSON.ActionPieces(frameworks: catalog.frameworks)
    /// ScoreJSON.appendLine(result, to: &json, actions: actions)
    /// ```
    final class ActionPieces: @unchecked Sendable {
        // `@unchecked`: everything is set in `init` and only read after.
        /// Each entry's criterion id, and the entries by id: `slots` is an open-addressed
        /// table of entry numbers (-1 empty) at a hash of the id's bytes, since hashing a
        /// `String` key costs more than the rest of writing an action; `next` chains entries
        /// that share an id (the same criterion in other frameworks), -1 ending the chain.
        private let ids: [String]
        private let slots: [Int]
        private let next: [Int]
        private let sections: [String]
        /// All the bytes, one entry after another: the action text's UTF-8, then the three
        /// pieces (up to the rating's value, from it to the gain's, and after the gain).
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        /// Where each entry's text and pieces end in `bytes`.
        private let ends: [(text: Int, opening: Int, middle: Int, closing: Int)]

        init(frameworks: [Framework]) {
            var first: [String: Int] = [:], next: [Int] = [], sections: [String] = []
            var all: [UInt8] = [], ends: [(Int, Int, Int, Int)] = []
            for framework in frameworks {
                for section in framework.sections {
                    for criterion in section.criteria {
                        guard let cut = Self.pieces(criterion.id, section.id, criterion.action) else { continue }
                        next.append(first[criterion.id] ?? -1)
                        first[criterion.id] = ends.count
                        sections.append(section.id)
                        all += criterion.action.utf8
                        let text = all.count
                        all += cut.0
                        let opening = all.count
                        all += cut.1
                        let middle = all.count
                        all += cut.2
                        ends.append((text, opening, middle, all.count))
                    }
                }
            }
            bytes = .allocate(capacity: all.count)
            _ = bytes.initialize(from: all)
            var ids = [String](repeating: "", count: ends.count), slots = [Int](repeating: -1, count: 64)
            while slots.count < first.count * 4 { slots += slots }
            for (id, entry) in first {
                var slot = Self.hash(id) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = entry
                var chained = entry
                while chained >= 0 {
                    ids[chained] = id
                    chained = next[chained]
                }
            }
            (self.ids, self.slots, self.next, self.sections, self.ends) = (ids, slots, next, sections, ends)
        }

        /// The first entry for criterion `id`, or -1.
        private func firstEntry(for id: String) -> Int {
            var slot = Self.hash(id) & (slots.count - 1)
            while slots[slot] >= 0 {
                if ids[slots[slot]] == id { return slots[slot] }
                slot = (slot + 1) & (slots.count - 1)
            }
            return -1
        }

        /// A hash of `id`'s UTF-8 bytes, read in place.
        private static func hash(_ id: String) -> Int {
            var id = id
            return id.withUTF8 { bytes in
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                return Int(truncatingIfNeeded: hash >> 8)
            }
        }

        deinit { bytes.deallocate() }

        /// Writes `action` from its criterion's pieces; false (nothing written) when it has none.
        func write(_ action: ImprovementAction, to json: inout JSONWriter) -> Bool {
            var entry = firstEntry(for: action.criterion)
            while entry >= 0 && !(sections[entry] == action.section && holds(entry, action.text)) {
                entry = next[entry]
            }
            guard entry >= 0 else { return false }
            let all = UnsafeBufferPointer(bytes)
            let (text, opening, middle, closing) = ends[entry]
            json.write(piece: UnsafeBufferPointer(rebasing: all[text..<opening]), .opening)
            json.string(action.rating)
            json.write(piece: UnsafeBufferPointer(rebasing: all[opening..<middle]), .continuing)
            json.number(action.gain, places: 2)
            json.write(piece: UnsafeBufferPointer(rebasing: all[middle..<closing]), .closing)
            return true
        }

        /// Whether `text` is the entry's action text.
        private func holds(_ entry: Int, _ text: String) -> Bool {
            let start = entry == 0 ? 0 : ends[entry - 1].closing
            let own = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(bytes)[start..<ends[entry].text])
            func same(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
                utf8.count == own.count && (own.isEmpty || memcmp(utf8.baseAddress!, own.baseAddress!, own.count) == 0)
            }
            if let same = text.utf8.withContiguousStorageIfAvailable(same) { return same }
            var text = text
            return text.withUTF8(same)
        }

        /// A rating no framework has (a control character, refused in ids), and the JSON
        /// it and a gain that is not a number (`null`) are written as.
        private static let rating = "\u{1}"
        private static let ratingJSON = Array(#""\u0001""#.utf8)
        private static let gainJSON = Array("null".utf8)

        /// The action for this criterion written in full around a marked rating and gain,
        /// cut at both; nil if the marks are not found where expected.
        private static func pieces(
            _ criterion: String, _ section: String, _ text: String
        ) -> ([UInt8], [UInt8], [UInt8])? {
            var json = JSONWriter()
            ScoreJSON.write(
                ImprovementAction(criterion: criterion, section: section, rating: rating, gain: .nan, text: text),
                to: &json)
            let bytes = json.bytes
            guard let rating = bytes.firstRange(of: ratingJSON),
                let gain = bytes[rating.upperBound...].firstRange(of: gainJSON)
            else { return nil }
            return (
                Array(bytes[..<rating.lowerBound]), Array(bytes[rating.upperBound..<gain.lowerBound]),
                Array(bytes[gain.upperBound...])
            )
        }
    }
}
