/// `application/x-www-form-urlencoded`, as the provider's endpoints read it: every byte but
/// RFC 3986's unreserved characters written `%XX` (``Link/encode(_:)``; a space is `%20`,
/// which every reader takes).
enum FormEncoding {
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { component($0.0) + "=" + component($0.1) }.joined(separator: "&")
    }

    static func component(_ text: String) -> String { Link.encode(text) }
}
