/// An SVG element read back from a chart's shapes, for tests that check where things are
/// drawn rather than how the markup is spelled.
struct SVGElement: Equatable {
    var name: String
    var attributes: [String: String]
    /// The text directly inside the element, up to the next tag ("25%" in a `text`).
    var text: String

    /// A number attribute: `x1`, `cy`.
    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    /// A line's ends: `[x1, y1, x2, y2]`.
    var ends: [Double] { ["x1", "y1", "x2", "y2"].compactMap(number) }

    /// Whether this is a `name` element whose attributes have the values given (nil: the
    /// attribute is absent).
    func matches(_ name: String, _ attributes: [String: String?] = [:]) -> Bool {
        self.name == name && attributes.allSatisfy { self.attributes[$0.key] == $0.value }
    }

    /// A `points` attribute as pairs: "58.0,133.0 374.0,191.5" is [(58, 133), (374, 191.5)].
    var points: [[Double]] {
        (attributes["points"] ?? "").split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
    }

    /// Every element of `svg`, in order, with its attributes and text.
    static func all(in svg: String) -> [SVGElement] {
        svg.matches(of: #/<([a-z]+)((?:\s+[a-z0-9-]+="[^"]*")*)\s*(/?)>([^<]*)/#).map { match in
            let attributes = match.output.2.matches(of: #/([a-z0-9-]+)="([^"]*)"/#).map {
                (String($0.output.1), String($0.output.2))
            }
            return SVGElement(
                name: String(match.output.1), attributes: Dictionary(uniqueKeysWithValues: attributes),
                text: match.output.3.isEmpty ? String(match.output.4) : "")
        }
    }
}
