import Foundation
import Synchronization
import Shared
import TestSupport
@testable import CommunicationService

/// A settable clock for statistics, health and the processor.
final class TestClock: Sendable {
    private let current: Mutex<UTCTimestamp>
    init(_ text: String = "2025-09-03T10:00:00") { current = Mutex(UTCTimestamp(iso8601: text)!) }
    var now: UTCTimestamp { current.withLock { $0 } }
    func advance(seconds: Int64) { current.withLock { $0 = $0.adding(seconds: seconds) } }
    var function: @Sendable () -> UTCTimestamp { { [self] in now } }
}

/// Records every system message; fails those `failWhen` selects.
final class RecordingSender: SystemMessageSending {
    private let messages = Mutex<[SystemMessage]>([])
    let failWhen: @Sendable (SystemMessage) -> Bool
    init(failWhen: @escaping @Sendable (SystemMessage) -> Bool = { _ in false }) { self.failWhen = failWhen }
    var sent: [SystemMessage] { messages.withLock { $0 } }
    /// The messages that are not failure notifications.
    var emails: [SystemMessage] { sent.filter { $0.senderName != "Storage Processor" } }
    var notifications: [SystemMessage] { sent.filter { $0.senderName == "Storage Processor" } }

    func send(_ message: SystemMessage) async throws(PeerError) {
        messages.withLock { $0.append(message) }
        if failWhen(message) { throw PeerError("communication service (self) answered 500 to POST /api/system-messages") }
    }
}

/// `LocalObjectStorage` whose downloads of names containing `broken` and listings of the
/// `unreachable` prefixes fail.
struct FlakyStorage: ObjectStorage {
    let local: LocalObjectStorage
    var unreachable: Set<String> = []

    func listContainers() async throws(ObjectStorageError) -> [String] { try await local.listContainers() }
    func listObjects(container: String, prefix: String) async throws(ObjectStorageError) -> [String] {
        if unreachable.contains(prefix) { throw .transport("connection refused (storage.example:443)") }
        return try await local.listObjects(container: container, prefix: prefix)
    }
    func get(container: String, name: String) async throws(ObjectStorageError) -> [UInt8] {
        if name.contains("broken") { throw .transport("timeout (storage.example:443)") }
        return try await local.get(container: container, name: name)
    }
    func put(container: String, name: String, bytes: [UInt8]) async throws(ObjectStorageError) {
        try await local.put(container: container, name: name, bytes: bytes)
    }
    func delete(container: String, name: String) async throws(ObjectStorageError) {
        try await local.delete(container: container, name: name)
    }
}

/// A temporary local object storage with the processor's folders, signed files and a
/// processor under test (container `test`, key `test-hmac-secret`).
final class ProcessorBench: Sendable {
    static let key = "test-hmac-secret"
    let root: String
    let clock = TestClock()
    let sender: RecordingSender
    let statistics: ProcessorStatistics
    let processor: StorageProcessor
    let logSink = LogSink.memory()

    init(sender: RecordingSender = RecordingSender(), templates: String = Repository.path("templates/emails"),
         unreachable: Set<String> = [], supportPhone: String = "+49 241 555000") async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("processor-\(UUID().uuidString)").path
        self.sender = sender
        statistics = ProcessorStatistics(clock: clock.function)
        let logger = Logger(service: "communication", level: .debug, sink: logSink)
        let local = LocalObjectStorage(root: root)
        let emails = WebsiteEmails(templates: TemplateLibrary(directory: templates), senderName: "Curavani GmbH",
                                   supportPhone: supportPhone, logger: logger, clock: clock.function)
        let cycle = StorageCycle(storage: FlakyStorage(local: local, unreachable: unreachable), container: "test",
                                 hmacKey: Array(Self.key.utf8), emails: emails, sender: sender, statistics: statistics,
                                 logger: logger, clock: clock.function)
        let folders = ProcessorKind.allCases.map(\.folder)
        processor = StorageProcessor(mode: .active(cycle: cycle, prepare: { try local.createFolders(container: "test", folders: folders) },
                                                   firstDelay: .seconds(3600)),
                                     statistics: statistics, interval: .seconds(3600))
        try await processor.start()
    }

    func stop() async {
        await processor.shutdown(until: .now.advanced(by: .seconds(5)))
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Runs `body` with a started bench and always stops it.
    static func with(sender: RecordingSender = RecordingSender(), templates: String = Repository.path("templates/emails"),
                     unreachable: Set<String> = [], _ body: (ProcessorBench) async throws -> Void) async throws {
        let bench = try await ProcessorBench(sender: sender, templates: templates, unreachable: unreachable)
        do { try await body(bench) } catch { await bench.stop(); throw error }
        await bench.stop()
    }

    /// The bytes of a file signed like the website does (`key` overrides the right key).
    static func signed(_ kind: ProcessorKind, data: JSONValue, environment: String = "test", key: String = key) -> [UInt8] {
        let unsigned = JSONObject([(key: "timestamp", value: "2025-09-03T12:00:00+02:00"), (key: "type", value: .string(kind.rawValue)),
                                   (key: "environment", value: .string(environment)), (key: "data", value: data)])
        let signature = SignedJSONDocument.signature(of: unsigned, key: Array(key.utf8))
        let document = JSONObject([(key: "signature", value: .string(signature)), (key: "signature_version", value: "hmac-sha256-v1")]
            + unsigned.members)
        return JSONWriter().bytes(.object(document))
    }

    /// Writes `bytes` as `<folder><file>` into the container.
    func put(_ folder: String, _ file: String, _ bytes: [UInt8]) async throws {
        try await LocalObjectStorage(root: root).put(container: "test", name: folder + file, bytes: bytes)
    }

    /// Writes a signed file of `kind`.
    func put(_ kind: ProcessorKind, _ file: String, data: JSONValue, key: String = key) async throws {
        try await put(kind.folder, file, Self.signed(kind, data: data, key: key))
    }

    /// Whether `<folder><file>` still exists.
    func exists(_ folder: String, _ file: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(root)/test/\(folder)\(file)")
    }
}

enum Payloads {
    static let verification: JSONValue = ["email": "anna@example.org", "token": "tok-123",
                                          "verification_link": "https://curavani.com/verify?token=tok-123"]
    static let waitlist: JSONValue = ["email": "ben@example.org", "verification_link": "https://curavani.com/waitlist?t=w1",
                                      "language": "de"]
    static let contactForm: JSONValue = ["vorname": "Clara", "nachname": "Beispiel", "email": "clara@example.org",
                                         "telefon": "0241 123", "nachricht": "Ich habe eine Frage.",
                                         "form_submitted_at": "2025-09-03 12:00:00"]
    static let contact: JSONValue = ["form_data": contactForm, "metadata": ["ip_address": "192.0.2.7", "request_id": "req-9"]]
}
