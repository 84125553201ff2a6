import Testing
import Shared

@Suite("HTTPClient keep-alive pool") struct HTTPClientKeepAliveTests {
    @Test("three sequential requests share one connection") func reuse() async throws {
        try await withClientAndServer(handler: { $0.serve { okResponse("n\($0.target)") } }) { client, server in
            for index in 0..<3 {
                let response = try await client.execute(.get(server.url("/\(index)")))
                #expect(response.bodyString == "n/\(index)")
            }
            #expect(server.acceptedConnections == 1)
            #expect(server.requests.map(\.connection) == [0, 0, 0])
        }
    }

    @Test("Connection: close response makes the next request open a new connection") func connectionClose() async throws {
        try await withClientAndServer(handler: { connection in
            guard connection.readRequest() != nil else { return }
            connection.send(okResponse("bye", extra: "Connection: close\r\n"))
            connection.waitForClose()
        }) { client, server in
            let first = try await client.execute(.get(server.url()))
            let second = try await client.execute(.get(server.url()))
            #expect(first.bodyString == "bye" && second.bodyString == "bye")
            #expect(server.acceptedConnections == 2)
        }
    }

    @Test("no reuse when the caller asks for Connection: close") func callerClose() async throws {
        try await withClientAndServer(handler: { $0.serve { _ in okResponse("ok") } }) { client, server in
            let request = HTTPClientRequest.get(server.url(), headers: ["Connection": "close"])
            _ = try await client.execute(request)
            _ = try await client.execute(request)
            #expect(server.requests.first?.headers["Connection"] == "close")
            #expect(server.acceptedConnections == 2)
        }
    }

    /// The first connection answers one request, then reads the next one and closes without
    /// a byte of response: exactly what a keep-alive connection closed by the server while
    /// idle looks like to the client. Later connections answer normally.
    static let staleAfterFirst: @Sendable (TestConnection) -> Void = { connection in
        guard connection.readRequest() != nil else { return }
        connection.send(okResponse("first"))
        if connection.index == 0 {
            _ = connection.readRequest()
            connection.close()
        } else {
            connection.serve { _ in okResponse("fresh") }
        }
    }

    @Test("GET on a stale idle connection is retried once on a fresh one") func staleGetRetried() async throws {
        try await withClientAndServer(handler: Self.staleAfterFirst) { client, server in
            let first = try await client.execute(.get(server.url("/a")))
            let retried = try await client.execute(.get(server.url("/b")))
            #expect(first.bodyString == "first" && retried.bodyString == "first")
            #expect(server.acceptedConnections == 2)
            #expect(server.requests.map(\.target) == ["/a", "/b", "/b"])
            #expect(server.requests.map(\.connection) == [0, 0, 1])
        }
    }

    @Test("POST on a stale idle connection fails with connectionClosed, not retried") func stalePostNotRetried() async throws {
        try await withClientAndServer(handler: Self.staleAfterFirst) { client, server in
            _ = try await client.execute(.get(server.url("/a")))
            await expectClientError(.connectionClosed) {
                try await client.execute(HTTPClientRequest(method: .post, url: server.url("/b"), body: [1, 2, 3]))
            }
            #expect(server.acceptedConnections == 1)
            #expect(server.requests.map(\.method) == ["GET", "POST"])
        }
    }

    @Test("an idle connection the server closed is not reused") func closedIdleConnection() async throws {
        try await withClientAndServer(handler: { connection in
            guard connection.readRequest() != nil else { return }
            connection.send(okResponse("once"))
            connection.close()
        }) { client, server in
            let first = try await client.execute(.get(server.url()))
            let second = try await client.execute(.get(server.url()))
            #expect(first.bodyString == "once" && second.bodyString == "once")
            #expect(server.acceptedConnections == 2)
        }
    }

    @Test("maxIdleConnectionsPerHost 0 disables reuse") func poolDisabled() async throws {
        let configuration = HTTPClient.Configuration(maxIdleConnectionsPerHost: 0)
        try await withClientAndServer(configuration, handler: { $0.serve { _ in okResponse("ok") } }) { client, server in
            _ = try await client.execute(.get(server.url()))
            _ = try await client.execute(.get(server.url()))
            #expect(server.acceptedConnections == 2)
        }
    }

    @Test("connections idle longer than idleTimeout are not reused") func idleTimeoutExpires() async throws {
        let configuration = HTTPClient.Configuration(idleTimeout: .zero)
        try await withClientAndServer(configuration, handler: { $0.serve { _ in okResponse("ok") } }) { client, server in
            _ = try await client.execute(.get(server.url()))
            _ = try await client.execute(.get(server.url()))
            #expect(server.acceptedConnections == 2)
        }
    }
}
