/// Disclosure control for papers the board publishes: small counts could identify a child.
///
/// Every count from 1 to 4 is suppressed (primary suppression). Where a published total
/// covers a group of cells, one suppressed cell in that group could be worked out by
/// subtraction, so a second cell of the group is suppressed too (the smallest other
/// non-zero one: secondary suppression), repeating until no total gives a cell away.
/// A percentage is withheld when it rests on 1 to 4 records or on fewer than 5 in all.
public enum Disclosure {
    /// The smallest count shown.
    public static let threshold = 5

    /// Whether a count must be hidden on its own.
    public static func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// Which of `counts` to hide, given `groups`: sets of cells tied by a sum (a total and
    /// its parts, a count and its complement), where one unknown cell could be worked out
    /// from the others. `fixed` cells are public facts, never hidden (the target); `unknown`
    /// cells are never published (criteria outside a top-ten list) and count as hidden.
    public static func mask(_ counts: [Int], groups: [[Int]], fixed: Set<Int> = [], unknown: Set<Int> = []) -> [Bool] {
        var hidden = counts.indices.map { unknown.contains($0) || (!fixed.contains($0) && isSmall(counts[$0])) }
        var changed = true
        while changed {
            changed = false
            for group in groups where group.filter({ hidden[$0] }).count == 1 {
                // With no other non-zero cell, the hidden count equals the total, which is
                // then small and hidden itself.
                guard
                    let next = group.filter({ !hidden[$0] && !fixed.contains($0) && counts[$0] > 0 })
                        .min(by: { counts[$0] < counts[$1] })
                else { continue }
                hidden[next] = true
                changed = true
            }
        }
        return hidden
    }

    /// Whether a share of `count` out of `total` may be published.
    public static func mayShowShare(_ count: Int, of total: Int) -> Bool {
        total >= threshold && !isSmall(count)
    }
}

/// A count in a report: shown, or suppressed for disclosure control (JSON `null`).
public enum ReportCount: Sendable, Equatable {
    case shown(Int)
    case suppressed

    public var value: Int? {
        if case .shown(let value) = self { return value }
        return nil
    }
}
