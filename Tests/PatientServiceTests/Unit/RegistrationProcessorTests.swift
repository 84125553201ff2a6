import Foundation
import Synchronization
import Testing
import Shared
@testable import PatientService

/// A store whose registration insert fails while `down` is set; nothing else is used.
private final class FlakyStore: PatientStore, Sendable {
    let down = Atomic<Bool>(true)
    func find(_ id: PatientID) async throws -> Patient? { nil }
    func exists(_ id: PatientID) async throws -> Bool { false }
    func insert(_ patient: Patient) async throws -> Patient { patient }
    func insertRegistration(_ patient: Patient, key: String, file: String) async throws -> RegistrationInsert {
        if down.load(ordering: .relaxed) { throw PostgresError(.unavailable) }
        var stored = patient
        stored.id = 7
        return .inserted(stored)
    }
    func update<Result: Sendable>(_ id: PatientID, _ change: @Sendable (Patient) throws -> (Patient, Result)) async throws
        -> (Patient, Result)? { nil }
    func delete(_ id: PatientID) async throws -> Bool { false }
    func setLastContact(_ id: PatientID, to date: LocalDate, today: LocalDate) async throws -> Bool { false }
}

/// Records what the importer sends to the communication service.
private final class RecordingCommunication: CommunicationGateway, Sendable {
    let sent = Mutex<[String]>([])
    func emails(patient: PatientID) async throws(PeerError) -> [JSONValue] { [] }
    func phoneCalls(patient: PatientID) async throws(PeerError) -> [JSONValue] { [] }
    func queue(_ email: OutgoingEmail) async throws(PeerError) { sent.withLock { $0.append("email: " + email.subject) } }
    func notifySystem(subject: String, message: String, senderName: String) async throws(PeerError) {
        sent.withLock { $0.append("system: " + subject) }
    }
}

private struct FixedPrices: PriceSource {
    func current() async throws -> Prices { Prices(einzeltherapie: 95, gruppentherapie: 45) }
}

extension PatientUnit {
    @Suite("Registration processor: nothing is lost when the database or the archive fails")
    struct RegistrationProcessorTests {
        static let key = Array("unit-key".utf8)

        fileprivate static func setUp(archiveRoot: String? = nil) throws -> (RegistrationProcessor, FlakyStore, RecordingCommunication, String) {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("processor-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: base + "/storage/test/registrations", withIntermediateDirectories: true)
            var document: JSONObject = ["timestamp": "2025-09-03T11:53:44+02:00", "type": "patient_registration",
                                        "data": ["patient_data": ["anrede": "Frau", "geschlecht": "weiblich", "vorname": "A",
                                                                  "nachname": "B", "email": "a@example.com"],
                                                 "registration_token": "0123456789abcdef"]]
            document["signature"] = .string(SignedJSONDocument.signature(of: document, key: key))
            document["signature_version"] = .string(SignedJSONDocument.version)
            try JSONWriter().string(.object(document)).write(toFile: base + "/storage/test/registrations/r.json",
                                                             atomically: true, encoding: .utf8)
            let store = FlakyStore(), communication = RecordingCommunication()
            let logger = Logger(service: "test", level: .critical, sink: .memory())
            let notifier = ImportNotifier(communication: communication, logger: logger)
            let templates = TemplateLibrary(directory: PatientFixture.templatesDirectory)
            let archive = ImportArchive(root: archiveRoot ?? base + "/imports")
            if archiveRoot == nil { try archive.prepare() }
            let processor = RegistrationProcessor(
                storage: LocalObjectStorage(root: base + "/storage"), container: "test", archive: archive, hmacKey: key,
                store: store, confirmation: RegistrationConfirmation(templates: templates, prices: FixedPrices(),
                                                                     communication: communication, notifier: notifier),
                notifier: notifier, statistics: ImportStatistics(), logger: logger, clock: { .now() })
            return (processor, store, communication, base)
        }

        @Test("a database outage keeps the object queued and silent; the next cycle imports it once")
        func databaseOutage() async throws {
            let (processor, store, communication, base) = try Self.setUp()
            await processor.runCycle()
            #expect(FileManager.default.fileExists(atPath: base + "/storage/test/registrations/r.json"))
            #expect(!FileManager.default.fileExists(atPath: base + "/imports/failed/r.json"))
            #expect(processor.statistics.snapshot.lastError?.contains("stays queued") == true)
            #expect(processor.statistics.snapshot.totalFailed == 0 && communication.sent.withLock { $0 }.isEmpty)
            store.down.store(false, ordering: .relaxed)
            await processor.runCycle()
            #expect(!FileManager.default.fileExists(atPath: base + "/storage/test/registrations/r.json"))
            #expect(processor.statistics.snapshot.totalProcessed == 1)
            #expect(communication.sent.withLock { $0 } == ["email: Registrierung Suche Psychotherapieplatz erfolgreich"])
        }

        @Test("an archive that cannot be written keeps the object for the next cycle")
        func archiveUnwritable() async throws {
            let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("blocker-\(UUID().uuidString)").path
            try "not a folder".write(toFile: blocker, atomically: true, encoding: .utf8)
            let (processor, store, _, base) = try Self.setUp(archiveRoot: blocker + "/imports")
            store.down.store(false, ordering: .relaxed)
            await processor.runCycle()
            #expect(FileManager.default.fileExists(atPath: base + "/storage/test/registrations/r.json"))
            #expect(processor.statistics.snapshot.lastError?.hasPrefix("Cannot archive r.json") == true)
            #expect(processor.statistics.snapshot.totalProcessed == 0)
        }
    }
}
