import Testing

@testable import EHCPAuditFormats

/// The scan that finds YAML anchors and aliases before Yams composes a document finds them
/// where libyaml does, and nowhere else: every case below gives the line libyaml 0.2.5's scanner
/// gives (checked against it, through PyYAML's CLoader, when written).
struct YAMLAnchorScanTests {
    @Test(arguments: [
        ("a: &x 1\nb: *x\n", 2),
        ("- &x 1\n- [*x]\n", 2),
        ("{a: *x}", 1),
        ("a:\n- b: *x\n", 2),
        // As a key, written simply or after `?`.
        ("&k key: 1\n*k : 2\n", 2),
        ("? *x\n: 1\n", 1),
        // After a comment that holds one, and after a plain scalar's continuation lines.
        ("a: \"x\" #c *d\n*e : 1", 2),
        ("a: text\n  continues *here\n  and &there\nb: &x 1\nc: *x\n", 5),
        // Lines broken by CR LF and by the Unicode line separator.
        ("a: &x 1\r\nb: 2\u{2028}c: *x\n", 3),
        // After directives.
        ("%YAML 1.1\n---\n- &x 1\n- *x\n", 4),
        ("%TAG !e! tag:e.org,2000:\n--- !e!x\n- &x 1\n- *x\n", 4),
    ])
    func findsTheFirstAlias(_ text: String, _ line: Int) {
        #expect(YAMLAnchorScan.find(in: text).alias == line)
    }

    @Test(arguments: [
        // Quoted, over several lines too, and in comments.
        "a: 'it''s *x'\nb: \"*y\n  &z\"\n# *c\nd: 1 # *e\n",
        "a: \"line\\\n  *x\"\n",
        // Literal and folded scalars, whatever their lines start with.
        "a: |\n  *x first\n  &y second\nb: >-\n   *z\n\n   more\nc: 1\n",
        // Inside plain text and tags, and in a directive.
        "a: 3 * 4\nb: R&D\nc: x*y &z\n",
        "a: !tag*x value\n",
        "%TAG !e! tag:x*y,2000:\n--- \na: 1\n",
        // Only anchors.
        "a: &x 1\n",
    ])
    func findsNoAliasInText(_ text: String) {
        #expect(YAMLAnchorScan.find(in: text).alias == nil)
    }

    @Test(arguments: [
        ("a: '&x'\nb: !t &y 2\n", 2),
        ("# &c\nk: |\n  &x\nl: &a [1, &b 2]\n", 4),
        // Found before the scan stops at a `*` with no name.
        ("a: &x 1\nb: * c\n", 1),
    ])
    func findsTheFirstAnchor(_ text: String, _ line: Int) {
        #expect(YAMLAnchorScan.find(in: text).anchor == line)
    }

    @Test func findsNoAnchorInText() {
        #expect(YAMLAnchorScan.find(in: "a: R&D\nb: !a&b x\nc: \"&d\" # &e\n") == (nil, nil))
    }

    /// Where libyaml stops with an error before an alias, the scan stops too, and Yams
    /// reports the error: a `*` with no name, a quote never closed, a control character.
    @Test(arguments: ["a: * b\nc: *d\n", "a: 'open\nb: *x\n", "a: 1\u{1}\nb: *x\n"])
    func stopsWhereLibyamlStops(_ text: String) {
        #expect(YAMLAnchorScan.find(in: text).alias == nil)
    }
}
