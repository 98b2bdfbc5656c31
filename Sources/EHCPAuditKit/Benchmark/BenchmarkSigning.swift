import Crypto
import EHCPAudit
import EHCPAuditFormats
import EHCPAuditSampling
import Foundation

/// Digests, Ed25519 keys and signatures for benchmark bundles (docs/comparison.md), with
/// swift-crypto: a bundle's digest is the SHA-256 of its canonical JSON, in lowercase hex;
/// its signature is Ed25519 over the digest's 32 bytes; keys travel as base64 of their 32
/// raw bytes.
///
/// ```swift
/// let key = BenchmarkSigning.newKey()
/// let bundle = BenchmarkSigning.bundle(figures, signingWith: key)
/// try BenchmarkSigning.check(bundle, trust: ["Northshire": key.publicKeyBase64])
/// ```
public enum BenchmarkSigning {
    public typealias PrivateKey = Curve25519.Signing.PrivateKey

    /// Why a bundle was refused, in words.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var council: String
        public var reason: String
        public var description: String { "\(council): \(reason)" }
    }

    public static func newKey() -> PrivateKey { PrivateKey() }

    public static func digest(_ figures: BenchmarkFigures) -> String { Hex.lowercase(digestBytes(figures)) }

    /// The SHA-256 of the figures' canonical JSON: what the digest writes and the signature signs.
    private static func digestBytes(_ figures: BenchmarkFigures) -> Data {
        Data(SHA256.hash(data: Data(BenchmarkBundle.canonical(figures).utf8)))
    }

    /// The bundle of `figures`: its digest, and a signature when a key is given.
    public static func bundle(_ figures: BenchmarkFigures, signingWith key: PrivateKey? = nil) throws -> BenchmarkBundle
    {
        let bytes = digestBytes(figures)
        let signature = try key.map { key in
            BenchmarkBundle.Signature(
                key: key.publicKey.rawRepresentation.base64EncodedString(),
                value: try key.signature(for: bytes).base64EncodedString())
        }
        return BenchmarkBundle(figures: figures, digest: Hex.lowercase(bytes), signature: signature)
    }

    /// Refuses a bundle whose digest does not match its figures or whose signature fails;
    /// with `trust` (council name → base64 public key), also one unsigned, or signed by a
    /// key other than its council's.
    public static func check(_ bundle: BenchmarkBundle, trust: [String: String]? = nil) throws(Refusal) {
        let council = bundle.figures.council
        func refuse(_ reason: String) -> Refusal { Refusal(council: council, reason: reason) }
        let bytes = digestBytes(bundle.figures)
        guard Hex.lowercase(bytes) == bundle.digest else {
            throw refuse("its figures do not match its digest: the bundle was changed after it was made")
        }
        if let signature = bundle.signature {
            guard let keyBytes = Data(base64Encoded: signature.key), let value = Data(base64Encoded: signature.value),
                let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes),
                key.isValidSignature(value, for: bytes)
            else { throw refuse("its signature does not verify") }
        }
        guard let trust else { return }
        guard let trusted = trust[council] else { throw refuse("the trust file has no key for \(council)") }
        guard let signature = bundle.signature else {
            throw refuse("it is not signed, and the trust file asks for \(council)'s signature")
        }
        guard signature.key == trusted else {
            throw refuse("it is signed with a key other than the one the trust file gives for \(council)")
        }
    }

    /// A private key file's text: the key's 32 raw bytes in base64.
    public static func keyText(_ key: PrivateKey) -> String { key.rawRepresentation.base64EncodedString() + "\n" }

    public static func publicKeyText(_ key: PrivateKey) -> String {
        key.publicKey.rawRepresentation.base64EncodedString()
    }

    /// Reads a private key file written by ``keyText(_:)``.
    public static func readKey(path: String) throws(FrameworkLoadError) -> PrivateKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.utf8.count < 200,
            let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? PrivateKey(rawRepresentation: bytes)
        else {
            throw FrameworkLoadError([
                Diagnostic(file: path, message: "not a private key written by `ehcp-audit benchmark key`")
            ])
        }
        return key
    }

    /// Reads a trust file: a JSON object of council name → base64 public key.
    public static func readTrust(path: String) throws(FrameworkLoadError) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else {
            throw FrameworkLoadError([Diagnostic(file: path, message: "cannot read the trust file (at most 1 MiB)")])
        }
        let root: DocumentNode
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            throw FrameworkLoadError([Diagnostic(file: path, line: error.line, message: error.message)])
        }
        guard case .object(let members) = root.value else {
            throw FrameworkLoadError([
                Diagnostic(file: path, line: root.line, message: "a trust file is an object: council name → key")
            ])
        }
        var trust: [String: String] = [:]
        for member in members {
            guard case .string(let key) = member.node.value, let bytes = Data(base64Encoded: key),
                (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil
            else {
                throw FrameworkLoadError([
                    Diagnostic(
                        file: path, line: member.node.line, path: member.key,
                        message: "not an Ed25519 public key in base64")
                ])
            }
            trust[member.key] = key
        }
        return trust
    }
}
