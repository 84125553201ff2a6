import Foundation
import Synchronization
import Testing
@testable import Shared

@Suite("SwiftObjectStorage authentication") struct SwiftObjectStorageAuthTests {
    @Test("Keystone gets the application-credential body; storage calls carry X-Subject-Token")
    func authRequest() async throws {
        try await withSwiftStub { stub, client in
            _ = try await stub.storage(client: client).listContainers()
            let auth = try #require(stub.state.withLock { $0.authRequests.first })
            #expect(auth.target == "/identity/v3/auth/tokens")
            #expect(auth.headers["Content-Type"] == "application/json")
            #expect(String(decoding: auth.body, as: UTF8.self) == #"{"auth":{"identity":{"methods":["application_credential"],"#
                + #""application_credential":{"id":"app-id-1","secret":"s3cr3t \"quoted\" ü"}}}}"#)
            #expect(stub.storageRequests.map { $0.headers["X-Auth-Token"] } == ["tok-1"])
        }
    }

    @Test("one token serves several calls") func tokenReuse() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            try await storage.put(container: "dev", name: "registrations/a.json", bytes: [1])
            _ = try await storage.listObjects(container: "dev", prefix: "registrations/")
            _ = try await storage.get(container: "dev", name: "registrations/a.json")
            try await storage.delete(container: "dev", name: "registrations/a.json")
            #expect(stub.authCount == 1)
            #expect(Set(stub.storageRequests.map { $0.headers["X-Auth-Token"] }) == ["tok-1"])
        }
    }

    @Test("concurrent first calls share one authentication") func concurrentFirstCalls() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<8 { group.addTask { try await storage.listContainers() } }
                for try await names in group { #expect(names == ["dev", "test"]) }
            }
            #expect(stub.authCount == 1)
        }
    }

    @Test("a 401 renews the token once and repeats the call") func reauthenticates() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            try await storage.put(container: "dev", name: "a.json", bytes: Array("x".utf8))
            stub.expireTokens()
            #expect(try await storage.get(container: "dev", name: "a.json") == Array("x".utf8))
            #expect(stub.authCount == 2)
            #expect(stub.storageRequests.map { $0.headers["X-Auth-Token"] } == ["tok-1", "tok-1", "tok-2"])
        }
    }

    @Test("a second 401 with a fresh token is authenticationFailed, no third attempt") func reauthenticatesOnce() async throws {
        try await withSwiftStub { stub, client in
            stub.state.withLock { $0.rejectAllTokens = true }
            let error = await storageError { _ = try await stub.storage(client: client).get(container: "dev", name: "a.json") }
            #expect(error == .authenticationFailed(status: 401))
            #expect(stub.authCount == 2)
            #expect(stub.storageRequests.count == 2)
        }
    }

    @Test("rejected credentials are authenticationFailed; the secret is never in the description")
    func wrongSecret() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client, secret: "wrong-secret-value")
            let error = await storageError { _ = try await storage.listContainers() }
            #expect(error == .authenticationFailed(status: 401))
            #expect(!String(describing: error!).contains("wrong-secret-value"))
            #expect(stub.storageRequests.isEmpty)
            _ = await storageError { _ = try await storage.listContainers() }
            #expect(stub.authCount == 2, "a failed authentication is not cached")
        }
    }

    @Test("a Keystone server error is authenticationFailed with its status") func keystoneDown() async throws {
        try await withSwiftStub { stub, client in
            stub.state.withLock { $0.authStatus = 503 }
            #expect(await storageError { _ = try await stub.storage(client: client).listContainers() }
                == .authenticationFailed(status: 503))
        }
    }
}
