import Foundation
import Testing
import Shared
import TestSupport
@testable import CommunicationService

/// The queue worker against a real database and a local SMTP relay. Serialized: each worker
/// claims every due email of the shared database.
@Suite("email queue worker", .serialized)
struct QueueWorkerTests {
    @Test("1,000 queued emails reach a real SMTP server's Maildir exactly once and are recorded as Gesendet")
    func deliversThousandExactlyOnce() async throws {
        let marker = "bulk-\(UUID().uuidString.prefix(8))"
        let sink = try SMTPSink()
        defer { sink.stop(); sink.removeFiles() }
        try await CommunicationFixture.with(environment: CommunicationFixture.queueEnvironment(
            batchSize: 2000, loop: true, extra: ["EMAIL_QUEUE_CONCURRENCY": "8", "SMTP_PORT": String(sink.port)])) { f in
            await f.runQueueCycle()  // what other suites left queued goes out first
            let patient = CommunicationFixture.uniqueID()
            let ids = try await f.queueEmails(1000, patient: patient, marker: marker)
            await f.runQueueCycle()
            let subjects = sink.messages.compactMap { Self.subject(of: $0, marked: marker) }
            #expect(subjects.count == 1000)
            #expect(Set(subjects).count == 1000)
            let sent = try await f.api.call(.get, "/api/emails?patient_id=\(patient)&status=Gesendet&limit=1")
            #expect(sent.json["total"]?.intValue == ids.count)
            let status = try await f.api.call(.get, "/api/emails/queue-status").json
            #expect((status["total_sent"]?.intValue ?? 0) >= 1000)
            #expect(status["running"] == .bool(true))
        }
    }

    /// The `Subject:` value of a raw message when it carries `marker`.
    static func subject(of message: [UInt8], marked marker: String) -> String? {
        let text = String(decoding: message, as: UTF8.self)
        guard let line = text.split(separator: "\r\n").first(where: { $0.hasPrefix("Subject: ") }), line.contains(marker) else { return nil }
        return String(line.dropFirst("Subject: ".count))
    }

    @Test("the batch size limits one cycle; the next cycle sends the rest, oldest first")
    func batchSizeLimitsCycle() async throws {
        let marker = "batch-\(UUID().uuidString.prefix(8))"
        try await CommunicationFixture.with(environment: CommunicationFixture.queueEnvironment(batchSize: 2)) { f in
            await f.runQueueCycle()  // what other suites left queued goes out first
            let ids = try await f.queueEmails(3, patient: CommunicationFixture.uniqueID(), marker: marker, concurrency: 1)
            await f.runQueueCycle()
            #expect(f.smtp.subjects(marked: marker).count == 2)
            #expect(try await f.email(ids[2])["status"]?.stringValue == "In_Warteschlange")
            await f.runQueueCycle()
            #expect(f.smtp.subjects(marked: marker).count == 3)
            #expect(try await f.email(ids[2])["status"]?.stringValue == "Gesendet")
        }
    }

    @Test("a permanent rejection (550) fails the email at once; no retry")
    func permanentFailure() async throws {
        let smtp = try FakeSMTPServer(replies: [.rcptTo: "550 mailbox unavailable"])
        try await CommunicationFixture.with(environment: CommunicationFixture.queueEnvironment(), smtp: smtp) { f in
            await f.runQueueCycle()  // what other suites left queued goes out first
            let id = try await f.queueEmails(1, patient: CommunicationFixture.uniqueID(), marker: "perm")[0]
            await f.runQueueCycle()
            let email = try await f.email(id)
            #expect(email["status"]?.stringValue == "Fehlgeschlagen")
            #expect(email["wiederholungsanzahl"]?.intValue == 1)
            #expect(email["fehlermeldung"]?.stringValue?.hasPrefix("Failed to send email") == true)
            let status = try await f.api.call(.get, "/api/emails/queue-status").json
            #expect((status["emails_failed_today"]?.intValue ?? 0) >= 1)
        }
    }

    @Test("a temporary rejection (451) is retried after a backoff, then fails after the last attempt")
    func temporaryFailureRetries() async throws {
        let smtp = try FakeSMTPServer(replies: [.rcptTo: "451 try again later"])
        let environment = CommunicationFixture.queueEnvironment(extra: ["EMAIL_QUEUE_MAX_ATTEMPTS": "2"])
        try await CommunicationFixture.with(environment: environment, smtp: smtp) { f in
            await f.runQueueCycle()  // what other suites left queued goes out first
            let id = try await f.queueEmails(1, patient: CommunicationFixture.uniqueID(), marker: "temp")[0]
            await f.runQueueCycle()
            var email = try await f.email(id)
            #expect(email["status"]?.stringValue == "In_Warteschlange")
            #expect(email["wiederholungsanzahl"]?.intValue == 1)
            await f.runQueueCycle()  // within the backoff: not attempted
            #expect(try await f.email(id)["wiederholungsanzahl"]?.intValue == 1)
            try await f.makeDue(id)
            await f.runQueueCycle()
            email = try await f.email(id)
            #expect(email["status"]?.stringValue == "Fehlgeschlagen")
            #expect(email["wiederholungsanzahl"]?.intValue == 2)
        }
    }

    @Test("claims of a previous run of the same worker go back to the queue and are sent once")
    func reclaimsOwnClaimsAfterRestart() async throws {
        let worker = "crash-\(UUID().uuidString)"
        let marker = "reclaim-\(UUID().uuidString.prefix(8))"
        var ids: [Int] = []
        try await CommunicationFixture.with { f in
            ids = try await f.queueEmails(3, patient: CommunicationFixture.uniqueID(), marker: marker)
            try await f.claim(ids, as: worker)  // what a worker killed mid-batch leaves behind
            #expect(try await f.email(ids[0])["status"]?.stringValue == "Wird_gesendet")
        }
        try await CommunicationFixture.with(environment: CommunicationFixture.queueEnvironment(workerID: worker)) { f in
            await f.runQueueCycle()  // what other suites left queued goes out first
            await f.runQueueCycle()
            #expect(f.smtp.subjects(marked: marker).count == 3)
            for id in ids {
                let email = try await f.email(id)
                #expect(email["status"]?.stringValue == "Gesendet")
            }
        }
    }

    @Test("another worker's claim is left alone until its lease expires")
    func foreignClaimsWaitForLease() async throws {
        let marker = "lease-\(UUID().uuidString.prefix(8))"
        try await CommunicationFixture.with(environment: CommunicationFixture.queueEnvironment()) { f in
            await f.runQueueCycle()  // what other suites left queued goes out first
            let ids = try await f.queueEmails(1, patient: CommunicationFixture.uniqueID(), marker: marker)
            try await f.claim(ids, as: "other-worker-\(UUID().uuidString)")
            await f.runQueueCycle()
            #expect(f.smtp.subjects(marked: marker).isEmpty)
            try await f.claim(ids, as: "other-worker-\(UUID().uuidString)", age: .seconds(3600))
            await f.runQueueCycle()
            #expect(f.smtp.subjects(marked: marker).count == 1)
        }
    }

    @Test("a worker-sent patient email records the patient's last contact")
    func recordsLastContact() async throws {
        try await CommunicationFixture.with(environment: CommunicationFixture.queueEnvironment()) { f in
            await f.runQueueCycle()  // what other suites left queued goes out first
            let patient = CommunicationFixture.uniqueID()
            _ = try await f.queueEmails(1, patient: patient, marker: "contact")
            await f.runQueueCycle()
            let target = "/api/patients/\(patient)/last-contact"
            #expect(f.patient.received.filter { $0.target == target }.count == 1)
        }
    }
}
