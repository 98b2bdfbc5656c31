/// This release of ehcp-audit: what `ehcp-audit --version` prints, one place for it.
///
/// ```swift
/// print("ehcp-audit \(Release.version)")  // ehcp-audit 1.0.0
/// ```
public enum Release {
    public static let version = "1.0.0"
}
