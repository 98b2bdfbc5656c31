/// Disclosure control over a whole report at once.
///
/// Every count the report shows, or lets a reader work out, is a *cell* under one key:
/// the same population has the same key wherever it appears (June's audits in the target
/// paragraph, the grade table and the trend are one cell), so it is shown or hidden alike
/// everywhere. Cells tied by a sum form a *group*: a total and its parts, a count and its
/// complement (a share and its total give both), a year and its months, an agency and its
/// providers. ``Disclosure/mask(_:groups:fixed:unknown:)`` then hides small cells and,
/// where a group would give one away, another cell of the group, until no group does.
/// A share is shown only when its count and its total both are.
///
/// ```swift
/// var plan = DisclosurePlan(isPublic: true)
/// plan.share(("within", 5), of: ("timed", 8))  // registers "within.complement", 3
/// plan.solve()
/// plan.count("within")  // .suppressed: with "timed" it would give the 3 away
/// ```
public struct DisclosurePlan: Sendable {
    public let isPublic: Bool
    private var values: [Int] = []
    private var keys: [String] = []
    private var index: [String: Int] = [:]
    private var groups: [[Int]] = []
    private var fixed: Set<Int> = []
    private var unknown: Set<Int> = []
    private var hidden: [Bool] = []
    /// The cells a reader sees, in the order first registered.
    private var published: [Int] = []
    private var isPublished: Set<Int> = []

    public init(isPublic: Bool) {
        self.isPublic = isPublic
    }

    /// Registers the count under `key` (the first value registered wins) and returns its
    /// cell. `shown`: the report prints it; `fixed`: a public fact never hidden;
    /// `unknown`: a count the report never reveals, part of a published sum (register it
    /// first: it stays unknown).
    @discardableResult
    public mutating func cell(
        _ key: String, _ value: Int, shown: Bool = true, fixed: Bool = false, unknown: Bool = false
    ) -> Int {
        let cell: Int
        if let known = index[key] {
            cell = known
        } else {
            cell = values.count
            values.append(value)
            keys.append(key)
            index[key] = cell
        }
        if fixed { self.fixed.insert(cell) }
        if unknown { self.unknown.insert(cell) }
        if shown && !self.unknown.contains(cell) && isPublished.insert(cell).inserted { published.append(cell) }
        return cell
    }

    /// Ties `total` to `parts` (their sum), registering any not yet known.
    public mutating func group(_ total: (String, Int), _ parts: [(String, Int)], shown: Bool = true) {
        let cells = [cell(total.0, total.1, shown: shown)] + parts.map { cell($0.0, $0.1, shown: shown) }
        groups.append(cells)
    }

    /// Ties cells already registered under `keys`.
    public mutating func group(keys: [String]) {
        groups.append(keys.compactMap { index[$0] })
    }

    /// Registers a share `count / total` with its complement, so that showing the share
    /// cannot reveal a small complement; returns nothing, read it back with `share`.
    public mutating func share(_ count: (String, Int), of total: (String, Int)) {
        group(total, [count, (count.0 + ".complement", total.1 - count.1)], shown: false)
    }

    /// Decides what to hide; call once, after every cell and group is registered.
    public mutating func solve() {
        hidden =
            isPublic
            ? Disclosure.mask(values, groups: groups, fixed: fixed, unknown: unknown) : values.map { _ in false }
    }

    /// The cell under `key` as the report shows it.
    public func count(_ key: String) -> ReportCount {
        guard let cell = index[key] else { preconditionFailure("no disclosure cell \(key)") }
        return hidden[cell] ? .suppressed : .shown(values[cell])
    }

    /// Whether the cell under `key` is shown.
    public func isShown(_ key: String) -> Bool { count(key) != .suppressed }

    /// The share `count / total` with its interval, or nil when either is hidden or the
    /// total is 0.
    public func share(_ count: String, of total: String) -> Share? {
        guard case .shown(let n) = self.count(count), case .shown(let d) = self.count(total) else { return nil }
        if isPublic && !Disclosure.mayShowShare(n, of: d) { return nil }
        return Share(n, of: d)
    }

    /// The keys of every published cell that is hidden, for readers of the JSON.
    public var suppressed: [String] { published.filter { hidden[$0] }.map { keys[$0] } }
}
