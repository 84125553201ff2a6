import Foundation
import Synchronization
import Testing
@testable import Shared

@Suite("SwiftObjectStorage operations") struct SwiftObjectStorageTests {
    @Test("put, list, get, delete round-trip") func roundTrip() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            try await storage.put(container: "dev", name: "registrations/b.json", bytes: Array("{\"b\":1}".utf8))
            try await storage.put(container: "dev", name: "registrations/a.json", bytes: Array("{\"a\":1}".utf8))
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/")
                == ["registrations/a.json", "registrations/b.json"])
            #expect(try await storage.get(container: "dev", name: "registrations/a.json") == Array("{\"a\":1}".utf8))
            try await storage.delete(container: "dev", name: "registrations/a.json")
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/") == ["registrations/b.json"])
            #expect(try await storage.listContainers() == ["dev", "test"])
            let targets = stub.storageRequests.map(\.target)
            #expect(targets.contains("/object/v1/AUTH_test/dev?prefix=registrations/&delimiter=/&format=json&limit=1000"))
            #expect(targets.last == "/object/v1/AUTH_test?format=json&limit=1000")
        }
    }

    @Test("subdir entries are skipped: listing is not recursive") func subdirsSkipped() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            for name in ["registrations/a.json", "registrations/sub/b.json", "registrations/sub2/c.json", "contacts/x.json"] {
                try await storage.put(container: "dev", name: name, bytes: [])
            }
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/") == ["registrations/a.json"])
            #expect(try await storage.listObjects(container: "dev", prefix: "") == [])
            #expect(stub.state.withLock { $0.subdirsSent } == 4)
        }
    }

    @Test("names the API would reject are not listed") func unsafeNamesHidden() async throws {
        try await withSwiftStub { stub, client in
            stub.state.withLock { state in
                for name in ["r/ok.json", "r/a\u{1}b.json", "r/..", "r//x.json"] { state.objects["dev"]![name] = [] }
                state.objects["bad\u{7F}"] = [:]
            }
            let storage = stub.storage(client: client)
            let names = try await storage.listObjects(container: "dev", prefix: "r/")
            let containers = try await storage.listContainers()
            #expect(names == ["r/ok.json"])
            #expect(containers == ["dev", "test"])
        }
    }

    @Test("listings are paged with limit and marker, also across subdir entries") func paging() async throws {
        try await withSwiftStub { stub, client in
            var storage = stub.storage(client: client)
            storage.pageSize = 2
            for name in ["f/1.json", "f/2.json", "f/3/x.json", "f/4.json", "f/5.json"] {
                try await storage.put(container: "dev", name: name, bytes: [])
            }
            let before = stub.storageRequests.count
            #expect(try await storage.listObjects(container: "dev", prefix: "f/") == ["f/1.json", "f/2.json", "f/4.json", "f/5.json"])
            #expect(stub.storageRequests.dropFirst(before).map(\.target) == [
                "/object/v1/AUTH_test/dev?prefix=f/&delimiter=/&format=json&limit=2",
                "/object/v1/AUTH_test/dev?prefix=f/&delimiter=/&format=json&limit=2&marker=f/2.json",
                "/object/v1/AUTH_test/dev?prefix=f/&delimiter=/&format=json&limit=2&marker=f/4.json",
            ])
        }
    }

    @Test("names with spaces and umlauts are percent-encoded per segment") func percentEncoding() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            let name = "registrations/Grüße an Zoë+Co?#.json"
            try await storage.put(container: "dev", name: name, bytes: Array("ok".utf8))
            #expect(stub.storageRequests.last?.target
                == "/object/v1/AUTH_test/dev/registrations/Gr%C3%BC%C3%9Fe%20an%20Zo%C3%AB%2BCo%3F%23.json")
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/Grü") == [name])
            #expect(stub.storageRequests.last?.target.hasPrefix("/object/v1/AUTH_test/dev?prefix=registrations/Gr%C3%BC&") == true)
            #expect(try await storage.get(container: "dev", name: name) == Array("ok".utf8))
        }
    }

    @Test("missing objects and containers are notFound") func notFound() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            #expect(await storageError { _ = try await storage.get(container: "dev", name: "r/missing.json") } == .notFound("dev/r/missing.json"))
            #expect(await storageError { try await storage.delete(container: "dev", name: "r/missing.json") } == .notFound("dev/r/missing.json"))
            #expect(await storageError { _ = try await storage.listObjects(container: "nope", prefix: "r/") } == .notFound("nope"))
            #expect(await storageError { try await storage.put(container: "nope", name: "a.json", bytes: []) } == .notFound("nope"))
        }
    }

    @Test("other statuses are unexpectedStatus; a garbled listing is invalidResponse") func unexpected() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            stub.state.withLock { $0.storageOverride = (503, "maintenance") }
            #expect(await storageError { _ = try await storage.get(container: "dev", name: "a.json") }
                == .unexpectedStatus(503, operation: "GET object"))
            stub.state.withLock { $0.storageOverride = (200, "<html>") }
            #expect(await storageError { _ = try await storage.listObjects(container: "dev", prefix: "") }
                == .invalidResponse("list objects: not a JSON array of objects"))
        }
    }

    @Test("unsafe names are rejected without any request") func invalidNames() async throws {
        try await withSwiftStub { stub, client in
            let storage = stub.storage(client: client)
            #expect(await storageError { _ = try await storage.get(container: "dev", name: "../x.json") } == .invalidName("../x.json"))
            #expect(await storageError { _ = try await storage.listObjects(container: "a/b", prefix: "") } == .invalidName("a/b"))
            #expect(stub.authCount == 0 && stub.storageRequests.isEmpty)
        }
    }
}
