import Foundation
import Testing
@testable import Shared

/// A fresh folder under the system temporary folder for one test, removed afterwards.
func withTemporaryFolder<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("objstore-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Writes `text` to `root/relative`, creating folders (test setup without the code under test).
func writeFile(_ root: String, _ relative: String, _ text: String = "{}") throws {
    let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Runs `body` and returns the `ObjectStorageError` it threw, or nil when it did not throw
/// (any other error is recorded as a test issue).
func storageError(_ body: () async throws -> Void) async -> ObjectStorageError? {
    do {
        try await body()
        return nil
    } catch let error as ObjectStorageError {
        return error
    } catch {
        Issue.record("expected ObjectStorageError, got \(error)")
        return nil
    }
}
