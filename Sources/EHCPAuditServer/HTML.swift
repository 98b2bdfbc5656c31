import EHCPAuditKit

/// A piece of HTML, escaped by construction: text interpolated into it is escaped, other
/// `HTML` is passed through as it is, and the literal parts are the markup written in the
/// source. A page is built only from these, so no text a person or a framework file sets
/// can become markup.
///
/// ```swift
/// let name = "<b>Sam</b>"
/// let row: HTML = "<td>\(name)</td>"       // <td>&lt;b&gt;Sam&lt;/b&gt;</td>
/// let cell: HTML = "<tr>\(row)</tr>"       // the row passes through unescaped
/// ```
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The markup.
    private(set) var text: String

    init(stringLiteral literal: String) {
        text = literal
    }

    init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    /// Markup made by a renderer that escapes its own text: the report renderer's HTML.
    init(rendered markup: String) {
        text = markup
    }

    static let empty: HTML = ""

    static func + (a: HTML, b: HTML) -> HTML { HTML(rendered: a.text + b.text) }

    static func += (a: inout HTML, b: HTML) { a.text += b.text }

    /// Escapes text for element content and double-quoted attribute values (every attribute
    /// the workspace writes), as the report renderer escapes its own.
    static func escape(_ text: some StringProtocol) -> String { HTMLRenderer.escape(String(text)) }

    struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// Text: escaped.
        mutating func appendInterpolation(_ value: some StringProtocol) { text += HTML.escape(value) }

        /// Numbers, dates, months and other values: their description, escaped.
        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += HTML.escape(value.description)
        }

        /// HTML: as it is.
        mutating func appendInterpolation(_ html: HTML) { text += html.text }

        /// A list of HTML, one after another.
        mutating func appendInterpolation(_ list: [HTML]) { for html in list { text += html.text } }

        /// A link's address, escaped for an attribute.
        mutating func appendInterpolation(_ link: Link) { text += HTML.escape(link.address) }
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML = .empty) -> HTML {
        var out = HTML.empty
        for (i, html) in enumerated() {
            if i > 0 { out += separator }
            out += html
        }
        return out
    }
}
