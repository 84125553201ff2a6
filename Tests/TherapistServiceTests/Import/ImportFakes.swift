import Foundation
import Synchronization
import Shared
import TestSupport
@testable import TherapistService

/// `TherapistStore` in memory with the matching rules of `PostgresTherapistStore.importMatch`.
final class InMemoryTherapistStore: TherapistStore {
    private let rows = Mutex<[Therapist]>([])
    private let writeCount = Atomic<Int>(0)
    /// Inserts and updates that wrote.
    var writes: Int { writeCount.load(ordering: .relaxed) }

    var all: [Therapist] { rows.withLock { $0 } }

    func find(_ id: TherapistID) async throws -> Therapist? { rows.withLock { $0.first { $0.id == id } } }

    func insert(_ therapist: Therapist) async throws -> Therapist {
        writeCount.add(1, ordering: .relaxed)
        return rows.withLock { rows in
            var stored = therapist
            stored.id = (rows.map(\.id).max() ?? 0) + 1
            rows.append(stored)
            return stored
        }
    }

    func update(_ id: TherapistID, _ change: @Sendable (Therapist) throws -> Therapist?) async throws -> TherapistUpdate {
        try rows.withLock { rows in
            guard let index = rows.firstIndex(where: { $0.id == id }) else { return .notFound }
            guard let changed = try change(rows[index]) else { return .unchanged(rows[index]) }
            writeCount.add(1, ordering: .relaxed)
            rows[index] = changed
            return .updated(changed)
        }
    }

    func delete(_ id: TherapistID) async throws -> Bool {
        rows.withLock { rows in
            let before = rows.count
            rows.removeAll { $0.id == id }
            return rows.count < before
        }
    }

    func importMatch(_ key: TherapistMatchKey) async throws -> Therapist? {
        let sorted = rows.withLock { $0 }.sorted { $0.id < $1.id }
        if let primary = sorted.first(where: { $0.vorname == key.vorname && $0.nachname == key.nachname && $0.plz == key.plz }) {
            return primary
        }
        func same(_ stored: String?, _ wanted: String?) -> Bool { stored != nil && wanted != nil && stored == wanted }
        return sorted.first { t in
            t.vorname == key.vorname && t.plz == key.plz && same(t.ort, key.ort) && same(t.strasse, key.strasse)
                && same(t.titel, key.titel) && ((key.email ?? "").isEmpty || same(t.email, key.email))
        }
    }

    /// Changes a stored therapist directly (staff edits between imports).
    func edit(_ id: TherapistID, _ body: (inout Therapist) -> Void) {
        rows.withLock { rows in if let index = rows.firstIndex(where: { $0.id == id }) { body(&rows[index]) } }
    }
}

/// The communication service: records system messages, or fails when told to.
final class RecordingCommunication: CommunicationGateway {
    struct Message: Equatable { var subject, message, sender: String }
    private let sent = Mutex<[Message]>([])
    let failing: Bool
    init(failing: Bool = false) { self.failing = failing }

    var messages: [Message] { sent.withLock { $0 } }

    func emails(therapist: TherapistID) async throws(PeerError) -> [JSONValue] { [] }
    func phoneCalls(therapist: TherapistID) async throws(PeerError) -> [JSONValue] { [] }
    func notifySystem(subject: String, message: String, senderName: String) async throws(PeerError) {
        if failing { throw PeerError("communication down") }
        sent.withLock { $0.append(Message(subject: subject, message: message, sender: senderName)) }
    }
}

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let now: Mutex<UTCTimestamp>
    init(_ start: UTCTimestamp) { now = Mutex(start) }
    func advance(seconds: Int64) { now.withLock { $0 = $0.adding(seconds: seconds) } }
    var function: @Sendable () -> UTCTimestamp { { [self] in now.withLock { $0 } } }
}

/// Importers over fixture folders (`Fixtures/import/<scenario>/<step>/scrape`) sharing one store.
struct ImportScenario {
    let name: String
    let store = InMemoryTherapistStore()
    let communication = RecordingCommunication()
    let clock = ManualClock(UTCTimestamp("2026-11-23 08:00:00")!)
    let logSink = LogSink.memory()

    static func folder(_ scenario: String, _ step: String) -> String {
        Repository.path("Tests/TherapistServiceTests/Fixtures/import/\(scenario)/\(step)/scrape")
    }

    func importer(_ step: String) -> TherapistImporter {
        TherapistImporter.make(ImportConfig(folderPath: Self.folder(name, step), interval: .seconds(86_400)), store: store,
                               communication: communication, logger: Logger(service: "test", level: .debug, sink: logSink),
                               clock: clock.function)
    }

    /// Runs one cycle over `step` with a fresh importer.
    @discardableResult
    func run(_ step: String) async -> (ImportCycleSummary, ImportStatistics.Snapshot) {
        let importer = importer(step)
        let summary = await importer.runCycle()
        let snapshot = importer.statistics.snapshot
        await importer.shutdown(until: .now)
        return (summary, snapshot)
    }

    /// The one stored therapist with `vorname`.
    func therapist(_ vorname: String) -> Therapist? { store.all.first { $0.vorname == vorname } }
}
