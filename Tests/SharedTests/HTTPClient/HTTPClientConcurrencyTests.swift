import Testing
import Shared

@Suite("HTTPClient concurrency") struct HTTPClientConcurrencyTests {
    @Test("50 concurrent requests all succeed with their own responses") func concurrentRequests() async throws {
        try await withClientAndServer(handler: { $0.serve { okResponse("echo \($0.target)") } }) { client, server in
            let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<50 {
                    group.addTask { (index, try await client.execute(.get(server.url("/item/\(index)"))).bodyString) }
                }
                return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
            }
            #expect(bodies.count == 50)
            for index in 0..<50 { #expect(bodies[index] == "echo /item/\(index)") }
            #expect(server.requests.count == 50)
            #expect(server.acceptedConnections <= client.configuration.threadCount)
        }
    }
}
