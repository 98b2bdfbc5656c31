import CLibXML2

/// An element of an expanded `<audit>` subtree, read through libxml2's tree API.
struct XMLElement {
    let node: xmlNodePtr

    var localName: String { String(cString: node.pointee.name) }

    /// The line the element starts on (true lines, past 65535, with XML_PARSE_BIG_LINES).
    var line: Int? {
        let line = xmlGetLineNo(node)
        return line > 0 ? Int(line) : nil
    }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { ehcp_xml_free(value) }
        return String(cString: value)
    }

    /// The element's text, or nil when it has none.
    var text: String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { ehcp_xml_free(content) }
        let text = String(cString: content)
        return text.isEmpty ? nil : text
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
