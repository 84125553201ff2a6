import Testing
@testable import Shared
import TestSupport

/// Graceful shutdown: refuse new connections, finish in-flight requests with
/// `Connection: close`, close idle connections, return once drained or at the deadline.
/// Each test binds a loopback address of its own, so that no other test's server can be given
/// the freed port while "refused" is checked.
@Suite("Server drain")
struct ServerDrainTests {
    @Test("shutdown refuses new connections, closes idle ones and completes the request in flight",
          .timeLimit(.minutes(1)))
    func gracefulDrain() async throws {
        let gate = Gate(), host = "127.0.81.1"
        try await withServer(gate: gate, host: host) { server in
            let port = server.port
            let (busy, idle) = try await blocking { () -> (RawClient, RawClient) in
                let idle = try RawClient(port: port, host: host)
                guard idle.roundTrip(wire("/hello"))?.status == 200 else { throw TestSupportError("idle client not served") }
                let busy = try RawClient(port: port, host: host)
                busy.send(wire("/wait"))
                return (busy, idle)
            }
            #expect(await gate.entered.wait(until: .now.advanced(by: .seconds(5))))
            let shutdown = Task { await server.server.shutdown(until: .now.advanced(by: .seconds(10))) }
            #expect(await server.server.drainStarted.wait(until: .now.advanced(by: .seconds(5))))
            let (refused, idleClosed) = try await blocking {
                (RawClient.isRefused(port: port, host: host), idle.readsEOF() && idle.pending.isEmpty)
            }
            #expect(refused)
            #expect(idleClosed)
            gate.release.fire()
            let (response, busyClosed) = try await blocking { () -> (RawResponse?, Bool) in
                defer { busy.hangUp() }
                return (busy.readResponse(), busy.readsEOF() && busy.pending.isEmpty)
            }
            #expect(response?.status == 200)
            #expect(response?.text == "released")
            #expect(response?.announcesClose == true)
            #expect(busyClosed)
            await shutdown.value
        }
    }

    @Test("at the shutdown deadline a request still in flight is cut off and shutdown returns",
          .timeLimit(.minutes(1)))
    func deadlineCutsOff() async throws {
        let gate = Gate(), host = "127.0.81.2"
        try await withServer(gate: gate, host: host) { server in
            let port = server.port
            let busy = try await blocking { () -> RawClient in
                let busy = try RawClient(port: port, host: host)
                busy.send(wire("/wait"))
                return busy
            }
            #expect(await gate.entered.wait(until: .now.advanced(by: .seconds(5))))
            await server.server.shutdown(until: .now.advanced(by: .milliseconds(200)))
            let (response, closed, refused) = try await blocking {
                (busy.readResponse(), busy.readsEOF(), RawClient.isRefused(port: port, host: host))
            }
            #expect(response == nil)
            #expect(closed)
            #expect(refused)
            // The handler finishes after the loop is gone; its response must go nowhere.
            gate.release.fire()
        }
    }

    @Test("a second shutdown returns and changes nothing", .timeLimit(.minutes(1)))
    func shutdownTwice() async throws {
        let host = "127.0.81.3"
        try await withServer(host: host) { server in
            let port = server.port
            let idle = try await blocking { () -> RawClient in
                let idle = try RawClient(port: port, host: host)
                guard idle.roundTrip(wire("/hello"))?.status == 200 else { throw TestSupportError("not served") }
                return idle
            }
            await server.server.shutdown(until: .now.advanced(by: .seconds(5)))
            await server.server.shutdown(until: .now.advanced(by: .seconds(5)))
            let (closed, refused) = try await blocking { (idle.readsEOF(), RawClient.isRefused(port: port, host: host)) }
            #expect(closed)
            #expect(refused)
        }
    }
}
