import CLibXML2

/// An element of an expanded subtree (a SEN2 `<Person>`), read through libxml2's tree API.
struct XMLElement {
    let node: xmlNodePtr

    var localName: String { String(cString: node.pointee.name) }

    /// The line the element starts on.
    var line: Int? { Self.line(of: node) }

    /// The line a node starts on, including past 65535.
    ///
    /// libxml2 keeps 16 bits of line per node; with XML_PARSE_BIG_LINES a text node keeps
    /// its true line aside (`psvi`), taken where the text ends, but an element does not,
    /// and `xmlGetLineNo` then borrows its first child's or next sibling's line, which is
    /// often the line after. So: the white space just before the element ends on the
    /// element's line; failing that (the reader has freed it), the white space just inside
    /// it ends that many newlines below the start tag.
    static func line(of node: xmlNodePtr) -> Int? {
        let short = Int(node.pointee.line)
        if short > 0 && short < 65535 { return short }
        if let text = node.pointee.prev, text.pointee.type == XML_TEXT_NODE, let end = text.pointee.psvi {
            return Int(bitPattern: end)
        }
        if let text = node.pointee.children, text.pointee.type == XML_TEXT_NODE, let end = text.pointee.psvi,
            let content = text.pointee.content
        {
            var newlines = 0
            var byte = content
            while byte.pointee != 0 {
                if byte.pointee == UInt8(ascii: "\n") { newlines += 1 }
                byte += 1
            }
            return Int(bitPattern: end) - newlines
        }
        let line = xmlGetLineNo(node)
        return line > 0 ? Int(line) : nil
    }

    /// The element's text, or nil when it has none.
    var text: String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { ehcp_xml_free(content) }
        let count = Int(xmlStrlen(content))
        return count == 0 ? nil : String(decoding: UnsafeBufferPointer(start: content, count: count), as: UTF8.self)
    }

    /// The child elements, in document order.
    var children: [XMLElement] {
        var children: [XMLElement] = []
        var current = node.pointee.children
        while let child = current {
            if child.pointee.type == XML_ELEMENT_NODE { children.append(XMLElement(node: child)) }
            current = child.pointee.next
        }
        return children
    }
}
