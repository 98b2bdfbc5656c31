import EHCPAudit
import EHCPAuditFormats

/// `status` output: what the store holds, for a person or as JSON.
public enum StatusOutput {
    public static func json(_ status: StoreStatus) -> String {
        var json = JSONWriter(capacity: 160)
        json.object { json in
            json.member("audits", status.audits)
            json.member("frameworks", status.frameworks)
            json.member("populations", status.populations)
            json.member("samples", status.samples)
            json.member("imports", status.imports)
            json.member("latestMonth", status.latestMonth)
        }
        return json.text
    }

    public static func text(_ status: StoreStatus, path: String) -> String {
        """
        Store \(path)
          audits:      \(status.audits)
          frameworks:  \(status.frameworks)
          populations: \(status.populations)
          samples:     \(status.samples)
          imports:     \(status.imports)
          latest month with audits: \(status.latestMonth ?? "none")
        """
    }
}
