import EHCPAuditTestSupport
import Foundation
import HummingbirdTesting
import NIOCore
import Testing

@testable import EHCPAuditServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Slow clients (issue 30): a connection that trickles a request and then stops is closed
/// after the idle timeout, rather than held open for ever.
struct SlowClientTests {
    @Test func aStalledRequestIsClosed() async throws {
        var workspace = Workspace(store: try temporaryStore())
        workspace.idleTimeout = .seconds(1)
        try await workspace.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let port = try #require(client.port)
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            try socket.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  // the blank line never comes
            let started = ContinuousClock.now
            #expect(socket.receiveUntilClosed(timeout: 10) == .closed, "closed by the server")
            #expect(ContinuousClock.now - started < .seconds(8))
        }
    }
}

/// Just enough of a TCP client to send part of a request and wait.
private final class RawSocket {
    let descriptor: Int32

    enum Outcome { case closed, timedOut }

    init(port: Int) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
    }

    /// Reads until the server closes the connection, or `timeout` seconds pass.
    func receiveUntilClosed(timeout: Int) -> Outcome {
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { return .closed }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .closed }
        }
    }

    func close() {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #elseif canImport(Darwin)
        _ = Darwin.close(descriptor)
        #elseif canImport(Musl)
        _ = Musl.close(descriptor)
        #endif
    }
}
