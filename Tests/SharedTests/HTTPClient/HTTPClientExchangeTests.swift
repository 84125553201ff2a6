import Testing
import Shared

@Suite("HTTPClient exchanges") struct HTTPClientExchangeTests {
    struct Patient: Codable, Equatable {
        let id: Int
        let name: String
    }

    @Test("GET returns status, headers and a Content-Length body") func getWithContentLength() async throws {
        try await withClientAndServer(handler: { $0.serve { _ in okResponse("hello", extra: "X-Test: yes\r\n") } }) { client, server in
            let response = try await client.execute(.get(server.url("/api/patients/5?x=1")))
            #expect(response.status == .ok)
            #expect(response.headers["x-test"] == "yes")
            #expect(response.bodyString == "hello")
            let request = try #require(server.requests.first)
            #expect(request.method == "GET")
            #expect(request.target == "/api/patients/5?x=1")
            #expect(request.headers["Host"] == "127.0.0.1:\(server.port)")
            #expect(request.headers["Connection"] == "keep-alive")
            #expect(request.headers["Content-Length"] == nil)
        }
    }

    @Test("POST JSON arrives intact with Content-Length and decodes the reply") func postJSON() async throws {
        let reply = #"{"id":7,"name":"Jürgen \"J\" Ä"}"#
        try await withClientAndServer(handler: { $0.serve { _ in okResponse(reply) } }) { client, server in
            let patient = Patient(id: 7, name: "Jürgen \"J\" Ä")
            let response = try await client.execute(.json(.post, server.url("/api/patients"), patient))
            #expect(try response.decode(Patient.self) == patient)
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.headers["Content-Type"] == "application/json")
            #expect(request.headers["Content-Length"] == String(request.body.count))
            #expect(try JSONTestCoding.decode(Patient.self, request.body) == patient)
        }
    }

    @Test("POST without a body sends Content-Length: 0") func emptyPost() async throws {
        try await withClientAndServer(handler: { $0.serve { _ in okResponse("") } }) { client, server in
            _ = try await client.execute(HTTPClientRequest(method: .post, url: server.url("/x")))
            #expect(server.requests.first?.headers["Content-Length"] == "0")
        }
    }

    @Test("chunked body is decoded, trailers skipped, connection reused") func chunked() async throws {
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n"
        try await withClientAndServer(handler: { $0.serve { _ in chunked } }) { client, server in
            let first = try await client.execute(.get(server.url()))
            let second = try await client.execute(.get(server.url()))
            #expect(first.bodyString == "hello, world")
            #expect(second.bodyString == "hello, world")
            #expect(first.headers["X-Trailer"] == nil)
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test("body without length is read until close; the connection is not reused") func untilClose() async throws {
        try await withClientAndServer(handler: { connection in
            guard connection.readRequest() != nil else { return }
            connection.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nstreamed ")
            connection.send("until close")
        }) { client, server in
            let first = try await client.execute(.get(server.url()))
            #expect(first.bodyString == "streamed until close")
            let second = try await client.execute(.get(server.url()))
            #expect(second.bodyString == "streamed until close")
            #expect(server.acceptedConnections == 2)
        }
    }

    @Test("HEAD, 204 and 304 carry no body; interim 100 is skipped") func bodylessResponses() async throws {
        try await withClientAndServer(handler: { connection in
            connection.serve { request in
                switch request.target {
                case "/head": "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"
                case "/204": "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n"
                case "/304": "HTTP/1.1 304 Not Modified\r\n\r\n"
                default: "HTTP/1.1 100 Continue\r\n\r\n" + okResponse("final")
                }
            }
        }) { client, server in
            let head = try await client.execute(HTTPClientRequest(method: .head, url: server.url("/head")))
            #expect(head.body.isEmpty && head.headers["Content-Length"] == "10")
            #expect(try await client.execute(.get(server.url("/204"))).status == .noContent)
            #expect(try await client.execute(.get(server.url("/304"))).body.isEmpty)
            let final = try await client.execute(.get(server.url("/continue")))
            #expect(final.status == .ok && final.bodyString == "final")
            #expect(server.acceptedConnections == 1)
        }
    }
}
