import Foundation
import Testing
@testable import Shared

@Suite("LocalObjectStorage errors") struct LocalObjectStorageErrorTests {
    @Test("get and delete of a missing object are notFound(container/name)") func notFound() async throws {
        try await withTemporaryFolder { root in
            try writeFile(root, "dev/registrations/sub/x.json")
            let storage = LocalObjectStorage(root: root)
            #expect(await storageError { _ = try await storage.get(container: "dev", name: "registrations/a.json") }
                == .notFound("dev/registrations/a.json"))
            #expect(await storageError { try await storage.delete(container: "dev", name: "registrations/a.json") }
                == .notFound("dev/registrations/a.json"))
            #expect(await storageError { try await storage.delete(container: "dev", name: "registrations/sub") }
                == .notFound("dev/registrations/sub"))
            #expect(await storageError { _ = try await storage.get(container: "dev", name: "registrations/sub") }
                == .notFound("dev/registrations/sub"))
        }
    }

    @Test("listing a missing container is notFound") func missingContainer() async throws {
        try await withTemporaryFolder { root in
            #expect(await storageError { _ = try await LocalObjectStorage(root: root).listObjects(container: "prod", prefix: "") }
                == .notFound("prod"))
        }
    }

    // Absolute names point at a folder that does not exist, never at a system file: a broken
    // guard must not be able to overwrite or delete anything outside the temporary folder.
    @Test("traversal, absolute and malformed names are rejected before touching the disk", arguments: [
        "../secret.json", "registrations/../../etc/passwd", "/curavani-test-absent/secret.json", "a//b.json", "./a.json",
        "registrations/..", "a\u{0}b.json", "a\nb.json", "", "registrations/",
    ])
    func invalidNames(name: String) async throws {
        try await withTemporaryFolder { root in
            try writeFile(root, "secret.json", "top secret")
            let storage = LocalObjectStorage(root: root)
            #expect(await storageError { _ = try await storage.get(container: "dev", name: name) } == .invalidName(name))
            #expect(await storageError { try await storage.put(container: "dev", name: name, bytes: [1]) } == .invalidName(name))
            #expect(await storageError { try await storage.delete(container: "dev", name: name) } == .invalidName(name))
            #expect(FileManager.default.fileExists(atPath: root + "/secret.json"))
        }
    }

    @Test("containers and prefixes with traversal are rejected", arguments: ["..", ".", "a/b", "", "x\u{0}"])
    func invalidContainers(container: String) async throws {
        try await withTemporaryFolder { root in
            let storage = LocalObjectStorage(root: root)
            #expect(await storageError { _ = try await storage.listObjects(container: container, prefix: "") }
                == .invalidName(container))
            #expect(await storageError { _ = try await storage.get(container: container, name: "a.json") }
                == .invalidName(container))
            for prefix in ["../", "/", "a//", "/abs/", "a/../"] {
                #expect(await storageError { _ = try await storage.listObjects(container: "dev", prefix: prefix) }
                    == .invalidName(prefix))
            }
        }
    }

    @Test("an io error names the object, not its content") func ioError() async throws {
        try await withTemporaryFolder { root in
            try writeFile(root, "dev", "a file where the container folder should be")
            let error = await storageError {
                try await LocalObjectStorage(root: root).put(container: "dev", name: "registrations/a.json", bytes: Array("secret body".utf8))
            }
            guard case .io(let detail) = error else { Issue.record("expected io, got \(String(describing: error))"); return }
            #expect(detail.contains("dev/registrations/a.json"))
            #expect(!String(describing: error!).contains("secret body"))
        }
    }
}
