import CoreMetrics
import EHCPAuditKit
import Foundation
import HTTPTypes
import Prometheus

/// What the workspace measures for `/metrics` (`serve --metrics-port`, docs/deploying.md):
/// requests by route pattern and status, their latency, audits stored, sign-in failures, the
/// store's size and its busy waits, kept in a Prometheus registry of its own.
///
/// The measures are made through swift-metrics with an explicit factory over ``registry``,
/// never through the process-wide `MetricsSystem`, so that each test keeps its own.
///
/// ```swift
/// var workspace = Workspace(store: store)
/// workspace.metrics = WorkspaceMetrics()
/// try await workspace.application(host: "127.0.0.1", port: 8080, metricsPort: 9090).runService()
/// // curl http://127.0.0.1:9090/metrics
/// // ehcp_http_requests_total{route="/audits/{id}",method="GET",status="200"} 3
/// ```
public struct WorkspaceMetrics: Sendable {
    /// Where every measure is kept; `/metrics` writes it out.
    public let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory over ``registry``: `serve` also makes it the process's.
    public let factory: PrometheusMetricsFactory
    private let signInFailures: CoreMetrics.Counter
    private let storeBusy: CoreMetrics.Counter
    private let auditsStored: CoreMetrics.Gauge
    private let storeBytes: CoreMetrics.Gauge

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        factory = PrometheusMetricsFactory(registry: registry)
        signInFailures = CoreMetrics.Counter(label: "ehcp_sign_in_failures_total", factory: factory)
        storeBusy = CoreMetrics.Counter(label: "ehcp_store_busy_total", factory: factory)
        auditsStored = CoreMetrics.Gauge(label: "ehcp_audits_stored", factory: factory)
        storeBytes = CoreMetrics.Gauge(label: "ehcp_store_bytes", factory: factory)
    }

    /// One answered request. `route` is the route's pattern (`/audits/{id}`), never the path
    /// asked for, so that no audit or plan id becomes a label.
    func request(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, duration: Duration) {
        let labels = [("route", route), ("method", method.rawValue)]
        let counted = labels + [("status", String(status.code))]
        CoreMetrics.Counter(label: "ehcp_http_requests_total", dimensions: counted, factory: factory).increment()
        let (seconds, attoseconds) = duration.components
        CoreMetrics.Timer(label: "ehcp_http_request_duration_seconds", dimensions: labels, factory: factory)
            .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// A sign-in refused: a wrong name or password, or a locked name.
    func signInFailed() { signInFailures.increment() }

    /// A request answered `503` because a write waited too long for another process's.
    func storeWasBusy() { storeBusy.increment() }

    /// The gauges read from `store`, as a scrape finds them: its audits, and the bytes of its
    /// SQLite file and write-ahead log.
    func refresh(from store: AuditStore) throws {
        auditsStored.record(try store.status().audits)
        let bytes = [store.path, store.path + "-wal"].compactMap {
            (try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int
        }
        storeBytes.record(bytes.reduce(0, +))
    }

    /// Everything measured, in Prometheus's text format.
    func text() -> String { registry.emitToString() }
}
