import Testing
@testable import Shared
import TestSupport

/// Pipelining: requests written back to back are answered in order, each exactly once.
@Suite("Server pipelining")
struct ServerPipeliningTests {
    @Test("three requests in one write get three responses in order")
    func threeInOrder() async throws {
        try await withServer { server in
            let requests = wire("/items/1") + wire("/items/2") + wire("/items/3", ["Connection: close"])
            let result = try await converse(server.port, requests, responses: 3)
            #expect(result.responses.map(\.text) == ["item 1", "item 2", "item 3"])
            #expect(result.closedCleanly)
        }
    }

    @Test("twenty pipelined requests with a POST body in the middle: each body consumed once")
    func twentyWithBody() async throws {
        try await withServer { server in
            // The body is itself a request: were it framed wrongly, it would be answered too.
            let smuggled = wire("/items/999")
            var requests = (0..<10).map { wire("/items/\($0)") }
            requests.append(wire("/echo", method: "POST", body: smuggled))
            requests += (11..<19).map { wire("/items/\($0)") }
            requests.append(wire("/items/19", ["Connection: close"]))
            let result = try await converse(server.port, requests.joined(), responses: 21)
            #expect(result.responses.count == 20)
            #expect(result.closedCleanly)
            for (index, response) in result.responses.enumerated() where index != 10 {
                #expect(response.text == "item \(index)")
            }
            #expect(result.responses.dropFirst(10).first?.echo?.body == smuggled)
        }
    }

    @Test("pipelined requests split across writes at awkward points are answered in order")
    func splitWrites() async throws {
        try await withServer { server in
            let port = server.port
            let bytes = Array((wire("/echo", method: "POST", body: "first") + wire("/items/2") + wire("/items/3", ["Connection: close"])).utf8)
            let texts = try await blocking { () -> [String] in
                let client = try RawClient(port: port)
                for cut in stride(from: 0, to: bytes.count, by: 7) {
                    client.send(Array(bytes[cut..<min(cut + 7, bytes.count)]))
                }
                return (0..<3).compactMap { _ in client.readResponse() }.map { $0.echo?.body ?? $0.text }
            }
            #expect(texts == ["first", "item 2", "item 3"])
        }
    }
}
