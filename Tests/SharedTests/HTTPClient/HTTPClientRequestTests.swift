import Testing
@testable import Shared

@Suite("HTTPClient request encoding") struct HTTPClientRequestTests {
    @Test("X-Request-Id is propagated from the task-local and not added when unset") func requestID() async throws {
        try await withClientAndServer(handler: { $0.serve { _ in okResponse("ok") } }) { client, server in
            _ = try await RequestID.$current.withValue("abc") { try await client.execute(.get(server.url("/with"))) }
            _ = try await client.execute(.get(server.url("/without")))
            _ = try await RequestID.$current.withValue("abc") {
                try await client.execute(.get(server.url("/own"), headers: ["X-Request-Id": "mine"]))
            }
            let requests = server.requests
            #expect(requests.map(\.target) == ["/with", "/without", "/own"])
            #expect(requests[0].headers["X-Request-Id"] == "abc")
            #expect(requests[1].headers["X-Request-Id"] == nil)
            #expect(requests[2].headers.values(for: "X-Request-Id") == ["mine"])
        }
    }

    @Test("User-Agent from the configuration unless the request sets one") func userAgent() async throws {
        let configuration = HTTPClient.Configuration(userAgent: "patient-service/1.0")
        try await withClientAndServer(configuration, handler: { $0.serve { _ in okResponse("ok") } }) { client, server in
            _ = try await client.execute(.get(server.url()))
            _ = try await client.execute(.get(server.url(), headers: ["User-Agent": "custom"]))
            #expect(server.requests.map { $0.headers.values(for: "User-Agent") } == [["patient-service/1.0"], ["custom"]])
        }
    }

    @Test("invalid URLs are rejected before any I/O", arguments: [
        "https://127.0.0.1/", "ftp://host/", "http://", "http:///path", "http://:80/", "127.0.0.1:80/",
        "http://host/pa th", "http://host/a\r\nX-Injected: 1", "http://host/\n", "http://host/\u{0}",
        "http://user@host/", "http://host:0/", "http://host:65536/", "http://host:8x/", "http://host:/",
        "http://ho st/", "http://host\r\n/", "http://[::1/", "http://[zz::1]/", "http://host/\u{FC}",
    ].map(Labeled.init(escaping:)))
    func invalidURL(_ url: Labeled) async {
        let client = HTTPClient()
        defer { client.shutdown() }
        await expectClientError(.invalidURL) { try await client.execute(.get(url.text)) }
    }

    struct Field: Sendable, CustomTestStringConvertible {
        let name: String
        let value: String
        var testDescription: String { String(reflecting: "\(name): \(value)") }
    }

    @Test("header names and values with CR, LF, NUL or spaces are rejected", arguments: [
        Field(name: "X-Test", value: "a\r\nX-Injected: 1"), Field(name: "X-Test", value: "a\nb"),
        Field(name: "X-Test", value: "a\u{0}b"), Field(name: "X-Te st", value: "a"),
        Field(name: "X-Test\r\nX-Injected", value: "1"), Field(name: "", value: "a"),
    ])
    func invalidHeader(_ field: Field) async {
        let client = HTTPClient()
        defer { client.shutdown() }
        let request = HTTPClientRequest.get("http://127.0.0.1:1/", headers: HTTPHeaders([(field.name, field.value)]))
        await expectClientError(.invalidRequest) { try await client.execute(request) }
    }

    @Test("URLs are split into host, port, Host header and target") func urlParsing() throws {
        let cases: [(String, String, Int, String, String)] = [
            ("http://127.0.0.1:8001/api/patients/5?x=1", "127.0.0.1", 8001, "127.0.0.1:8001", "/api/patients/5?x=1"),
            ("http://example.internal", "example.internal", 80, "example.internal", "/"),
            ("HTTP://svc:80?q=1#frag", "svc", 80, "svc", "/?q=1"),
            ("http://[::1]:9000/x", "::1", 9000, "[::1]:9000", "/x"),
        ]
        for (text, host, port, hostHeader, target) in cases {
            let url = try #require(ClientURL(parsing: text))
            #expect(url.host == host && url.port == port, "\(text)")
            #expect(url.hostHeader == hostHeader && url.target == target, "\(text)")
        }
    }

    @Test("framing headers from the caller are replaced by the client's") func framingHeaders() async throws {
        try await withClientAndServer(handler: { $0.serve { _ in okResponse("ok") } }) { client, server in
            let request = HTTPClientRequest(
                method: .put, url: server.url(), headers: ["Content-Length": "99", "Transfer-Encoding": "chunked"],
                body: Array("abc".utf8))
            _ = try await client.execute(request)
            let received = try #require(server.requests.first)
            #expect(received.headers.values(for: "Content-Length") == ["3"])
            #expect(received.headers["Transfer-Encoding"] == nil)
            #expect(received.body == Array("abc".utf8))
        }
    }

    @Test("error descriptions name endpoint and code, never the URL path or body") func errorDescription() {
        let error = HTTPClientError(.connectFailed, endpoint: "10.0.0.1:8001", detail: "connection refused")
        #expect(error.description == "HTTP client connectFailed (10.0.0.1:8001): connection refused")
        #expect(HTTPClientError(.invalidURL).description == "HTTP client invalidURL")
    }
}
