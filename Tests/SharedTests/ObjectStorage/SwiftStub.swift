import Foundation
import Synchronization
@testable import Shared
import TestSupport

/// An in-memory Keystone v3 + Swift stub on a real `HTTPServer` (ephemeral port): issues
/// `tok-N` tokens for one application credential, stores objects per container and records
/// every request so tests can count authentications and inspect raw targets and headers.
final class SwiftStub: Sendable {
    struct Recorded: Sendable {
        let method: String
        let target: String
        let headers: HTTPHeaders
        let body: [UInt8]
    }

    struct State: Sendable {
        var objects: [String: [String: [UInt8]]] = [:]
        var validTokens: Set<String> = []
        var issued = 0
        var authRequests: [Recorded] = []
        var storageRequests: [Recorded] = []
        var subdirsSent = 0
        /// Keystone answers this status instead of issuing a token.
        var authStatus: Int?
        /// Every storage call answers 401, whatever the token.
        var rejectAllTokens = false
        /// Every storage call answers this status and body.
        var storageOverride: (status: Int, body: String)?
    }

    static let applicationID = "app-id-1"
    static let applicationSecret = "s3cr3t \"quoted\" ü"
    let state = Mutex(State())
    private let server = Mutex<TestServer?>(nil)

    /// Starts the stub with the given containers (empty).
    static func start(containers: [String] = ["dev", "test"]) async throws -> SwiftStub {
        let stub = SwiftStub()
        stub.state.withLock { state in for name in containers { state.objects[name] = [:] } }
        let server = try await TestServer(router: stub.router())
        stub.server.withLock { $0 = server }
        return stub
    }

    var port: Int { server.withLock { $0!.port } }
    var authURL: String { "http://127.0.0.1:\(port)/identity/v3" }
    var storageURL: String { "http://127.0.0.1:\(port)/object/v1/AUTH_test" }
    var authCount: Int { state.withLock { $0.authRequests.count } }
    var storageRequests: [Recorded] { state.withLock { $0.storageRequests } }

    /// Makes every issued token invalid (as if they had expired).
    func expireTokens() { state.withLock { $0.validTokens.removeAll() } }

    func stop() async { await server.withLock { $0 }?.stop() }

    /// A storage client for this stub with `transport` (default: our `HTTPClient`).
    func storage(client: HTTPClient, secret: String = SwiftStub.applicationSecret,
                 transport: (any ObjectStorageTransport)? = nil) -> SwiftObjectStorage {
        SwiftObjectStorage(storageURL: storageURL, authURL: authURL, applicationID: Secret(Self.applicationID),
                           applicationSecret: Secret(secret),
                           transport: transport ?? ObjectStorageSchemeTransport(httpClient: client))
    }
}

/// Runs `body` with a started stub and a fresh client, then stops both.
func withSwiftStub(_ body: (SwiftStub, HTTPClient) async throws -> Void) async throws {
    let stub = try await SwiftStub.start()
    let client = HTTPClient()
    do {
        try await body(stub, client)
    } catch {
        client.shutdown()
        await stub.stop()
        throw error
    }
    client.shutdown()
    await stub.stop()
}
