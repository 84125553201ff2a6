import Foundation
@testable import Shared
import TestSupport

/// Controls the `/wait` route: `entered` fires when its handler starts; the handler returns
/// once the test fires `release`.
final class Gate: Sendable {
    let entered = AsyncSignal()
    let release = AsyncSignal()
}

/// An error that is not `ProblemConvertible` (must become a generic 500).
struct PlainError: Error, CustomStringConvertible {
    var description: String { "secret patient detail" }
}

/// What the echo routes answer: the request as the handler saw it.
struct Echo: Codable, Sendable {
    let method: String
    let target: String
    let body: String
    let headers: [[String]]

    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }
}

extension HTTPLimits {
    /// Limits for live tests: 1 KiB default body and timeouts far beyond `RawClient`'s 5 s read
    /// timeout, so a close the test expects can only come from the rule under test, never
    /// from a timeout, and tests that are not about timeouts never race one on a loaded machine.
    static var testing: HTTPLimits {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 1024
        limits.headerTimeout = .seconds(30)
        limits.bodyTimeout = .seconds(30)
        limits.idleTimeout = .seconds(30)
        return limits
    }

    /// `testing` with 300 ms header, body and idle timeouts, for the timeout tests.
    static var fastTimeouts: HTTPLimits {
        var limits = HTTPLimits.testing
        limits.headerTimeout = .milliseconds(300)
        limits.bodyTimeout = .milliseconds(300)
        limits.idleTimeout = .milliseconds(300)
        return limits
    }
}

/// The routes the live tests use.
func testRouter(gate: Gate) -> Router {
    var router = Router()
    let echo: Handler = { request, _ in
        try Response.json(Echo(method: request.method.rawValue, target: request.target,
                               body: String(decoding: request.body, as: UTF8.self),
                               headers: request.headers.map { [$0.name, $0.value] }))
    }
    router.get("/hello") { _, _ in .text("hello, world") }
    router.get("/items/{id}") { _, context in .text("item " + (context.parameters["id"] ?? "?")) }
    router.get("/echo", use: echo)
    router.post("/echo", use: echo)
    router.post("/small", maxBodyBytes: 16, use: echo)
    router.get("/problem") { _, _ in throw Problem(.conflict, "Slot already booked") }
    router.get("/crash") { _, _ in throw PlainError() }
    router.get("/evil") { _, _ in Response(headers: ["X-Test": "ok\r\nX-Evil: 1"], body: Array("evil".utf8)) }
    router.get("/wait") { _, _ in
        gate.entered.fire()
        await gate.release.wait()
        return .text("released")
    }
    return router
}

/// Starts a `TestServer` with the test routes, runs `body`, and stops the server afterwards,
/// also when `body` throws (a still-gated handler is released first).
func withServer(limits: HTTPLimits = .testing, gate: Gate = Gate(), host: String = "127.0.0.1",
                _ body: (TestServer) async throws -> Void) async throws {
    let server = try await TestServer(router: testRouter(gate: gate), limits: limits, host: host)
    do {
        try await body(server)
    } catch {
        gate.release.fire()
        await server.stop()
        throw error
    }
    gate.release.fire()
    await server.stop()
}
