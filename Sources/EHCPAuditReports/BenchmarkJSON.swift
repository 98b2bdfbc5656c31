import EHCPAudit
import EHCPAuditFormats

/// `benchmark compare --format json`: `{"comparable": [names], "notComparable": [{"council",
/// "why"}], "funnels": [funnel objects]}`.
public enum BenchmarkJSON {
    public static func render(_ comparison: BenchmarkComparison) -> String {
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.key("comparable")
            json.list(comparison.comparable) { json, bundle in json.string(bundle.council) }
            json.key("notComparable")
            json.list(comparison.notComparable) { json, left in
                json.object { json in
                    json.member("council", left.council)
                    json.member("why", left.why)
                }
            }
            json.key("funnels")
            json.list(comparison.funnels) { json, funnel in FunnelJSON.write(funnel, into: &json) }
        }
        return json.text + "\n"
    }
}
