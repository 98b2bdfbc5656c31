import EHCPAuditKit
import Hummingbird
import Logging
import NIOCore

/// `/metrics` on a listener of its own (`serve --metrics-port`), for Prometheus to scrape.
extension Workspace {
    /// The application answering `GET /metrics` on 127.0.0.1:`port` only, never another
    /// address: the figures are for the machine's own monitoring agent, not for the network.
    /// ``application(host:port:metricsPort:logger:)`` runs it beside the workspace.
    func metricsApplication(_ metrics: WorkspaceMetrics, port: Int, logger: Logger?) -> some ApplicationProtocol {
        Application(
            router: metricsRouter(metrics),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "ehcp-audit-metrics"),
            logger: logger)
    }

    /// `GET /metrics`: the gauges read from the store, then every measure in Prometheus's
    /// text format.
    public func metricsRouter(_ metrics: WorkspaceMetrics) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { _, _ in
            try await withStore { try metrics.refresh(from: $0) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
        }
        return router
    }
}
