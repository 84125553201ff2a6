#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Shared
import TestSupport

/// The connection cap and clients that vanish mid-request.
@Suite("Server connections")
struct ServerConnectionTests {
    @Test("over the connection cap a new connection gets 503 and is closed; open ones keep working")
    func connectionCap() async throws {
        var limits = HTTPLimits.testing
        limits.maxConnections = 2
        try await withServer(limits: limits) { server in
            let port = server.port
            let outcome = try await blocking { () -> (RawResponse?, Bool, [String?]) in
                let first = try RawClient(port: port), second = try RawClient(port: port)
                // A round trip each proves both are accepted and counted.
                var texts = [first.roundTrip(wire("/items/1"))?.text, second.roundTrip(wire("/items/2"))?.text]
                let third = try RawClient(port: port)
                let refused = third.roundTrip(wire("/items/3"))
                let closed = third.readsEOF()
                texts += [first.roundTrip(wire("/items/4"))?.text, second.roundTrip(wire("/items/5"))?.text]
                return (refused, closed, texts)
            }
            #expect(outcome.0?.status == 503)
            #expect(outcome.0?.announcesClose == true)
            #expect(outcome.1)
            #expect(outcome.2 == ["item 1", "item 2", "item 4", "item 5"])
        }
    }

    @Test("a client that resets while its request is in flight does not disturb the server")
    func resetInFlight() async throws {
        let gate = Gate()
        try await withServer(gate: gate) { server in
            let port = server.port
            do {
                let client = try await blocking { () -> RawClient in
                    let client = try RawClient(port: port)
                    var linger = Glibc.linger(l_onoff: 1, l_linger: 0)   // close() sends RST
                    setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                    client.send(wire("/wait"))
                    return client
                }
                #expect(await gate.entered.wait(until: .now.advanced(by: .seconds(5))))
                withExtendedLifetime(client) {}
            }   // the last reference is gone: deinit closes the socket with a reset
            gate.release.fire()
            let result = try await converse(port, wire("/hello", ["Connection: close"]))
            #expect(result.first?.text == "hello, world")
            #expect(result.closedCleanly)
        }
    }

    @Test("a client that half-closes after its request still gets the response, then EOF")
    func halfCloseInFlight() async throws {
        let gate = Gate()
        try await withServer(gate: gate) { server in
            let port = server.port
            let client = try await blocking { () -> RawClient in
                let client = try RawClient(port: port)
                client.send(wire("/wait"))
                shutdown(client.fd, Int32(SHUT_WR))
                return client
            }
            #expect(await gate.entered.wait(until: .now.advanced(by: .seconds(5))))
            gate.release.fire()
            let (response, closed) = try await blocking { (client.readResponse(), client.readsEOF()) }
            #expect(response?.text == "released")
            #expect(response?.announcesClose == true)
            #expect(closed)
        }
    }
}
