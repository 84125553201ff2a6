import Foundation
import Testing
@testable import Shared

@Suite("LocalObjectStorage") struct LocalObjectStorageTests {
    @Test("put then get returns the bytes; put replaces; delete removes")
    func roundTrip() async throws {
        try await withTemporaryFolder { root in
            let storage = LocalObjectStorage(root: root)
            try await storage.put(container: "dev", name: "registrations/a.json", bytes: Array("one".utf8))
            #expect(try await storage.get(container: "dev", name: "registrations/a.json") == Array("one".utf8))
            try await storage.put(container: "dev", name: "registrations/a.json", bytes: Array("two".utf8))
            #expect(try await storage.get(container: "dev", name: "registrations/a.json") == Array("two".utf8))
            try await storage.delete(container: "dev", name: "registrations/a.json")
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/") == [])
        }
    }

    @Test("an empty object round-trips") func emptyObject() async throws {
        try await withTemporaryFolder { root in
            let storage = LocalObjectStorage(root: root)
            try await storage.put(container: "dev", name: "empty.json", bytes: [])
            #expect(try await storage.get(container: "dev", name: "empty.json") == [])
        }
    }

    @Test("listContainers gives the sub-folders, sorted, without files and hidden folders")
    func containers() async throws {
        try await withTemporaryFolder { root in
            for path in ["test/x.json", "dev/x.json", "prod/x.json", ".trash/x.json", "loose.json"] {
                try writeFile(root, path)
            }
            #expect(try await LocalObjectStorage(root: root + "/").listContainers() == ["dev", "prod", "test"])
        }
    }

    @Test("listContainers on a missing root is an io error") func missingRoot() async throws {
        let error = await storageError { _ = try await LocalObjectStorage(root: "/nonexistent-\(UUID())").listContainers() }
        guard case .io = error else { Issue.record("expected io, got \(String(describing: error))"); return }
    }

    @Test("listObjects is non-recursive, sorted, full names, skips dotfiles and temp files")
    func listing() async throws {
        try await withTemporaryFolder { root in
            for path in ["dev/registrations/b.json", "dev/registrations/a.json", "dev/registrations/notes.txt",
                         "dev/registrations/sub/deep.json", "dev/registrations/.hidden.json",
                         "dev/registrations/.a.json.tmp-123", "dev/contacts/c.json", "dev/top.json"] {
                try writeFile(root, path)
            }
            let storage = LocalObjectStorage(root: root)
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/")
                == ["registrations/a.json", "registrations/b.json", "registrations/notes.txt"])
            #expect(try await storage.listObjects(container: "dev", prefix: "") == ["top.json"])
            #expect(try await storage.listObjects(container: "dev", prefix: "registrations/a") == ["registrations/a.json"])
            #expect(try await storage.listObjects(container: "dev", prefix: "waitlist/") == [])
        }
    }

    @Test("listing sorts by UTF-8 bytes like Swift") func byteOrder() async throws {
        try await withTemporaryFolder { root in
            for name in ["ä.json", "Z.json", "a.json", "ab.json"] { try writeFile(root, "dev/f/" + name) }
            #expect(try await LocalObjectStorage(root: root).listObjects(container: "dev", prefix: "f/")
                == ["f/Z.json", "f/a.json", "f/ab.json", "f/ä.json"])
        }
    }
}
