import Crypto

/// Pseudonymous plan references for children read from a DfE SEN2 return.
///
/// The reference is an HMAC-SHA256 of the child's UPN (or the LA's person id) under a key
/// that the store generates once and never exports: the same child maps to the same
/// reference every month, and nobody without the key can go back from it to the child.
public struct PlanReference: Sendable {
    /// Keyed once; each reference copies it, so the key is not prepared again per child.
    private let keyed: HMAC<SHA256>

    public init(key: [UInt8]) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: key))
    }

    /// A new random key, 256 bits.
    public static func newKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// `S2-` and the first 20 hex digits (80 bits) of the HMAC.
    public func reference(for personId: String) -> String {
        var hmac = keyed
        var id = personId
        id.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        return hmac.finalize().withUnsafeBytes { Hex.lowercase($0.prefix(10), prefix: "S2-") }
    }
}
