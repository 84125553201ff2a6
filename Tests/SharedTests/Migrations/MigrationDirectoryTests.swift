import Testing
import Shared
import TestSupport
import Foundation

private func temporaryFolder(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir.path
}

@Test("load reads a folder in version order and ignores hidden files like .keep")
func loadsFolder() throws {
    let path = try temporaryFolder([
        "V0002__second.sql": "SELECT 2;\r\n", "V0001__first.sql": "SELECT 1;\n", ".keep": "",
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let files = try MigrationDirectory.load(path: path)
    #expect(files.map(\.fileName) == ["V0001__first.sql", "V0002__second.sql"])
    #expect(files[1].sql == "SELECT 2;\r\n")
    #expect(files[1].checksum == MigrationFile.checksum(of: "SELECT 2;\n"))
}

@Test("load rejects a stray file in the folder by name")
func loadRejectsStrayFile() throws {
    let path = try temporaryFolder(["V0001__first.sql": "SELECT 1;", "V0002_second.sql": "SELECT 2;"])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: MigrationError.invalidFileName("V0002_second.sql")) {
        try MigrationDirectory.load(path: path)
    }
}

@Test("a missing folder is reported as unreadable")
func loadMissingFolder() {
    #expect(throws: MigrationError.unreadable(path: "/nonexistent/migrations", reason: "cannot list the folder")) {
        try MigrationDirectory.load(path: "/nonexistent/migrations")
    }
}

@Test("the repository's migrations folders load: one V0001 per service creating its schema")
func repositoryMigrationsLoad() throws {
    for service in ["patient", "therapist", "matching", "communication", "geocoding"] {
        let files = try MigrationDirectory.load(path: Repository.path("migrations/\(service)"))
        #expect(files.first?.fileName == "V0001__create_schema.sql")
        #expect(files.first?.inTransaction == true)
        #expect(files.first?.sql.contains("CREATE SCHEMA IF NOT EXISTS \(service)_service;") == true)
        #expect(files.first?.sql.contains("-- owner: \(service)-service") == true)
    }
    #expect(!FileManager.default.fileExists(atPath: Repository.path("migrations/gateway")))
}
