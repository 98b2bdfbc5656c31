/// An audit's canonical JSON as the store keeps it: its most repeated pieces (the keys and
/// ratings of its judgements, above all) each written as one control byte, which JSON text
/// never holds unescaped; stored as a blob, and given back byte for byte.
///
/// Judgements are most of a record (`{"criterion":"A1","rating":"good"}`, some 60 times), so
/// a record of 3.2 KB is kept in about 0.9 KB: a national year's store is a gigabyte
/// smaller, which an import writes twice (the write-ahead log, then the file) and every
/// command's integrity check reads. A text with a control byte of its own is kept as text.
///
/// ## Format versions
/// A packed record's first byte says how the rest is packed:
/// - `{`: version 1, the piece table below. The byte is the JSON's own opening brace, which
///   is never packed. Every record's JSON opens with `{"auditId"`, which no piece matches, so
///   every record stored before the format was given a version begins with `{` too: a store
///   of any age reads as it is, and none needs rewriting.
/// - 0x00, then the version: a later format (a changed piece table, say). This code
///   refuses it (``Unreadable/laterVersion(_:)``) rather than misread it, as does code
///   written before formats had versions, to which 0x00 names no piece.
///
/// Nothing else begins a packed record. A new format takes the next version, and this
/// code's golden files (Tests/EHCPAuditStoreTests/Fixtures/StoredJSON) keep reading as
/// they do now.
///
/// ```swift
/// let stored = StoredJSON.pack(json)               // nil: keep `json` as it is
/// try StoredJSON.unpack(stored!) == json           // true
/// ```
enum StoredJSON {
    /// The format ``pack(_:)`` writes: the only one ``unpack(_:)`` reads.
    static let version = 1
    /// The byte that begins a record of ``version`` 1: the JSON's opening brace.
    private static let opening = UInt8(ascii: "{")
    /// The byte that begins a record of a later version, followed by its version.
    private static let laterFormat: UInt8 = 0x00

    /// The pieces, by control byte (0x01 is the first); only what starts with `{`, `"` or `,`.
    private static let pieces: [[UInt8]] = [
        #"{"criterion":""#, #",{"criterion":""#, #"","rating":"outstanding"}"#, #"","rating":"good"}"#,
        #"","rating":"requires-improvement"}"#, #"","rating":"inadequate"}"#, #"","rating":"na"}"#,
        #"","rating":""#, #"","comment":""#, #"{"id":""#, #",{"id":""#, #"","agency":""#, #"","provider":""#,
        #"","requested":""#, #"","received":""#, #"","status":"received""#, #","timelinessException":true"#,
        #","judgements":["#, #"}]}"#, #""}"#,
    ].map { Array($0.utf8) }

    /// The codes of the pieces starting with each byte value, longest first, as one list:
    /// byte b's are `candidates[firsts[b]]` (flat arrays, read in the loop without counting
    /// references to inner ones).
    private static let (candidates, firsts): ([Int], [Range<Int>]) = {
        var candidates: [Int] = [], firsts: [Range<Int>] = []
        for byte in 0...255 {
            let codes = pieces.indices.filter { pieces[$0][0] == byte }.sorted { pieces[$0].count > pieces[$1].count }
            firsts.append(candidates.count..<candidates.count + codes.count)
            candidates += codes
        }
        return (candidates, firsts)
    }()
    /// The pieces end to end, and where each lies.
    private static let (joined, places): ([UInt8], [Range<Int>]) = {
        var joined: [UInt8] = [], places: [Range<Int>] = []
        for piece in pieces {
            places.append(joined.count..<joined.count + piece.count)
            joined += piece
        }
        return (joined, places)
    }()

    /// The packed bytes of `json` (version 1), or nil when it does not open with `{` or holds a
    /// control byte (no canonical JSON does either).
    static func pack(_ json: String) -> [UInt8]? {
        var json = json
        var clean = json.utf8.first == opening
        let packed = json.withUTF8 { text in
            // Read through pointers: the loop runs over every byte of a national year's records.
            Self.candidates.withUnsafeBufferPointer { candidates in
                Self.firsts.withUnsafeBufferPointer { firsts in
                    Self.joined.withUnsafeBufferPointer { joined in
                        Self.places.withUnsafeBufferPointer { places in
                            [UInt8](unsafeUninitializedCapacity: text.count) { out, written in
                                guard clean else { return }
                                // The opening brace is kept as it is: it says which version this is.
                                out[0] = opening
                                var i = 1, o = 1
                                scan: while i < text.count {
                                    let byte = text[i]
                                    if byte < 0x20 {
                                        clean = false
                                        break
                                    }
                                    for code in candidates[firsts[Int(byte)]] {
                                        let place = places[code]
                                        guard i + place.count <= text.count else { continue }
                                        var k = 1
                                        while k < place.count && text[i + k] == joined[place.lowerBound + k] { k += 1 }
                                        if k == place.count {
                                            out[o] = UInt8(code + 1)
                                            o += 1
                                            i += place.count
                                            continue scan
                                        }
                                    }
                                    out[o] = byte
                                    o += 1
                                    i += 1
                                }
                                written = o
                            }
                        }
                    }
                }
            }
        }
        return clean ? packed : nil
    }

    /// The JSON `pack` was given; throws when the bytes are of a later version, or are not of
    /// any (a damaged store).
    static func unpack(_ packed: some Collection<UInt8>) throws(Unreadable) -> String {
        guard let first = packed.first else { throw .damaged("is empty") }
        if first == laterFormat, let version = packed.dropFirst().first, version > Self.version {
            throw .laterVersion(Int(version))
        }
        guard first == opening else { throw .damaged("begins with byte \(first), which begins no stored format") }
        var text: [UInt8] = []
        text.reserveCapacity(packed.count * 5)
        for byte in packed {
            if byte >= 0x20 {
                text.append(byte)
            } else if byte > 0, Int(byte) <= pieces.count {
                text += pieces[Int(byte) - 1]
            } else {
                throw .damaged("holds byte \(byte), which names nothing")
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Why packed bytes give no JSON.
    enum Unreadable: Error, Equatable {
        /// Stored in a later format, by a later version of ehcp-audit.
        case laterVersion(Int)
        /// Of no format: what is wrong with the bytes, worded to follow "the record of audit …".
        case damaged(String)
    }

    /// A record's JSON as it is written to the store: packed, else as it is.
    enum Form: Sendable {
        case packed([UInt8])
        case text(String)

        init(_ json: String) {
            self = pack(json).map(Form.packed) ?? .text(json)
        }
    }
}
