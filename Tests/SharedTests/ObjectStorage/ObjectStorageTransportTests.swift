import Foundation
import Synchronization
import Testing
@testable import Shared
import HTTPSTransport

/// Records requests instead of sending them.
final class RecordingTransport: ObjectStorageTransport {
    let urls = Mutex<[String]>([])
    func send(_ request: ObjectStorageRequest) async throws(ObjectStorageError) -> ObjectStorageResponse {
        urls.withLock { $0.append(request.url) }
        return ObjectStorageResponse(status: 204)
    }
}

@Suite("ObjectStorage transports") struct ObjectStorageTransportTests {
    @Test("an unreachable storage is a transport error naming host:port only") func storageUnreachable() async throws {
        try await withSwiftStub { stub, client in
            let port = try TestHTTPServer.closedPort()
            let storage = SwiftObjectStorage(
                storageURL: "http://127.0.83.1:\(port)/object/v1/AUTH_test", authURL: stub.authURL,
                applicationID: Secret(SwiftStub.applicationID), applicationSecret: Secret(SwiftStub.applicationSecret),
                httpClient: client)
            let error = await storageError { _ = try await storage.get(container: "dev", name: "registrations/a.json") }
            guard case .transport(let detail) = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
            #expect(detail.contains("127.0.83.1:\(port)"))
            #expect(!detail.contains("registrations") && !detail.contains("tok-1"))
        }
    }

    @Test("an unreachable Keystone is a transport error") func keystoneUnreachable() async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let port = try TestHTTPServer.closedPort()
        let storage = SwiftObjectStorage(storageURL: "http://127.0.83.1:\(port)/v1/AUTH_x", authURL: "http://127.0.83.1:\(port)/v3",
                                         applicationID: Secret("id"), applicationSecret: Secret("secret"), httpClient: client)
        guard case .transport = await storageError({ _ = try await storage.listContainers() }) else {
            Issue.record("expected a transport error"); return
        }
    }

    @Test("the scheme picks the transport: http → HTTPClient, https → the secure one, others fail")
    func schemeSelection() async throws {
        try await withSwiftStub { stub, client in
            let secure = RecordingTransport()
            let transport = ObjectStorageSchemeTransport(httpClient: client, secure: secure)
            _ = try await transport.send(ObjectStorageRequest(method: .get, url: "HTTPS://storage.example/v1/AUTH_x"))
            let plain = try await transport.send(ObjectStorageRequest(method: .get, url: stub.storageURL))
            #expect(secure.urls.withLock { $0 } == ["HTTPS://storage.example/v1/AUTH_x"])
            #expect(plain.status == 401)
            #expect(await storageError { _ = try await transport.send(ObjectStorageRequest(method: .get, url: "ftp://x/")) }
                == .transport("unsupported URL scheme (expected http or https)"))
        }
    }

    @Test("printing or dumping a request shows neither token nor body") func requestRedacted() {
        let request = ObjectStorageRequest(method: .post, url: "http://h/v3/auth/tokens",
                                           headers: ["X-Auth-Token": "tok-secret"], body: Array("credential-secret".utf8))
        var dumped = ""
        dump(request, to: &dumped)
        // "99" is the byte of "c": a dumped body would show as a list of byte values.
        for text in [String(describing: request), String(reflecting: request), dumped] {
            #expect(!text.contains("tok-secret") && !text.contains("credential-secret") && !text.contains("99"), "\(text)")
        }
    }

    @Test("the URLSession transport works end to end (over http against the stub)") func urlSession() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client, transport: ObjectStorageURLSessionTransport(timeout: .seconds(10)))
            try await storage.put(container: "dev", name: "registrations/ä b.json", bytes: Array("{}".utf8))
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/") == ["registrations/ä b.json"])
            #expect(try await storage.get(container: "dev", name: "registrations/ä b.json") == Array("{}".utf8))
            stub.expireTokens()
            try await storage.delete(container: "dev", name: "registrations/ä b.json")
            #expect(stub.authCount == 2)
        }
    }

    @Test("the URLSession transport reports a refused connection as transport") func urlSessionRefused() async throws {
        let port = try TestHTTPServer.closedPort()
        let transport = ObjectStorageURLSessionTransport(timeout: .seconds(10))
        let error = await storageError { _ = try await transport.send(ObjectStorageRequest(method: .get, url: "http://127.0.83.1:\(port)/x")) }
        #expect(error == .transport("connection refused (127.0.83.1:\(port))"))
    }
}
