import EHCPAudit
import EHCPAuditFormats

extension ScoreJSON {
    /// What each criterion's improvement action writes around its rating and gain, cut once
    /// per framework from the action written in full.
    ///
    /// A national month's scores hold some 850,000 improvement actions, and writing each
    /// one's criterion, section and text again was a third of writing the scores. An action
    /// is written from its criterion's pieces only when they are its own (the same
    /// criterion and section, and the very text of the framework's criterion), so the bytes
    /// are exactly those ``write(_:to:actions:)`` writes without pieces.
    ///
    /// Every thread writing scores reads the pieces at once: they are kept in memory of
    /// their own and the texts known by address, so that reading them counts no reference
    /// (which two cores counting at once makes slow).
    ///
    /// ```swift
    /// let actions = ScoreJSON.ActionPieces(frameworks: catalog.frameworks)
    /// ScoreJSON.appendLine(result, to: &json, actions: actions)
    /// ```
    public final class ActionPieces: @unchecked Sendable {
        // `@unchecked`: everything is set in `init` and only read after.
        /// For each criterion id, its first entry; `next` chains entries that share an id
        /// (the same criterion in other frameworks), -1 ending the chain.
        private let first: [String: Int]
        private let next: [Int]
        private let sections: [String]
        /// Each entry's action text, by the address of its UTF-8 bytes (a text of 15 bytes
        /// or fewer has none, and is compared by value).
        private let texts: [String]
        private let addresses: [UInt]
        /// Every piece's bytes, one after another; each entry's three pieces end at `ends`:
        /// up to the rating's value, from it to the gain's, and after the gain.
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        private let ends: [(Int, Int, Int)]

        public init(frameworks: [Framework]) {
            var first: [String: Int] = [:], next: [Int] = [], sections: [String] = [], texts: [String] = []
            var all: [UInt8] = [], ends: [(Int, Int, Int)] = []
            for framework in frameworks {
                for section in framework.sections {
                    for criterion in section.criteria {
                        guard let cut = Self.pieces(criterion.id, section.id, criterion.action) else { continue }
                        next.append(first[criterion.id] ?? -1)
                        first[criterion.id] = ends.count
                        sections.append(section.id)
                        texts.append(criterion.action)
                        all += cut.0
                        let opening = all.count
                        all += cut.1
                        let middle = all.count
                        all += cut.2
                        ends.append((opening, middle, all.count))
                    }
                }
            }
            bytes = .allocate(capacity: all.count)
            _ = bytes.initialize(from: all)
            addresses = texts.map(Self.address)
            (self.first, self.next, self.sections, self.texts, self.ends) = (first, next, sections, texts, ends)
        }

        deinit { bytes.deallocate() }

        /// Writes `action` from its criterion's pieces; false (nothing written) when it has none.
        func write(_ action: ImprovementAction, to json: inout JSONWriter) -> Bool {
            let address = Self.address(action.text)
            var entry = first[action.criterion] ?? -1
            while entry >= 0 {
                if sections[entry] == action.section,
                    address == 0 ? addresses[entry] == 0 && texts[entry] == action.text : addresses[entry] == address
                {
                    break
                }
                entry = next[entry]
            }
            guard entry >= 0 else { return false }
            let start = entry == 0 ? 0 : ends[entry - 1].2
            let (opening, middle, end) = ends[entry]
            let pieces = UnsafeBufferPointer(bytes)
            json.write(piece: UnsafeBufferPointer(rebasing: pieces[start..<opening]), .opening)
            json.string(action.rating)
            json.write(piece: UnsafeBufferPointer(rebasing: pieces[opening..<middle]), .continuing)
            json.number(action.gain, places: 2)
            json.write(piece: UnsafeBufferPointer(rebasing: pieces[middle..<end]), .closing)
            return true
        }

        /// Where a text's UTF-8 bytes are stored, or 0 for a text held in the string itself.
        private static func address(_ text: String) -> UInt {
            guard text.utf8.count > 15 else { return 0 }
            return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0
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
