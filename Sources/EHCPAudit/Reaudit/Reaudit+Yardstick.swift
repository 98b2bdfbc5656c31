extension Reaudit {
    /// What comparing two audits needs of the latest one's framework, worked out once:
    /// its criteria in order, the section of each, and the points of the action threshold.
    /// Ratings are laid along it as ``Marks``, read straight from bytes.
    ///
    /// ```swift
    /// let yardstick = Reaudit.Yardstick(framework)
    /// let marks = yardstick.marks(["A1": "good", "F2": "inadequate"])
    /// ```
    package final class Yardstick: Sendable {
        let framework: Framework
        /// Every criterion of the framework's sections, in order.
        let criteria: [String]
        /// The section of each criterion, by position.
        let sections: [String]
        /// Criterion id → position.
        let positions: [String: Int]
        let threshold: Double
        /// The UTF-8 of each criterion id, by position, and of each rating id on the scale.
        private let criterionBytes: [[UInt8]]
        private let ratingBytes: [[UInt8]]

        package init(_ framework: Framework) {
            self.framework = framework
            let located = framework.sections.flatMap { section in section.criteria.map { (section.id, $0.id) } }
            criteria = located.map(\.1)
            sections = located.map(\.0)
            positions = Dictionary(located.enumerated().map { ($1.1, $0) }, uniquingKeysWith: { a, _ in a })
            threshold = framework.rating(framework.actionBelow)?.points ?? 0
            criterionBytes = criteria.map { Array($0.utf8) }
            ratingBytes = framework.scale.map { Array($0.id.utf8) }
        }

        /// Lays a dictionary of ratings (criterion → rating id) along the yardstick.
        package func marks(_ ratings: [String: String]) -> Marks {
            var marks = Marks(self)
            for (criterion, rating) in ratings {
                var criterion = criterion, rating = rating
                criterion.withUTF8 { c in
                    rating.withUTF8 { r in
                        mark(&marks, criterion: UnsafeRawBufferPointer(c), rating: UnsafeRawBufferPointer(r))
                    }
                }
            }
            return marks
        }

        /// Records one rating, given as the UTF-8 bytes of its criterion and rating ids:
        /// ignored when the criterion is not the framework's; a rating not on its scale
        /// (`na`, say) leaves the criterion unrated, as it counts no points.
        package func mark(_ marks: inout Marks, criterion: UnsafeRawBufferPointer, rating: UnsafeRawBufferPointer) {
            // Ratings are mostly stored in the framework's order: try the next place first.
            let next = marks.next
            let position: Int
            if next < criteria.count, Self.equal(criterionBytes[next], criterion) {
                position = next
            } else if let found = positions[String(decoding: criterion, as: UTF8.self)] {
                position = found
            } else {
                return
            }
            marks.next = position + 1
            let place = ratingBytes.firstIndex { Self.equal($0, rating) }
            marks.places[position] = place.map(Int32.init) ?? Marks.unrated
        }

        private static func equal(_ known: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
            guard known.count == bytes.count else { return false }
            for i in known.indices where known[i] != bytes[i] { return false }
            return true
        }
    }

    /// An audit's ratings laid along a ``Yardstick``: for each of its criteria, the place of
    /// the rating on the framework's scale, if it has one.
    package struct Marks: Sendable, Equatable {
        fileprivate static let unrated: Int32 = -1
        fileprivate var places: [Int32]
        /// Where the next rating is looked for first; not part of what the marks say.
        fileprivate var next = 0

        /// No criterion rated yet.
        package init(_ yardstick: Yardstick) {
            places = [Int32](repeating: Self.unrated, count: yardstick.criteria.count)
        }

        /// The place on the scale of the rating at `position`, nil when it has none.
        func place(_ position: Int) -> Int? {
            let place = places[position]
            return place == Self.unrated ? nil : Int(place)
        }

        package static func == (a: Marks, b: Marks) -> Bool { a.places == b.places }
    }
}
