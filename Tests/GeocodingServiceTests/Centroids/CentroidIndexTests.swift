import Foundation
import Synchronization
import Testing
import Shared
@testable import GeocodingService

/// A `CentroidStore` in memory.
final class MemoryCentroidStore: CentroidStore {
    private let rows = Mutex<[String: Centroid]>([:])
    private let version = Mutex(0)
    let failing = Mutex(false)

    init(_ seed: [Centroid] = []) { rows.withLock { for c in seed { $0[c.plz] = c } } }

    func all() async throws -> [Centroid] { try check(); return rows.withLock { Array($0.values) } }
    func count() async throws -> Int { try check(); return rows.withLock { $0.count } }
    func fingerprint() async throws -> String { try check(); return "\(rows.withLock { $0.count })/\(version.withLock { $0 })" }
    func upsert(_ centroids: [Centroid]) async throws -> CentroidUpsertCounts {
        try check()
        version.withLock { $0 += 1 }
        return rows.withLock { rows in
            var counts = CentroidUpsertCounts(inserted: 0, updated: 0)
            for c in centroids {
                if rows.updateValue(c, forKey: c.plz) == nil { counts.inserted += 1 } else { counts.updated += 1 }
            }
            return counts
        }
    }
    private func check() throws { if failing.withLock({ $0 }) { throw CentroidImportError.database("down") } }
}

@Suite("CentroidIndex")
struct CentroidIndexTests {
    static let aachen = Centroid(plz: "52062", ort: "Aachen", bundesland: "Nordrhein-Westfalen", bundeslandCode: "NW",
                                 coordinates: Coordinates(latitude: 50.7827, longitude: 6.0697))
    static func logger() -> (Logger, LogSink) {
        let sink = LogSink.memory()
        return (Logger(service: "test", level: .debug, sink: sink), sink)
    }

    @Test("start loads the store; lookups answer from memory")
    func loads() async throws {
        let (logger, _) = Self.logger()
        let index = CentroidIndex(store: MemoryCentroidStore([Self.aachen]), startupFile: PLZFixture.path, logger: logger)
        try await index.start()
        #expect(index.centroid("52062") == Self.aachen && index.centroid("10115") == nil && index.count == 1)
        await index.shutdown(until: .now)
    }

    @Test("an empty table imports PLZ_CENTROIDS_FILE at start")
    func importsAtStart() async throws {
        let (logger, sink) = Self.logger()
        let index = CentroidIndex(store: MemoryCentroidStore(), startupFile: PLZFixture.path, logger: logger)
        try await index.start()
        #expect(index.centroid("10115")?.ort == "Berlin" && index.count >= 30)
        #expect(sink.capturedLines.contains { $0.contains("imported PLZ centroids at start") })
        await index.shutdown(until: .now)
    }

    @Test("empty table without a (readable) file: a warning, no centroids, start succeeds")
    func startsWithoutData() async throws {
        for file in [nil, "/nonexistent/zipcodes.de.json"] {
            let (logger, sink) = Self.logger()
            let index = CentroidIndex(store: MemoryCentroidStore(), startupFile: file, logger: logger)
            try await index.start()
            #expect(index.count == 0 && index.centroid("52062") == nil)
            #expect(sink.capturedLines.contains { $0.contains("PLZ features are unavailable") })
            await index.shutdown(until: .now)
        }
    }

    @Test("importFile upserts, reloads and counts; a second run updates")
    func importFile() async throws {
        let (logger, _) = Self.logger()
        let store = MemoryCentroidStore()
        let index = CentroidIndex(store: store, startupFile: nil, logger: logger)
        let first = try await index.importFile(PLZFixture.path)
        #expect(first.imported == index.count && first.updated == 0 && first.skipped == 0 && first.format == .jsonList)
        let second = try await index.importFile(PLZFixture.path)
        #expect(second.imported == 0 && second.updated == first.imported && second.read == first.read)
        await #expect(throws: CentroidImportError.self) { try await index.importFile("/nonexistent") }
        store.failing.withLock { $0 = true }
        await #expect(throws: CentroidImportError.database(String(describing: CentroidImportError.database("down")))) {
            try await index.importFile(PLZFixture.path)
        }
    }

    @Test("a failed start-up load is retried, and a changed table is picked up")
    func refreshes() async throws {
        let (logger, _) = Self.logger()
        let store = MemoryCentroidStore()
        store.failing.withLock { $0 = true }
        let index = CentroidIndex(store: store, startupFile: nil, logger: logger, refreshInterval: .milliseconds(20))
        try await index.start()
        #expect(index.count == 0)
        store.failing.withLock { $0 = false }
        _ = try await store.upsert([Self.aachen])
        try await Self.eventually { index.centroid("52062") != nil }
        var moved = Self.aachen
        moved.ort = "Aachen Mitte"
        _ = try await store.upsert([moved])
        try await Self.eventually { index.centroid("52062")?.ort == "Aachen Mitte" }
        await index.shutdown(until: .now)
    }

    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<250 where !condition() { try await Task.sleep(for: .milliseconds(20)) }
        #expect(condition())
    }
}
