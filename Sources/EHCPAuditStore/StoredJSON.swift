/// An audit's canonical JSON as the store keeps it: its most repeated pieces (the keys and
/// ratings of its judgements, above all) each written as one control byte, which JSON text
/// never holds unescaped; stored as a blob, and given back byte for byte.
///
/// Judgements are most of a record (`{"criterion":"A1","rating":"good"}`, some 60 times), so
/// a record of 3.2 KB is kept in about 0.9 KB: a national year's store is a gigabyte
/// smaller, which an import writes twice (the write-ahead log, then the file) and every
/// command's integrity check reads. A text with a control byte of its own is kept as text.
///
/// ```swift
/// let stored = StoredJSON.pack(json)               // nil: keep `json` as it is
/// try StoredJSON.unpack(stored!) == json           // true
/// ```
enum StoredJSON {
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

    /// The packed bytes of `json`, or nil when it holds a control byte (no canonical JSON does).
    static func pack(_ json: String) -> [UInt8]? {
        var json = json
        var clean = true
        let packed = json.withUTF8 { text in
            // Read through pointers: the loop runs over every byte of a national year's records.
            Self.candidates.withUnsafeBufferPointer { candidates in
                Self.firsts.withUnsafeBufferPointer { firsts in
                    Self.joined.withUnsafeBufferPointer { joined in
                        Self.places.withUnsafeBufferPointer { places in
                            [UInt8](unsafeUninitializedCapacity: text.count) { out, written in
                                var i = 0, o = 0
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

    /// The JSON `pack` was given; throws when a control byte names no piece (a damaged store).
    static func unpack(_ packed: some Collection<UInt8>) throws(Damage) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(packed.count * 5)
        for byte in packed {
            if byte >= 0x20 {
                text.append(byte)
            } else if byte > 0, Int(byte) <= pieces.count {
                text += pieces[Int(byte) - 1]
            } else {
                throw Damage(byte: byte)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A packed record holding a control byte that names no piece.
    struct Damage: Error {
        var byte: UInt8
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
