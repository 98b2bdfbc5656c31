import CLibXML2
import EHCPAudit
import EHCPAuditSynthetic
import Foundation

@testable import EHCPAuditXML

/// Makes mutants of audit records through libxml2's tree: elements renamed, moved to
/// another namespace, removed, duplicated and reordered; attributes removed, added,
/// renamed and given awkward values; text, CDATA, comments and stray elements put in.
enum XMLMutator {
    static let elementNames = [
        "audit", "audits", "framework", "plan", "judgement", "advice", "childName", "judgment", "Plan", "note",
    ]
    static let attributeNames = [
        "id", "plan", "auditor", "date", "kind", "status", "moderates", "version", "locality", "phase", "primaryNeed",
        "team", "caseworker", "type", "requestDate", "issueDate", "timelinessException", "criterion", "rating",
        "agency",
        "provider", "role", "requested", "received", "childName", "upn", "dateOfBirth",
    ]
    /// What each element takes, so that most changes hit a real attribute.
    static let ownAttributes: [String: [String]] = [
        "audit": ["id", "plan", "auditor", "date", "kind", "status", "moderates"], "framework": ["id", "version"],
        "plan": [
            "locality", "phase", "primaryNeed", "team", "caseworker", "type", "requestDate", "issueDate",
            "timelinessException",
        ],
        "judgement": ["criterion", "rating"],
        "advice": ["id", "agency", "provider", "role", "requested", "received", "status", "timelinessException"],
    ]

    /// Awkward values for an attribute: valid ones and near misses of its type.
    static func values(for attribute: String) -> [String] {
        func words(_ list: [String]) -> [String] {
            list + ["", list[0] + " ", list[0].uppercased(), "x"]
        }
        switch attribute {
        case "date", "requestDate", "issueDate", "requested", "received":
            return [
                "2025-06-01", " 2025-06-01 ", "2025-02-30", "2024-02-29", "2025-6-1", "0000-01-01", "25-06-01",
                "2025-06-01Z", "2025-13-01", "",
            ]
        case "timelinessException": return ["true", "false", "1", "0", " true ", "yes", "TRUE", ""]
        case "kind": return words(AuditKind.allCases.map(\.rawValue))
        case "status": return words(AuditStatus.allCases.map(\.rawValue) + AdviceStatus.allCases.map(\.rawValue))
        case "phase": return words(Phase.allCases.map(\.rawValue))
        case "primaryNeed": return words(PrimaryNeed.allCases.map(\.rawValue))
        case "type": return words(PlanType.allCases.map(\.rawValue))
        case "agency": return words(Agency.allCases.map(\.rawValue))
        default: return ["", " ", "x", "A1", "good", "na", "a & b"]
        }
    }

    /// Each `<audit>` of a document, as a document of its own.
    static func audits(in bytes: [UInt8]) -> [[UInt8]] {
        guard let document = parse(bytes) else { return [] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [] }
        if name(root) == "audit" { return [serialize(document)] }
        return elements(under: root).filter { $0.pointee.parent == root && name($0) == "audit" }.map { audit in
            let single = xmlNewDoc("1.0")!
            defer { xmlFreeDoc(single) }
            xmlDocSetRootElement(single, xmlDocCopyNode(audit, single, 1))
            return serialize(single)
        }
    }

    /// `bytes` after `times` random changes, with a word for each.
    static func mutate(_ bytes: [UInt8], times: Int, random: inout SeededRandom) -> ([UInt8], [String]) {
        guard let document = parse(bytes) else { return (bytes, []) }
        defer { xmlFreeDoc(document) }
        var steps: [String] = []
        for _ in 0..<times {
            guard let root = xmlDocGetRootElement(document) else { break }
            // An element name first, then one element of that name: judgements, the most
            // numerous, would otherwise take nearly every change.
            let all = [root] + elements(under: root)
            let name = pick(Array(Set(all.map(Self.name))).sorted(), &random)
            let node = pick(all.filter { Self.name($0) == name }, &random)
            steps.append(change(node, root: root, document: document, random: &random))
        }
        return (serialize(document), steps)
    }

    private static func change(
        _ node: xmlNodePtr, root: xmlNodePtr, document: xmlDocPtr, random: inout SeededRandom
    ) -> String {
        let what = name(node)
        let isRoot = node == root
        switch random.next() % 13 {
        case 0:
            let new = pick(elementNames, &random)
            xmlNodeSetName(node, new)
            return "renamed <\(what)> to <\(new)>"
        case 1:
            xmlSetNs(node, xmlNewNs(node, "urn:other", "o"))
            return "moved <\(what)> to another namespace"
        case 2 where !isRoot:
            xmlUnlinkNode(node)
            xmlFreeNode(node)
            return "removed <\(what)>"
        case 3 where !isRoot:
            xmlAddNextSibling(node, xmlDocCopyNode(node, document, 1))
            return "duplicated <\(what)>"
        case 4 where !isRoot:
            guard let next = nextElement(after: node) else { return "nothing to swap after <\(what)>" }
            xmlUnlinkNode(node)
            xmlAddNextSibling(next, node)
            return "swapped <\(what)> with the element after it"
        case 5:
            guard let attribute = attributes(of: node).first else { return "no attribute to remove on <\(what)>" }
            xmlUnsetProp(node, attribute)
            return "removed \(attribute) from <\(what)>"
        case 6:
            let own = ownAttributes[what] ?? []
            let attribute = random.next() % 4 == 0 || own.isEmpty ? pick(attributeNames, &random) : pick(own, &random)
            let value = pick(values(for: attribute), &random)
            xmlSetProp(node, attribute, value)
            return "set \(attribute)=\"\(value)\" on <\(what)>"
        case 7:
            let names = attributes(of: node)
            guard !names.isEmpty else { return "no attribute to change on <\(what)>" }
            let attribute = pick(names, &random)
            let value = pick(values(for: attribute), &random)
            xmlSetProp(node, attribute, value)
            return "changed \(attribute) to \"\(value)\" on <\(what)>"
        case 8:
            let text = pick([" ", "\n  ", "x", "a & b"], &random)
            add(xmlNewDocText(document, text), to: node, first: random.next() % 2 == 0)
            return "put text \"\(text)\" in <\(what)>"
        case 9:
            let text = pick([" ", "x"], &random)
            add(xmlNewCDataBlock(document, text, Int32(text.utf8.count)), to: node, first: random.next() % 2 == 0)
            return "put CDATA \"\(text)\" in <\(what)>"
        case 10:
            add(xmlNewDocComment(document, "a comment"), to: node, first: random.next() % 2 == 0)
            return "put a comment in <\(what)>"
        case 11:
            let new = pick(elementNames, &random)
            add(xmlNewDocNode(document, node.pointee.ns, new, nil), to: node, first: random.next() % 2 == 0)
            return "put an empty <\(new)> in <\(what)>"
        default:
            let (href, prefix, attribute) = pick(
                [
                    ("http://www.w3.org/2001/XMLSchema-instance", "xsi", "schemaLocation"),
                    ("http://www.w3.org/2001/XMLSchema-instance", "xsi", "type"),
                    ("urn:f", "f", "x"),
                ], &random)
            xmlNewNsProp(node, xmlNewNs(node, href, prefix), attribute, "urn:x y.xsd")
            return "set \(prefix):\(attribute) on <\(what)>"
        }
    }

    /// One of `items` (never empty), uniformly.
    private static func pick<T>(_ items: [T], _ random: inout SeededRandom) -> T {
        items.randomElement(using: &random)!
    }

    private static func parse(_ bytes: [UInt8]) -> xmlDocPtr? {
        _ = XMLEventStream.externalEntitiesRefused
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlReadMemory(
                    $0.baseAddress, Int32($0.count), "base.xml", nil,
                    Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
    }

    private static func serialize(_ document: xmlDocPtr) -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemory(document, &memory, &size)
        guard let memory else { return [] }
        defer { ehcp_xml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }

    private static func name(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    /// Every element below `node`, in document order.
    private static func elements(under node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found += [current] + elements(under: current) }
            child = current.pointee.next
        }
        return found
    }

    private static func nextElement(after node: xmlNodePtr) -> xmlNodePtr? {
        var next = node.pointee.next
        while let current = next, current.pointee.type != XML_ELEMENT_NODE { next = current.pointee.next }
        return next
    }

    private static func attributes(of node: xmlNodePtr) -> [String] {
        var names: [String] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil { names.append(String(cString: current.pointee.name)) }
            attribute = current.pointee.next
        }
        return names
    }

    private static func add(_ new: xmlNodePtr?, to node: xmlNodePtr, first: Bool) {
        guard let new else { return }
        if first, let child = node.pointee.children { xmlAddPrevSibling(child, new) } else { xmlAddChild(node, new) }
    }
}
