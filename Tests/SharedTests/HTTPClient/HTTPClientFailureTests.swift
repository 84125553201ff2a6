import Testing
@testable import Shared

@Suite("HTTPClient failures") struct HTTPClientFailureTests {
    static let silent: @Sendable (TestConnection) -> Void = { connection in
        guard connection.readRequest() != nil else { return }
        connection.waitForClose()
    }

    @Test("requestTimeout when the server never answers") func requestTimeout() async throws {
        let configuration = HTTPClient.Configuration(requestTimeout: .milliseconds(200))
        try await withClientAndServer(configuration, handler: Self.silent) { client, server in
            await expectClientError(.requestTimeout) { try await client.execute(.get(server.url())) }
        }
    }

    @Test("a per-request timeout overrides the configured one") func perRequestTimeout() async throws {
        try await withClientAndServer(handler: Self.silent) { client, server in
            await expectClientError(.requestTimeout) {
                try await client.execute(.get(server.url(), timeout: .milliseconds(100)))
            }
        }
    }

    @Test("connectFailed on a port nobody listens on") func connectFailed() async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let port = try TestHTTPServer.closedPort()
        do {
            _ = try await client.execute(.get("http://127.0.0.1:\(port)/"))
            Issue.record("expected connectFailed")
        } catch {
            #expect(error.code == .connectFailed)
            #expect(error.description.contains("127.0.0.1:\(port)"))
        }
    }

    @Test("responseTooLarge for bodies over maxResponseBytes", arguments: [
        Labeled("Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2048\r\n\r\n"),
        Labeled("chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n"
            + String(repeating: "a", count: 1024) + "\r\n1\r\nb\r\n0\r\n\r\n"),
        Labeled("until close", "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + String(repeating: "c", count: 1025)),
    ])
    func responseTooLarge(_ reply: Labeled) async throws {
        let configuration = HTTPClient.Configuration(maxResponseBytes: 1024)
        try await withClientAndServer(configuration, handler: { connection in
            guard connection.readRequest() != nil else { return }
            connection.send(reply.text)
            connection.close()
        }) { client, server in
            await expectClientError(.responseTooLarge) { try await client.execute(.get(server.url())) }
        }
    }

    @Test("a body of exactly maxResponseBytes is accepted") func responseAtLimit() async throws {
        let configuration = HTTPClient.Configuration(maxResponseBytes: 1024)
        let body = String(repeating: "x", count: 1024)
        try await withClientAndServer(configuration, handler: { $0.serve { _ in okResponse(body) } }) { client, server in
            let response = try await client.execute(.get(server.url()))
            #expect(response.body.count == 1024)
        }
    }

    @Test("malformed responses are rejected", arguments: [
        Labeled("HTTP/2 status line", "HTTP/2 200 OK\r\n\r\n"),
        Labeled("two-digit status", "HTTP/1.1 20 OK\r\n\r\n"),
        Labeled("space in field name", "HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n"),
        Labeled("obs-fold", "HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n"),
        Labeled("bare CR", "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n"),
        Labeled("conflicting Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
        Labeled("negative Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"),
        Labeled("Transfer-Encoding with Content-Length",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
        Labeled("chunk size overflow", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\nx\r\n"),
        Labeled("non-hex chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nx\r\n"),
        Labeled("chunk longer than its size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"),
        Labeled("101 upgrade", "HTTP/1.1 101 Switching Protocols\r\n\r\n"),
        Labeled("101 header fields", "HTTP/1.1 200 OK\r\n" + String(repeating: "X-A: b\r\n", count: 101) + "\r\n"),
        Labeled("70 KB header", "HTTP/1.1 200 OK\r\nX-Big: " + String(repeating: "b", count: 70_000) + "\r\n\r\n"),
    ])
    func malformed(_ reply: Labeled) async throws {
        try await withClientAndServer(handler: { connection in
            guard connection.readRequest() != nil else { return }
            connection.send(reply.text)
            connection.waitForClose()
        }) { client, server in
            await expectClientError(.malformedResponse) { try await client.execute(.get(server.url())) }
        }
    }

    @Test("100 header fields are accepted") func headerCountAtLimit() async throws {
        let fields = (0..<99).map { "X-\($0): v\r\n" }.joined()
        try await withClientAndServer(handler: { $0.serve { _ in okResponse("ok", extra: fields) } }) { client, server in
            let response = try await client.execute(.get(server.url()))
            #expect(response.headers.count == 100)
        }
    }

    @Test("a body cut short by the peer is connectionClosed") func truncatedBody() async throws {
        try await withClientAndServer(handler: { connection in
            guard connection.readRequest() != nil else { return }
            connection.send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")
            connection.close()
        }) { client, server in
            await expectClientError(.connectionClosed) { try await client.execute(.get(server.url())) }
        }
    }

    /// Only the socket shutdown triggered by cancellation can end the request long before its
    /// 30 s deadline; without it the call would end at the deadline (also reported as
    /// `cancelled`, since the task was cancelled), which the generous bound below catches.
    @Test("cancelling the task ends a hanging request with cancelled", .timeLimit(.minutes(1)))
    func cancellation() async throws {
        try await withClientAndServer(handler: Self.silent) { client, server in
            let task = Task { try await client.execute(.get(server.url(), timeout: .seconds(30))) }
            await server.waitForRequests(1)
            let cancelledAt = ContinuousClock.now
            task.cancel()
            await expectClientError(.cancelled) { try await task.value }
            #expect(cancelledAt.duration(to: .now) < .seconds(15))
        }
    }

    @Test("cancelling a request still queued behind a busy worker resumes it at once", .timeLimit(.minutes(1)))
    func cancelQueued() async throws {
        let configuration = HTTPClient.Configuration(threadCount: 1)
        try await withClientAndServer(configuration, handler: Self.silent) { client, server in
            let busy = Task { try await client.execute(.get(server.url("/busy"), timeout: .seconds(30))) }
            await server.waitForRequests(1)
            let queued = Task { try await client.execute(.get(server.url("/queued"), timeout: .seconds(30))) }
            await client.workers.waitForQueuedJobs(1)
            let cancelledAt = ContinuousClock.now
            queued.cancel()
            await expectClientError(.cancelled) { try await queued.value }
            #expect(cancelledAt.duration(to: .now) < .seconds(15), "resumed without waiting for the busy worker")
            busy.cancel()
            await expectClientError(.cancelled) { try await busy.value }
            #expect(server.requests.map(\.target) == ["/busy"])
        }
    }

    @Test("a task cancelled before execute fails with cancelled and sends nothing") func cancelledUpFront() async throws {
        try await withClientAndServer(handler: Self.silent) { client, server in
            let task = Task { () async throws(HTTPClientError) -> HTTPClientResponse in
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.execute(.get(server.url()))
            }
            await expectClientError(.cancelled) { try await task.value }
            #expect(server.requests.isEmpty)
        }
    }

    @Test("after shutdown requests fail with shutdown") func shutdown() async throws {
        try await withClientAndServer(handler: { $0.serve { _ in okResponse("ok") } }) { client, server in
            _ = try await client.execute(.get(server.url()))
            client.shutdown()
            await expectClientError(.shutdown) { try await client.execute(.get(server.url())) }
        }
    }
}
