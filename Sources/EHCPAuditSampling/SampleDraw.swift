import Crypto
import EHCPAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Draws the monthly sample exactly as docs/sampling.md's normative algorithm says, so that
/// anyone with the population and the published seed re-derives the same plans.
///
/// ```swift
/// let parameters = try SampleParameters(month: YearMonth("2025-07")!, seed: "board-2025-07")
/// let sample = try SampleDraw.draw(population, parameters: parameters)
/// ```
public enum SampleDraw {
    /// - Parameters:
    ///   - population: unique plan ids, in any order.
    ///   - parameters: the month, the seed, the rate, the strata and the look-back.
    ///   - lastAudits: latest audit date per plan from elsewhere (the store); the later of
    ///     this and the plan's own `lastAudited` counts.
    public static func draw(
        _ population: [PopulationPlan], parameters: SampleParameters, lastAudits: [String: CalendarDate] = [:]
    ) throws(SampleError) -> Sample {
        var frame = SampleFrame(parameters: parameters, lastAudits: lastAudits, capacity: population.count)
        for plan in population { try frame.add(plan) }
        return try frame.draw()
    }

    /// Rank of a plan: lowercase hex SHA-256 of the UTF-8 string `seed:month:planId`.
    public static func rank(_ planId: String, _ parameters: SampleParameters) -> String {
        Ranker(parameters).rank(planId).hex
    }

    /// The `count` smallest of `items` in ascending order, without sorting them all (a
    /// stratum of 16,000 plans gives up its 800 lowest ranks).
    static func lowest<T>(_ count: Int, of items: [T], by less: (T, T) -> Bool) -> [T] {
        var best: [T] = []
        best.reserveCapacity(count + 1)
        for item in items {
            if best.count == count, let worst = best.last, !less(item, worst) { continue }
            var low = 0, high = best.count
            while low < high {
                let middle = (low + high) / 2
                if less(best[middle], item) { low = middle + 1 } else { high = middle }
            }
            best.insert(item, at: low)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// Largest remainder: `floor(T * E_h / E)` each, then one more to the largest
    /// remainders `(T * E_h) mod E`, ties to the earlier stratum; all in integers.
    static func allocate(_ target: Int, over counts: [Int], total: Int) -> [Int] {
        var quotas = counts.map { target * $0 / total }
        let left = target - quotas.reduce(0, +)
        let order = counts.indices.sorted { a, b in
            let ra = target * counts[a] % total, rb = target * counts[b] % total
            return ra != rb ? ra > rb : a < b
        }
        for index in order.prefix(left) { quotas[index] += 1 }
        return quotas
    }
}

/// A SHA-256 digest as four big-endian words: comparing them compares the hex strings.
struct Rank: Comparable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    static func < (a: Rank, b: Rank) -> Bool { a.words < b.words }
    static func == (a: Rank, b: Rank) -> Bool { a.words == b.words }

    var hex: String {
        Hex.lowercase(
            [words.0, words.1, words.2, words.3].flatMap { word in
                stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: word >> UInt64($0)) }
            })
    }
}

/// Finds a plan id given twice from the plans' ranks: the same id has the same rank, so
/// only plans whose ranks share their first 64 bits are compared, byte for byte (plans and
/// strata are told apart by their bytes, as the specification says; Swift's String equality
/// follows Unicode equivalence).
struct DuplicateCheck {
    private var byWord: [UInt64: Int32]
    /// Whether two different ids shared a rank's first 64 bits (never seen in practice):
    /// then ``firstTwice(_:)`` checks every id, so no duplicate hides behind the first.
    private(set) var collided = false

    init(capacity: Int) { byWord = Dictionary(minimumCapacity: capacity) }

    /// The earlier plan whose rank starts as `rank` does, if any; records `index` otherwise.
    mutating func first(_ index: Int, _ rank: Rank) -> Int? {
        guard let other = byWord.updateValue(Int32(truncatingIfNeeded: index), forKey: rank.words.0) else {
            return nil
        }
        byWord[rank.words.0] = other
        return Int(other)
    }

    /// The id of plans `a` and `b` when it is the same; nil otherwise, noting the collision.
    mutating func twice(_ ids: [String], _ a: Int, _ b: Int) -> String? {
        if UTF8Key(ids[a]) == UTF8Key(ids[b]) { return ids[b] }
        collided = true
        return nil
    }

    /// The first id given twice, checked id by id.
    static func firstTwice(_ ids: [String]) -> String? {
        var seen = Set<UTF8Key>(minimumCapacity: ids.count)
        return ids.first { !seen.insert(UTF8Key($0)).inserted }
    }
}

/// Hashes `seed:month:` once and each plan id after it.
struct Ranker {
    private let prefix: SHA256

    init(_ parameters: SampleParameters) {
        var hasher = SHA256()
        hasher.update(data: Array("\(parameters.seed):\(parameters.month):".utf8))
        prefix = hasher
    }

    func rank(_ planId: String) -> Rank {
        var hasher = prefix
        var id = planId
        id.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().withUnsafeBytes { bytes in
            func word(_ i: Int) -> UInt64 {
                UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
            }
            return Rank(words: (word(0), word(1), word(2), word(3)))
        }
    }
}

/// Strata by name, numbered as first met, with their byte-wise order.
struct StrataTable {
    private var ids: [UTF8Key: Int32] = [:]
    private var byHash: [Int: [Int32]] = [:]
    private(set) var names: [String] = []

    var count: Int { names.count }

    /// The stratum of a plan: its values of the keys joined with `|`. The common case of
    /// a stratum already met is found without building the joined name.
    mutating func id(of plan: PopulationPlan, keys: [StratumKey]) -> Int32 {
        var hasher = Hasher()
        for key in keys {
            var value = plan.value(for: key)
            value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(0x7C as UInt8)
        }
        let hash = hasher.finalize()
        if let candidates = byHash[hash] {
            for id in candidates where matches(plan, keys, names[Int(id)]) { return id }
        }
        let id = id(keys.map { plan.value(for: $0) }.joined(separator: "|"))
        byHash[hash, default: []].append(id)
        return id
    }

    /// Whether the plan's values joined with `|` are, byte for byte, `name`.
    private func matches(_ plan: PopulationPlan, _ keys: [StratumKey], _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { target in
            var offset = 0
            for (i, key) in keys.enumerated() {
                if i > 0 {
                    guard offset < target.count, target[offset] == 0x7C else { return false }
                    offset += 1
                }
                var value = plan.value(for: key)
                let same = value.withUTF8 { v in
                    offset + v.count <= target.count
                        && (v.isEmpty || memcmp(v.baseAddress!, target.baseAddress! + offset, v.count) == 0)
                }
                guard same else { return false }
                offset += value.utf8.count
            }
            return offset == target.count
        }
    }

    mutating func id(_ name: String) -> Int32 {
        let key = UTF8Key(name)
        if let id = ids[key] { return id }
        let id = Int32(names.count)
        ids[key] = id
        names.append(name)
        return id
    }

    /// Stratum ids, byte-wise ascending by name.
    var byteOrder: [Int32] {
        names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }.map(Int32.init)
    }

    /// Each stratum's place in `byteOrder`.
    var positions: [Int] {
        var positions = [Int](repeating: 0, count: names.count)
        for (place, id) in byteOrder.enumerated() { positions[Int(id)] = place }
        return positions
    }
}

/// A string compared and hashed by its UTF-8 bytes, not by Unicode equivalence.
/// (`@inlinable`, as the population reader hashes one for every row.)
@usableFromInline package struct UTF8Key: Hashable, Sendable {
    @usableFromInline package let text: String

    @inlinable package init(_ text: String) { self.text = text }

    @inlinable package static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
            }
        }
    }

    @inlinable package func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
